import type Database from 'better-sqlite3';
import type { MfaEvent, MfaResult, MfaSource } from '../../ingest/mfa-event.js';
import { checkMfaEvents, checkTimeRange } from '../input-checks.js';
import type { MfaEventFilter } from '../store.js';

interface MfaEventDbRow {
  source: string;
  event_id: string;
  time_ms: number;
  user_name: string;
  application: string;
  event_type: string;
  factor: string;
  is_push: number;
  result: string;
  reason: string;
  access_ip: string | null;
  access_hostname: string | null;
  auth_device: string | null;
}

export interface MfaEventTable {
  insert(events: readonly MfaEvent[]): MfaEvent[];
  list(filter: MfaEventFilter): MfaEvent[];
}

const COLUMNS = `source, event_id, time_ms, user_name, application, event_type, factor, is_push, result, reason,
  access_ip, access_hostname, auth_device`;

interface MfaListParams {
  fromMs: number;
  toMs: number;
  all: number;
  nonApproved: number;
}

// Two shapes, so each gets its index: (user_name, time_ms), or the key,
// which starts with time_ms. Exported for the query-plan test.
const KINDS = '(is_push = 1 OR @all = 1) AND (@nonApproved = 0 OR (is_push = 1 AND result <> \'success\'))';
export const MFA_EVENTS_OF_USER_SQL = `SELECT ${COLUMNS} FROM mfa_events
  WHERE user_name = @user AND time_ms >= @fromMs AND time_ms <= @toMs AND ${KINDS}
  ORDER BY time_ms, id`;
export const MFA_EVENTS_OF_ALL_SQL = `SELECT ${COLUMNS} FROM mfa_events
  WHERE time_ms >= @fromMs AND time_ms <= @toMs AND ${KINDS}
  ORDER BY time_ms, id`;

/**
 * The mfa_events table of one database, statements prepared once. A batch
 * is inserted in one transaction: a log file of 100,000 records costs one
 * commit, and a failure stores none of it (the caller retries the file and
 * the dedupe key makes that safe).
 */
export function makeMfaEventTable(db: Database.Database): MfaEventTable {
  // Positional parameters: binding 13 values by name from an object per row
  // cost a fifth of a 200,000-record file's insert.
  const insertOne = db.prepare<Array<string | number | null>>(
    `INSERT INTO mfa_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (time_ms, source, event_id) DO UPDATE SET
       user_name = excluded.user_name, application = excluded.application, event_type = excluded.event_type,
       factor = excluded.factor, is_push = excluded.is_push, result = excluded.result, reason = excluded.reason,
       access_ip = excluded.access_ip, access_hostname = excluded.access_hostname, auth_device = excluded.auth_device
     WHERE excluded.result = 'fraud' AND mfa_events.result <> 'fraud'`);
  const ofUser = db.prepare<[MfaListParams & { user: string }], MfaEventDbRow>(MFA_EVENTS_OF_USER_SQL);
  const ofAll = db.prepare<[MfaListParams], MfaEventDbRow>(MFA_EVENTS_OF_ALL_SQL);

  const insertAll = db.transaction((events: readonly MfaEvent[]): MfaEvent[] => {
    const fresh: MfaEvent[] = [];
    for (const e of events) {
      const changes = insertOne.run(e.source, e.eventId, e.timeMs, e.user, e.application, e.eventType, e.factor, e.isPush ? 1 : 0,
        e.result, e.reason, e.accessIp, e.accessHostname, e.authDevice).changes;
      if (changes === 1) fresh.push(e);
    }
    return fresh;
  });

  return {
    insert(events) {
      checkMfaEvents(events);
      if (events.length === 0) return [];
      return insertAll.immediate(events);
    },
    list(filter) {
      checkTimeRange('listMfaEvents', filter.fromMs, filter.toMs);
      const all = filter.includeNonPush === true ? 1 : 0;
      const nonApproved = filter.nonApprovedOnly === true ? 1 : 0;
      const rows = filter.user === undefined
        ? ofAll.all({ fromMs: filter.fromMs, toMs: filter.toMs, all, nonApproved })
        : ofUser.all({ user: filter.user, fromMs: filter.fromMs, toMs: filter.toMs, all, nonApproved });
      return rows.map(toMfaEvent);
    },
  };
}

function toMfaEvent(r: MfaEventDbRow): MfaEvent {
  return {
    source: r.source as MfaSource,
    eventId: r.event_id,
    timeMs: r.time_ms,
    user: r.user_name,
    application: r.application,
    eventType: r.event_type,
    factor: r.factor,
    isPush: r.is_push === 1,
    result: r.result as MfaResult,
    reason: r.reason,
    accessIp: r.access_ip,
    accessHostname: r.access_hostname,
    authDevice: r.auth_device,
  };
}
