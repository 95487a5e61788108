import type { Migration } from './migration.js';

/**
 * What detection needs: normalised MFA events, the alerts it keeps up to
 * date, a little state that outlives a restart (the Duo poller's
 * checkpoint), and whether a process's executable was deleted after it
 * started (ProcessInfo.exe_deleted, added to the wire after migration 1).
 * Same conventions as migration 1.
 */
export const detectionSchema: Migration = {
  version: 2,
  name: 'detection: mfa events, alerts, collector state, processes.exe_deleted',
  statements: (d) => [
    // One row per provider event. (source, event_id, time_ms) is the dedupe
    // key: Duo repeats a txid across log pages, and the same file loaded
    // twice must not double a burst. source is not limited to today's three
    // providers by a CHECK, so adding one needs no table rebuild.
    `CREATE TABLE mfa_events (
      id ${d.rowIdColumn},
      source TEXT NOT NULL CHECK (source <> ''),
      event_id TEXT NOT NULL DEFAULT '',
      time_ms BIGINT NOT NULL,
      user_name TEXT NOT NULL,
      application TEXT NOT NULL DEFAULT '',
      event_type TEXT NOT NULL DEFAULT '',
      factor TEXT NOT NULL DEFAULT '',
      is_push SMALLINT NOT NULL CHECK (is_push IN (0, 1)),
      result TEXT NOT NULL CHECK (result IN ('success', 'denied', 'fraud', 'failure', 'error')),
      reason TEXT NOT NULL DEFAULT '',
      access_ip TEXT,
      access_hostname TEXT,
      auth_device TEXT,
      UNIQUE (source, event_id, time_ms)
    )`,
    'CREATE INDEX mfa_events_user_time ON mfa_events (user_name, time_ms)',
    // Listing every user's events in a time range (the detector's sweep, the
    // API) would otherwise read the whole table.
    'CREATE INDEX mfa_events_time ON mfa_events (time_ms)',
    // One row per burst. body is the whole alert as JSON (the contract grows
    // fields without a migration); the columns beside it are what queries
    // select and order by. A public id: alerts are shown, linked and
    // deleted, so an id must never be handed out twice.
    `CREATE TABLE alerts (
      id ${d.publicIdColumn},
      user_name TEXT NOT NULL,
      first_push_ms BIGINT NOT NULL,
      last_push_ms BIGINT NOT NULL CHECK (last_push_ms >= first_push_ms),
      verdict TEXT NOT NULL CHECK (verdict IN ('reconnect-loop', 'unattributed', 'sensor-no-process', 'ambiguous')),
      severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
      body TEXT NOT NULL,
      created_at_ms BIGINT NOT NULL,
      updated_at_ms BIGINT NOT NULL
    )`,
    'CREATE INDEX alerts_user_push ON alerts (user_name, first_push_ms)',
    // listAlerts shows the most recently updated first, usually with a limit.
    'CREATE INDEX alerts_updated ON alerts (updated_at_ms)',
    `CREATE TABLE collector_state (
      key TEXT PRIMARY KEY CHECK (key <> ''),
      value TEXT NOT NULL
    )`,
    // Existing rows predate the field: 0, as the wire's own default says.
    'ALTER TABLE processes ADD COLUMN exe_deleted SMALLINT NOT NULL DEFAULT 0 CHECK (exe_deleted IN (0, 1))',
  ],
};
