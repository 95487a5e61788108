import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDuoAuthlogs, parseDuoJson } from '../src/ingest/duo/duo-json.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/mfa/${name}`, import.meta.url), 'utf8');

const record = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  timestamp: 1434312240, txid: 'tx-1', event_type: 'authentication', factor: 'duo_push', result: 'denied',
  reason: 'no_response', user: { name: 'amorgan' }, application: { name: 'api-prod' },
  access_device: { ip: '203.0.113.10', hostname: null }, auth_device: { name: 'iPhone 6' }, ...over,
});

describe('Duo Admin API v2 JSON', () => {
  it('reads the API envelope: fields, ports stripped, duplicate txid dropped, policy denial as failure', () => {
    const { events, rejected } = parseDuoJson(fixture('duo-authlogs-envelope.json'));
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.eventId.slice(-2), new Date(e.timeMs).toISOString(), e.user, e.result, e.reason, e.accessIp, e.factor, e.isPush]))
      .toEqual([
        ['01', '2015-06-14T20:04:00.000Z', 'amorgan', 'denied', 'no_response', '203.0.113.10', 'duo_push', true],
        ['02', '2015-06-14T20:06:00.000Z', 'amorgan', 'fraud', 'user_marked_fraud', '2001:db8::10', 'duo_push', true],
        ['03', '2015-06-14T20:06:30.000Z', 'amorgan', 'denied', 'user_mistake', '2001:db8::7', 'duo_push', true],
        // v1's factor label "Duo Push", results and reasons in any case; a bare IPv6 is not cut at its last colon.
        ['04', '2015-06-14T20:10:00.000Z', 'amorgan', 'success', 'user_approved', '2001:db8::1:443', 'duo_push', true],
        // Duo says denied/user_disabled; MfaResult keeps denied for the user's own no.
        ['05', '2015-06-14T21:45:00.000Z', 'amorgan', 'failure', 'user_disabled', null, 'not_available', false],
        // No `timestamp`: isotimestamp, to the millisecond.
        ['06', '2015-06-14T22:00:05.250Z', 'bchen', 'success', 'user_approved', '198.51.100.23', 'phone_call', false],
      ]);
    expect(events[0]).toEqual({
      source: 'duo', eventId: '340a23e3-23f3-23c1-87dc-1491a23dfd01', timeMs: 1434312240000, user: 'amorgan',
      application: 'api-prod', eventType: 'authentication', factor: 'duo_push', isPush: true, result: 'denied',
      reason: 'no_response', accessIp: '203.0.113.10', accessHostname: 'LAPTOP-AMORGAN', authDevice: 'iPhone 6 (555-0100)',
    });
  });

  it('reads JSON lines: bad lines named by number, good ones kept, a later fraud report wins a duplicate', () => {
    const { events, rejected } = parseDuoJson(fixture('duo-authlogs.jsonl'));
    expect(rejected.map((r) => r.where)).toEqual([
      'line 2', 'line 3, record 1', 'line 3, record 2', 'line 3, record 3', 'line 4', 'line 6', 'line 8',
    ]);
    expect(rejected[0]!.reason).toMatch(/^not valid JSON: /);
    expect(rejected[1]!.reason).toBe('not a JSON object but string');
    expect(rejected[4]!.reason).toBe('no timestamp: neither timestamp nor isotimestamp is set');
    expect(rejected[5]!.reason).toBe('result: unknown value "maybe" (expected success, denied, fraud, failure or error)');
    expect(rejected[6]!.reason).toBe('user.name: missing');
    expect(events.map((e) => [e.eventId, e.result, e.reason])).toEqual([
      ['t-1', 'fraud', 'user_marked_fraud'],
      ['t-5', 'fraud', 'user_marked_fraud'],
      ['t-7', 'denied', 'no_response'],
      [expect.stringMatching(/^duo:[0-9a-f]{16}$/), 'denied', ''],
    ]);
  });

  it('reads an array, a bare {authlogs}, and a single record', () => {
    const array = parseDuoJson(JSON.stringify([record(), record({ txid: 'tx-2', timestamp: 1434312300 })]));
    expect(array.events.map((e) => e.eventId)).toEqual(['tx-1', 'tx-2']);
    const bare = parseDuoJson(JSON.stringify({ authlogs: [record()] }));
    expect(bare.events.map((e) => e.eventId)).toEqual(['tx-1']);
    const single = parseDuoJson(JSON.stringify(record(), null, 2));
    expect(single).toMatchObject({ events: [{ eventId: 'tx-1', accessIp: '203.0.113.10' }], rejected: [] });
  });

  it('names the record of an array that is bad, and the line of a broken document', () => {
    const { events, rejected } = parseDuoJson(JSON.stringify([record(), 42, record({ result: undefined })]));
    expect(events).toHaveLength(1);
    expect(rejected).toEqual([
      { where: 'record 2', reason: 'not a JSON object but number' },
      { where: 'record 3', reason: 'result: missing' },
    ]);
    const broken = parseDuoJson('[\n  {\n    "timestamp": 1434312240,\n    "txid" "x"\n  }\n]');
    expect(broken.events).toEqual([]);
    expect(broken.rejected).toEqual([{ where: 'line 4', reason: expect.stringMatching(/^not valid JSON: .*position 46$/) }]);
  });

  it('salvages an array written one record per line when one line is broken', () => {
    const text = ['[', `${JSON.stringify(record())},`, '{"timestamp": 1434312300, "txid": "tx-2",', JSON.stringify(record({ txid: 'tx-3' })), ']'].join('\n');
    const { events, rejected } = parseDuoJson(text);
    expect(events.map((e) => e.eventId)).toEqual(['tx-1', 'tx-3']);
    expect(rejected).toEqual([{ where: 'line 3', reason: expect.stringMatching(/^not valid JSON: /) }]);
  });

  it('reports a Duo API error envelope instead of inventing records', () => {
    const { events, rejected } = parseDuoJson('{"stat":"FAIL","code":40301,"message":"Access forbidden","message_detail":"Missing permission"}');
    expect(events).toEqual([]);
    expect(rejected).toEqual([{ where: 'record 1', reason: 'Duo API error 40301: Access forbidden (Missing permission)' }]);
  });

  it('accepts results in any case and failure/error; takes a 13-digit timestamp as ms', () => {
    const { events } = parseDuoJson([
      record({ txid: 'a', result: 'DENIED', reason: 'User_Mistake' }),
      record({ txid: 'b', result: 'Failure', reason: 'locked_out' }),
      record({ txid: 'c', result: 'error', reason: 'error' }),
      record({ txid: 'd', timestamp: 1434312240123 }),
    ].map((r) => JSON.stringify(r)).join('\n'));
    expect(events.map((e) => `${e.result}/${e.reason}`)).toEqual(['denied/user_mistake', 'failure/locked_out', 'error/error', 'denied/no_response']);
    expect(events[3]!.timeMs).toBe(1434312240123);
  });

  it('rejects a timestamp that cannot be a log time', () => {
    const { rejected } = parseDuoJson(JSON.stringify(record({ timestamp: 12 })));
    expect(rejected).toEqual([{ where: 'record 1', reason: "timestamp: '12' is not a plausible log time (before 1990 or after 2100)" }]);
  });

  it('parses one decoded API page for the poller, numbering records', () => {
    const { events, rejected } = parseDuoAuthlogs([record(), 'junk', record({ txid: 'tx-2' })]);
    expect(events.map((e) => e.eventId)).toEqual(['tx-1', 'tx-2']);
    expect(rejected).toEqual([{ where: 'record 2', reason: 'not a JSON object but string' }]);
  });

  it('gives nothing and rejects nothing for empty input', () => {
    expect(parseDuoJson('')).toEqual({ events: [], rejected: [] });
    expect(parseDuoJson(' \n\t\n')).toEqual({ events: [], rejected: [] });
    expect(parseDuoJson('{"stat":"OK","response":{"authlogs":[],"metadata":{}}}')).toEqual({ events: [], rejected: [] });
  });
});

describe('Duo JSON times', () => {
  const record = (over: Record<string, unknown>) => JSON.stringify({
    txid: 't1', event_type: 'authentication', factor: 'duo_push', result: 'denied', reason: 'no_response',
    user: { name: 'jdoe' }, application: { name: 'vpn' }, access_device: { ip: '198.51.100.1' }, ...over,
  });

  it('keeps the sub-second part of isotimestamp when it agrees with timestamp', () => {
    const { events } = parseDuoJson(record({ timestamp: 1_700_000_000, isotimestamp: '2023-11-14T22:13:20.786+00:00' }));
    expect(events[0]!.timeMs).toBe(1_700_000_000_786);
  });

  it('trusts timestamp when isotimestamp disagrees with it, and isotimestamp when timestamp is missing', () => {
    expect(parseDuoJson(record({ timestamp: 1_700_000_000, isotimestamp: '2023-11-14T23:13:20.786+00:00' })).events[0]!.timeMs).toBe(1_700_000_000_000);
    expect(parseDuoJson(record({ isotimestamp: '2023-11-14T22:13:20.250Z' })).events[0]!.timeMs).toBe(1_700_000_000_250);
  });
});
