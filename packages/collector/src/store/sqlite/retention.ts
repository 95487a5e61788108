import type Database from 'better-sqlite3';
import type { PinnedSpan, PruneResult } from '../analyst-store.js';

/** Rows per delete: each chunk is its own short write transaction, so agents' commits interleave with a big prune. */
const CHUNK = 5000;

/**
 * Deletes netconns that ended before `cutoffMs` and dedupe-ledger rows
 * received before it. A netconn inside a pinned span (an alert's evidence)
 * stays. Before ledger rows go, `sensors.seq_floor` rises to the highest
 * of them, and commits refuse any seq at or below it, so a message resent
 * after its row was pruned is still not stored twice.
 */
export function makeTelemetryPruner(db: Database.Database): (cutoffMs: number, keep: readonly PinnedSpan[]) => PruneResult {
  const sensors = db.prepare<[], { id: number }>('SELECT id FROM sensors ORDER BY id');
  const deleteNetconns = db.prepare<[{ sensorId: number; cutoffMs: number; pins: string }]>(
    `DELETE FROM netconns WHERE id IN (
       SELECT n.id FROM netconns n
       WHERE n.sensor_id = @sensorId AND n.opened_at_ms < @cutoffMs AND COALESCE(n.closed_at_ms, n.last_seen_ms) < @cutoffMs
         AND NOT EXISTS (SELECT 1 FROM json_each(@pins) p
           WHERE n.opened_at_ms BETWEEN json_extract(p.value, '$[0]') AND json_extract(p.value, '$[1]'))
       LIMIT ${CHUNK})`);
  const raiseFloor = db.prepare<[number]>(
    `UPDATE sensors SET seq_floor = MAX(seq_floor, COALESCE(
       (SELECT MAX(q.seq) FROM sensor_seqs q WHERE q.sensor_id = sensors.id AND q.received_at_ms < ?), 0))`);
  const deleteSeqs = db.prepare<[number]>(
    `DELETE FROM sensor_seqs WHERE rowid IN (SELECT rowid FROM sensor_seqs WHERE received_at_ms < ? LIMIT ${CHUNK})`);

  return (cutoffMs, keep) => {
    const result: PruneResult = { netconns: 0, seqLedger: 0 };
    for (const { id } of sensors.all()) {
      const pins = JSON.stringify(keep.filter((p) => p.sensorId === id).map((p) => [p.fromMs, p.toMs]));
      for (;;) {
        const { changes } = deleteNetconns.run({ sensorId: id, cutoffMs, pins });
        result.netconns += changes;
        if (changes < CHUNK) break;
      }
    }
    // The floor first: were the process to die between the two, a floor
    // with its rows still present is harmless; rows gone without it are not.
    raiseFloor.run(cutoffMs);
    for (;;) {
      const { changes } = deleteSeqs.run(cutoffMs);
      result.seqLedger += changes;
      if (changes < CHUNK) break;
    }
    return result;
  };
}
