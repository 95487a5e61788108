import type Database from 'better-sqlite3';

/** Row shapes as SQLite returns them (snake_case, numbers, JSON as text). */
export interface SensorDbRow {
  id: number;
  revoked_at_ms: number | null;
  hostname: string;
  os_platform: string;
  os_version: string;
  agent_version: string;
  boot_time_ms: number | null;
  logged_in_users: string;
  enrolled_at_ms: number;
  last_checkin_ms: number | null;
  next_checkin_ms: number | null;
  clock_offset_ms: number | null;
  last_stored_seq: number;
  dropped_messages: number;
  dropped_bytes: number;
  last_dropped_seq: number;
  spool_queued_messages: number;
  spool_queued_bytes: number;
  external_ip: string | null;
}

export interface IpHistoryDbRow {
  id: number;
  sensor_id: number;
  kind: 'external' | 'interface';
  ip: string;
  iface: string;
  first_seen_ms: number;
  last_seen_ms: number;
  is_current: number;
}

export interface NetconnParams {
  sensorId: number;
  connId: string;
  processGuid: string;
  pid: number;
  protocol: string;
  direction: string;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: string;
  openedAtMs: number;
  closedAtMs: number | null;
  lastSeenMs: number;
}

export interface ProcessParams {
  sensorId: number;
  processGuid: string;
  pid: number;
  ppid: number;
  startTimeMs: number;
  name: string;
  path: string;
  argv: string;
  cmdline: string;
  username: string;
  uid: number;
  sha256: string;
  md5: string;
  hashError: string;
  exeDeleted: number;
  firstSeenMs: number;
}

export interface HostInfoParams {
  sensorId: number;
  seq: number;
  hostname: string;
  osPlatform: string;
  osVersion: string;
  osRelease: string;
  arch: string;
  agentVersion: string;
  bootTimeMs: number | null;
  loggedInUsers: string;
}

/** The part of a better-sqlite3 statement the store uses, under a name declaration files can refer to. */
export interface Prepared<P extends unknown[], R> {
  run(...params: P): Database.RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

/** `CASE WHEN a > b THEN a ELSE b END`: max() of two values has no spelling common to SQLite and PostgreSQL. */
export const greater = (a: string, b: string): string => `CASE WHEN ${a} > ${b} THEN ${a} ELSE ${b} END`;
/** The new value unless it is the wire's "unknown" default, in which case the stored one stays. */
const unlessEmpty = (col: string, empty: string): string => `CASE WHEN excluded.${col} <> ${empty} THEN excluded.${col} ELSE t.${col} END`;
/** The stored value unless it is still "unknown". */
const fillEmpty = (col: string, empty: string): string => `CASE WHEN t.${col} = ${empty} THEN excluded.${col} ELSE t.${col} END`;

/**
 * Every statement the store runs, prepared once when the store opens (after
 * migrations), so the hot path (commitMessages) only binds and steps.
 */
export function prepareStatements(db: Database.Database) {
  const prep = <P extends unknown[], R = unknown>(sql: string): Prepared<P, R> => db.prepare<P, R>(sql);
  return {
    insertSensor: prep<[{ tokenHash: string; hostname: string; agentVersion: string; enrolledAtMs: number }], { id: number }>(
      `INSERT INTO sensors (token_hash, hostname, agent_version, enrolled_at_ms)
       VALUES (@tokenHash, @hostname, @agentVersion, @enrolledAtMs) RETURNING id`),
    sensorByToken: prep<[string], { id: number; revoked_at_ms: number | null }>(
      'SELECT id, revoked_at_ms FROM sensors WHERE token_hash = ?'),
    revokeSensor: prep<[number, number]>(
      'UPDATE sensors SET revoked_at_ms = COALESCE(revoked_at_ms, ?) WHERE id = ?'),
    lastStoredSeq: prep<[number], { last_stored_seq: number }>(
      'SELECT last_stored_seq FROM sensors WHERE id = ?'),
    raiseLastStoredSeq: prep<[{ sensorId: number; seq: number }]>(
      `UPDATE sensors SET last_stored_seq = ${greater('@seq', 'last_stored_seq')} WHERE id = @sensorId`),

    insertSeq: prep<[number, number, number]>(
      `INSERT INTO sensor_seqs (sensor_id, seq, received_at_ms) VALUES (?, ?, ?)
       ON CONFLICT (sensor_id, seq) DO NOTHING`),

    // A HostInfo is a whole snapshot, but one with a lower seq than the one
    // applied (a late replay) must not roll the sensor back.
    applyHostInfo: prep<[HostInfoParams]>(
      `UPDATE sensors SET
         hostname = CASE WHEN @hostname <> '' THEN @hostname ELSE hostname END,
         os_platform = @osPlatform, os_version = @osVersion, os_release = @osRelease, arch = @arch,
         agent_version = CASE WHEN @agentVersion <> '' THEN @agentVersion ELSE agent_version END,
         boot_time_ms = @bootTimeMs, logged_in_users = @loggedInUsers, host_info_seq = @seq
       WHERE id = @sensorId AND host_info_seq < @seq`),

    upsertProcess: prep<[ProcessParams]>(
      `INSERT INTO processes AS t (sensor_id, process_guid, pid, ppid, start_time_ms, name, path, argv, cmdline,
         username, uid, sha256, md5, hash_error, exe_deleted, first_seen_ms)
       VALUES (@sensorId, @processGuid, @pid, @ppid, @startTimeMs, @name, @path, @argv, @cmdline,
         @username, @uid, @sha256, @md5, @hashError, @exeDeleted, @firstSeenMs)
       ON CONFLICT (sensor_id, process_guid) DO UPDATE SET
         pid = ${unlessEmpty('pid', '0')}, ppid = ${unlessEmpty('ppid', '0')},
         start_time_ms = ${unlessEmpty('start_time_ms', '0')}, name = ${unlessEmpty('name', "''")},
         path = ${unlessEmpty('path', "''")}, argv = ${unlessEmpty('argv', "'[]'")},
         cmdline = ${unlessEmpty('cmdline', "''")}, username = ${unlessEmpty('username', "''")},
         uid = ${unlessEmpty('uid', '0')}, sha256 = ${unlessEmpty('sha256', "''")}, md5 = ${unlessEmpty('md5', "''")},
         hash_error = excluded.hash_error,
         -- Once seen deleted, always: an older ProcessInfo replayed late must not undo it.
         exe_deleted = CASE WHEN excluded.exe_deleted = 1 THEN 1 ELSE t.exe_deleted END,
         first_seen_ms = CASE WHEN excluded.first_seen_ms < t.first_seen_ms THEN excluded.first_seen_ms ELSE t.first_seen_ms END`),

    // One statement merges OPEN and CLOSE alike, in either order: the row
    // keeps the earliest open, the latest sighting, the owner the OPEN named
    // (a CLOSE often no longer knows it), and a close time once one arrives.
    mergeNetconn: prep<[NetconnParams]>(
      `INSERT INTO netconns AS t (sensor_id, conn_id, process_guid, pid, protocol, direction, local_ip, local_port,
         remote_ip, remote_port, state, opened_at_ms, closed_at_ms, last_seen_ms)
       VALUES (@sensorId, @connId, @processGuid, @pid, @protocol, @direction, @localIp, @localPort,
         @remoteIp, @remotePort, @state, @openedAtMs, @closedAtMs, @lastSeenMs)
       ON CONFLICT (sensor_id, conn_id) DO UPDATE SET
         process_guid = ${fillEmpty('process_guid', "''")}, pid = ${fillEmpty('pid', '0')},
         protocol = ${fillEmpty('protocol', "'unspecified'")}, direction = ${fillEmpty('direction', "'unspecified'")},
         local_ip = ${fillEmpty('local_ip', "''")}, local_port = ${fillEmpty('local_port', '0')},
         remote_ip = ${fillEmpty('remote_ip', "''")}, remote_port = ${fillEmpty('remote_port', '0')},
         state = CASE WHEN excluded.closed_at_ms IS NOT NULL AND excluded.state <> '' THEN excluded.state
                      ELSE ${fillEmpty('state', "''")} END,
         opened_at_ms = CASE WHEN excluded.opened_at_ms < t.opened_at_ms THEN excluded.opened_at_ms ELSE t.opened_at_ms END,
         closed_at_ms = COALESCE(excluded.closed_at_ms, t.closed_at_ms),
         last_seen_ms = ${greater('excluded.last_seen_ms', 't.last_seen_ms')}`),

    // ip history
    externalAtOrBefore: prep<[number, number], { id: number; ip: string }>(
      `SELECT id, ip FROM ip_history WHERE sensor_id = ? AND kind = 'external' AND first_seen_ms <= ?
       ORDER BY first_seen_ms DESC, id DESC LIMIT 1`),
    externalAfter: prep<[number, number], { id: number; ip: string }>(
      `SELECT id, ip FROM ip_history WHERE sensor_id = ? AND kind = 'external' AND first_seen_ms > ?
       ORDER BY first_seen_ms ASC, id ASC LIMIT 1`),
    extendIpRow: prep<[{ id: number; atMs: number }]>(
      `UPDATE ip_history SET last_seen_ms = ${greater('@atMs', 'last_seen_ms')} WHERE id = @id`),
    startIpRowEarlier: prep<[{ id: number; atMs: number }]>(
      'UPDATE ip_history SET first_seen_ms = @atMs WHERE id = @id AND first_seen_ms > @atMs'),
    insertIpRow: prep<[{ sensorId: number; kind: string; ip: string; iface: string; atMs: number; isCurrent: number }]>(
      `INSERT INTO ip_history (sensor_id, kind, ip, iface, first_seen_ms, last_seen_ms, is_current)
       VALUES (@sensorId, @kind, @ip, @iface, @atMs, @atMs, @isCurrent)`),
    clearCurrentIp: prep<[number, string]>(
      'UPDATE ip_history SET is_current = 0 WHERE sensor_id = ? AND kind = ? AND is_current = 1'),
    endIpRow: prep<[number]>('UPDATE ip_history SET is_current = 0 WHERE id = ?'),
    currentInterfaceRows: prep<[number], { id: number; iface: string; ip: string }>(
      "SELECT id, iface, ip FROM ip_history WHERE sensor_id = ? AND kind = 'interface' AND is_current = 1"),
    extendCurrentInterfaces: prep<[{ sensorId: number; atMs: number }]>(
      `UPDATE ip_history SET last_seen_ms = ${greater('@atMs', 'last_seen_ms')}
       WHERE sensor_id = @sensorId AND kind = 'interface' AND is_current = 1`),

    // checkins and drops
    clockOffsetSamples: prep<[number], { clock_offset_samples: string }>(
      'SELECT clock_offset_samples FROM sensors WHERE id = ?'),
    recordCheckin: prep<[{ sensorId: number; receivedAtMs: number; nextCheckinMs: number | null; offsetMs: number | null;
      samples: string | null; uptimeS: number; queuedMessages: number; queuedBytes: number }]>(
      `UPDATE sensors SET last_checkin_ms = ${greater('@receivedAtMs', 'COALESCE(last_checkin_ms, 0)')},
         next_checkin_ms = @nextCheckinMs, clock_offset_ms = COALESCE(@offsetMs, clock_offset_ms),
         clock_offset_samples = COALESCE(@samples, clock_offset_samples),
         agent_uptime_s = @uptimeS, spool_queued_messages = @queuedMessages, spool_queued_bytes = @queuedBytes
       WHERE id = @sensorId`),
    recordSpoolDrops: prep<[{ sensorId: number; messages: number; bytes: number; lastSeq: number }]>(
      `UPDATE sensors SET dropped_messages = ${greater('@messages', 'dropped_messages')},
         dropped_bytes = ${greater('@bytes', 'dropped_bytes')}, last_dropped_seq = ${greater('@lastSeq', 'last_dropped_seq')}
       WHERE id = @sensorId`),

    // reads
    listSensors: prep<[], SensorDbRow>(
      `SELECT s.id, s.revoked_at_ms, s.hostname, s.os_platform, s.os_version, s.agent_version, s.boot_time_ms,
         s.logged_in_users, s.enrolled_at_ms, s.last_checkin_ms, s.next_checkin_ms, s.clock_offset_ms, s.last_stored_seq,
         s.dropped_messages, s.dropped_bytes, s.last_dropped_seq, s.spool_queued_messages, s.spool_queued_bytes, e.ip AS external_ip
       FROM sensors s
       LEFT JOIN ip_history e ON e.sensor_id = s.id AND e.kind = 'external' AND e.is_current = 1
       ORDER BY s.id`),
    allCurrentInterfaceIps: prep<[], { sensor_id: number; ip: string }>(
      `SELECT sensor_id, ip FROM ip_history WHERE kind = 'interface' AND is_current = 1
       ORDER BY sensor_id, iface, ip`),
    ipHistoryAll: prep<[], IpHistoryDbRow>(
      'SELECT * FROM ip_history ORDER BY sensor_id, kind, first_seen_ms, id'),
    ipHistoryOfSensor: prep<[number], IpHistoryDbRow>(
      'SELECT * FROM ip_history WHERE sensor_id = ? ORDER BY kind, first_seen_ms, id'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
