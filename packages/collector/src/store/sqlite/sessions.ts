import type Database from 'better-sqlite3';
import { checkTimeRange } from '../input-checks.js';
import type { SessionRow } from '../store.js';
import { SESSION_COLUMNS, toSessionRow, type SessionDbRow } from './session-row.js';
import { makeSessionSummaries, type SessionSummaries } from './session-summary.js';

export interface SessionReader extends SessionSummaries {
  listSessions(sensorId: number, fromMs: number, toMs: number): SessionRow[];
  sensorsWithSessionsBetween(fromMs: number, toMs: number): number[];
}

/**
 * ORDER BY (opened_at_ms, id) is the index's own order (SQLite appends the
 * rowid to every index), so no sort step follows the seek. Exported for the
 * test that holds the plan to that.
 */
export const SESSIONS_SQL = `SELECT ${SESSION_COLUMNS}
     FROM netconns n
     LEFT JOIN processes p ON p.sensor_id = n.sensor_id AND p.process_guid = n.process_guid
     WHERE n.sensor_id = @sensorId AND n.opened_at_ms >= @fromMs AND n.opened_at_ms <= @toMs
     ORDER BY n.opened_at_ms, n.id`;

/**
 * Driven from sensors, as listProcesses is: one short seek per sensor rather
 * than a scan of netconns or an index on opened_at_ms alone that every
 * insert would pay for.
 */
export const SENSORS_WITH_SESSIONS_SQL = `SELECT s.id FROM sensors s
     WHERE EXISTS (SELECT 1 FROM netconns n WHERE n.sensor_id = s.id AND n.opened_at_ms >= @fromMs AND n.opened_at_ms <= @toMs)
     ORDER BY s.id`;

/**
 * Reads of netconns as sessions, for the detector. All are range seeks on
 * netconns (sensor_id, opened_at_ms) or (sensor_id, process_guid,
 * opened_at_ms), so their cost follows the rows in the window, not the rows
 * stored: the detector asks again for every burst and every late batch.
 */
export function makeSessionReader(db: Database.Database): SessionReader {
  const sessions = db.prepare<[{ sensorId: number; fromMs: number; toMs: number }], SessionDbRow>(SESSIONS_SQL);
  const sensors = db.prepare<[{ fromMs: number; toMs: number }], { id: number }>(SENSORS_WITH_SESSIONS_SQL);

  return {
    ...makeSessionSummaries(db),
    listSessions(sensorId, fromMs, toMs) {
      checkTimeRange('listSessions', fromMs, toMs);
      return sessions.all({ sensorId, fromMs, toMs }).map(toSessionRow);
    },
    sensorsWithSessionsBetween(fromMs, toMs) {
      checkTimeRange('sensorsWithSessionsBetween', fromMs, toMs);
      return sensors.all({ fromMs, toMs }).map((r) => r.id);
    },
  };
}
