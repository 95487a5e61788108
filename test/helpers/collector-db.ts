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

/** Netconns stored for processes of this name (any sensor). */
export function netconnsOfProcess(dbPath: string, name: string, pid?: number): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM netconns n JOIN processes p
      ON p.sensor_id = n.sensor_id AND p.process_guid = n.process_guid
      WHERE p.name = ? AND (? IS NULL OR p.pid = ?)`).get(name, pid ?? null, pid ?? null) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
