import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';

export interface CollectorStateTable {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** The collector_state table: small named values that must survive a restart. */
export function makeCollectorStateTable(db: Database.Database): CollectorStateTable {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM collector_state WHERE key = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO collector_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const checkKey = (doing: string, key: string): void => {
    if (typeof key !== 'string' || key === '') {
      throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `${doing}: key must be a non-empty string, got ${JSON.stringify(key)}`);
    }
  };
  return {
    get(key) {
      checkKey('getState', key);
      return get.get(key)?.value ?? null;
    },
    set(key, value) {
      checkKey('setState', key);
      if (typeof value !== 'string') {
        throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `setState ${key}: value must be a string, got ${typeof value}`);
      }
      set.run(key, value);
    },
  };
}
