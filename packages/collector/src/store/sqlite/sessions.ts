import type Database from 'better-sqlite3';
import { checkTimeRange } from '../input-checks.js';
import type { SessionRow } from '../store.js';

interface SessionDbRow {
  sensor_id: number;
  conn_id: string;
  process_guid: string;
  netconn_pid: number;
  protocol: SessionRow['protocol'];
  direction: SessionRow['direction'];
  remote_ip: string;
  remote_port: number;
  opened_at_ms: number;
  closed_at_ms: number | null;
  process_pid: number | null;
  name: string | null;
  path: string | null;
  start_time_ms: number | null;
  sha256: string | null;
}

export interface SessionReader {
  listSessions(sensorId: number, fromMs: number, toMs: number): SessionRow[];
  sensorsWithSessionsBetween(fromMs: number, toMs: number): number[];
}

/**
 * ORDER BY (opened_at_ms, id) is the index's own order (SQLite appends the
 * rowid to every index), so no sort step follows the seek. Exported for the
 * test that holds the plan to that.
 */
export const SESSIONS_SQL = `SELECT n.sensor_id, n.conn_id, n.process_guid, n.pid AS netconn_pid, n.protocol, n.direction, n.remote_ip,
       n.remote_port, n.opened_at_ms, n.closed_at_ms, p.pid AS process_pid, p.name, p.path, p.start_time_ms, p.sha256
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
 * Reads of netconns as sessions, for the detector. Both are range seeks on
 * netconns (sensor_id, opened_at_ms), so their cost follows the rows in the
 * window, not the rows stored: the detector asks again for every burst and
 * every late batch.
 */
export function makeSessionReader(db: Database.Database): SessionReader {
  const sessions = db.prepare<[{ sensorId: number; fromMs: number; toMs: number }], SessionDbRow>(SESSIONS_SQL);
  const sensors = db.prepare<[{ fromMs: number; toMs: number }], { id: number }>(SENSORS_WITH_SESSIONS_SQL);

  return {
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

function toSessionRow(r: SessionDbRow): SessionRow {
  return {
    sensorId: r.sensor_id,
    connId: r.conn_id,
    processGuid: r.process_guid,
    // The socket's owner as sampled; the ProcessInfo's when the sample could not tell.
    pid: r.netconn_pid !== 0 ? r.netconn_pid : (r.process_pid ?? 0),
    processName: r.name ?? '',
    processPath: r.path ?? '',
    // 0 is the wire's "unknown".
    processStartMs: r.start_time_ms ? r.start_time_ms : null,
    sha256: r.sha256 ?? '',
    protocol: r.protocol,
    direction: r.direction,
    remoteIp: r.remote_ip,
    remotePort: r.remote_port,
    openedAtMs: r.opened_at_ms,
    closedAtMs: r.closed_at_ms,
  };
}
