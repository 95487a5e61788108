// A parser handing its events over in chunks (event-chunks.ts) must return
// what it returns without, and the chunks, stored in order with the store's
// rule (a repeated key is skipped unless it upgrades a push to fraud), must
// leave what the whole result leaves.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { parseMfaLog, type ParseMfaLogOptions } from '../src/ingest/parse-mfa-log.js';
import { arbExport, arbJsonDocument, arbJsonLines } from './ingest-generators.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');

/** Parses with a sink of `size`; returns the result and what the sink was handed. */
function chunked(text: string, options: ParseMfaLogOptions, size: number) {
  const events: MfaEvent[] = [];
  const upgrades: Array<{ after: number; event: MfaEvent }> = [];
  const sizes: number[] = [];
  const result = parseMfaLog(text, options, {
    size,
    take: (chunk, ups) => {
      sizes.push(chunk.length);
      for (const event of ups) upgrades.push({ after: events.length, event });
      events.push(...chunk);
    },
  });
  return { result, events, upgrades, sizes };
}

/** The chunks applied as the store applies them; each upgrade lands on an event handed over before it. */
function applied(events: readonly MfaEvent[], upgrades: ReadonlyArray<{ after: number; event: MfaEvent }>): MfaEvent[] {
  const out = [...events];
  for (const { after, event } of upgrades) {
    const i = out.findIndex((e, k) => k < after && e.source === event.source && e.eventId === event.eventId && e.timeMs === event.timeMs);
    expect(i, `upgrade ${event.eventId} lands on an earlier event`).toBeGreaterThanOrEqual(0);
    expect(out[i]!.result).not.toBe('fraud');
    expect(event.result).toBe('fraud');
    out[i] = event;
  }
  return out;
}

function checkChunks(text: string, options: ParseMfaLogOptions, size: number): void {
  const { result, events, upgrades, sizes } = chunked(text, options, size);
  expect(result).toEqual(parseMfaLog(text, options));
  expect(events).toHaveLength(result.events.length);
  // Full chunks while reading; a smaller one only at the end (or one whole chunk for Okta and Entra).
  sizes.slice(0, -1).forEach((n) => expect(n).toBeGreaterThanOrEqual(size));
  const stored = applied(events, upgrades);
  stored.forEach((e, i) => {
    const want = result.events[i]!;
    // An upgrade keeps the stored event's time, which the parser matched to the second.
    expect(e).toEqual({ ...want, timeMs: e.timeMs });
    expect(Math.floor(e.timeMs / 1000)).toBe(Math.floor(want.timeMs / 1000));
    if (e.timeMs !== want.timeMs) expect(upgrades.some((u) => u.event === e)).toBe(true);
  });
}

describe('parsers handing events over in chunks', () => {
  it('Duo JSON lines and documents: same result, and the chunks store the same events', () => {
    fc.assert(fc.property(fc.oneof(arbJsonLines, arbJsonDocument), fc.integer({ min: 1, max: 6 }), (text, size) => {
      checkChunks(text, { source: 'duo', format: 'json' }, size);
    }), { numRuns: 1500 });
  });

  it('Duo CSV exports', () => {
    fc.assert(fc.property(arbExport, fc.integer({ min: 1, max: 6 }), (text, size) => {
      checkChunks(text, { source: 'duo', format: 'csv', timeZoneOffsetMinutes: 0 }, size);
    }), { numRuns: 800 });
  });

  it('a fraud report repeating a txid from an earlier chunk goes out as an upgrade at the stored time', () => {
    const rec = (iso: string, result: string, reason: string, txid = 'tx-1') => JSON.stringify({
      timestamp: Math.floor(Date.parse(iso) / 1000), isotimestamp: iso, txid, result, reason, factor: 'duo_push', user: { name: 'jdoe' },
    });
    const text = [
      rec('2015-06-14T20:04:00.100Z', 'denied', 'no_response'),
      rec('2015-06-14T20:04:30.000Z', 'denied', 'no_response', 'tx-2'),
      rec('2015-06-14T20:04:00.900Z', 'fraud', 'user_marked_fraud'),
    ].join('\n');
    const { result, events, upgrades } = chunked(text, { source: 'duo' }, 1);
    expect(result.events.map((e) => [e.eventId, e.result, e.timeMs % 1000])).toEqual([['tx-1', 'fraud', 900], ['tx-2', 'denied', 0]]);
    expect(events.map((e) => [e.eventId, e.result])).toEqual([['tx-1', 'denied'], ['tx-2', 'denied']]);
    expect(upgrades).toEqual([{ after: 2, event: { ...result.events[0], timeMs: Date.parse('2015-06-14T20:04:00.100Z') } }]);
  });

  it('Okta and Entra exports come in one chunk; fixtures of every source read alike', () => {
    const cases: Array<[string, ParseMfaLogOptions]> = [
      ['duo-authlogs.jsonl', { source: 'duo' }], ['duo-authlogs-envelope.json', { source: 'duo' }], ['duo-bad-rows.csv', { source: 'duo' }],
      ['okta-system-log.json', { source: 'okta' }], ['entra-signins.json', { source: 'entra' }],
    ];
    for (const [name, options] of cases) {
      for (const size of [1, 2, 1000]) checkChunks(fixture(name), options, size);
    }
    const okta = chunked(fixture('okta-system-log.json'), { source: 'okta' }, 1);
    expect(okta.sizes).toEqual([okta.result.events.length]);
  });

  it('refuses a chunk size that is not a whole number >= 1', () => {
    for (const size of [0, 1.5, Number.NaN]) {
      expect(() => parseMfaLog('{}', { source: 'duo' }, { size, take: () => undefined })).toThrow(/chunk size/);
    }
  });
});
