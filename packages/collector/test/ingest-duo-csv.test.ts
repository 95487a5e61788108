import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDuoCsv } from '../src/ingest/duo/duo-csv.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');
const iso = (e: MfaEvent): string => new Date(e.timeMs).toISOString();

/** The write-up's six rows, oldest last as the Admin Panel lists them, as (UTC time, result, reason). */
const WRITEUP = [
  ['2015-06-14T21:45:00.000Z', 'failure', 'user_disabled', 'dashboard', null, '', false],
  ['2015-06-14T20:08:00.000Z', 'denied', 'no_response', 'api-prod', '203.0.113.10', 'duo_push', true],
  ['2015-06-14T20:07:00.000Z', 'fraud', 'user_marked_fraud', 'api-prod', '203.0.113.10', 'duo_push', true],
  ['2015-06-14T20:06:00.000Z', 'denied', 'user_mistake', 'api-prod', '203.0.113.10', 'duo_push', true],
  ['2015-06-14T20:06:00.000Z', 'fraud', 'user_marked_fraud', 'api-prod', '203.0.113.10', 'duo_push', true],
  ['2015-06-14T20:04:00.000Z', 'denied', 'no_response', 'api-prod', '203.0.113.10', 'duo_push', true],
] as const;

function summary(e: MfaEvent): unknown[] {
  return [iso(e), e.result, e.reason, e.application, e.accessIp, e.factor, e.isPush];
}

describe('Duo CSV: the write-up table', () => {
  it('reads the export of the six rows: results, reasons, push, IP, device', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-writeup-export.csv'));
    expect(rejected).toEqual([]);
    expect(events.map(summary)).toEqual(WRITEUP);
    const push = events[1]!;
    expect(push).toMatchObject({
      source: 'duo', user: 'amorgan', eventType: 'authentication',
      authDevice: 'Apple - iPhone 6 (555-0100)', accessHostname: null,
    });
    // "0.0.0.0" is Duo's "unknown"; no factor on the disabled-user row.
    expect(events[0]).toMatchObject({ accessIp: null, factor: '', isPush: false, authDevice: null });
  });

  it('gives rows without a txid stable, distinct ids, even two identical rows in one minute', () => {
    const first = parseDuoCsv(fixture('duo-writeup-export.csv')).events;
    const again = parseDuoCsv(fixture('duo-writeup-export.csv')).events;
    expect(first.map((e) => e.eventId)).toEqual(again.map((e) => e.eventId));
    expect(new Set(first.map((e) => e.eventId)).size).toBe(6);
    for (const e of first) expect(e.eventId).toMatch(/^duo-csv:[0-9a-f]{16}(#\d+)?$/);

    const twice = 'Timestamp,User,Result,Second Factor\n'
      + '2015-06-14T20:04:00Z,amorgan,✖ Access Denied No response,Duo Push\n'.repeat(2);
    const ids = parseDuoCsv(twice).events.map((e) => e.eventId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}#1`);
  });

  it('refuses the rendered "Today 04:08 PM EDT" table, row by row, saying why', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-writeup-table.tsv'));
    expect(events).toEqual([]);
    expect(rejected.map((r) => r.where)).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7']);
    expect(rejected[1]!.reason).toBe("Timestamp: relative date 'Today 04:08 PM EDT' cannot be placed in time; "
      + 'export the log as CSV/JSON (or pass referenceDate, the day "Today" meant)');
  });

  it('places the rendered table once told which day "Today" was (tab-separated, as pasted)', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-writeup-table.tsv'), { referenceDate: '2015-06-14' });
    expect(rejected).toEqual([]);
    expect(events.map(summary)).toEqual(WRITEUP);
    expect(events.map((e) => e.eventId)).toEqual(parseDuoCsv(fixture('duo-writeup-export.csv')).events.map((e) => e.eventId));
  });
});

describe('Duo CSV: header-driven reading', () => {
  it('takes columns in any order and case, ignores extra ones, honours "(UTC)", dedupes txids', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-export-reordered.csv'));
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.eventId, iso(e), e.user, e.result, e.reason, e.accessIp, e.factor, e.isPush])).toEqual([
      ['5bea1c1e-0001', '2015-06-14T20:04:00.000Z', 'amorgan', 'denied', 'no_response', '203.0.113.10', 'duo_push', true],
      ['5bea1c1e-0002', '2015-06-14T20:06:00.000Z', 'amorgan', 'fraud', 'user_marked_fraud', '2001:db8::10', 'duo_push', true],
      // A bare IPv6 whose last group looks like a port stays whole.
      ['5bea1c1e-0003', '2015-06-14T20:06:00.000Z', 'amorgan', 'denied', 'user_mistake', '2001:db8::1:443', 'duo_push', true],
      ['5bea1c1e-0004', '2015-06-14T20:10:00.000Z', 'bchen', 'success', 'user_approved', '198.51.100.23', 'phone_call', false],
      // The duplicate of 5bea1c1e-0001 is gone; a non-IP access device keeps the event, IP unknown.
      ['5bea1c1e-0005', '2015-06-14T20:11:00.000Z', 'bchen', 'success', 'valid_passcode', null, 'passcode', false],
    ]);
    expect(events[3]!.authDevice).toBe('+1 555-0100');
    expect(events[0]!.application).toBe('api-prod');
  });

  it('reports bad rows with their line and every problem, and keeps the good rows', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-bad-rows.csv'));
    expect(rejected).toEqual([
      { where: 'line 3', reason: "Timestamp: not a date: 'yesterday-ish'" },
      { where: 'line 4', reason: 'Result: unknown value "Access Maybe" (expected "Access Granted …", "Access Denied …", or success, denied, fraud, failure, error)' },
      { where: 'line 5', reason: 'User: empty' },
      { where: 'line 6', reason: "Timestamp: no time zone in '2015-06-14 16:07:00': pass timeZoneOffsetMinutes, or export the log with ISO 8601 times" },
      { where: 'line 7', reason: expect.stringContaining("relative date 'Today 04:08 PM EDT' cannot be placed in time") },
      { where: 'line 8', reason: 'Result: empty; the row has 3 fields, the header 7' },
      { where: 'line 9', reason: "Timestamp: '2015-02-30T20:09:00Z' is not a real date" },
      { where: 'line 10', reason: 'a quote opened in this row runs on to line 14 without closing properly: most likely a stray quote; the row is skipped' },
    ]);
    expect(events.map((e) => [iso(e), e.result, e.application])).toEqual([
      ['2015-06-14T20:04:00.000Z', 'denied', 'api-prod'],
      ['2015-06-14T20:11:00.000Z', 'success', 'api-prod'],
      ['2015-06-14T20:12:00.000Z', 'denied', 'api-prod\n(multi-line app name)'],
      ['2015-06-14T20:13:00.000Z', 'denied', 'api-prod'],
    ]);
  });

  it('places zone-less and relative rows when told the offset and the day', () => {
    const { events, rejected } = parseDuoCsv(fixture('duo-bad-rows.csv'), { timeZoneOffsetMinutes: -240, referenceDate: '2015-06-14' });
    expect(rejected.map((r) => r.where)).toEqual(['line 3', 'line 4', 'line 5', 'line 8', 'line 9', 'line 10']);
    expect(events.map(iso)).toContain('2015-06-14T20:07:00.000Z');
    expect(events.map(iso)).toContain('2015-06-14T20:08:00.000Z');
  });

  it('rejects a file without the required headers once, naming expected and found', () => {
    const { events, rejected } = parseDuoCsv('Date,Who,Outcome\n2015-06-14T20:04:00Z,amorgan,denied\n');
    expect(events).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.where).toBe('line 1');
    expect(rejected[0]!.reason).toContain('the header lacks User, Result');
    expect(rejected[0]!.reason).toContain('Expected at least Timestamp, User, Result');
    expect(rejected[0]!.reason).toContain('found "Date", "Who", "Outcome"');
  });

  it('reads result words in any case and with or without the panel marks', () => {
    const csv = 'Timestamp,User,Result,Reason\n'
      + '2015-06-14T20:00:00Z,u,SUCCESS,User Approved\n'
      + '2015-06-14T20:01:00Z,u,Denied,NO_RESPONSE\n'
      + '2015-06-14T20:02:00Z,u,Access Denied Fraud,\n'
      + '2015-06-14T20:03:00Z,u,✗ Access Denied User mistake,\n'
      + '2015-06-14T20:04:00Z,u,✔ ACCESS GRANTED User approved,\n'
      + '2015-06-14T20:05:00Z,u,error,\n'
      + '2015-06-14T20:06:00Z,u,Failure,locked out\n';
    const { events, rejected } = parseDuoCsv(csv);
    expect(rejected).toEqual([]);
    expect(events.map((e) => `${e.result}/${e.reason}`)).toEqual([
      'success/user_approved', 'denied/no_response', 'fraud/user_marked_fraud', 'denied/user_mistake',
      'success/user_approved', 'error/', 'failure/locked_out',
    ]);
  });

  it('gives nothing and rejects nothing for empty input or a header alone', () => {
    expect(parseDuoCsv('')).toEqual({ events: [], rejected: [] });
    expect(parseDuoCsv('Timestamp,User,Result\n')).toEqual({ events: [], rejected: [] });
  });

  it('skips a row broken by an unclosed quote at the end and keeps the rows before it', () => {
    const csv = 'Timestamp,User,Result\n2015-06-14T20:00:00Z,u,denied\n2015-06-14T20:01:00Z,"u,denied\n2015-06-14T20:02:00Z,v,denied\n';
    const { events, rejected } = parseDuoCsv(csv);
    expect(rejected).toEqual([{ where: 'line 3', reason: 'a quote opened in this row is never closed; the row is skipped' }]);
    expect(events.map((e) => e.user)).toEqual(['u', 'v']);
  });
});
