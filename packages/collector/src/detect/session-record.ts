import type { SessionRow } from '../store/store.js';
import type { SessionRecord } from './types.js';

/** A stored session in the collector's clock (agent time − the sensor's offset). */
export function toSessionRecord(row: SessionRow, offsetMs: number): SessionRecord {
  return {
    sensorId: row.sensorId,
    processGuid: row.processGuid,
    pid: row.pid,
    processName: row.processName,
    processPath: row.processPath,
    processStartMs: row.processStartMs === null ? null : row.processStartMs - offsetMs,
    sha256: row.sha256,
    remoteIp: row.remoteIp,
    remotePort: row.remotePort,
    protocol: row.protocol,
    openedAtMs: row.openedAtMs - offsetMs,
    closedAtMs: row.closedAtMs === null ? null : row.closedAtMs - offsetMs,
  };
}
