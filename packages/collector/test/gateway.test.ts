import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, pb, PROTOCOL_VERSION, type EnvelopeInit } from '@pushtrace/proto';
import { hashToken } from '../src/gateway/secrets.js';
import type { Store } from '../src/store/store.js';
import { ENROLL_SECRET, TestAgent, processInfo, startTestCollector, withOverrides, type TestCollector } from './gateway-harness.js';

const externalIp = (ip = '198.51.100.7'): EnvelopeInit['externalIp'] => ({ ip, resolver: '127.0.0.1:53', observedAtMs: Date.now() });

describe('agent gateway: enrollment and tokens', () => {
  let collector: TestCollector;
  beforeAll(async () => { collector = await startTestCollector(); });
  afterAll(async () => { await collector.stop(); });

  it('enrolls with the secret, issues a token and keeps only its hash', async () => {
    const agent = await TestAgent.connect(collector.agentUrl);
    agent.send({ hello: { enrollSecret: ENROLL_SECRET, hostname: 'laptop-1', agentVersion: '1.2.3', nextSeq: 1 } });
    const welcome = (await agent.nextWhere((e) => e.body === 'welcome')).welcome!;
    expect(welcome.sensorId).toBeGreaterThan(0);
    expect(welcome.sensorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(welcome.lastStoredSeq).toBe(0);
    expect(welcome.checkinIntervalS).toBe(60);

    const row = await collector.store.findSensorByTokenHash(hashToken(welcome.sensorToken!));
    expect(row).toEqual({ sensorId: welcome.sensorId, revokedAtMs: null });
    const sensors = await collector.store.listSensors();
    expect(sensors.find((s) => s.sensorId === welcome.sensorId)?.hostname).toBe('laptop-1');
    // The token itself is nowhere in the database file.
    const file = await readFile(collector.dbPath);
    expect(file.includes(Buffer.from(welcome.sensorToken!))).toBe(false);
    agent.close();
  });

  it('gives every enrollment its own sensor and token', async () => {
    const a = await TestAgent.enroll(collector.agentUrl, 'a');
    const b = await TestAgent.enroll(collector.agentUrl, 'b');
    expect(a.sensorId).not.toBe(b.sensorId);
    expect(a.token).not.toBe(b.token);
    a.agent.close();
    b.agent.close();
  });

  it('reconnects with the token to the same sensor and reports the last stored seq', async () => {
    const { agent, sensorId, token } = await TestAgent.enroll(collector.agentUrl);
    for (let seq = 1; seq <= 3; seq++) agent.send({ sensorId, seq, processInfo: processInfo(seq) });
    await agent.ackedThrough(3);
    agent.close();
    await agent.closed;

    const again = await TestAgent.reconnect(collector.agentUrl, token);
    expect(again.welcome).toMatchObject({ sensorId, lastStoredSeq: 3, checkinIntervalS: 60 });
    // No new token on reconnection.
    expect(again.welcome!.sensorToken).toBe('');
    again.agent.close();
  });

  it('replaces an older connection of the same sensor with GOING_AWAY', async () => {
    const { agent: first, sensorId, token } = await TestAgent.enroll(collector.agentUrl);
    expect(collector.running.gateway.isConnected(sensorId)).toBe(true);
    const { agent: second } = await TestAgent.reconnect(collector.agentUrl, token);
    const closed = await first.closed;
    expect(closed.code).toBe(CloseCode.GOING_AWAY);
    expect(first.errorNotice?.code).toBe('COLLECTOR_E_REPLACED');
    second.send({ sensorId, seq: 1, externalIp: externalIp() });
    expect(await second.ackedThrough(1)).toBe(1);
    expect(collector.running.gateway.isConnected(sensorId)).toBe(true);
    second.close();
    await second.closed;
  });
});

describe('agent gateway: data, acks and control messages', () => {
  let collector: TestCollector;
  beforeAll(async () => { collector = await startTestCollector(); });
  afterAll(async () => { await collector.stop(); });

  it('acks data only once it is in the store', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    agent.send({ sensorId, seq: 1, hostInfo: { hostname: 'h', osPlatform: 'linux', bootTimeMs: 1, observedAtMs: Date.now() } });
    agent.send({ sensorId, seq: 2, processInfo: processInfo(2) });
    agent.send({ sensorId, seq: 3, externalIp: externalIp() });
    const through = await agent.ackedThrough(3);
    expect(through).toBe(3);
    expect(await collector.store.lastStoredSeq(sensorId)).toBe(3);
    const procs = await collector.store.listProcesses({ sensorId });
    expect(procs.map((p) => p.processGuid)).toEqual(['guid-2']);
    agent.close();
  });

  it('acks a duplicate seq again but stores it once', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    agent.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    agent.send({ sensorId, seq: 2, processInfo: processInfo(2) });
    await agent.ackedThrough(2);
    const acksBefore = agent.received.filter((e) => e.body === 'ack').length;
    // Replay of seq 2, with different content: must not be applied again.
    agent.send({ sensorId, seq: 2, processInfo: processInfo(99) });
    await agent.nextWhere((e) => e.body === 'ack' && agent.received.filter((x) => x.body === 'ack').length > acksBefore);
    const lastAck = agent.received.filter((e) => e.body === 'ack').at(-1)!;
    expect(lastAck.ack!.throughSeq).toBe(2);
    const guids = (await collector.store.listProcesses({ sensorId })).map((p) => p.processGuid).sort();
    expect(guids).toEqual(['guid-1', 'guid-2']);
    agent.close();
  });

  it('commits frames that arrive together in batches and acks the highest seq', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    const n = 200;
    for (let seq = 1; seq <= n; seq++) agent.send({ sensorId, seq, processInfo: processInfo(seq) });
    expect(await agent.ackedThrough(n)).toBe(n);
    const acks = agent.received.filter((e) => e.body === 'ack').map((e) => e.ack!.throughSeq!);
    // Acks only grow, and there are fewer of them than messages: they were batched.
    expect([...acks].sort((a, b) => a - b)).toEqual(acks);
    expect(acks.length).toBeLessThan(n);
    expect((await collector.store.listProcesses({ sensorId, limit: 1000 })).length).toBe(n);
    agent.close();
  });

  it('stores the good messages around one the store always rejects, acks past it and stays connected', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    agent.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    // A port no socket can have: the schema refuses it, today and on every replay.
    agent.send({ sensorId, seq: 2, netconnBatch: { sampledAtMs: Date.now(), events: [{
      kind: pb.NetconnEvent.Kind.OPEN, connId: 'c1', processGuid: 'guid-1', pid: 1001,
      localIp: '10.0.0.1', localPort: 70_000, remoteIp: '192.0.2.1', remotePort: 443, firstSeenMs: Date.now(), lastSeenMs: Date.now() }] } });
    agent.send({ sensorId, seq: 3, processInfo: processInfo(3) });
    expect(await agent.ackedThrough(3)).toBe(3);
    const guids = (await collector.store.listProcesses({ sensorId })).map((p) => p.processGuid).sort();
    expect(guids).toEqual(['guid-1', 'guid-3']);
    expect(collector.logs.some((l) => l.code === 'COLLECTOR_E_STORE_REJECTED' && l.seq === 2 && l.sensorId === sensorId)).toBe(true);
    agent.send({ sensorId, seq: 4, processInfo: processInfo(4) });
    expect(await agent.ackedThrough(4)).toBe(4);
    agent.close();
  });

  it('records checkins and spool drops (seq 0) without acking them', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    const sentAtMs = Date.now();
    agent.send({ sensorId, seq: 0, sentAtMs, checkin: {
      nextCheckinAtMs: sentAtMs + 60_000, agentUptimeS: 5, spoolQueuedMessages: 7, spoolQueuedBytes: 700, externalIp: '' } });
    agent.send({ sensorId, seq: 0, spoolDrops: { droppedMessages: 4, droppedBytes: 400, lastDroppedSeq: 9 } });
    // Frames are handled in order, so once this is acked the two before it are recorded.
    agent.send({ sensorId, seq: 1, externalIp: externalIp() });
    await agent.ackedThrough(1);
    expect(agent.received.filter((e) => e.body === 'ack').map((e) => e.ack!.throughSeq)).toEqual([1]);
    const sensor = (await collector.store.listSensors()).find((s) => s.sensorId === sensorId)!;
    expect(sensor.lastCheckinMs).not.toBeNull();
    expect(sensor.spoolQueuedMessages).toBe(7);
    expect(sensor.droppedMessages).toBe(4);
    expect(sensor.droppedBytes).toBe(400);
    agent.close();
  });
});

describe('agent gateway: acks wait for the commit', () => {
  let collector: TestCollector;
  let releaseCommit: () => void = () => {};
  let commitStarted: () => void = () => {};
  let started: Promise<void>;
  let failCommits = false;

  beforeAll(async () => {
    collector = await startTestCollector({
      // A real store with a gate in front of commitMessages: the test decides
      // when a commit may finish, or makes it fail.
      wrapStore: (store: Store): Store => withOverrides(store, {
        async commitMessages(...args: Parameters<Store['commitMessages']>) {
          if (failCommits) throw new Error('injected: disk full');
          commitStarted();
          await new Promise<void>((resolve) => { releaseCommit = resolve; });
          return store.commitMessages(...args);
        },
      }),
    });
  });
  afterAll(async () => {
    releaseCommit();
    await collector.stop();
  });

  it('sends no ack while the commit is pending', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    started = new Promise((resolve) => { commitStarted = resolve; });
    agent.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    await started;
    // Give a wrong implementation every chance to ack early.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(agent.received.filter((e) => e.body === 'ack')).toEqual([]);
    expect(await collector.store.lastStoredSeq(sensorId)).toBe(0);
    releaseCommit();
    expect(await agent.ackedThrough(1)).toBe(1);
    expect(await collector.store.lastStoredSeq(sensorId)).toBe(1);
    agent.close();
  });

  it('closes with INTERNAL_ERROR and acks nothing when the commit fails; a replay then succeeds', async () => {
    const { agent, sensorId, token } = await TestAgent.enroll(collector.agentUrl);
    failCommits = true;
    agent.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    const closed = await agent.closed;
    expect(closed.code).toBe(CloseCode.INTERNAL_ERROR);
    expect(agent.errorNotice?.code).toBe('COLLECTOR_E_INTERNAL');
    expect(agent.highestAck).toBe(0);
    expect(await collector.store.lastStoredSeq(sensorId)).toBe(0);

    failCommits = false;
    const { agent: again, welcome } = await TestAgent.reconnect(collector.agentUrl, token);
    expect(welcome!.lastStoredSeq).toBe(0);
    started = new Promise((resolve) => { commitStarted = resolve; });
    again.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    await started;
    releaseCommit();
    expect(await again.ackedThrough(1)).toBe(1);
    again.close();
  });
});

describe('agent gateway: bad input is refused with its code and harms nobody else', () => {
  const MAX_FRAME = 4096;
  let collector: TestCollector;
  let good: TestAgent;
  let goodSensor: number;
  let goodSeq = 0;
  let other: { sensorId: number; token: string };

  /** One more data message from the good agent, acked. */
  async function goodStep(): Promise<void> {
    goodSeq += 1;
    good.send({ sensorId: goodSensor, seq: goodSeq, processInfo: processInfo(goodSeq) });
    expect(await good.ackedThrough(goodSeq)).toBe(goodSeq);
  }

  /** Opens a connection, sends the frames, expects the close code (and notice code where one is sent). */
  async function expectRefused(frames: Array<EnvelopeInit | Uint8Array | string>, closeCode: number, noticeCode?: string): Promise<void> {
    const bad = await TestAgent.connect(collector.agentUrl);
    await goodStep();
    for (const f of frames) {
      if (typeof f === 'string' || f instanceof Uint8Array) bad.sendRaw(f);
      else bad.send(f);
    }
    const closed = await bad.closed;
    expect(closed.code).toBe(closeCode);
    if (noticeCode !== undefined) {
      expect(bad.errorNotice?.code).toBe(noticeCode);
      expect(closed.reason).toBe(noticeCode);
    }
    await goodStep();
  }

  beforeAll(async () => {
    collector = await startTestCollector({ maxFrameBytes: MAX_FRAME });
    ({ agent: good, sensorId: goodSensor } = await TestAgent.enroll(collector.agentUrl, 'good'));
    const o = await TestAgent.enroll(collector.agentUrl, 'other');
    other = { sensorId: o.sensorId, token: o.token };
    o.agent.close();
  });
  afterAll(async () => { await collector.stop(); });
  afterEach(() => {
    expect(good.ws.readyState).toBe(good.ws.OPEN);
  });

  it('garbage bytes: UNDECODABLE', async () => {
    await expectRefused([new Uint8Array([0xff, 0xff, 0xff, 0x07, 0x01])], CloseCode.UNDECODABLE, 'COLLECTOR_E_UNDECODABLE');
  });

  it('an Envelope without a body: UNDECODABLE', async () => {
    await expectRefused([pb.Envelope.encode(pb.Envelope.create({ protocolVersion: PROTOCOL_VERSION, seq: 1 })).finish()],
      CloseCode.UNDECODABLE, 'COLLECTOR_E_UNDECODABLE');
  });

  it('a text frame: UNDECODABLE', async () => {
    await expectRefused(['{"hello":"text frames are not protobuf"}'], CloseCode.UNDECODABLE, 'COLLECTOR_E_UNDECODABLE');
  });

  it('a text frame that is not even UTF-8: UNDECODABLE (not 1007)', async () => {
    const bad = await TestAgent.connect(collector.agentUrl);
    bad.sendText(new Uint8Array([0xc3, 0x28, 0xff]));
    expect((await bad.closed).code).toBe(CloseCode.UNDECODABLE);
    await goodStep();
  });

  it('an oversized frame: 1009, and it is logged with the sensor', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl, 'big');
    agent.sendRaw(new Uint8Array(MAX_FRAME + 1));
    const closed = await agent.closed;
    expect(closed.code).toBe(CloseCode.MESSAGE_TOO_BIG);
    expect(collector.logs.some((l) => l.code === 'COLLECTOR_E_FRAME_TOO_BIG' && l.sensorId === sensorId)).toBe(true);
    await goodStep();
  });

  it('a protocol version not spoken: UNSUPPORTED_VERSION', async () => {
    await expectRefused([{ protocolVersion: PROTOCOL_VERSION + 41, hello: { enrollSecret: ENROLL_SECRET } }],
      CloseCode.UNSUPPORTED_VERSION, 'COLLECTOR_E_UNSUPPORTED_VERSION');
  });

  it('data before Hello: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ seq: 1, externalIp: externalIp() }], CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('a wrong enroll secret: BAD_ENROLL_SECRET, and no sensor is created', async () => {
    const before = (await collector.store.listSensors()).length;
    await expectRefused([{ hello: { enrollSecret: 'not the secret' } }], CloseCode.BAD_ENROLL_SECRET, 'COLLECTOR_E_BAD_ENROLL_SECRET');
    expect((await collector.store.listSensors()).length).toBe(before);
  });

  it('a token nobody issued: BAD_SENSOR_TOKEN', async () => {
    await expectRefused([{ hello: { sensorToken: 'not-a-token-anyone-issued' } }], CloseCode.BAD_SENSOR_TOKEN, 'COLLECTOR_E_BAD_SENSOR_TOKEN');
  });

  it('a revoked token: BAD_SENSOR_TOKEN', async () => {
    const { agent, token, sensorId } = await TestAgent.enroll(collector.agentUrl, 'to-revoke');
    agent.close();
    await collector.store.revokeSensor(sensorId, Date.now());
    await expectRefused([{ hello: { sensorToken: token } }], CloseCode.BAD_SENSOR_TOKEN, 'COLLECTOR_E_BAD_SENSOR_TOKEN');
  });

  it('a Hello without credentials: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ hello: { hostname: 'x' } }], CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('a frame naming another sensor: WRONG_SENSOR, and nothing of it stored', async () => {
    const before = await collector.store.lastStoredSeq(goodSensor);
    await expectRefused([
      { hello: { sensorToken: other.token } },
      { sensorId: goodSensor, seq: 1000, processInfo: processInfo(1000) },
    ], CloseCode.WRONG_SENSOR, 'COLLECTOR_E_WRONG_SENSOR');
    // goodStep inside moved the good sensor on by two; the bad frame added nothing.
    expect(await collector.store.lastStoredSeq(goodSensor)).toBe(before + 2);
    expect(await collector.store.lastStoredSeq(other.sensorId)).toBe(0);
  });

  it('a Hello whose envelope names another sensor than its token: WRONG_SENSOR', async () => {
    await expectRefused([{ sensorId: goodSensor, hello: { sensorToken: other.token } }], CloseCode.WRONG_SENSOR, 'COLLECTOR_E_WRONG_SENSOR');
  });

  it('a second Hello: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ hello: { sensorToken: other.token } }, { hello: { sensorToken: other.token } }],
      CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('a data body with seq 0: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ hello: { sensorToken: other.token } }, { seq: 0, externalIp: externalIp() }],
      CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('a control body with seq > 0: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ hello: { sensorToken: other.token } }, { seq: 5, checkin: { nextCheckinAtMs: Date.now() } }],
      CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('a collector-only body from an agent: PROTOCOL_VIOLATION', async () => {
    await expectRefused([{ hello: { sensorToken: other.token } }, { ack: { throughSeq: 1 } }],
      CloseCode.PROTOCOL_VIOLATION, 'COLLECTOR_E_PROTOCOL_VIOLATION');
  });

  it('data in front of a bad frame is still committed and acked', async () => {
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl, 'mixed');
    agent.send({ sensorId, seq: 1, processInfo: processInfo(1) });
    agent.send({ sensorId, seq: 2, processInfo: processInfo(2) });
    agent.sendRaw('text');
    const closed = await agent.closed;
    expect(closed.code).toBe(CloseCode.UNDECODABLE);
    expect(agent.highestAck).toBe(2);
    expect(await collector.store.lastStoredSeq(sensorId)).toBe(2);
  });
});

describe('agent gateway: timeouts and shutdown', () => {
  it('closes a connection that sends no Hello in time', async () => {
    const collector = await startTestCollector({ gateway: { helloTimeoutMs: 100 } });
    try {
      const silent = await TestAgent.connect(collector.agentUrl);
      const closed = await silent.closed;
      expect(closed.code).toBe(CloseCode.PROTOCOL_VIOLATION);
      expect(silent.errorNotice?.code).toBe('COLLECTOR_E_PROTOCOL_VIOLATION');
    } finally {
      await collector.stop();
    }
  });

  it('on close(): acked data is stored, agents get GOING_AWAY, new connections are refused', async () => {
    const collector = await startTestCollector();
    const { agent, sensorId } = await TestAgent.enroll(collector.agentUrl);
    let seq = 0;
    // Stream until the shutdown closes the connection.
    const pump = setInterval(() => {
      for (let i = 0; i < 20 && agent.ws.readyState === agent.ws.OPEN; i++) {
        seq += 1;
        agent.send({ sensorId, seq, processInfo: processInfo(seq) });
      }
    }, 1);
    await agent.ackedThrough(50);
    await collector.running.close();
    clearInterval(pump);
    const closed = await agent.closed;
    expect(closed.code).toBe(CloseCode.GOING_AWAY);
    expect(agent.errorNotice?.code).toBe('COLLECTOR_E_SHUTTING_DOWN');
    const acked = agent.highestAck;
    expect(acked).toBeGreaterThanOrEqual(50);
    const guids = new Set((await collector.store.listProcesses({ sensorId, limit: 10_000 })).map((p) => p.processGuid));
    for (let s = 1; s <= acked; s++) expect(guids.has(`guid-${s}`), `acked seq ${s} stored`).toBe(true);
    await expect(TestAgent.connect(collector.agentUrl)).rejects.toThrow();
    await collector.stop();
  });
});
