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
import { arbExport, arbJsonDocument, arbJsonLines, arbRecord } from './ingest-generators.js';
import { referenceParseDuoCsv } from './ingest-duo-csv-reference.js';
import { referenceParseDuoAuthlogs, referenceParseDuoJson } from './ingest-duo-json-reference.js';
import { SyntheticIds as ReferenceSyntheticIds } from './ingest-synthetic-id-reference.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');

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
