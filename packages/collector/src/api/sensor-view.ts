import type { SensorRow } from '../store/store.js';

/** One sensor as the API and `pushtrace sensors --json` show it (contract fields first). */
export interface SensorView {
  sensor_id: number;
  hostname: string;
  os: string;
  agent_version: string;
  external_ip: string | null;
  interface_ips: string[];
  /** Host uptime in seconds (collector now minus skew-corrected boot time); null if unknown. */
  uptime_s: number | null;
  last_checkin: string | null;
  next_checkin: string | null;
  status: SensorStatus;
  dropped_events: number;
  // beyond the contract
  os_platform: string;
  connected: boolean;
  enrolled_at: string;
  logged_in_users: string[];
  dropped_bytes: number;
  /** Highest seq the agent's spool ever dropped (0 if none). */
  last_dropped_seq: number;
  spool_queued: number;
  spool_queued_bytes: number;
  clock_offset_ms: number | null;
  last_stored_seq: number;
  revoked: boolean;
  revoked_at: string | null;
}

export type SensorStatus = 'online' | 'offline';

export interface SensorViewContext {
  nowMs: number;
  /** How long a checkin may be overdue before the sensor counts as offline. */
  offlineGraceMs: number;
  connected: boolean;
}

/**
 * online while the next expected checkin (plus grace) is not past; offline
 * once it is overdue, if the sensor never checked in, or if it is revoked.
 */
export function sensorStatus(row: SensorRow, nowMs: number, offlineGraceMs: number): SensorStatus {
  if (row.revokedAtMs !== null || row.nextCheckinMs === null) return 'offline';
  return nowMs <= row.nextCheckinMs + offlineGraceMs ? 'online' : 'offline';
}

export function toSensorView(row: SensorRow, ctx: SensorViewContext): SensorView {
  return {
    sensor_id: row.sensorId,
    hostname: row.hostname,
    os: row.osVersion || row.osPlatform,
    agent_version: row.agentVersion,
    external_ip: row.externalIp || null,
    interface_ips: row.interfaceIps,
    uptime_s: uptimeSeconds(row, ctx.nowMs),
    last_checkin: isoOrNull(row.lastCheckinMs),
    next_checkin: isoOrNull(row.nextCheckinMs),
    status: sensorStatus(row, ctx.nowMs, ctx.offlineGraceMs),
    dropped_events: row.droppedMessages,
    os_platform: row.osPlatform,
    connected: ctx.connected,
    enrolled_at: new Date(row.enrolledAtMs).toISOString(),
    logged_in_users: row.loggedInUsers,
    dropped_bytes: row.droppedBytes,
    last_dropped_seq: row.lastDroppedSeq ?? 0,
    spool_queued: row.spoolQueuedMessages,
    spool_queued_bytes: row.spoolQueuedBytes,
    clock_offset_ms: row.clockOffsetMs,
    last_stored_seq: row.lastStoredSeq,
    revoked: row.revokedAtMs !== null,
    revoked_at: isoOrNull(row.revokedAtMs),
  };
}

/** Boot time is in the agent's clock; the clock offset moves it into ours. */
function uptimeSeconds(row: SensorRow, nowMs: number): number | null {
  if (row.bootTimeMs === null || row.bootTimeMs <= 0) return null;
  const bootMs = row.bootTimeMs - (row.clockOffsetMs ?? 0);
  return Math.max(0, Math.floor((nowMs - bootMs) / 1000));
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null || ms <= 0 ? null : new Date(ms).toISOString();
}
