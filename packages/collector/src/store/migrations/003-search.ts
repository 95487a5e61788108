import type { Migration } from './migration.js';

/**
 * What process search (the query language) needs beyond migration 1's
 * indexes. netconns gets none: every insert pays for its indexes, and
 * search reaches netconns through the existing ones (netconns_process for
 * netconn_count and a process's netconns, netconns_remote for ipaddr,
 * netconns_sensor_opened for a sensor's). Same conventions as migration 1.
 */
export const searchSchema: Migration = {
  version: 3,
  name: 'search: processes by sensor and start time, by start time, by name',
  statements: (d) => [
    // start:[NOW-10MINUTES TO NOW] on one sensor (the write-up's query), or on
    // every sensor in turn: the bound is in each sensor's clock.
    'CREATE INDEX processes_sensor_start ON processes (sensor_id, start_time_ms)',
    // The default order (-start) with a limit walks this instead of sorting every match.
    'CREATE INDEX processes_start ON processes (start_time_ms)',
    // process_name:winscp* — SQLite's LIKE (case-insensitive) seeks an index
    // only if it is NOCASE; PostgreSQL's ILIKE would want lower(name) with
    // text_pattern_ops (or pg_trgm for *x* patterns).
    d.name === 'sqlite'
      ? 'CREATE INDEX processes_name ON processes (name COLLATE NOCASE)'
      : 'CREATE INDEX processes_name ON processes (lower(name) text_pattern_ops)',
  ],
};
