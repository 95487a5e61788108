import { describe, expect, it } from 'vitest';
import { epochTime, parseLogTime, type TimeContext } from '../src/ingest/log-time.js';

const at = (text: string, ctx: TimeContext = {}): string => {
  const r = parseLogTime(text, ctx);
  return r.ok ? new Date(r.ms).toISOString() : `error: ${r.why}`;
};

describe('log times', () => {
  it.each([
    ['2015-06-14T20:04:00Z', '2015-06-14T20:04:00.000Z'],
    ['2015-06-14T16:04:00-04:00', '2015-06-14T20:04:00.000Z'],
    ['2015-06-14T16:04:00-0400', '2015-06-14T20:04:00.000Z'],
    ['2015-06-14T22:04:00+02', '2015-06-14T20:04:00.000Z'],
    ['2020-02-13T18:56:20.351346+00:00', '2020-02-13T18:56:20.351Z'],
    ['2015-06-14T20:04Z', '2015-06-14T20:04:00.000Z'],
    ['2015-06-14 16:04:00 EDT', '2015-06-14T20:04:00.000Z'],
    ['2015-06-14 20:04:00 utc', '2015-06-14T20:04:00.000Z'],
    ['2015-01-14 15:04:00 EST', '2015-01-14T20:04:00.000Z'],
    ['06/14/2015 04:04:00 PM EDT', '2015-06-14T20:04:00.000Z'],
    ['6/14/2015 4:04 PM -04:00', '2015-06-14T20:04:00.000Z'],
    ['06/14/2015 12:04:00 AM Z', '2015-06-14T00:04:00.000Z'],
    ['06/14/2015 12:04:00 PM Z', '2015-06-14T12:04:00.000Z'],
    ['06/14/2015, 20:04 GMT', '2015-06-14T20:04:00.000Z'],
    ['1434312240', '2015-06-14T20:04:00.000Z'],
    ['1434312240123', '2015-06-14T20:04:00.123Z'],
  ])('%s', (text, want) => {
    expect(at(text)).toBe(want);
  });

  it('refuses a time without a zone unless the caller gives the offset or the source says UTC', () => {
    expect(at('2015-06-14 16:04:00')).toBe("error: no time zone in '2015-06-14 16:04:00': pass timeZoneOffsetMinutes, or export the log with ISO 8601 times");
    expect(at('06/14/2015 04:04:00 PM')).toMatch(/^error: no time zone/);
    expect(at('2015-06-14 16:04:00', { offsetMinutes: -240 })).toBe('2015-06-14T20:04:00.000Z');
    expect(at('2015-06-14 20:04:00', { zoneLessIsUtc: true })).toBe('2015-06-14T20:04:00.000Z');
    // The text's own zone beats the caller's offset.
    expect(at('2015-06-14T20:04:00Z', { offsetMinutes: 120 })).toBe('2015-06-14T20:04:00.000Z');
  });

  it('places "Today"/"Yesterday" only with a reference date and a zone', () => {
    expect(at('Today 04:08 PM EDT')).toBe("error: relative date 'Today 04:08 PM EDT' cannot be placed in time; "
      + 'export the log as CSV/JSON (or pass referenceDate, the day "Today" meant)');
    expect(at('Today 04:08 PM EDT', { referenceDate: '2015-06-14' })).toBe('2015-06-14T20:08:00.000Z');
    expect(at('Yesterday 11:30 PM EDT', { referenceDate: '2015-06-14' })).toBe('2015-06-14T03:30:00.000Z');
    expect(at('today 16:08', { referenceDate: '2015-06-14' })).toMatch(/^error: no time zone/);
    expect(at('today 16:08', { referenceDate: '2015-06-14', offsetMinutes: -240 })).toBe('2015-06-14T20:08:00.000Z');
  });

  it.each([
    ['yesterday-ish', "error: not a date: 'yesterday-ish'"],
    ['2015-02-30T20:04:00Z', "error: '2015-02-30T20:04:00Z' is not a real date"],
    ['2015-13-01T20:04:00Z', "error: '2015-13-01T20:04:00Z' is not a real date and time"],
    ['2015-06-14T24:04:00Z', "error: '2015-06-14T24:04:00Z' is not a real date and time"],
    ['06/14/2015 13:04 PM EDT', "error: '06/14/2015 13:04 PM EDT' has an hour that does not fit its AM/PM"],
    ['2015-06-14 16:04:00 IST', "error: unknown time zone 'IST' in '2015-06-14 16:04:00 IST': use a numeric offset such as -04:00"],
    ['2015-06-14T16:04:00+25:00', "error: '+25:00' in '2015-06-14T16:04:00+25:00' is not a UTC offset"],
    ['2015-06-14', "error: not a date: '2015-06-14'"],
    ['', 'error: empty'],
  ])('rejects %s', (text, want) => {
    expect(at(text)).toBe(want);
  });

  it('tells epoch seconds from milliseconds and refuses implausible values', () => {
    expect(epochTime(1434312240)).toEqual({ ok: true, ms: 1434312240000 });
    expect(epochTime(1434312240.5)).toEqual({ ok: true, ms: 1434312240500 });
    expect(epochTime(1434312240000)).toEqual({ ok: true, ms: 1434312240000 });
    expect(epochTime(0).ok).toBe(false);
    expect(epochTime(Number.NaN).ok).toBe(false);
  });
});
