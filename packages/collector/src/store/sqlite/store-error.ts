import Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';

/**
 * Wraps a failure of SQLite into the collector's error, prefixed with what
 * was being done. A constraint violation is the input's fault and will fail
 * again (REJECTED); anything else (busy, I/O, disk full) may pass on retry.
 */
export function storeError(cause: unknown, doing: string): CollectorError {
  if (cause instanceof CollectorError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const sqliteCode = cause instanceof Database.SqliteError ? cause.code : '';
  const code = sqliteCode.startsWith('SQLITE_CONSTRAINT') ? 'COLLECTOR_E_STORE_REJECTED' : 'COLLECTOR_E_STORE_FAILED';
  return new CollectorError(code, `${doing}: ${message}${sqliteCode ? ` (${sqliteCode})` : ''}`, { cause });
}
