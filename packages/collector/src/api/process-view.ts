import type { NetconnRow, ProcessRow } from '../store/store.js';
import { isoOrNull } from './sensor-view.js';

/** One process as the API and `pushtrace processes --json` show it (contract fields first). */
export interface ProcessView {
  sensor_id: number;
  name: string;
  pid: number;
  path: string;
  cmdline: string;
  user: string;
  start_time: string | null;
  /** Lower-case hex, null when the agent could not hash the executable. */
  sha256: string | null;
  md5: string | null;
  netconns: NetconnView[];
  // beyond the contract
  hostname: string | null;
  process_guid: string;
  ppid: number;
}

export interface NetconnView {
  remote_ip: string;
  remote_port: number;
  local_port: number;
  protocol: NetconnRow['protocol'];
  direction: NetconnRow['direction'];
  opened_at: string | null;
  closed_at: string | null;
  // beyond the contract
  local_ip: string;
  state: string;
}

export function toProcessView(row: ProcessRow, hostname: string | null): ProcessView {
  return {
    sensor_id: row.sensorId,
    name: row.name,
    pid: row.pid,
    path: row.path,
    cmdline: row.cmdline,
    user: row.username,
    start_time: isoOrNull(row.startTimeMs),
    sha256: row.sha256 || null,
    md5: row.md5 || null,
    netconns: row.netconns.map(toNetconnView),
    hostname,
    process_guid: row.processGuid,
    ppid: row.ppid,
  };
}

function toNetconnView(c: NetconnRow): NetconnView {
  return {
    remote_ip: c.remoteIp,
    remote_port: c.remotePort,
    local_port: c.localPort,
    protocol: c.protocol,
    direction: c.direction,
    opened_at: isoOrNull(c.openedAtMs),
    closed_at: isoOrNull(c.closedAtMs),
    local_ip: c.localIp,
    state: c.state,
  };
}
