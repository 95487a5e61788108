import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestCollector, type TestCollector } from './gateway-harness.js';

async function call(collector: TestCollector, method: string, path: string, body?: string) {
  const res = await fetch(`${collector.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'text/plain' } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, any> };
}

const push = (user: string, ip: string, atMs: number, txid: string) => JSON.stringify({
  timestamp: Math.floor(atMs / 1000), txid, event_type: 'authentication', factor: 'duo_push', result: 'denied',
  reason: 'no_response', user: { name: user }, application: { name: 'vpn' }, access_device: { ip }, auth_device: { name: 'phone' },
});

// The detection endpoints through a real server and store; the detector's
// judgement itself is tested in detect-*.test.ts and end to end.
describe('API: ingest, alerts, loops', () => {
  let collector: TestCollector;
  beforeAll(async () => { collector = await startTestCollector(); });
  afterAll(async () => { await collector.stop(); });

  it('ingests a Duo log: stores good records, lists bad ones with where and why, and raises an alert', async () => {
    const t = Date.parse('2025-03-01T12:00:00Z');
    const body = [push('eve', '198.51.100.5', t, 'a'), '{"not": "a duo record"', push('eve', '198.51.100.5', t + 20_000, 'b'),
      push('eve', '198.51.100.5', t + 40_000, 'c')].join('\n');
    const res = await call(collector, 'POST', '/api/v1/ingest/duo', body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, stored: 3, duplicates: 0 });
    expect(res.body.rejected).toEqual([{ where: 'line 2', reason: expect.any(String) }]);
    expect(res.body.alerts).toEqual([{ id: expect.any(Number), verdict: 'unattributed', user: 'eve' }]);

    const again = await call(collector, 'POST', '/api/v1/ingest/duo', body);
    expect(again.body).toMatchObject({ received: 3, stored: 0, duplicates: 3, alerts: [] });

    const list = await call(collector, 'GET', '/api/v1/alerts');
    expect(list.body.alerts).toHaveLength(1);
    const alert = list.body.alerts[0];
    expect(alert).toMatchObject({ verdict: 'unattributed', severity: 'high', user: 'eve', access_ip: '198.51.100.5', pushes_total: 3,
      sensor_id: null, hostname: null, process: null, destination: null });
    expect(alert.evidence).toHaveLength(3);
    const one = await call(collector, 'GET', `/api/v1/alerts/${alert.id}`);
    expect(one.body.alert).toEqual({ ...alert, notes: [] });
  });

  it('answers coded errors for a bad source, format, alert id and method', async () => {
    expect(await call(collector, 'POST', '/api/v1/ingest/lastpass', '')).toMatchObject({ status: 400, body: { error: { code: 'COLLECTOR_E_BAD_PARAM' } } });
    expect(await call(collector, 'POST', '/api/v1/ingest/duo?format=xml', '')).toMatchObject({ status: 400, body: { error: { code: 'COLLECTOR_E_BAD_PARAM' } } });
    expect(await call(collector, 'GET', '/api/v1/alerts/999999')).toMatchObject({ status: 404, body: { error: { code: 'COLLECTOR_E_NOT_FOUND' } } });
    expect(await call(collector, 'GET', '/api/v1/alerts/abc')).toMatchObject({ status: 400, body: { error: { code: 'COLLECTOR_E_BAD_PARAM' } } });
    expect(await call(collector, 'GET', '/api/v1/ingest/duo')).toMatchObject({ status: 405, body: { error: { code: 'COLLECTOR_E_METHOD_NOT_ALLOWED' } } });
    expect(await call(collector, 'POST', '/api/v1/alerts', '')).toMatchObject({ status: 405 });
  });

  it('lists reconnect loops (none without telemetry) and checks its look-back', async () => {
    expect(await call(collector, 'GET', '/api/v1/loops?since=2h')).toMatchObject({ status: 200, body: { loops: [] } });
    expect(await call(collector, 'GET', '/api/v1/loops?since=yesterday')).toMatchObject({ status: 400, body: { error: { code: 'COLLECTOR_E_BAD_PARAM' } } });
  });
});
