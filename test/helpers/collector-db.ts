import Database from 'better-sqlite3';

/**
 * Read-only look into a collector's SQLite file, for assertions the API does
 * not (and should not) expose, such as the per-seq ledger.
 */
export function storedSeqs(dbPath: string, sensorId: number): number[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT seq FROM sensor_seqs WHERE sensor_id = ? ORDER BY seq').all(sensorId) as Array<{ seq: number }>)
      .map((row) => row.seq);
  } finally {
    db.close();
  }
}

/** Rows of a table for one sensor, counted. */
export function countRows(dbPath: string, table: 'netconns' | 'processes', sensorId: number): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE sensor_id = ?`).get(sensorId) as { n: number }).n;
  } finally {
    db.close();
  }
}
