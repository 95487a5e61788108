import { isRejected, readJsonRecords } from '../json-records.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../parse-options.js';
import { SyntheticIds } from '../synthetic-id.js';
import { readOktaRecord, type OktaItem } from './okta-record.js';

/**
 * An Okta Verify push lives this long; an answer later than this cannot be
 * to that push, and a push with no answer this long after it went unanswered.
 */
const PUSH_LIFETIME_MS = 5 * 60_000;
/** A suspicious-activity report belongs to a push refused at most this long before it. */
const REPORT_WINDOW_MS = 5 * 60_000;

/**
 * Okta System Log JSON (the API's array, an export's JSON lines, or one
 * event) → one MfaEvent per push, whatever number of events Okta logged for
 * it (see the table in okta-record.ts):
 *
 * - a push sent and its answer (deny, approve, timeout) become one event at
 *   the time the push was sent — the moment the detector lines up with the
 *   session that caused it — with the answer's result; its id is the sent
 *   event's uuid, so an export that holds only the push now and the answer
 *   later names the same push both times;
 * - a push with no answer is `denied / no_response` when the log runs at
 *   least a push lifetime past it, else `denied / outcome_not_in_log`;
 * - a suspicious-activity report turns the user's push refused just before
 *   it into `fraud / user_marked_fraud`; without one, it is its own event
 *   (isPush false: no push is known);
 * - an answer whose push is not in the input is its own event.
 *
 * Events are deduplicated on uuid. Other event types are ignored.
 */
export function parseOktaJson(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  const rejected: RejectedRecord[] = [];
  const items: OktaItem[] = [];
  const uuids = new Set<string>();
  let lastMs = -Infinity;
  const seen = { publishedMs: null as number | null };
  let order = 0;
  for (const entry of readJsonRecords(text, unwrapOkta)) {
    if (isRejected(entry)) {
      rejected.push(entry);
      continue;
    }
    const item = readOktaRecord(entry.value, order++, options, seen);
    if (seen.publishedMs !== null && seen.publishedMs > lastMs) lastMs = seen.publishedMs;
    if (item === null) continue;
    if (typeof item === 'string') {
      rejected.push({ where: entry.where, reason: item });
      continue;
    }
    if (item.uuid !== '') {
      if (uuids.has(item.uuid)) continue;
      uuids.add(item.uuid);
    }
    items.push(item);
  }
  return { events: pairPushes(items, lastMs), rejected };
}

function unwrapOkta(doc: Record<string, unknown>): unknown[] | undefined {
  // Okta's API answers with a bare array; a saved search sometimes wraps it.
  for (const key of ['events', 'value', 'data']) {
    const inner = doc[key];
    if (Array.isArray(inner)) return inner;
  }
  return undefined;
}

interface Emitted {
  event: MfaEvent;
  /** When the answer came (for matching a later report), not the push time. */
  answeredMs: number;
}

function pairPushes(items: OktaItem[], lastMs: number): MfaEvent[] {
  items.sort((a, b) => a.timeMs - b.timeMs || a.order - b.order);
  const emitted: Emitted[] = [];
  const pending = new Map<string, OktaItem[]>();
  const lastRefused = new Map<string, Emitted>();

  const emit = (event: MfaEvent, answeredMs: number): void => {
    const record = { event, answeredMs };
    emitted.push(record);
    if (event.isPush && event.result !== 'success') lastRefused.set(event.user, record);
  };

  for (const item of items) {
    switch (item.role) {
      case 'push-sent': {
        const list = pending.get(item.user) ?? [];
        list.push(item);
        pending.set(item.user, list);
        break;
      }
      case 'push-answer': {
        const sent = takePendingPush(pending, item);
        if (sent === undefined && item.push === 'unknown') emit(toEvent(item, false), item.timeMs);
        else emit(merge(sent, item), item.timeMs);
        break;
      }
      case 'fraud-report': {
        const refused = lastRefused.get(item.user);
        if (refused !== undefined && item.timeMs - refused.answeredMs <= REPORT_WINDOW_MS) {
          refused.event.result = 'fraud';
          refused.event.reason = 'user_marked_fraud';
          lastRefused.delete(item.user);
          break;
        }
        const sent = takePendingPush(pending, item);
        emit(sent === undefined ? toEvent(item, false) : merge(sent, item), item.timeMs);
        break;
      }
      default:
        emit(toEvent(item, item.push === 'yes'), item.timeMs);
    }
  }

  for (const list of pending.values()) {
    for (const sent of list) {
      const event = toEvent(sent, true);
      if (lastMs - sent.timeMs < PUSH_LIFETIME_MS) event.reason = 'outcome_not_in_log';
      emitted.push({ event, answeredMs: sent.timeMs });
    }
  }

  const ids = new SyntheticIds('okta');
  const events = emitted.map((e) => e.event).sort((a, b) => a.timeMs - b.timeMs);
  for (const event of events) if (event.eventId === '') event.eventId = ids.next(event);
  return events;
}

/**
 * The user's latest push still waiting for an answer that this answer can
 * belong to: sent before it, within a push lifetime, from the same Okta
 * session when both name one. Latest, because a user answers the push that
 * just arrived; earlier ones in a burst are the ones left unanswered.
 */
function takePendingPush(pending: Map<string, OktaItem[]>, answer: OktaItem): OktaItem | undefined {
  const list = pending.get(answer.user);
  if (list === undefined) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const sent = list[i]!;
    if (answer.timeMs - sent.timeMs > PUSH_LIFETIME_MS) break;
    if (sent.sessionId !== null && answer.sessionId !== null && sent.sessionId !== answer.sessionId) continue;
    list.splice(i, 1);
    return sent;
  }
  return undefined;
}

function merge(sent: OktaItem | undefined, answer: OktaItem): MfaEvent {
  if (sent === undefined) return toEvent(answer, true);
  return {
    ...toEvent(answer, true),
    eventId: sent.uuid,
    timeMs: sent.timeMs,
    application: answer.application || sent.application,
    factor: answer.factor || sent.factor,
    accessIp: sent.accessIp ?? answer.accessIp,
    authDevice: answer.authDevice ?? sent.authDevice,
  };
}

function toEvent(item: OktaItem, isPush: boolean): MfaEvent {
  return {
    source: 'okta',
    eventId: item.uuid,
    timeMs: item.timeMs,
    user: item.user,
    application: item.application,
    eventType: item.eventType,
    factor: item.factor,
    isPush,
    result: item.result,
    reason: item.reason,
    accessIp: item.accessIp,
    accessHostname: null,
    authDevice: item.authDevice,
  };
}
