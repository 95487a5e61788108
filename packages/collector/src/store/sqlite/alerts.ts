import type Database from 'better-sqlite3';
import type { AlertDraft } from '../../detect/types.js';
import { CollectorError } from '../../errors.js';
import { alertColumns, toStoredAlert } from '../alert-record.js';
import { checkLimit, checkTime, checkTimeRange } from '../input-checks.js';
import type { AlertSpan, StoredAlert } from '../store.js';
import { greater } from './statements.js';

export interface AlertDbRow {
  id: number;
  body: string;
  created_at_ms: number;
  updated_at_ms: number;
  status: string;
  assignee: string;
  tags: string;
}

/** Triage columns ride along so every read shows the analyst's state beside the detector's. */
export const ALERT_COLUMNS = 'id, body, created_at_ms, updated_at_ms, status, assignee, tags';

interface AlertParams {
  user: string;
  firstPushMs: number;
  lastPushMs: number;
  verdict: string;
  severity: string;
  body: string;
  nowMs: number;
}

export interface AlertTable {
  find(user: string, fromMs: number, toMs: number, marginMs: number): StoredAlert[];
  spans(fromMs: number, toMs: number): AlertSpan[];
  save(draft: AlertDraft, id: number | null, nowMs: number): StoredAlert;
  get(id: number): StoredAlert | null;
  list(limit: number | undefined): StoredAlert[];
}

/** Seeks alerts_last_push: a re-check asks about the recent past only. Exported for the query-plan test. */
export const ALERT_SPANS_SQL = `SELECT user_name AS user, first_push_ms AS firstPushMs, last_push_ms AS lastPushMs FROM alerts
  WHERE last_push_ms >= @lo AND first_push_ms <= @hi
  ORDER BY last_push_ms, id`;

/** The alerts table of one database, statements prepared once. */
export function makeAlertTable(db: Database.Database): AlertTable {
  const insert = db.prepare<[AlertParams], AlertDbRow>(
    `INSERT INTO alerts (user_name, first_push_ms, last_push_ms, verdict, severity, body, created_at_ms, updated_at_ms)
     VALUES (@user, @firstPushMs, @lastPushMs, @verdict, @severity, @body, @nowMs, @nowMs)
     RETURNING ${ALERT_COLUMNS}`);
  // updated_at never goes back, so "newest updated first" stays true if the clock steps back.
  const update = db.prepare<[AlertParams & { id: number }], AlertDbRow>(
    `UPDATE alerts SET user_name = @user, first_push_ms = @firstPushMs, last_push_ms = @lastPushMs,
       verdict = @verdict, severity = @severity, body = @body, updated_at_ms = ${greater('@nowMs', 'updated_at_ms')}
     WHERE id = @id
     RETURNING ${ALERT_COLUMNS}`);
  // Two spans intersect when each starts before the other ends. The index
  // (user_name, first_push_ms) bounds the seek by the first condition.
  const find = db.prepare<[{ user: string; lo: number; hi: number }], AlertDbRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts
     WHERE user_name = @user AND first_push_ms <= @hi AND last_push_ms >= @lo
     ORDER BY first_push_ms, id`);
  const spans = db.prepare<[{ lo: number; hi: number }], AlertSpan>(ALERT_SPANS_SQL);
  const get = db.prepare<[number], AlertDbRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`);
  const list = db.prepare<[number], AlertDbRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts ORDER BY updated_at_ms DESC, id DESC LIMIT ?`);

  return {
    find(user, fromMs, toMs, marginMs) {
      checkTimeRange('findAlerts', fromMs, toMs);
      checkTime('findAlerts', 'marginMs', marginMs);
      if (marginMs < 0) throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `findAlerts: marginMs must be >= 0, got ${marginMs}`);
      return find.all({ user, lo: fromMs - marginMs, hi: toMs + marginMs }).map(toStoredAlert);
    },
    spans(fromMs, toMs) {
      checkTimeRange('listAlertSpans', fromMs, toMs);
      if (fromMs > toMs) throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `listAlertSpans: fromMs ${fromMs} is after toMs ${toMs}`);
      return spans.all({ lo: fromMs, hi: toMs });
    },
    save(draft, id, nowMs) {
      const doing = id === null ? 'saveAlert (new)' : `saveAlert ${id}`;
      checkTime(doing, 'nowMs', nowMs);
      const c = alertColumns(draft, doing);
      const params: AlertParams = {
        user: c.user, firstPushMs: c.firstPushMs, lastPushMs: c.lastPushMs, verdict: c.verdict, severity: c.severity, body: c.body, nowMs,
      };
      if (id === null) return toStoredAlert(insert.get(params)!);
      const row = update.get({ ...params, id });
      if (row === undefined) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `${doing}: no alert ${id} (deleted, or never stored)`);
      return toStoredAlert(row);
    },
    get(id) {
      const row = get.get(id);
      return row === undefined ? null : toStoredAlert(row);
    },
    list(limit) {
      return list.all(checkLimit('listAlerts', limit)).map(toStoredAlert);
    },
  };
}
