import type { AlertEventKind } from '../forward/alert-event.js';
import type { Store, StoredAlert } from './store.js';

/** What detection did to an alert: opened or updated it, or folded another (`mergedAlertId`) into it. */
export type AlertSaveObserver = (kind: Exclude<AlertEventKind, 'alert.triaged'>, alert: StoredAlert, mergedAlertId?: number) => void;

/**
 * The store as the detector sees it, telling `observer` about every alert it
 * saves — opened (a new id) or updated — and every merge (the survivor, and
 * the id that is gone). Alert forwarding and the automatic confirmation hang
 * off this, so the detector itself knows nothing of them. The observer runs
 * after the change committed and must not throw.
 */
export function observeAlertSaves(store: Store, observer: AlertSaveObserver): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'saveAlert') {
        return async (...args: Parameters<Store['saveAlert']>) => {
          const saved = await target.saveAlert(...args);
          observer(args[1] === null ? 'alert.opened' : 'alert.updated', saved);
          return saved;
        };
      }
      if (property === 'mergeAlert') {
        return async (...args: Parameters<Store['mergeAlert']>) => {
          const survivor = await target.mergeAlert(...args);
          if (survivor !== null) observer('alert.merged', survivor, args[0]);
          return survivor;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
