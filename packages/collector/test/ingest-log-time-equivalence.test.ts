// parseLogTime reads the common ISO shape by hand now (the regular
// expression cost more than the rest of a Duo record); it must read every
// text exactly as before. Generated texts around that shape: valid and
// impossible dates, leap seconds, fractions of every length, every zone
// spelling, stray spaces — and the contexts that decide zone-less times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogTime } from '../src/ingest/log-time.js';
import { referenceParseLogTime } from './ingest-log-time-reference.js';

const d2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const arbIsoish = fc.tuple(
  fc.constantFrom('2015', '1989', '2099', '2100', '0000', '20a5'),
  fc.constantFrom('-', '/'), fc.oneof(d2, fc.constantFrom('06', '12', '02')), fc.constantFrom('-', '-', '.'), fc.oneof(d2, fc.constantFrom('14', '29', '31')),
  fc.constantFrom('T', ' ', 't', '_'), fc.oneof(d2, fc.constantFrom('20', '23', '24')), fc.constantFrom(':', ':', '.'), d2,
  fc.constantFrom(':', ':', ''), fc.oneof(d2, fc.constantFrom('59', '60', '61')),
  fc.constantFrom('', '', '.', ',', '.5', '.25', '.351346', ',123', '.123456789', '.1234567890', '.x'),
  fc.constantFrom('Z', 'Z', '+00:00', '-04:00', '+05:30', '+14:00', '+14:01', '-15:00', '+0530', '+05', ' Z', 'z', 'EDT', 'XYZ', '', '+00:0', '+00:000', 'Z '),
).map((parts) => parts.join(''));
const arbContext = fc.record({
  offsetMinutes: fc.constantFrom(undefined, 0, -240, 330),
  zoneLessIsUtc: fc.constantFrom(undefined, true, false),
  referenceDate: fc.constantFrom(undefined, '2015-06-15'),
});

describe('parseLogTime', () => {
  it('reads ISO-like texts exactly as before', () => {
    fc.assert(fc.property(arbIsoish, arbContext, fc.constantFrom('', ' ', '\t'), (text, ctx, pad) => {
      expect(parseLogTime(pad + text + pad, ctx)).toEqual(referenceParseLogTime(pad + text + pad, ctx));
    }), { numRuns: 5000 });
  });

  it('reads any short text exactly as before', () => {
    fc.assert(fc.property(fc.string({ maxLength: 32 }), arbContext, (text, ctx) => {
      expect(parseLogTime(text, ctx)).toEqual(referenceParseLogTime(text, ctx));
    }), { numRuns: 2000 });
  });

  it('examples of the hand-read shape', () => {
    expect(parseLogTime('2020-02-13T18:56:20.351346+00:00', {})).toEqual({ ok: true, ms: Date.UTC(2020, 1, 13, 18, 56, 20, 351) });
    expect(parseLogTime('2015-06-14 16:04:12-04:00', {})).toEqual({ ok: true, ms: Date.UTC(2015, 5, 14, 20, 4, 12) });
    expect(parseLogTime('2015-06-31T16:04:12Z', {})).toEqual({ ok: false, why: "'2015-06-31T16:04:12Z' is not a real date" });
  });
});
