// MFA event reads must stay index range seeks (the detector reads a user's
// week of pushes for every burst; the sweep reads a time range of everyone),
// and the dedupe key must be the time-first one that migration 5 made, so a
// log written in time order is appended rather than scattered. Late
// telemetry finds the alerts to re-check by push time, across users, with a
// seek too. SQLite's own plans and schema, on a migrated store file.
import { describe, expect, it } from 'vitest';
import { ALERT_SPANS_SQL } from '../src/store/sqlite/alerts.js';
import { MFA_EVENTS_OF_ALL_SQL, MFA_EVENTS_OF_USER_SQL } from '../src/store/sqlite/mfa-events.js';
import { usePlanDb } from './plan-db.js';

const { db, plan } = usePlanDb({ user: 'alice', fromMs: 0, toMs: 1, all: 0, nonApproved: 1, lo: 0, hi: 1 });

describe('time keys: mfa_events and alerts, keys and query plans', () => {
  it('has exactly two indexes: the time-first dedupe key and (user_name, time_ms)', () => {
    const indexes = db().prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mfa_events' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['mfa_events_user_time', 'sqlite_autoindex_mfa_events_1']);
    const key = db().prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_mfa_events_1') ORDER BY seqno").pluck().all();
    expect(key).toEqual(['time_ms', 'source', 'event_id']);
  });

  it("reads one user's range on (user_name, time_ms) and everyone's on the key, both as range seeks", () => {
    expect(plan(MFA_EVENTS_OF_USER_SQL)).toEqual([
      'SEARCH mfa_events USING INDEX mfa_events_user_time (user_name=? AND time_ms>? AND time_ms<?)',
    ]);
    // The key's rows are in time order; only ties within one millisecond are
    // sorted by id, over the rows found.
    expect(plan(MFA_EVENTS_OF_ALL_SQL)).toEqual([
      'SEARCH mfa_events USING INDEX sqlite_autoindex_mfa_events_1 (time_ms>? AND time_ms<?)',
      'USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
    ]);
  });

  it('finds the alerts near late telemetry on alerts_last_push, whoever they belong to', () => {
    expect(plan(ALERT_SPANS_SQL)).toEqual(['SEARCH alerts USING INDEX alerts_last_push (last_push_ms>?)']);
  });
});
