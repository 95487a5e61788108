import type { AlertEventKind } from '../forward/alert-event.js';
import type { Store, StoredAlert } from './store.js';

/**
 * The store as the detector sees it, telling `observer` about every alert it
 * saves: opened (a new id) or updated. Alert forwarding and the automatic
 * confirmation hang off this, so the detector itself knows nothing of them.
 * The observer runs after the save committed and must not throw.
 */
export function observeAlertSaves(store: Store, observer: (kind: Exclude<AlertEventKind, 'alert.triaged'>, alert: StoredAlert) => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'saveAlert') {
        return async (...args: Parameters<Store['saveAlert']>) => {
          const saved = await target.saveAlert(...args);
          observer(args[1] === null ? 'alert.opened' : 'alert.updated', saved);
          return saved;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
