import { normaliseAccessIp } from '../access-ip.js';
import { at, textAt } from '../json-fields.js';
import { eachJsonRecord, isObject, isRejected, type JsonEntry } from '../json-records.js';
import { epochTime, parseLogTime, type TimeResult } from '../log-time.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../parse-options.js';
import { toReasonCode } from '../reason-code.js';
import { RepeatedValues } from '../repeated-values.js';
import { SyntheticIds } from '../synthetic-id.js';
import { readDuoFactor, type DuoFactor } from './duo-factor.js';
import { duoApiOutcome, type DuoOutcome } from './duo-outcome.js';

/**
 * Duo authentication logs as JSON: the Admin API v2 envelope
 * `{stat, response: {authlogs: [...], metadata: {next_offset}}}`, a bare
 * `{authlogs: [...]}`, an array of records, one record, or JSON lines (one
 * record or one saved API response per line). v1 records (`username`,
 * `integration`, `ip`, `device`, factor "Duo Push") are read too.
 *
 * Times: `timestamp` is Unix seconds (a value ≥ 1e11 is taken as ms);
 * `isotimestamp` instead when it agrees to the second (it has the
 * sub-second part) or when `timestamp` is missing. The API writes UTC, so a zone-less
 * isotimestamp is UTC unless timeZoneOffsetMinutes says otherwise.
 *
 * Duo repeats a txid now and then: within one input, a second record with the
 * same (timestamp, txid) is dropped — unless it reports fraud and the first
 * did not, in which case it replaces it (the fraud report is the signal).
 */
export function parseDuoJson(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  return duoEvents((visit) => eachJsonRecord(text, unwrapDuo, visit), options);
}

/**
 * Records already decoded (the `authlogs` array of one API page, as the Duo
 * poller holds it) → events; a bad one is "record N" (1-based) in `rejected`.
 */
export function parseDuoAuthlogs(authlogs: readonly unknown[], options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  return duoEvents((visit) => authlogs.forEach((value, i) => visit({ where: `record ${i + 1}`, value })), options);
}

/** Events from the entries `feed` hands over one at a time, in order. */
function duoEvents(feed: (visit: (entry: JsonEntry) => void) => void, options: MfaParseOptions): ParseResult {
  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  // Duo's own key is (whole-second timestamp, txid): events by txid, the
  // first of each txid keyed by the txid alone — a 200,000-entry map of
  // joined keys cost a tenth of the parse — and by the whole key only for a
  // txid seen again in another second.
  const firstOfTxid = new Map<string, number>();
  const byKey = new Map<string, number>();
  const ids = new SyntheticIds('duo');
  const fields = fieldReaders();
  feed((entry) => {
    if (isRejected(entry)) {
      rejected.push(entry);
      return;
    }
    const read = readDuoRecord(entry.value, options, fields);
    if (typeof read === 'string') {
      rejected.push({ where: entry.where, reason: read });
      return;
    }
    const { event, txid } = read;
    if (txid === '') {
      event.eventId = ids.next(event);
      events.push(event);
      return;
    }
    // Whole seconds: timeMs may carry isotimestamp's fraction.
    const second = Math.floor(event.timeMs / 1000);
    const first = firstOfTxid.get(txid);
    let earlier: number | undefined;
    if (first === undefined) {
      firstOfTxid.set(txid, events.length);
    } else if (Math.floor(events[first]!.timeMs / 1000) === second) {
      earlier = first;
    } else {
      const key = `${second}\u0000${txid}`;
      earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, events.length);
    }
    if (earlier === undefined) events.push(event);
    else if (event.result === 'fraud' && events[earlier]!.result !== 'fraud') events[earlier] = event;
  });
  return { events, rejected };
}

function unwrapDuo(doc: Record<string, unknown>): unknown[] | string | undefined {
  if (typeof doc.stat === 'string' && doc.stat.toUpperCase() === 'FAIL') {
    const code = doc.code === undefined ? '' : ` ${String(doc.code)}`;
    const message = textAt(doc, 'message') ?? 'no message';
    const detail = textAt(doc, 'message_detail');
    return `Duo API error${code}: ${message}${detail === undefined ? '' : ` (${detail})`}`;
  }
  const response = doc.response;
  const authlogs = isObject(response) ? response.authlogs : doc.authlogs;
  if (Array.isArray(authlogs)) return authlogs;
  // v1 answered with a bare array in `response`.
  if (Array.isArray(response)) return response;
  if (authlogs !== undefined || (doc.stat !== undefined && response !== undefined)) {
    return 'a Duo API response without an authlogs array';
  }
  return undefined;
}

/** The readings of fields whose few values repeat from record to record (one set per parse). */
interface FieldReaders {
  /** By result, then by reason. */
  outcome: RepeatedValues<RepeatedValues<DuoOutcome | null>>;
  factor: RepeatedValues<DuoFactor>;
  eventType: RepeatedValues<string>;
  accessIp: RepeatedValues<string | null>;
}

function fieldReaders(): FieldReaders {
  return {
    outcome: new RepeatedValues((result) => new RepeatedValues((reason) => duoApiOutcome(result, reason))),
    factor: new RepeatedValues(readDuoFactor),
    eventType: new RepeatedValues(toReasonCode),
    accessIp: new RepeatedValues(normaliseAccessIp),
  };
}

/** One record → an event (eventId still empty) and its txid, or why not. */
function readDuoRecord(value: unknown, options: MfaParseOptions, fields: FieldReaders): { event: MfaEvent; txid: string } | string {
  if (!isObject(value)) return `not a JSON object but ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const problems: string[] = [];

  const time = recordTime(value, options);
  if (!time.ok) problems.push(time.why);

  const resultText = at(value, 'result');
  const outcome = typeof resultText === 'string'
    ? fields.outcome.get(resultText).get(textAt(value, 'reason') ?? '')
    : null;
  if (resultText === undefined || resultText === null) {
    problems.push('result: missing');
  } else if (outcome === null) {
    problems.push(`result: unknown value ${JSON.stringify(resultText)} (expected success, denied, fraud, failure or error)`);
  }

  const user = textAt(value, 'user', 'name') ?? textAt(value, 'username') ?? textAt(value, 'user');
  if (user === undefined) problems.push('user.name: missing');

  if (problems.length > 0 || !time.ok || outcome === null || user === undefined) return problems.join('; ');

  const factor = fields.factor.get(textAt(value, 'factor') ?? '');
  const event: MfaEvent = {
    source: 'duo',
    eventId: '',
    timeMs: time.ms,
    user,
    application: textAt(value, 'application', 'name') ?? textAt(value, 'application') ?? textAt(value, 'integration') ?? '',
    eventType: fields.eventType.get(textAt(value, 'event_type') ?? textAt(value, 'eventtype') ?? ''),
    factor: factor.factor,
    isPush: factor.isPush,
    result: outcome.result,
    reason: outcome.reason,
    accessIp: accessIpOf(at(value, 'access_device', 'ip') ?? at(value, 'ip'), fields),
    accessHostname: textAt(value, 'access_device', 'hostname') ?? null,
    authDevice: textAt(value, 'auth_device', 'name') ?? textAt(value, 'device') ?? factor.device,
  };
  const txid = textAt(value, 'txid') ?? '';
  if (txid !== '') event.eventId = txid;
  return { event, txid };
}

function recordTime(value: Record<string, unknown>, options: MfaParseOptions): TimeResult {
  const context = { offsetMinutes: options.timeZoneOffsetMinutes, zoneLessIsUtc: true };
  const ts = value.timestamp;
  const iso = value.isotimestamp;
  const fromIso = typeof iso === 'string' && iso.trim() !== '' ? named('isotimestamp', parseLogTime(iso, context)) : undefined;
  let fromTs: TimeResult | undefined;
  if (typeof ts === 'number') fromTs = named('timestamp', epochTime(ts));
  else if (typeof ts === 'string' && ts.trim() !== '') fromTs = named('timestamp', parseLogTime(ts, context));
  // isotimestamp carries sub-second precision that `timestamp` (whole
  // seconds) drops, and lining a push up with a session is a matter of
  // seconds: take it when it agrees with `timestamp` to the second.
  if (fromTs?.ok && fromIso?.ok && Math.floor(fromIso.ms / 1000) === Math.floor(fromTs.ms / 1000)) return fromIso;
  if (fromTs !== undefined) return fromTs;
  if (fromIso !== undefined) return fromIso;
  return { ok: false, why: 'no timestamp: neither timestamp nor isotimestamp is set' };
}

function named(field: string, time: TimeResult): TimeResult {
  return time.ok ? time : { ok: false, why: `${field}: ${time.why}` };
}

/** normaliseAccessIp, remembered for text (anything else is no address). */
function accessIpOf(raw: unknown, fields: FieldReaders): string | null {
  return typeof raw === 'string' ? fields.accessIp.get(raw) : normaliseAccessIp(raw);
}
