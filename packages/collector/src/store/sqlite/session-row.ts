import type { SessionRow } from '../store.js';

/** What a SessionRow is made of (toSessionRow), netconns as n, processes as p. */
export const SESSION_COLUMNS = `n.sensor_id, n.conn_id, n.process_guid, n.pid AS netconn_pid, n.protocol, n.direction, n.remote_ip,
       n.remote_port, n.opened_at_ms, n.closed_at_ms, p.pid AS process_pid, p.name, p.path, p.start_time_ms, p.sha256`;

export interface SessionDbRow {
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

export function toSessionRow(r: SessionDbRow): SessionRow {
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
