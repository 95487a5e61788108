import type { Migration } from './migration.js';

/**
 * The first schema. Conventions: times are BIGINT Unix epoch ms; text never
 * NULL where "" means "unknown" (the wire's own default), NULL only where
 * "not yet" differs from any value (revoked_at_ms, closed_at_ms, ...); lists
 * are JSON text so the schema stays portable. CHECK constraints guard what
 * no later code can repair (an unpaired netconn id, a port out of range):
 * they make a bad message fail loudly instead of being stored wrong.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: sensors, seq ledger, ip history, processes, netconns',
  statements: (d) => [
    `CREATE TABLE sensors (
      id ${d.publicIdColumn},
      token_hash TEXT NOT NULL UNIQUE,
      revoked_at_ms BIGINT,
      hostname TEXT NOT NULL DEFAULT '',
      os_platform TEXT NOT NULL DEFAULT '',
      os_version TEXT NOT NULL DEFAULT '',
      os_release TEXT NOT NULL DEFAULT '',
      arch TEXT NOT NULL DEFAULT '',
      agent_version TEXT NOT NULL DEFAULT '',
      boot_time_ms BIGINT,
      logged_in_users TEXT NOT NULL DEFAULT '[]',
      host_info_seq BIGINT NOT NULL DEFAULT 0,
      enrolled_at_ms BIGINT NOT NULL,
      last_checkin_ms BIGINT,
      next_checkin_ms BIGINT,
      clock_offset_ms BIGINT,
      clock_offset_samples TEXT NOT NULL DEFAULT '[]',
      last_stored_seq BIGINT NOT NULL DEFAULT 0,
      dropped_messages BIGINT NOT NULL DEFAULT 0,
      dropped_bytes BIGINT NOT NULL DEFAULT 0,
      last_dropped_seq BIGINT NOT NULL DEFAULT 0,
      spool_queued_messages BIGINT NOT NULL DEFAULT 0,
      spool_queued_bytes BIGINT NOT NULL DEFAULT 0,
      agent_uptime_s BIGINT
    )`,
    // The dedupe ledger: one row per data message ever stored.
    `CREATE TABLE sensor_seqs (
      sensor_id BIGINT NOT NULL REFERENCES sensors (id),
      seq BIGINT NOT NULL CHECK (seq > 0),
      received_at_ms BIGINT NOT NULL,
      PRIMARY KEY (sensor_id, seq)
    )`,
    // One row per stretch of time an IP was the sensor's (external) or on one
    // of its interfaces. is_current: for 'external' the latest stretch; for
    // 'interface' still listed by the newest HostInfo. Only current rows are
    // extended by checkins.
    `CREATE TABLE ip_history (
      id ${d.rowIdColumn},
      sensor_id BIGINT NOT NULL REFERENCES sensors (id),
      kind TEXT NOT NULL CHECK (kind IN ('external', 'interface')),
      ip TEXT NOT NULL CHECK (ip <> ''),
      iface TEXT NOT NULL DEFAULT '',
      first_seen_ms BIGINT NOT NULL,
      last_seen_ms BIGINT NOT NULL,
      is_current SMALLINT NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
    )`,
    'CREATE INDEX ip_history_ip ON ip_history (ip, first_seen_ms)',
    'CREATE INDEX ip_history_sensor ON ip_history (sensor_id, kind, first_seen_ms)',
    `CREATE TABLE processes (
      sensor_id BIGINT NOT NULL REFERENCES sensors (id),
      process_guid TEXT NOT NULL CHECK (process_guid <> ''),
      pid BIGINT NOT NULL DEFAULT 0,
      ppid BIGINT NOT NULL DEFAULT 0,
      start_time_ms BIGINT NOT NULL DEFAULT 0,
      name TEXT NOT NULL DEFAULT '',
      path TEXT NOT NULL DEFAULT '',
      argv TEXT NOT NULL DEFAULT '[]',
      cmdline TEXT NOT NULL DEFAULT '',
      username TEXT NOT NULL DEFAULT '',
      uid BIGINT NOT NULL DEFAULT 0,
      sha256 TEXT NOT NULL DEFAULT '',
      md5 TEXT NOT NULL DEFAULT '',
      hash_error TEXT NOT NULL DEFAULT '',
      first_seen_ms BIGINT NOT NULL,
      PRIMARY KEY (sensor_id, process_guid)
    )`,
    // Times are the agent's clock as sent; detection corrects skew.
    `CREATE TABLE netconns (
      id ${d.rowIdColumn},
      sensor_id BIGINT NOT NULL REFERENCES sensors (id),
      conn_id TEXT NOT NULL CHECK (conn_id <> ''),
      process_guid TEXT NOT NULL DEFAULT '',
      pid BIGINT NOT NULL DEFAULT 0,
      protocol TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp', 'unspecified')),
      direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound', 'unspecified')),
      local_ip TEXT NOT NULL DEFAULT '',
      local_port INTEGER NOT NULL DEFAULT 0 CHECK (local_port BETWEEN 0 AND 65535),
      remote_ip TEXT NOT NULL DEFAULT '',
      remote_port INTEGER NOT NULL DEFAULT 0 CHECK (remote_port BETWEEN 0 AND 65535),
      state TEXT NOT NULL DEFAULT '',
      opened_at_ms BIGINT NOT NULL,
      closed_at_ms BIGINT,
      last_seen_ms BIGINT NOT NULL,
      UNIQUE (sensor_id, conn_id)
    )`,
    'CREATE INDEX netconns_sensor_opened ON netconns (sensor_id, opened_at_ms)',
    // process_guid then opened_at: fetches one process's netconns already in display order.
    'CREATE INDEX netconns_process ON netconns (sensor_id, process_guid, opened_at_ms)',
    'CREATE INDEX netconns_remote ON netconns (remote_ip, opened_at_ms)',
  ],
};
