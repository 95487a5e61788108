import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode } from '@pushtrace/proto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Spool } from '../src/spool/spool.js';
import { Backoff } from '../src/transport/backoff.js';
import { AgentConnection, type AgentConnectionOptions, type ConnectionEvents } from '../src/transport/connection.js';
import { FakeCollector, type FakeCollectorOptions } from './fixtures/fake-collector.js';

let root: string;
let spool: Spool;
const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pushtrace-transport-'));
  spool = Spool.open(join(root, 'spool'), { maxBytes: 4 * 1024 * 1024, segmentBytes: 64 * 1024, maxRecordBytes: 64 * 1024 });
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  spool.close();
  rmSync(root, { recursive: true, force: true });
});

async function collector(options: FakeCollectorOptions = {}): Promise<FakeCollector> {
  const c = await FakeCollector.start(options);
  cleanups.push(() => c.close());
  return c;
}

/** A fast, deterministic backoff: random 0.5, so delays are exactly half the ceiling. */
const fastBackoff = () => new Backoff({ baseMs: 10, capMs: 200, random: () => 0.5 });

function connect(url: string, options: Partial<AgentConnectionOptions> = {}): AgentConnection {
  const conn = new AgentConnection({
    collectorUrl: url,
    stateDir: join(root, 'state'),
    enrollSecret: 'enroll-me',
    spool,
    hostname: 'laptop-7',
    agentVersion: '0.1.0-test',
    backoff: fastBackoff(),
    ...options,
  });
  cleanups.push(() => conn.stop());
  return conn;
}

function once<K extends keyof ConnectionEvents>(conn: AgentConnection, event: K): Promise<ConnectionEvents[K]> {
  return new Promise((resolve) => conn.once(event, ((...args: ConnectionEvents[K]) => resolve(args)) as never));
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const put = (n: number) => spool.enqueue({ externalIp: { ip: `203.0.113.${n % 256}`, observedAtMs: n } });

describe('AgentConnection enrollment', () => {
  it('enrolls with the secret, saves the token 0600, and uses the token from then on', async () => {
    const fake = await collector();
    const first = connect(fake.url);
    const connected = once(first, 'connected');
    first.start();
    const [info] = await connected;
    expect(info).toMatchObject({ sensorId: 1, enrolled: true, reconnect: false });
    expect(first.connected).toBe(true);
    expect(fake.hellos[0]).toMatchObject({ enrollSecret: 'enroll-me', hostname: 'laptop-7', agentVersion: '0.1.0-test', nextSeq: 1 });
    expect(fake.hellos[0]!.sensorToken ?? '').toBe('');

    const file = join(root, 'state', 'sensor.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.sensorId).toBe(1);
    expect(fake.tokens.get(saved.sensorToken)).toBe(1);
    await first.stop();
    expect(first.connected).toBe(false);

    // A new process: the secret is no longer needed, the token is presented.
    const second = connect(fake.url, { enrollSecret: undefined });
    const again = once(second, 'connected');
    second.start();
    expect((await again)[0]).toMatchObject({ sensorId: 1, enrolled: false });
    expect(fake.hellos[1]).toMatchObject({ sensorToken: saved.sensorToken });
    expect(fake.hellos[1]!.enrollSecret ?? '').toBe('');
    expect(second.sensorId).toBe(1);
  });

  it('refuses to start without a token or an enroll secret', () => {
    expect(() => connect('ws://127.0.0.1:9', { enrollSecret: undefined }))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('enrollSecret') }));
  });
});

describe('AgentConnection delivery', () => {
  it('sends what was spooled while offline, deletes it on Ack, and sends new data live', async () => {
    for (let i = 1; i <= 150; i++) put(i);
    const fake = await collector();
    const conn = connect(fake.url, { windowMessages: 16 });
    const acks: number[] = [];
    conn.on('ack', (seq) => acks.push(seq));
    conn.start();
    await until(() => spool.stats().queuedMessages === 0, 'the backlog to drain');
    for (let i = 151; i <= 160; i++) put(i);
    await until(() => fake.lastStored(1) === 160, 'live data');
    await until(() => spool.stats().queuedMessages === 0, 'live data acked');
    const stored = fake.stored.get(1)!;
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
    expect(stored.get(77)!.externalIp?.observedAtMs).toBe(77);
    expect(fake.received).toHaveLength(160); // nothing sent twice on a healthy link
    expect(acks.at(-1)).toBe(160);
  });

  it('replays after the connection drops mid-stream: the collector ends with every seq once, the spool empty', async () => {
    for (let i = 1; i <= 120; i++) put(i);
    let conns = 0;
    const fake = await collector({
      onData: (c, env) => {
        const seq = Number(env.seq);
        if (c === fake.connections[0]) {
          // Stored 1..30 but acked only through 20, then the network fails.
          if (seq > 20 && seq < 30) return 'no-ack';
          if (seq === 30) return 'close';
        }
        if (c === fake.connections[1]) {
          // Received 61..70 but "crashed" before committing 70.
          if (seq > 60 && seq < 70) return 'no-ack';
          if (seq === 70) return 'no-store-close';
        }
        return undefined;
      },
    });
    // The window must hold the unacked runs below (9 frames), or the stream stalls.
    const conn = connect(fake.url, { windowMessages: 16 });
    const disconnects: number[] = [];
    conn.on('disconnected', (r) => disconnects.push(r.code));
    conn.on('connected', () => { conns += 1; });
    conn.start();
    await until(() => spool.stats().queuedMessages === 0 && fake.lastStored(1) === 120, 'all 120 delivered');

    expect(conns).toBe(3);
    expect(disconnects).toEqual([1006, 1006]);
    const stored = fake.stored.get(1)!;
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    // Third connection: Welcome said 69 was stored, so 61..69 are not re-sent; 70 is.
    const third = fake.connections[2]!.seqs;
    expect(third[0]).toBe(70);
    // Second connection started after 30 (Welcome discarded 21..30).
    expect(fake.connections[1]!.seqs[0]).toBe(31);
    // Replayed frames were received twice and stored once.
    expect(fake.received.filter((r) => r.seq === 70)).toHaveLength(2);
    expect(spool.stats()).toMatchObject({ queuedMessages: 0, leasedMessages: 0 });
  });

  it('replays unacked frames after a cut and the collector dedups them', async () => {
    for (let i = 1; i <= 40; i++) put(i);
    // Acks withheld entirely on the first connection: everything is stored but unacked.
    const fake = await collector({ onData: (c) => (c === fake.connections[0] ? 'no-ack' : undefined) });
    const conn = connect(fake.url, { windowMessages: 10 });
    conn.start();
    await until(() => fake.received.length === 10, 'the first window');
    fake.cutAll();
    await until(() => spool.stats().queuedMessages === 0, 'the spool to empty');
    expect(fake.stored.get(1)!.size).toBe(40);
    // 1..10 were in the store already: the Welcome discarded them, nothing doubled.
    expect(fake.connections[1]!.seqs[0]).toBe(11);
  });

  it('sends a SpoolDropReport after every Welcome and when drops grow while connected', async () => {
    spool.close();
    spool = Spool.open(join(root, 'small-spool'), { maxBytes: 64 * 1024, segmentBytes: 8 * 1024, maxRecordBytes: 4096 });
    const fake = await collector({ onData: () => 'no-ack' }); // a collector that stalls
    const conn = connect(fake.url, { windowMessages: 4 });
    const connected = once(conn, 'connected');
    conn.start();
    await connected;
    await until(() => fake.controls.length === 1, 'the report after Welcome');
    expect(fake.controls[0]!.body).toBe('spoolDrops');
    expect(Number(fake.controls[0]!.spoolDrops!.droppedMessages)).toBe(0);
    for (let i = 1; i <= 200; i++) spool.enqueue({ externalIp: { ip: 'q'.repeat(1000) } });
    const totals = spool.stats();
    expect(totals.droppedMessages).toBeGreaterThan(0);
    await until(() => fake.controls.some((c) => Number(c.spoolDrops?.droppedMessages) === totals.droppedMessages), 'the updated report');
    const last = fake.controls.at(-1)!;
    expect(Number(last.seq)).toBe(0);
    expect(Number(last.spoolDrops!.droppedBytes)).toBe(totals.droppedBytes);
    expect(Number(last.spoolDrops!.lastDroppedSeq)).toBe(totals.lastDroppedSeq);
  });

  it('sends control messages only while connected, with seq 0', async () => {
    const fake = await collector();
    const conn = connect(fake.url);
    expect(conn.sendControl({ checkin: { agentUptimeS: 1 } })).toBe(false);
    const connected = once(conn, 'connected');
    conn.start();
    await connected;
    expect(conn.sendControl({ checkin: { agentUptimeS: 5, spoolQueuedMessages: 3 } })).toBe(true);
    await until(() => fake.controls.some((c) => c.body === 'checkin'), 'the checkin');
    const checkin = fake.controls.find((c) => c.body === 'checkin')!;
    expect(Number(checkin.seq)).toBe(0);
    expect(checkin.checkin).toMatchObject({ agentUptimeS: 5, spoolQueuedMessages: 3 });
    expect(spool.stats().nextSeq).toBe(1); // not spooled
  });

  it('emits reconnect on every Welcome after the first', async () => {
    const fake = await collector();
    const conn = connect(fake.url);
    const reconnects: number[] = [];
    conn.on('reconnect', (id) => reconnects.push(id));
    conn.start();
    await until(() => conn.connected, 'first connect');
    expect(reconnects).toEqual([]);
    fake.cutAll();
    await until(() => reconnects.length === 1, 'reconnect');
    fake.cutAll();
    await until(() => reconnects.length === 2, 'second reconnect');
    expect(reconnects).toEqual([1, 1]);
  });
});

describe('AgentConnection refusals and backoff', () => {
  for (const [name, code] of [['BAD_ENROLL_SECRET', CloseCode.BAD_ENROLL_SECRET], ['BAD_SENSOR_TOKEN', CloseCode.BAD_SENSOR_TOKEN]] as const) {
    it(`logs ${name} once per attempt with the notice and retries at the backoff cap, keeping the spool`, async () => {
      for (let i = 1; i <= 5; i++) put(i);
      const fake = await collector({
        onHello: () => ({ code, noticeCode: `COLLECTOR_E_${name}`, message: `the ${name === 'BAD_ENROLL_SECRET' ? 'secret' : 'token'} is not accepted` }),
      });
      const lines: Array<Record<string, unknown>> = [];
      const log = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
      const conn = connect(fake.url, { log });
      const reasons: Array<ConnectionEvents['disconnected'][0]> = [];
      conn.on('disconnected', (r) => reasons.push(r));
      conn.start();
      await until(() => reasons.length >= 3, 'three refused attempts');
      await conn.stop();
      for (const r of reasons.slice(0, 3)) {
        expect(r).toMatchObject({ code, codeName: name, noticeCode: `COLLECTOR_E_${name}`, refused: true });
        expect(r.message).toContain(`(${name})`);
        expect(r.message).toContain('is not accepted');
        // random 0.5 at the 200 ms cap: every retry waits 100 ms, never the 5 ms base.
        expect(r.retryInMs).toBe(100);
      }
      const errors = lines.filter((l) => l.level === 50);
      expect(errors.length).toBeGreaterThanOrEqual(3);
      expect(errors[0]).toMatchObject({ codeName: name, code, noticeCode: `COLLECTOR_E_${name}` });
      expect(spool.stats().queuedMessages).toBe(5);
      expect(fake.received).toHaveLength(0);
    });
  }

  it('grows the delay from the base on plain network failures and resets it on the first Ack', async () => {
    const fake = await collector();
    const port = fake.port;
    await fake.close();
    cleanups.pop();
    const backoff = fastBackoff();
    const conn = connect(`ws://127.0.0.1:${port}`, { backoff });
    const delays: number[] = [];
    conn.on('disconnected', (r) => {
      expect(r.refused).toBe(false);
      delays.push(r.retryInMs!);
    });
    conn.start();
    await until(() => delays.length >= 4, 'four failed attempts');
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40]);
    await conn.stop();

    // Now a working collector: one Ack puts the backoff back at its base.
    const live = await collector();
    put(1);
    const conn2 = connect(live.url, { backoff });
    const acked = once(conn2, 'ack');
    conn2.start();
    await acked;
    expect(backoff.attempt).toBe(0);
  });
});

describe('AgentConnection heartbeat and deadlines', () => {
  it('drops a connection whose collector went silent (no pong) and reconnects', async () => {
    const fake = await collector({ autoPong: false });
    const conn = connect(fake.url, { pingIntervalMs: 20, idleTimeoutMs: 150 });
    const disconnected = once(conn, 'disconnected');
    conn.start();
    await until(() => conn.connected, 'connect');
    const [reason] = await disconnected;
    expect(reason).toMatchObject({ code: 1006, refused: false });
    expect(reason.message).toMatch(/no frame or pong/);
    await until(() => fake.hellos.length >= 2, 'a new attempt');
  });

  it('keeps a quiet but answering connection alive', async () => {
    const fake = await collector(); // answers pings
    const conn = connect(fake.url, { pingIntervalMs: 20, idleTimeoutMs: 100 });
    let drops = 0;
    conn.on('disconnected', () => { drops += 1; });
    conn.start();
    await until(() => conn.connected, 'connect');
    // Six idle deadlines long, no data either way, only pings and pongs.
    await new Promise((r) => setTimeout(r, 600));
    expect(drops).toBe(0);
    expect(fake.hellos).toHaveLength(1);
  });

  it('gives up on a collector that never sends Welcome', async () => {
    const fake = await collector({ onHello: () => 'silent' });
    const conn = connect(fake.url, { welcomeTimeoutMs: 100 });
    const [reason] = await (async () => { conn.start(); return once(conn, 'disconnected'); })();
    expect(reason.message).toMatch(/no Welcome within 100 ms/);
    expect(reason.refused).toBe(false);
    expect(spool.stats().leasedMessages).toBe(0);
  });

  it('closes on a frame above maxPayload without treating it as a refusal', async () => {
    const fake = await collector({
      onHello: (_h, n) => {
        if (n === 1) {
          const ws = [...fake.wss.clients].at(-1)!;
          ws.send(Buffer.alloc(4096));
          return 'silent';
        }
        return undefined;
      },
    });
    const conn = connect(fake.url, { maxPayload: 1024 });
    const disconnected = once(conn, 'disconnected');
    conn.start();
    const [reason] = await disconnected;
    // ws fails the connection itself (close frame 1009 out, socket destroyed: 1006 in).
    expect(reason.code).toBe(1006);
    expect(reason.message).toMatch(/invalid frame.*Max payload/i);
    expect(reason.refused).toBe(false);
    await until(() => conn.connected, 'the next attempt');
  });
});
