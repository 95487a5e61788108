import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CollectorError } from '../src/errors.js';
import { parseMfaLog, type ParseMfaLogOptions } from '../src/ingest/parse-mfa-log.js';
import { duoCsv, duoJsonLines } from './fixtures/mfa/generate-duo.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');

function usageError(fn: () => unknown): CollectorError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CollectorError);
    expect((err as CollectorError).code).toBe('COLLECTOR_E_INGEST_USAGE');
    return err as CollectorError;
  }
  throw new Error('expected a CollectorError, nothing was thrown');
}

describe('parseMfaLog', () => {
  it('detects Duo JSON and CSV by the first non-blank character', () => {
    const json = parseMfaLog(`\ufeff\n  ${fixture('duo-authlogs-envelope.json')}`, { source: 'duo' });
    expect(json.events).toHaveLength(6);
    const csv = parseMfaLog(fixture('duo-writeup-export.csv'), { source: 'duo', format: 'auto' });
    expect(csv.events).toHaveLength(6);
    expect(csv.events.every((e) => e.source === 'duo')).toBe(true);
  });

  it('follows an explicit format, even when the text says otherwise', () => {
    const asJson = parseMfaLog(fixture('duo-writeup-export.csv'), { source: 'duo', format: 'json' });
    expect(asJson.events).toEqual([]);
    expect(asJson.rejected).toEqual([{ where: 'line 1', reason: expect.stringMatching(/^not JSON: expected \{ or \[/) }]);
    const asCsv = parseMfaLog('[1]', { source: 'duo', format: 'csv' });
    expect(asCsv.rejected).toEqual([{ where: 'line 1', reason: expect.stringContaining('not a Duo authentication log: the header lacks Timestamp, User, Result') }]);
  });

  it('rejects a CSV without the required headers once, saying what was expected and found', () => {
    const { events, rejected } = parseMfaLog('when,who,what\n1,2,3\n4,5,6\n', { source: 'duo' });
    expect(events).toEqual([]);
    expect(rejected).toEqual([{
      where: 'line 1',
      reason: 'not a Duo authentication log: the header lacks Timestamp, User, Result. Expected at least Timestamp, User, Result '
        + '(also read: Application, Event, Reason, Access Device, Access Device Hostname, Second Factor, Auth Device, Txid); '
        + 'found "when", "who", "what"',
    }]);
  });

  it('routes Okta and Entra to their parsers', () => {
    expect(parseMfaLog(fixture('okta-system-log.json'), { source: 'okta' }).events.every((e) => e.source === 'okta')).toBe(true);
    expect(parseMfaLog(fixture('entra-signins.json'), { source: 'entra', format: 'json' }).events).toHaveLength(6);
  });

  it('gives no events and no rejections for empty input, whatever the source', () => {
    for (const source of ['duo', 'okta', 'entra'] as const) {
      expect(parseMfaLog('', { source })).toEqual({ events: [], rejected: [] });
      expect(parseMfaLog('  \n', { source })).toEqual({ events: [], rejected: [] });
    }
    expect(parseMfaLog('', { source: 'duo', format: 'csv' })).toEqual({ events: [], rejected: [] });
  });

  it('passes the time options through', () => {
    const csv = 'Timestamp,User,Result\n2015-06-14 16:04:00,amorgan,denied\n';
    expect(parseMfaLog(csv, { source: 'duo' }).events).toEqual([]);
    const placed = parseMfaLog(csv, { source: 'duo', timeZoneOffsetMinutes: -240 }).events;
    expect(placed.map((e) => new Date(e.timeMs).toISOString())).toEqual(['2015-06-14T20:04:00.000Z']);
  });

  it('throws a CollectorError only when called wrongly, naming the option', () => {
    expect(usageError(() => parseMfaLog('', { source: 'ldap' } as unknown as ParseMfaLogOptions)).message)
      .toBe('source: "ldap" is not one of duo, okta, entra');
    expect(usageError(() => parseMfaLog('', { source: 'duo', format: 'xml' } as unknown as ParseMfaLogOptions)).message)
      .toBe('format: "xml" is not one of json, csv, auto');
    expect(usageError(() => parseMfaLog('', { source: 'okta', format: 'csv' })).message).toContain('okta logs are read as JSON only');
    expect(usageError(() => parseMfaLog('', { source: 'duo', timeZoneOffsetMinutes: 90.5 })).message).toContain('timeZoneOffsetMinutes');
    expect(usageError(() => parseMfaLog('', { source: 'duo', timeZoneOffsetMinutes: 15 * 60 })).message).toContain('timeZoneOffsetMinutes');
    expect(usageError(() => parseMfaLog('', { source: 'duo', referenceDate: '2015-02-30' })).message)
      .toBe('referenceDate: expected a calendar date \'YYYY-MM-DD\', got "2015-02-30"');
    // Bad content never throws.
    expect(() => parseMfaLog('\u0000\u0001{{{', { source: 'duo' })).not.toThrow();
    expect(() => parseMfaLog('{{{', { source: 'okta' })).not.toThrow();
  });

  it('reads a large generated log completely, in both formats', () => {
    const count = 10_000;
    for (const [text, format] of [[duoJsonLines(count), 'json'], [duoCsv(count), 'csv']] as const) {
      const { events, rejected } = parseMfaLog(text, { source: 'duo' });
      expect(rejected, format).toEqual([]);
      expect(events, format).toHaveLength(count);
      expect(events[count - 1]!.timeMs - events[0]!.timeMs, format).toBe((count - 1) * 1000);
      expect(events.filter((e) => e.result === 'fraud'), format).toHaveLength(count / 4);
      expect(new Set(events.map((e) => e.eventId)).size, format).toBe(count);
    }
  });
});
