// The Duo parsers were made faster (records streamed instead of collected,
// repeated cell values read once, synthetic ids hashed field by field, a
// CSV tokenizer of our own); what they return must not change at all. Each
// is held to its frozen version from before (test/*-reference.ts) on
// generated input: well-formed records, damaged ones, duplicates, fraud
// reports replacing earlier copies, records without a txid, every layout.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuoCsv } from '../src/ingest/duo/duo-csv.js';
import { parseDuoAuthlogs, parseDuoJson } from '../src/ingest/duo/duo-json.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { SyntheticIds } from '../src/ingest/synthetic-id.js';
import { arbExport } from './ingest-generators.js';
import { referenceParseDuoCsv } from './ingest-duo-csv-reference.js';
import { referenceParseDuoAuthlogs, referenceParseDuoJson } from './ingest-duo-json-reference.js';
import { SyntheticIds as ReferenceSyntheticIds } from './ingest-synthetic-id-reference.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');

const T = 1434312240;
/** One Duo API v2 record, fields drawn from values that hit every reading (and some that fail). */
const arbRecord = fc.record({
  timestamp: fc.constantFrom<unknown>(T, T + 1, T + 60, `${T}`, 1434312240.5, 'yesterday', undefined, null),
  isotimestamp: fc.constantFrom<unknown>(undefined, '2015-06-14T20:04:00+00:00', '2015-06-14T20:04:00.250Z', '2015-06-14 20:05:00', 'nope', ''),
  txid: fc.constantFrom<unknown>('tx-1', 'tx-2', 'tx-3', '', undefined, 7),
  result: fc.constantFrom<unknown>('denied', 'DENIED', 'fraud', 'success', 'failure', 'Error', 'maybe', undefined),
  reason: fc.constantFrom<unknown>('no_response', 'User mistake', 'user_marked_fraud', 'user_disabled', 'anomalous_push', '', undefined),
  factor: fc.constantFrom<unknown>('duo_push', 'Duo Push', 'phone_call', 'passcode', 'Verified Duo Push', '', undefined),
  event_type: fc.constantFrom<unknown>('authentication', 'Enrollment', undefined),
  user: fc.constantFrom<unknown>({ name: 'amy' }, { name: 'jdoe' }, { name: ' ' }, 'bob', undefined),
  application: fc.constantFrom<unknown>({ name: 'vpn' }, 'o365', undefined),
  access_device: fc.constantFrom<unknown>({ ip: '203.0.113.10:443' }, { ip: '[2001:db8::7]:443', hostname: 'LAPTOP' }, { ip: '0.0.0.0' }, { ip: 42 }, undefined),
  auth_device: fc.constantFrom<unknown>({ name: 'iPhone 6' }, undefined),
}).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

/** JSON lines with broken lines, `[`/`]` lines, trailing commas and envelopes in between. */
const arbJsonLines = fc.array(fc.oneof(
  { arbitrary: arbRecord.map((r) => JSON.stringify(r)), weight: 8 },
  { arbitrary: arbRecord.map((r) => `${JSON.stringify(r)},`), weight: 1 },
  { arbitrary: fc.array(arbRecord, { maxLength: 3 }).map((rs) => JSON.stringify({ stat: 'OK', response: { authlogs: rs } })), weight: 1 },
  { arbitrary: fc.constantFrom('[', ']', '', '  ', '{"broken', 'not json', '"a string"', '[1, "x"]', '{"stat":"FAIL","code":40103,"message":"Invalid signature"}'), weight: 2 },
), { maxLength: 25 }).map((lines) => lines.join('\n'));
/** One document: an array, an envelope, a bare {authlogs}, one record. */
const arbJsonDocument = fc.oneof(
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify(rs)),
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify({ stat: 'OK', response: { authlogs: rs, metadata: {} } }, null, 2)),
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify({ authlogs: rs })),
  arbRecord.map((r) => `\uFEFF${JSON.stringify(r)}`),
);

describe('Duo parsers against their versions from before', () => {
  it('parseDuoJson: JSON lines', () => {
    fc.assert(fc.property(arbJsonLines, (text) => {
      expect(parseDuoJson(text)).toEqual(referenceParseDuoJson(text));
    }), { numRuns: 1500 });
  });

  it('parseDuoJson: whole documents, and text that is neither', () => {
    fc.assert(fc.property(fc.oneof(arbJsonDocument, fc.string({ maxLength: 40 })), (text) => {
      expect(parseDuoJson(text)).toEqual(referenceParseDuoJson(text));
    }), { numRuns: 1000 });
  });

  it('parseDuoAuthlogs: one decoded API page', () => {
    fc.assert(fc.property(fc.array(fc.oneof(arbRecord, fc.constantFrom<unknown>(null, 'x', [1])), { maxLength: 20 }), (page) => {
      expect(parseDuoAuthlogs(page)).toEqual(referenceParseDuoAuthlogs(page));
    }), { numRuns: 500 });
  });

  it('parseDuoCsv: export-like text, with and without a time zone for zone-less times', () => {
    fc.assert(fc.property(arbExport, fc.constantFrom(undefined, -240, 60), (text, offset) => {
      const options = offset === undefined ? {} : { timeZoneOffsetMinutes: offset };
      expect(parseDuoCsv(text, options)).toEqual(referenceParseDuoCsv(text, options));
    }), { numRuns: 1500 });
  });

  it('every fixture reads as before', () => {
    for (const name of ['duo-authlogs-envelope.json', 'duo-authlogs.jsonl']) expect(parseDuoJson(fixture(name))).toEqual(referenceParseDuoJson(fixture(name)));
    for (const name of ['duo-bad-rows.csv', 'duo-export-reordered.csv', 'duo-writeup-export.csv', 'duo-writeup-table.tsv']) {
      expect(parseDuoCsv(fixture(name))).toEqual(referenceParseDuoCsv(fixture(name)));
    }
  });
});

describe('SyntheticIds', () => {
  const arbEvent = fc.record({
    timeMs: fc.integer({ min: 1e12, max: 2e12 }),
    user: fc.string({ maxLength: 8 }),
    application: fc.constantFrom('', 'vpn', 'a\u001fb'),
    eventType: fc.constantFrom('authentication', ''),
    factor: fc.constantFrom('duo_push', ''),
    result: fc.constantFrom('denied' as const, 'success' as const),
    reason: fc.constantFrom('no_response', ''),
    accessIp: fc.constantFrom<string | null>(null, '', '198.51.100.7'),
    authDevice: fc.constantFrom<string | null>(null, 'iPhone 6', 'é\u{1F600}'),
  }).map((e): Omit<MfaEvent, 'eventId'> => ({ ...e, source: 'duo', isPush: true, accessHostname: null }));

  it('names events as before, repeats numbered alike: a file loaded again still dedupes', () => {
    fc.assert(fc.property(fc.array(arbEvent, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), (events, repeats) => {
      const input = [...events, ...(events.length === 0 ? [] : repeats.map((i) => events[i % events.length]!))];
      const ids = new SyntheticIds('duo-csv');
      const reference = new ReferenceSyntheticIds('duo-csv');
      expect(input.map((e) => ids.next(e))).toEqual(input.map((e) => reference.next(e)));
    }), { numRuns: 500 });
  });

  it('names thousands of events, most repeated, as before (its table grows many times)', () => {
    const ids = new SyntheticIds('duo');
    const reference = new ReferenceSyntheticIds('duo');
    const base: Omit<MfaEvent, 'eventId'> = { source: 'duo', timeMs: 1434398640000, user: 'u', application: 'vpn', eventType: 'authentication',
      factor: 'duo_push', isPush: true, result: 'denied', reason: 'no_response', accessIp: null, accessHostname: null, authDevice: null };
    for (let i = 0; i < 20_000; i++) {
      const e = { ...base, timeMs: base.timeMs + (i % 7_000) * 1_000, user: `u${(i % 7_000) % 13}` };
      expect(ids.next(e)).toBe(reference.next(e));
    }
    expect(ids.next({ ...base, user: 'u0' })).toMatch(/#3$/);
  });

  it('gives the ids stored by earlier versions', () => {
    const ids = new SyntheticIds('duo-csv');
    const e: Omit<MfaEvent, 'eventId'> = { source: 'duo', timeMs: 1434398640000, user: 'jdoe', application: 'api-prod', eventType: 'authentication',
      factor: 'duo_push', isPush: true, result: 'denied', reason: 'no_response', accessIp: '198.51.100.7', accessHostname: null, authDevice: 'iPhone 6' };
    expect([ids.next(e), ids.next(e), ids.next({ ...e, accessIp: null, authDevice: null }), ids.next({ ...e, user: 'é\u001fx', application: '' })])
      .toEqual(['duo-csv:739ca090611a445e', 'duo-csv:739ca090611a445e#1', 'duo-csv:dfac00be25e02244', 'duo-csv:936cfd5301123ffc']);
  });
});
