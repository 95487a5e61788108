import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pb } from '@pushtrace/proto';
import { ADMIN_TOKEN, TestAgent, processInfo, startTestCollector, type TestCollector } from './gateway-harness.js';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');

async function get(collector: TestCollector, path: string, token: string | null = ADMIN_TOKEN, method = 'GET') {
  const res = await fetch(`${collector.url}${path}`, {
    method,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text.startsWith('{') ? JSON.parse(text) as Record<string, any> : null };
}

describe('API: authentication and errors', () => {
  let collector: TestCollector;
  beforeAll(async () => { collector = await startTestCollector(); });
  afterAll(async () => { await collector.stop(); });

  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'wrong-token'],
    ['the token with one character changed', `${ADMIN_TOKEN.slice(0, -1)}X`],
  ])('answers 401 with a coded error for %s', async (_what, token) => {
    for (const path of ['/api/v1/sensors', '/api/v1/processes', '/api/v1/no-such-thing']) {
      const res = await get(collector, path, token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'COLLECTOR_E_UNAUTHENTICATED', message: expect.any(String) } });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers 401 to a non-Bearer scheme', async () => {
    const res = await fetch(`${collector.url}/api/v1/sensors`, { headers: { authorization: `Basic ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(401);
  });

  it('answers 404 coded for unknown paths, inside and outside the API', async () => {
    const inside = await get(collector, '/api/v1/no-such-thing');
    expect(inside.status).toBe(404);
    expect(inside.body!.error.code).toBe('COLLECTOR_E_NOT_FOUND');
    const outside = await get(collector, '/favicon.ico', null);
    expect(outside.status).toBe(404);
    expect(outside.body!.error.code).toBe('COLLECTOR_E_NOT_FOUND');
  });

  it('answers a bad process query with 400, its code and the column, through the real router', async () => {
    const res = await get(collector, `/api/v1/processes?q=${encodeURIComponent('pid:abc')}`);
    expect(res.status).toBe(400);
    expect(res.body!.error).toMatchObject({ code: 'COLLECTOR_E_QUERY_VALUE', column: 5 });
    const sensors = await get(collector, `/api/v1/sensors?q=${encodeURIComponent('hostname:[a TO')}`);
    expect(sensors.status).toBe(400);
    expect(sensors.body!.error.code).toBe('COLLECTOR_E_QUERY_SYNTAX');
  });

  it('answers 405 coded for a method other than GET', async () => {
    const res = await get(collector, '/api/v1/sensors', ADMIN_TOKEN, 'POST');
    expect(res.status).toBe(405);
    expect(res.body!.error.code).toBe('COLLECTOR_E_METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves the console placeholder at / without a token, linking the API', async () => {
    const res = await get(collector, '/', null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('href="/api/v1/sensors"');
  });

  it('answers plain HTTP on /agent with 426 and a coded error', async () => {
    const res = await get(collector, '/agent', null);
    expect(res.status).toBe(426);
    expect(res.body!.error.code).toBe('COLLECTOR_E_NOT_FOUND');
  });

  it('refuses WebSocket upgrades anywhere but /agent', async () => {
    await expect(TestAgent.connect(collector.agentUrl.replace(/\/agent$/, '/api/v1/sensors'))).rejects.toThrow(/404/);
  });

  it('refuses unknown and malformed query parameters with 400 naming the parameter', async () => {
    const unknown = await get(collector, '/api/v1/processes?sensr=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body!.error).toEqual({ code: 'COLLECTOR_E_BAD_PARAM', message: expect.stringContaining('sensr') });
    const since = await get(collector, '/api/v1/processes?since=10x');
    expect(since.status).toBe(400);
    expect(since.body!.error.message).toMatch(/since.*"10x"/);
    const sensor = await get(collector, '/api/v1/processes?sensor=abc');
    expect(sensor.status).toBe(400);
    expect(sensor.body!.error.message).toMatch(/sensor.*"abc"/);
    const limit = await get(collector, '/api/v1/processes?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body!.error.message).toContain('limit');
  });
});

describe('API: sensors', () => {
  let clock = T0;
  let collector: TestCollector;
  let sensorId: number;
  let agent: TestAgent;

  beforeAll(async () => {
    collector = await startTestCollector({ now: () => clock, offlineGraceS: 15 });
    ({ agent, sensorId } = await TestAgent.enroll(collector.agentUrl, 'enrolled-name'));
  });
  afterAll(async () => { await collector.stop(); });

  it('shows a sensor that never checked in as offline, with nulls where nothing is known', async () => {
    const { body } = await get(collector, '/api/v1/sensors');
    expect(body!.now).toBe(new Date(T0).toISOString());
    const sensor = body!.sensors.find((s: { sensor_id: number }) => s.sensor_id === sensorId);
    expect(sensor).toMatchObject({
      sensor_id: sensorId, hostname: 'enrolled-name', agent_version: '0.0.0-test', status: 'offline',
      last_checkin: null, next_checkin: null, uptime_s: null, external_ip: null, interface_ips: [],
      dropped_events: 0, connected: true, revoked: false, enrolled_at: new Date(T0).toISOString(),
    });
  });

  it('has every contract field, from host info, checkins and spool drops', async () => {
    // The agent's clock runs 5 s ahead of the collector's.
    const agentNow = clock + 5000;
    agent.send({ sensorId, seq: 1, sentAtMs: agentNow, hostInfo: {
      hostname: 'laptop-7', osPlatform: 'linux', osVersion: 'Debian GNU/Linux 12', arch: 'x64', agentVersion: '1.0.0',
      bootTimeMs: agentNow - 3_600_000, loggedInUsers: ['alice'], observedAtMs: agentNow,
      interfaces: [{ name: 'eth0', mac: '00:11:22:33:44:55', addresses: ['10.1.2.3/24', 'fe80::1/64'] }],
    } });
    agent.send({ sensorId, seq: 2, sentAtMs: agentNow, externalIp: { ip: '203.0.113.7', resolver: '127.0.0.1:53', observedAtMs: agentNow } });
    agent.send({ sensorId, seq: 0, sentAtMs: agentNow, checkin: {
      nextCheckinAtMs: agentNow + 60_000, agentUptimeS: 30, spoolQueuedMessages: 2, spoolQueuedBytes: 200, externalIp: '203.0.113.7' } });
    agent.send({ sensorId, seq: 0, sentAtMs: agentNow, spoolDrops: { droppedMessages: 3, droppedBytes: 300, lastDroppedSeq: 1 } });
    agent.send({ sensorId, seq: 3, sentAtMs: agentNow, processInfo: processInfo(3) });
    await agent.ackedThrough(3);

    const { status, body } = await get(collector, '/api/v1/sensors');
    expect(status).toBe(200);
    const sensor = body!.sensors.find((s: { sensor_id: number }) => s.sensor_id === sensorId);
    expect(sensor).toEqual({
      sensor_id: sensorId,
      hostname: 'laptop-7',
      os: 'Debian GNU/Linux 12',
      agent_version: '1.0.0',
      external_ip: '203.0.113.7',
      interface_ips: expect.arrayContaining(['10.1.2.3', 'fe80::1']),
      uptime_s: 3600,
      last_checkin: new Date(T0).toISOString(),
      next_checkin: new Date(T0 + 60_000).toISOString(),
      status: 'online',
      dropped_events: 3,
      os_platform: 'linux',
      connected: true,
      enrolled_at: new Date(T0).toISOString(),
      logged_in_users: ['alice'],
      dropped_bytes: 300,
      last_dropped_seq: 1,
      spool_queued: 2,
      spool_queued_bytes: 200,
      clock_offset_ms: 5000,
      last_stored_seq: 3,
      revoked: false,
      revoked_at: null,
    });
  });

  it('turns offline once the next checkin is overdue by more than the grace', async () => {
    const statusAt = async (ms: number) => {
      clock = ms;
      const { body } = await get(collector, '/api/v1/sensors');
      return body!.sensors.find((s: { sensor_id: number }) => s.sensor_id === sensorId) as { status: string; uptime_s: number };
    };
    expect((await statusAt(T0 + 60_000)).status).toBe('online');
    expect((await statusAt(T0 + 75_000)).status).toBe('online');
    const late = await statusAt(T0 + 75_001);
    expect(late.status).toBe('offline');
    expect(late.uptime_s).toBe(3675);
  });

  it('shows a disconnected sensor as not connected', async () => {
    agent.close();
    await agent.closed;
    // The gateway learns of the close on the next turn of its event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const { body } = await get(collector, '/api/v1/sensors');
    expect(body!.sensors.find((s: { sensor_id: number }) => s.sensor_id === sensorId).connected).toBe(false);
  });
});

describe('API: processes', () => {
  let collector: TestCollector;
  let sensorA: number;
  let sensorB: number;
  const now = Date.now();

  beforeAll(async () => {
    collector = await startTestCollector();
    const a = await TestAgent.enroll(collector.agentUrl, 'host-a');
    const b = await TestAgent.enroll(collector.agentUrl, 'host-b');
    sensorA = a.sensorId;
    sensorB = b.sensorId;
    a.agent.send({ sensorId: sensorA, seq: 1, processInfo: { ...processInfo(1, now - 3_600_000), name: 'WinSCP.exe' } });
    a.agent.send({ sensorId: sensorA, seq: 2, netconnBatch: { sampledAtMs: now - 60_000, events: [
      { kind: pb.NetconnEvent.Kind.OPEN, connId: 'c1', protocol: pb.NetconnEvent.Protocol.TCP, direction: pb.NetconnEvent.Direction.OUTBOUND,
        processGuid: 'guid-1', pid: 1001, localIp: '10.1.2.3', localPort: 50123, remoteIp: '192.0.2.10', remotePort: 22,
        state: 'ESTABLISHED', firstSeenMs: now - 60_000, lastSeenMs: now - 60_000 },
    ] } });
    a.agent.send({ sensorId: sensorA, seq: 3, netconnBatch: { sampledAtMs: now - 30_000, events: [
      { kind: pb.NetconnEvent.Kind.CLOSE, connId: 'c1', protocol: pb.NetconnEvent.Protocol.TCP, direction: pb.NetconnEvent.Direction.OUTBOUND,
        processGuid: 'guid-1', pid: 1001, localIp: '10.1.2.3', localPort: 50123, remoteIp: '192.0.2.10', remotePort: 22,
        state: 'CLOSE', firstSeenMs: now - 60_000, lastSeenMs: now - 30_000 },
    ] } });
    await a.agent.ackedThrough(3);
    // host-b: a process whose only connection is two hours old.
    b.agent.send({ sensorId: sensorB, seq: 1, processInfo: processInfo(2, now - 10_000_000) });
    b.agent.send({ sensorId: sensorB, seq: 2, netconnBatch: { sampledAtMs: now - 7_200_000, events: [
      { kind: pb.NetconnEvent.Kind.OPEN, connId: 'c9', protocol: pb.NetconnEvent.Protocol.UDP, direction: pb.NetconnEvent.Direction.OUTBOUND,
        processGuid: 'guid-2', pid: 1002, localIp: '10.9.9.9', localPort: 5353, remoteIp: '198.51.100.53', remotePort: 53,
        firstSeenMs: now - 7_200_000, lastSeenMs: now - 7_200_000 },
    ] } });
    await b.agent.ackedThrough(2);
    a.agent.close();
    b.agent.close();
  });
  afterAll(async () => { await collector.stop(); });

  it('lists processes with the contract fields and their netconns', async () => {
    const { status, body } = await get(collector, `/api/v1/processes?sensor=${sensorA}`);
    expect(status).toBe(200);
    expect(body!.processes).toEqual([{
      sensor_id: sensorA,
      name: 'WinSCP.exe',
      pid: 1001,
      path: '/usr/bin/proc-1',
      cmdline: '/usr/bin/proc-1 --flag',
      user: 'alice',
      start_time: new Date(now - 3_600_000).toISOString(),
      sha256: 'a'.repeat(64),
      md5: 'b'.repeat(32),
      netconns: [{
        remote_ip: '192.0.2.10', remote_port: 22, local_port: 50123, protocol: 'tcp', direction: 'outbound',
        opened_at: new Date(now - 60_000).toISOString(), closed_at: new Date(now - 30_000).toISOString(),
        local_ip: '10.1.2.3', state: expect.any(String),
      }],
      hostname: 'host-a',
      process_guid: 'guid-1',
      ppid: 1,
    }]);
  });

  it('filters by sensor and by since (look-back or ISO time)', async () => {
    const all = await get(collector, '/api/v1/processes');
    expect(all.body!.processes.map((p: { sensor_id: number }) => p.sensor_id).sort()).toEqual([sensorA, sensorB].sort());
    const recent = await get(collector, '/api/v1/processes?since=10m');
    expect(recent.body!.processes.map((p: { name: string }) => p.name)).toEqual(['WinSCP.exe']);
    const iso = await get(collector, `/api/v1/processes?since=${encodeURIComponent(new Date(now - 3 * 3_600_000).toISOString())}`);
    expect(iso.body!.processes).toHaveLength(2);
    const onlyB = await get(collector, `/api/v1/processes?sensor=${sensorB}&since=3h`);
    expect(onlyB.body!.processes.map((p: { sensor_id: number }) => p.sensor_id)).toEqual([sensorB]);
    const limited = await get(collector, '/api/v1/processes?limit=1');
    expect(limited.body!.processes).toHaveLength(1);
  });
});
