import type { Migration } from './migration.js';

/**
 * Keys for the hot paths that read or write by time.
 *
 * mfa_events keyed time first. The dedupe key was (source, event_id,
 * time_ms), beside an index on (time_ms): each insert went into two B-trees,
 * one of them at a random place (txids are random). Keyed (time_ms, source,
 * event_id), the key also serves time-range reads, so the time index goes,
 * and a log, written in time order, is appended at the key's end. A
 * 200,000-record Duo file went in 1.5–2× faster (bench/detection.js).
 *
 * A table constraint cannot be changed in place, so the table is rebuilt.
 * Rows are copied in id order without their ids: the new ids keep the old
 * order (listings tie-break on id), and no dialect has to be told to move
 * its id counter past copied values.
 *
 * alerts by last_push_ms: late telemetry re-checks the alerts whose pushes
 * are near it, across all users; without this index it read the latest
 * 1,000 alerts by update time and missed older-updated ones.
 *
 * netconns_sensor_opened widened to cover the detector's per-endpoint
 * counts: ingest-to-alert p99 with 1,000,000 netconns went from 73–97 ms to
 * 55–60 ms (bench/detection.js), with no measurable cost to telemetry
 * commits. Rows that opened in the same millisecond now need sorting by id
 * where a listing asks for it.
 */
export const timeKeysSchema: Migration = {
  version: 5,
  name: 'time keys: mfa events by (time_ms, source, event_id), alerts by last_push_ms, netconn counts from the index',
  statements: (d) => [
    `CREATE TABLE mfa_events_v5 (
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
      UNIQUE (time_ms, source, event_id)
    )`,
    `INSERT INTO mfa_events_v5 (source, event_id, time_ms, user_name, application, event_type, factor, is_push, result, reason,
       access_ip, access_hostname, auth_device)
     SELECT source, event_id, time_ms, user_name, application, event_type, factor, is_push, result, reason,
       access_ip, access_hostname, auth_device
     FROM mfa_events ORDER BY id`,
    'DROP TABLE mfa_events',
    'ALTER TABLE mfa_events_v5 RENAME TO mfa_events',
    'CREATE INDEX mfa_events_user_time ON mfa_events (user_name, time_ms)',
    'CREATE INDEX alerts_last_push ON alerts (last_push_ms)',
    // The detector's per-endpoint counts over a sensor's range
    // (session-summary.ts) read only these columns: with them in the index
    // the count never visits the table.
    'DROP INDEX netconns_sensor_opened',
    'CREATE INDEX netconns_sensor_opened ON netconns (sensor_id, opened_at_ms, direction, process_guid, remote_ip, remote_port)',
  ],
};
