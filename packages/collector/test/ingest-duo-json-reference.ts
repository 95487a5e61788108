// src/ingest/duo/duo-json.ts (parseDuoJson, parseDuoAuthlogs, renamed) as it was before the ingest speed work (commit ee8c50a,
// verbatim but for this header and import paths): an oracle the
// ingest-*-equivalence tests hold the new code to. Do not "fix" it.
import { normaliseAccessIp } from '../src/ingest/access-ip.js';
import { at, textAt } from '../src/ingest/json-fields.js';
import { isObject, isRejected, readJsonRecords, type JsonEntry } from './ingest-json-records-reference.js';
import { epochTime, parseLogTime, type TimeResult } from '../src/ingest/log-time.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../src/ingest/mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../src/ingest/parse-options.js';
import { toReasonCode } from '../src/ingest/reason-code.js';
import { SyntheticIds } from './ingest-synthetic-id-reference.js';
import { readDuoFactor } from '../src/ingest/duo/duo-factor.js';
import { duoApiOutcome } from '../src/ingest/duo/duo-outcome.js';

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
export function referenceParseDuoJson(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  return duoEvents(readJsonRecords(text, unwrapDuo), options);
}

/**
 * Records already decoded (the `authlogs` array of one API page, as the Duo
 * poller holds it) → events; a bad one is "record N" (1-based) in `rejected`.
 */
export function referenceParseDuoAuthlogs(authlogs: readonly unknown[], options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  return duoEvents(authlogs.map((value, i) => ({ where: `record ${i + 1}`, value })), options);
}

function duoEvents(entries: readonly JsonEntry[], options: MfaParseOptions): ParseResult {
  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  const byKey = new Map<string, number>();
  const ids = new SyntheticIds('duo');
  for (const entry of entries) {
    if (isRejected(entry)) {
      rejected.push(entry);
      continue;
    }
    const read = readDuoRecord(entry.value, options);
    if (typeof read === 'string') {
      rejected.push({ where: entry.where, reason: read });
      continue;
    }
    const { event, txid } = read;
    if (txid === '') {
      event.eventId = ids.next(event);
      events.push(event);
      continue;
    }
    // Duo's own key: whole-second timestamp and txid (timeMs may carry isotimestamp's fraction).
    const key = `${Math.floor(event.timeMs / 1000)}\u0000${txid}`;
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, events.length);
      events.push(event);
    } else if (event.result === 'fraud' && events[earlier]!.result !== 'fraud') {
      events[earlier] = event;
    }
  }
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

/** One record → an event (eventId still empty) and its txid, or why not. */
function readDuoRecord(value: unknown, options: MfaParseOptions): { event: MfaEvent; txid: string } | string {
  if (!isObject(value)) return `not a JSON object but ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const problems: string[] = [];

  const time = recordTime(value, options);
  if (!time.ok) problems.push(time.why);

  const resultText = at(value, 'result');
  const outcome = typeof resultText === 'string'
    ? duoApiOutcome(resultText, textAt(value, 'reason') ?? '')
    : null;
  if (resultText === undefined || resultText === null) {
    problems.push('result: missing');
  } else if (outcome === null) {
    problems.push(`result: unknown value ${JSON.stringify(resultText)} (expected success, denied, fraud, failure or error)`);
  }

  const user = textAt(value, 'user', 'name') ?? textAt(value, 'username') ?? textAt(value, 'user');
  if (user === undefined) problems.push('user.name: missing');

  if (problems.length > 0 || !time.ok || outcome === null || user === undefined) return problems.join('; ');

  const factor = readDuoFactor(textAt(value, 'factor') ?? '');
  const event: MfaEvent = {
    source: 'duo',
    eventId: '',
    timeMs: time.ms,
    user,
    application: textAt(value, 'application', 'name') ?? textAt(value, 'application') ?? textAt(value, 'integration') ?? '',
    eventType: toReasonCode(textAt(value, 'event_type') ?? textAt(value, 'eventtype') ?? ''),
    factor: factor.factor,
    isPush: factor.isPush,
    result: outcome.result,
    reason: outcome.reason,
    accessIp: normaliseAccessIp(at(value, 'access_device', 'ip') ?? at(value, 'ip')),
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
