// Shared by the gateway, API and CLI tests: a real collector server on
// 127.0.0.1:0 over a real SQLite file, and a raw agent-protocol client.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import WebSocket from 'ws';
import { decodeEnvelope, encodeEnvelope, type Envelope, type EnvelopeInit } from '@pushtrace/proto';
import { DEFAULT_DETECTION_CONFIG } from '../src/detect/types.js';
import { startCollectorServer, type CollectorServerOptions, type RunningCollector } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';

export const ENROLL_SECRET = 'harness-enroll-secret';
export const ADMIN_TOKEN = 'harness-admin-token-0123456789';

export interface TestCollector {
  readonly running: RunningCollector;
  readonly url: string;
  readonly agentUrl: string;
  readonly store: Store;
  readonly dbPath: string;
  /** Every log line the server wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Stops the server, closes the store, removes the directory. */
  stop(): Promise<void>;
}

export interface TestCollectorOptions {
  now?: () => number;
  maxFrameBytes?: number;
  offlineGraceS?: number;
  gateway?: CollectorServerOptions['gateway'];
  /** Lets a test put a fault-injecting layer around the real store. */
  wrapStore?: (store: Store) => Store;
}

export async function startTestCollector(options: TestCollectorOptions = {}): Promise<TestCollector> {
  const dir = await mkdtemp(join(tmpdir(), 'pushtrace-collector-test-'));
  const dbPath = join(dir, 'collector.db');
  const realStore = await openSqliteStore(dbPath);
  await realStore.migrate();
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const running = await startCollectorServer({
    config: {
      listen: { host: '127.0.0.1', port: 0 },
      enrollSecret: ENROLL_SECRET,
      maxFrameBytes: options.maxFrameBytes ?? 64 * 1024,
      checkinIntervalS: 60,
      offlineGraceS: options.offlineGraceS ?? 15,
      detection: DEFAULT_DETECTION_CONFIG,
    },
    store,
    log,
    adminTokenHash: createHash('sha256').update(ADMIN_TOKEN).digest('hex'),
    ...(options.now ? { now: options.now } : {}),
    ...(options.gateway ? { gateway: options.gateway } : {}),
  });
  return {
    running,
    url: running.url,
    agentUrl: `${running.url.replace(/^http/, 'ws')}/agent`,
    store: realStore,
    dbPath,
    logs,
    async stop() {
      await running.close();
      await realStore.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Closed {
  code: number;
  reason: string;
}

/**
 * A raw agent-protocol client: sends Envelopes (or any bytes), collects every
 * decoded frame the collector sends, and reports the close code.
 */
export class TestAgent {
  readonly received: Envelope[] = [];
  readonly closed: Promise<Closed>;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.received.push(decodeEnvelope(data));
      this.wake();
    });
    ws.on('error', () => {});
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      this.wake();
      resolve({ code, reason: reason.toString('utf8') });
    }));
  }

  static connect(agentUrl: string): Promise<TestAgent> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(agentUrl, { maxPayload: 1 << 24 });
      const agent = new TestAgent(ws);
      ws.once('open', () => resolve(agent));
      ws.once('error', reject);
    });
  }

  /** Connects and enrolls; resolves with the Welcome. */
  static async enroll(agentUrl: string, hostname = 'test-host'): Promise<{ agent: TestAgent; sensorId: number; token: string }> {
    const agent = await TestAgent.connect(agentUrl);
    agent.send({ hello: { enrollSecret: ENROLL_SECRET, hostname, agentVersion: '0.0.0-test', nextSeq: 1 } });
    const welcome = (await agent.nextWhere((e) => e.body === 'welcome')).welcome!;
    return { agent, sensorId: welcome.sensorId!, token: welcome.sensorToken! };
  }

  /** Connects with a sensor token; resolves with the Welcome. */
  static async reconnect(agentUrl: string, token: string): Promise<{ agent: TestAgent; welcome: Envelope['welcome'] }> {
    const agent = await TestAgent.connect(agentUrl);
    agent.send({ hello: { sensorToken: token, hostname: 'test-host', agentVersion: '0.0.0-test' } });
    const welcome = (await agent.nextWhere((e) => e.body === 'welcome')).welcome;
    return { agent, welcome };
  }

  send(init: EnvelopeInit): void {
    this.ws.send(encodeEnvelope({ sentAtMs: Date.now(), ...init }), { binary: true });
  }

  sendRaw(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Sends bytes as a text frame, valid UTF-8 or not. */
  sendText(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: false });
  }

  /** The first received frame (old or new) matching; rejects if the connection closes first. */
  async nextWhere(match: (e: Envelope) => boolean, timeoutMs = 10_000): Promise<Envelope> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find(match);
      if (hit) return hit;
      if (this.ws.readyState === WebSocket.CLOSED) {
        const closed = await this.closed;
        throw new Error(`connection closed (${closed.code} ${closed.reason}) before the expected frame`);
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for a frame');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Resolves once an Ack with throughSeq >= seq arrived. */
  async ackedThrough(seq: number, timeoutMs = 10_000): Promise<number> {
    const ack = await this.nextWhere((e) => e.body === 'ack' && e.ack!.throughSeq! >= seq, timeoutMs);
    return ack.ack!.throughSeq!;
  }

  /** Highest throughSeq acked so far (0 if none). */
  get highestAck(): number {
    let high = 0;
    for (const e of this.received) if (e.body === 'ack' && e.ack!.throughSeq! > high) high = e.ack!.throughSeq!;
    return high;
  }

  /** The ErrorNotice the collector sent, if any. */
  get errorNotice(): Envelope['error'] | undefined {
    return this.received.find((e) => e.body === 'error')?.error;
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** A ProcessInfo data message; `n` makes the guid and pid unique. */
export function processInfo(n: number, startTimeMs = 1_700_000_000_000): EnvelopeInit['processInfo'] {
  return {
    processGuid: `guid-${n}`,
    pid: 1000 + n,
    ppid: 1,
    startTimeMs,
    name: `proc-${n}`,
    path: `/usr/bin/proc-${n}`,
    argv: [`/usr/bin/proc-${n}`, '--flag'],
    cmdline: `/usr/bin/proc-${n} --flag`,
    username: 'alice',
    uid: 1000,
    sha256: 'a'.repeat(64),
    md5: 'b'.repeat(32),
    observedAtMs: startTimeMs + 1,
  };
}

/**
 * The real store with some methods replaced: fault injection for the paths
 * a healthy SQLite file never takes (a failing or slow commit).
 */
export function withOverrides(store: Store, overrides: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof Store];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
