import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { parseOktaJson } from '../src/ingest/okta/okta-json.js';

const text = readFileSync(new URL('./fixtures/mfa/okta-system-log.json', import.meta.url), 'utf8');
const records = JSON.parse(text) as unknown[];
const row = (e: MfaEvent): unknown[] => [new Date(e.timeMs).toISOString().slice(11, 23), e.user, e.result, e.reason, e.isPush, e.eventId.slice(-2)];

/** What the fixture's story comes to: one event per push, at the time it was sent. */
const STORY = [
  ['03:02:12.104', 'dana@example.com', 'denied', 'user_denied', true, '0a'],
  ['03:03:00.000', 'dana@example.com', 'denied', 'no_response', true, '0c'],
  ['03:09:10.000', 'dana@example.com', 'fraud', 'user_marked_fraud', true, '0d'],
  ['03:11:40.000', 'dana@example.com', 'success', 'user_approved', true, '10'],
  ['03:12:00.000', 'bob@example.com', 'failure', 'attempt_bypass', false, '13'],
  ['03:13:00.000', 'carol@example.com', 'success', '', false, '14'],
  ['03:14:00.000', 'dana@example.com', 'denied', 'outcome_not_in_log', true, '18'],
];

describe('Okta System Log', () => {
  it('pairs each push with its answer, keeps unanswered pushes, upgrades a reported one to fraud', () => {
    const { events, rejected } = parseOktaJson(text);
    expect(events.map(row)).toEqual(STORY);
    expect(rejected).toEqual([
      { where: 'record 14', reason: 'actor.alternateId: missing' },
      { where: 'record 15', reason: "published: not a date: 'yesterday'" },
      { where: 'record 16', reason: 'not a JSON object but number' },
      { where: 'record 17', reason: 'eventType: missing' },
    ]);
    expect(events[0]).toEqual({
      source: 'okta', eventId: '0a1e0000-0000-4000-8000-00000000000a', timeMs: Date.parse('2026-09-30T03:02:12.104Z'),
      user: 'dana@example.com', application: 'Salesforce', eventType: 'user.authentication.auth_via_mfa',
      factor: 'okta_verify_push', isPush: true, result: 'denied', reason: 'user_denied',
      accessIp: '198.51.100.23', accessHostname: null, authDevice: 'Okta Verify',
    });
    expect(events[5]).toMatchObject({ factor: 'sms', accessIp: '2001:db8::40' });
  });

  it('reads JSON lines the same, naming a broken line', () => {
    const lines = records.map((r) => JSON.stringify(r));
    lines.splice(3, 0, '{"eventType": "user.mfa.okta_verify.deny_push", "published": ');
    const { events, rejected } = parseOktaJson(lines.join('\n'));
    expect(events.map(row)).toEqual(STORY);
    expect(rejected[0]).toEqual({ where: 'line 4', reason: expect.stringMatching(/^not valid JSON: /) });
    expect(rejected.map((r) => r.where)).toEqual(['line 4', 'line 15', 'line 16', 'line 17', 'line 18']);
  });

  it('gives the same push the same id whether its answer is in the same export or not', () => {
    const sentOnly = parseOktaJson(JSON.stringify(records.slice(0, 2))).events;
    expect(sentOnly.map(row)).toEqual([['03:02:12.104', 'dana@example.com', 'denied', 'outcome_not_in_log', true, '0a']]);
    const answerOnly = parseOktaJson(JSON.stringify(records.slice(2, 3))).events;
    expect(answerOnly.map(row)).toEqual([['03:02:31.877', 'dana@example.com', 'denied', 'user_denied', true, '0b']]);
  });

  it('answers the latest push of the same Okta session; a push of another session stays unanswered', () => {
    const base = records[1] as Record<string, unknown>;
    const answer = records[5] as Record<string, unknown>;
    const send = (uuid: string, published: string, session: string): unknown => ({
      ...base, uuid, published, authenticationContext: { externalSessionId: session },
    });
    const input = [
      send('p1', '2026-09-30T03:09:00.000Z', 'S1'),
      send('p2', '2026-09-30T03:09:05.000Z', 'S1'),
      send('p3', '2026-09-30T03:09:08.000Z', 'S2'),
      { ...answer, authenticationContext: { externalSessionId: 'S1' } },
    ];
    const { events } = parseOktaJson(JSON.stringify(input));
    expect(events.map((e) => [e.eventId, e.reason])).toEqual([
      ['p1', 'outcome_not_in_log'], ['p2', 'user_denied'], ['p3', 'outcome_not_in_log'],
    ]);
  });

  it('keeps a fraud report with no push before it as its own event', () => {
    const { events } = parseOktaJson(JSON.stringify([records[6]]));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: 'fraud', reason: 'user_marked_fraud', isPush: false, factor: '' });
  });

  it('ignores event types that are not MFA, and gives nothing for empty input', () => {
    expect(parseOktaJson(JSON.stringify([records[0], records[9]]))).toEqual({ events: [], rejected: [] });
    expect(parseOktaJson('')).toEqual({ events: [], rejected: [] });
    expect(parseOktaJson('[]')).toEqual({ events: [], rejected: [] });
  });

  it('refuses text that is not JSON, once', () => {
    expect(parseOktaJson('eventType,published\nx,y\n').rejected).toEqual([
      { where: 'line 1', reason: 'not JSON: expected { or [ but the input starts with "eventType,published\\n"' },
    ]);
  });
});
