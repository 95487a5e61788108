import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEntraJson } from '../src/ingest/entra/entra-json.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';

const text = readFileSync(new URL('./fixtures/mfa/entra-signins.json', import.meta.url), 'utf8');
const signIns = (JSON.parse(text) as { value: unknown[] }).value;
const row = (e: MfaEvent): unknown[] => [e.eventId.slice(-2), e.user, e.result, e.reason, e.factor, e.isPush, e.accessIp];

const EXPECTED = [
  ['01', 'j.chen@example.com', 'denied', 'user_declined', 'mobile_app_notification', true, '203.0.113.55'],
  ['02', 'j.chen@example.com', 'denied', 'no_response', 'mobile_app_notification', true, '203.0.113.55'],
  ['03', 'j.chen@example.com', 'fraud', 'user_marked_fraud', 'mobile_app_notification', true, '2001:db8::55'],
  ['04', 'j.chen@example.com', 'success', 'mfa_completed', 'mobile_app_notification', true, '198.51.100.7'],
  // 500121 with nothing more said: a failed MFA of unknown kind.
  ['09', 'k.obi@example.com', 'failure', 'mfa_failed', '', false, '203.0.113.55'],
  ['0b', 'k.obi@example.com', 'success', 'mfa_completed', 'text_message', false, '203.0.113.55'],
];

describe('Entra ID sign-in logs', () => {
  it('turns each sign-in with an answered MFA prompt into one event; interrupts and single-factor sign-ins are skipped', () => {
    const { events, rejected } = parseEntraJson(text);
    expect(events.map(row)).toEqual(EXPECTED);
    expect(rejected).toEqual([
      { where: 'record 10', reason: 'createdDateTime: missing' },
      { where: 'record 11', reason: 'not a JSON object but string' },
    ]);
    expect(events[0]).toEqual({
      source: 'entra', eventId: 'e0000000-0000-4000-8000-000000000001', timeMs: Date.parse('2026-09-24T08:29:11Z'),
      user: 'j.chen@example.com', application: 'Office 365 Exchange Online', eventType: 'signIn',
      factor: 'mobile_app_notification', isPush: true, result: 'denied', reason: 'user_declined',
      accessIp: '203.0.113.55', accessHostname: null, authDevice: 'Microsoft Authenticator',
    });
  });

  it('reads a bare array, JSON lines and an Azure Monitor export alike', () => {
    expect(parseEntraJson(JSON.stringify(signIns)).events.map(row)).toEqual(EXPECTED);
    const lines = signIns.map((s) => JSON.stringify(s));
    lines.splice(1, 0, '{"id": "broken"');
    const fromLines = parseEntraJson(lines.join('\n'));
    expect(fromLines.events.map(row)).toEqual(EXPECTED);
    expect(fromLines.rejected.map((r) => r.where)).toEqual(['line 2', 'line 11', 'line 12']);

    const monitor = { records: [{ time: '2026-09-24T08:29:11Z', category: 'SignInLogs', operationName: 'Sign-in activity', properties: signIns[1] }] };
    expect(parseEntraJson(JSON.stringify(monitor)).events.map(row)).toEqual([EXPECTED[1]]);
  });

  it('falls back to status.additionalDetails when the step says nothing useful', () => {
    const signIn = {
      id: 'x1', createdDateTime: '2026-09-24T09:00:00Z', userPrincipalName: 'j.chen@example.com', appDisplayName: 'VPN',
      ipAddress: '203.0.113.55', status: { errorCode: 500121, additionalDetails: 'MFA denied; user did not respond to mobile app notification' },
      authenticationDetails: [{ authenticationMethod: 'Mobile app notification', succeeded: false }],
    };
    expect(parseEntraJson(JSON.stringify(signIn)).events.map(row)).toEqual([['x1', 'j.chen@example.com', 'denied', 'no_response', 'mobile_app_notification', true, '203.0.113.55']]);
  });

  it('gives nothing for empty input or an empty page', () => {
    expect(parseEntraJson('')).toEqual({ events: [], rejected: [] });
    expect(parseEntraJson('{"value": []}')).toEqual({ events: [], rejected: [] });
  });
});
