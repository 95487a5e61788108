import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { MfaEvent, ParseResult, RejectedRecord } from '../src/ingest/mfa-event.js';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointStore, type NextOffset } from '../src/ingest/duo-pull/authlog-checkpoint.js';
import type { AuthLogQuery, AuthLogSource } from '../src/ingest/duo-pull/duo-admin-client.js';
import { DuoLogPoller, type DuoLogPollerOptions } from '../src/ingest/duo-pull/duo-log-poller.js';
import type { PollScheduler } from '../src/ingest/duo-pull/poll-schedule.js';
import { signDuoGet } from '../src/ingest/duo-pull/duo-signer.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { fakeAuthlog, startFakeDuo, type FakeAuthlog, type FakeDuo } from './fixtures/fake-duo-server.js';

const IKEY = 'DIWJ8X6AEYOR5OMC6TQ1';
const SKEY = 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep';
const HOST = 'api-e4c9f5b2.duosecurity.com';
const T0 = Date.UTC(2025, 5, 2, 12, 0, 0);
const TWO_MIN = 120_000;

/** A clock the test moves; injected sleeps advance it instead of waiting. */
function testClock(start = T0) {
  const clock = { ms: start, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.ms,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.ms += ms;
    },
  };
}

/** Stand-in for the Duo JSON record mapper: enough to carry txid and time through. */
function toEvents(authlogs: unknown[]): ParseResult {
  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  authlogs.forEach((raw, i) => {
    const a = raw as FakeAuthlog & { user: { name: string } };
    if (a.result === 'garbled') {
      rejected.push({ where: `record ${i + 1}`, reason: 'result: not a Duo result' });
      return;
    }
    events.push({
      source: 'duo', eventId: a.txid, timeMs: a.timestamp * 1000, user: a.user.name, application: 'api-prod', eventType: 'authentication',
      factor: 'duo_push', isPush: true, result: 'denied', reason: 'no_response', accessIp: '203.0.113.7', accessHostname: null, authDevice: 'iPhone',
    });
  });
  return { events, rejected };
}

function memoryCheckpoints(): CheckpointStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: async (k) => map.get(k) ?? null, set: async (k, v) => void map.set(k, v) };
}

function captureLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

/** n records, three per second, ending a few seconds before `endMs`. */
function recordsBefore(endMs: number, n: number, firstIndex = 0): FakeAuthlog[] {
  const endSec = Math.floor(endMs / 1000) - 5;
  return Array.from({ length: n }, (_, i) => fakeAuthlog(firstIndex + i, endSec - Math.floor((n - 1 - i) / 3)));
}

let fake: FakeDuo | null = null;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await fake?.close();
  fake = null;
  for (const c of cleanups.splice(0)) await c();
});

function makePoller(overrides: Partial<DuoLogPollerOptions> & { delivered?: MfaEvent[][] } = {}) {
  const delivered = overrides.delivered ?? [];
  const poller = new DuoLogPoller({
    settings: { apiHost: HOST, integrationKey: IKEY, secretKey: SKEY, baseUrl: fake?.baseUrl ?? null },
    checkpoints: memoryCheckpoints(),
    toEvents,
    onEvents: async (events) => void delivered.push(events),
    log: pino({ level: 'silent' }),
    random: () => 0.5,
    scheduler: () => ({ stop: () => undefined }),
    ...overrides,
  });
  return { poller, delivered };
}

const txids = (batches: MfaEvent[][]) => batches.flat().map((e) => e.eventId);

describe('Duo authlog pull against a fake Duo that verifies signatures', () => {
  it('delivers 2,500 records exactly once, in order, across pages, with the parameters Duo requires', async () => {
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 2500);
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep });

    const report = await poller.pollOnce();

    expect(report).toMatchObject({ outcome: 'caught-up', pages: 3, records: 2500, events: 2500, rejected: 0, retries: 0 });
    expect(delivered.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(txids(delivered)).toEqual(records.map((r) => r.txid));

    expect(fake.requests.map((r) => [r.status, r.version])).toEqual([[200, 5], [200, 5], [200, 5]]);
    for (const r of fake.requests) {
      expect(r.params.mintime).toEqual([String(T0 - 24 * 3600_000)]);
      expect(r.params.maxtime).toEqual([String(T0 - TWO_MIN)]);
      expect(r.params.limit).toEqual(['1000']);
      expect(r.params.sort).toEqual(['ts:asc']);
      expect(r.headers['x-duo-date']).toBe('Mon, 02 Jun 2025 12:00:00 -0000');
      expect(r.headers.date).toBe('Mon, 02 Jun 2025 12:00:00 -0000');
    }
    // The cursor goes back as Duo documents it: one "timestamp,txid" value.
    const last1 = records[999] as FakeAuthlog;
    expect(fake.requests[0]?.params.next_offset).toBeUndefined();
    expect(fake.requests[1]?.params.next_offset).toEqual([`${last1.timestamp * 1000},${last1.txid}`]);
    expect(report.checkpoint).toEqual({ mintime: T0 - TWO_MIN + 1, window: null });
  });

  it('the next poll asks only for what is new: no repeats, and records from the last two minutes arrive once they are old enough', async () => {
    const t = testClock();
    const old = recordsBefore(T0 - TWO_MIN, 10);
    // Logged 60 s before the first poll: inside Duo's two-minute delay then.
    const recent = [fakeAuthlog(100, Math.floor((T0 - 60_000) / 1000)), fakeAuthlog(101, Math.floor((T0 - 60_000) / 1000))];
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: [...old, ...recent] });
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep });

    await poller.pollOnce();
    expect(txids(delivered)).toEqual(old.map((r) => r.txid));

    t.clock.ms += 60_000;
    const second = await poller.pollOnce();
    expect(second).toMatchObject({ outcome: 'caught-up', pages: 1, events: 2 });
    expect(txids(delivered)).toEqual([...old, ...recent].map((r) => r.txid));
    expect(fake.requests[1]?.params.mintime).toEqual([String(T0 - TWO_MIN + 1)]);
    expect(fake.requests[1]?.params.maxtime).toEqual([String(T0 + 60_000 - TWO_MIN)]);

    // Within the same minute there is nothing to ask for, and nothing is asked.
    const third = await poller.pollOnce();
    expect(third).toMatchObject({ outcome: 'caught-up', pages: 0, events: 0 });
    expect(fake.requests).toHaveLength(2);
  });

  it('a poller dying mid-window resumes from the SQLite-persisted checkpoint in a new instance: nothing lost, nothing repeated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pushtrace-duo-pull-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'collector.db');
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 2500);
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });

    // First life: the second page's delivery fails (the collector "dies" there).
    let store = await openSqliteStore(dbPath);
    const firstLife: MfaEvent[][] = [];
    const a = makePoller({
      now: t.now, sleep: t.sleep,
      checkpoints: { get: (k) => store.getState(k), set: (k, v) => store.setState(k, v) },
      onEvents: async (events) => {
        if (firstLife.length === 1) throw new Error('disk full');
        firstLife.push(events);
      },
    }).poller;
    const report = await a.pollOnce();
    expect(report).toMatchObject({ outcome: 'delivery-failed', pages: 1, events: 1000 });
    const saved = decodeCheckpoint((await store.getState(a.checkpointKey)) as string);
    const last1 = records[999] as FakeAuthlog;
    expect(saved).toEqual({ mintime: T0 - 24 * 3600_000, window: { maxtime: T0 - TWO_MIN, nextOffset: [String(last1.timestamp * 1000), last1.txid] } });
    await store.close();

    // Second life, a minute later: new store handle, new poller.
    t.clock.ms += 60_000;
    store = await openSqliteStore(dbPath);
    cleanups.push(() => store.close());
    const secondLife: MfaEvent[][] = [];
    const b = makePoller({
      now: t.now, sleep: t.sleep, delivered: secondLife,
      checkpoints: { get: (k) => store.getState(k), set: (k, v) => store.setState(k, v) },
    }).poller;
    expect(await b.pollOnce()).toMatchObject({ outcome: 'caught-up', pages: 2, events: 1500 });

    // The window is finished with the maxtime it started with, then the next one begins.
    const resumed = fake.requests.slice(2);
    expect(resumed[0]?.params).toMatchObject({ maxtime: [String(T0 - TWO_MIN)], next_offset: [`${last1.timestamp * 1000},${last1.txid}`] });
    const all = [...txids(firstLife), ...txids(secondLife)];
    expect(all).toEqual(records.map((r) => r.txid));
    expect(new Set(all).size).toBe(2500);
    expect(decodeCheckpoint((await store.getState(b.checkpointKey)) as string)).toEqual({ mintime: T0 - TWO_MIN + 1, window: null });
  });

  it('honours a 429 Retry-After, then carries on', async () => {
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 5);
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });
    fake.failNext(429, { retryAfter: '7' });
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep });

    const report = await poller.pollOnce();
    expect(report).toMatchObject({ outcome: 'caught-up', retries: 1, events: 5 });
    expect(t.clock.sleeps).toEqual([7000]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    // The retry is a fresh request, signed for its own (later) date.
    expect(fake.requests[1]?.headers['x-duo-date']).toBe('Mon, 02 Jun 2025 12:00:07 -0000');
    expect(txids(delivered)).toEqual(records.map((r) => r.txid));
  });

  it('a Retry-After longer than a poll may wait ends the poll, and later ticks wait it out without asking Duo', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 3) });
    fake.failNext(429, { retryAfter: '300' });
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep });

    expect(await poller.pollOnce()).toMatchObject({ outcome: 'rate-limited', pages: 0 });
    t.clock.ms += 240_000;
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'waiting' });
    expect(fake.requests).toHaveLength(1);
    t.clock.ms += 61_000;
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 3 });
    expect(delivered.flat()).toHaveLength(3);
    expect(t.clock.sleeps).toEqual([]);
  });

  it('backs off on 5xx with capped exponential full jitter, and after the retry budget leaves the page for the next poll', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 4) });
    for (let i = 0; i < 3; i += 1) fake.failNext(503);
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep, settings: { apiHost: HOST, integrationKey: IKEY, secretKey: SKEY, baseUrl: fake.baseUrl, maxRetries: 2 } });

    // random() = 0.5: half of 1 s, 2 s; then the budget (2 retries) is spent.
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'unavailable', retries: 2, pages: 0 });
    expect(t.clock.sleeps).toEqual([500, 1000]);
    expect(delivered).toEqual([]);

    t.clock.ms += 60_000;
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 4 });
  });

  it('a wrong secret is refused by the fake (401 40103); logged once while unchanged, retried each tick, never thrown', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 2) });
    const { log, lines } = captureLog();
    const checkpoints = memoryCheckpoints();
    const wrong = makePoller({ now: t.now, sleep: t.sleep, log, checkpoints, settings: { apiHost: HOST, integrationKey: IKEY, secretKey: `${SKEY.slice(0, -1)}X`, baseUrl: fake.baseUrl } }).poller;

    expect(await wrong.pollOnce()).toMatchObject({ outcome: 'unauthorized', pages: 0, retries: 0 });
    t.clock.ms += 60_000;
    expect(await wrong.pollOnce()).toMatchObject({ outcome: 'unauthorized' });
    expect(fake.requests.map((r) => r.status)).toEqual([401, 401]);
    const errors = lines.filter((l) => l.level === 50 && l.duoPullProblem === 'unauthorized');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 401, code: 40103 });
    expect(JSON.stringify(lines)).not.toContain(SKEY.slice(0, -1));
    expect(checkpoints.map.size).toBe(0);

    // The right secret, same checkpoint store: the pull works.
    const right = makePoller({ now: t.now, sleep: t.sleep, checkpoints }).poller;
    expect(await right.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 2 });
  });

  it('the fake refuses a request whose parameters differ from what was signed, or that was signed for another host', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now });
    const params = { mintime: String(T0 - 3_600_000), maxtime: String(T0 - TWO_MIN), limit: '1000', sort: 'ts:asc' };
    const path = '/admin/v2/logs/authentication';
    const get = async (host: string, query: (q: string) => string) => {
      const signed = signDuoGet({ integrationKey: IKEY, secretKey: SKEY, host, path, params, nowMs: t.now() });
      const res = await fetch(`${fake?.baseUrl}${path}?${query(signed.query)}`, { headers: signed.headers });
      return { status: res.status, body: await res.json() as { code?: number } };
    };
    expect((await get(HOST, (q) => q)).status).toBe(200);
    expect(await get(HOST, (q) => q.replace('limit=1000', 'limit=999'))).toMatchObject({ status: 401, body: { code: 40103 } });
    expect(await get('api-other.duosecurity.com', (q) => q)).toMatchObject({ status: 401, body: { code: 40103 } });
    // '+' and '%20' both decode to a space: the server canonicalises what it decoded, so either wire form verifies.
    expect((await get(HOST, (q) => q.replace('ts%3Aasc', 'ts:asc'))).status).toBe(200);
  });

  it('also pulls with legacy signature v2 (HMAC-SHA1)', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 3) });
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, settings: { apiHost: HOST, integrationKey: IKEY, secretKey: SKEY, baseUrl: fake.baseUrl, signatureVersion: 2 } });
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 3 });
    expect(fake.requests[0]?.version).toBe(2);
    expect(fake.requests[0]?.headers['x-duo-date']).toBeUndefined();
  });

  it('labels rejected records with the window they came from', async () => {
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 3);
    (records[1] as FakeAuthlog).result = 'garbled';
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });
    const rejected: RejectedRecord[] = [];
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, onEvents: async (_e, r) => void rejected.push(...r) });
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 2, rejected: 1 });
    expect(rejected).toEqual([{ where: 'Duo authlog pull 2025-06-01T12:00:00.000Z..2025-06-02T11:58:00.000Z, record 2', reason: 'result: not a Duo result' }]);
  });

  it('by default maps pages with the Duo JSON record parser (parseDuoAuthlogs)', async () => {
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 3);
    (records[0] as FakeAuthlog).access_device = { ip: '[2001:db8::7]:51234', hostname: 'laptop-7' };
    (records[2] as FakeAuthlog).result = 'FRAUD';
    (records[2] as FakeAuthlog).reason = 'user_marked_fraud';
    delete (records[1] as Partial<FakeAuthlog>).result;
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });
    const pages: Array<{ events: MfaEvent[]; rejected: RejectedRecord[] }> = [];
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, toEvents: undefined, onEvents: async (events, rejected) => void pages.push({ events, rejected }) });
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 2, rejected: 1 });
    expect(pages[0]?.rejected).toEqual([{ where: 'Duo authlog pull 2025-06-01T12:00:00.000Z..2025-06-02T11:58:00.000Z, record 2', reason: 'result: missing' }]);
    const [first, second] = pages[0]?.events ?? [];
    expect(first).toMatchObject({ source: 'duo', eventId: 'tx-000000', timeMs: (records[0] as FakeAuthlog).timestamp * 1000, user: 'jdoe', application: 'api-prod', isPush: true, result: 'denied', reason: 'no_response', accessIp: '2001:db8::7', accessHostname: 'laptop-7' });
    expect(second).toMatchObject({ eventId: 'tx-000002', result: 'fraud', reason: 'user_marked_fraud' });
  });

  it('an unreadable stored checkpoint is reported and the pull starts over from the look-back', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 2) });
    const checkpoints = memoryCheckpoints();
    const { log, lines } = captureLog();
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, checkpoints, log });
    checkpoints.map.set(poller.checkpointKey, '{"v":1,"mintime":"yesterday"}');
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 2 });
    expect(lines.filter((l) => l.level === 50).map((l) => l.reason)).toEqual(['mintime: expected epoch ms, got "yesterday"']);
    expect(fake.requests[0]?.params.mintime).toEqual([String(T0 - 24 * 3600_000)]);
  });

  it('after more than 180 days away it asks only for what Duo still keeps, and says records were lost', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 2) });
    const checkpoints = memoryCheckpoints();
    const { log, lines } = captureLog();
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, checkpoints, log });
    checkpoints.map.set(poller.checkpointKey, encodeCheckpoint({ mintime: T0 - 200 * 86_400_000, window: null }));
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 2 });
    expect(fake.requests[0]?.params.mintime).toEqual([String(T0 - 180 * 86_400_000 + 60_000)]);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });

  it('a saved cursor Duo refuses (400) is dropped and its window re-read from the start next poll', async () => {
    const t = testClock();
    const records = recordsBefore(T0 - TWO_MIN, 3);
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records });
    const checkpoints = memoryCheckpoints();
    const { poller, delivered } = makePoller({ now: t.now, sleep: t.sleep, checkpoints });
    const mintime = T0 - 3_600_000;
    checkpoints.map.set(poller.checkpointKey, encodeCheckpoint({ mintime, window: { maxtime: T0 - TWO_MIN, nextOffset: ['1748865000000', 'tx-gone'] } }));
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'rejected', pages: 0 });
    expect(fake.requests[0]?.status).toBe(400);
    expect(decodeCheckpoint(checkpoints.map.get(poller.checkpointKey) as string)).toEqual({ mintime, window: null });
    t.clock.ms += 60_000;
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'caught-up', events: 3 });
    expect(txids(delivered)).toEqual(records.map((r) => r.txid));
  });

  it('a cursor that does not move is not followed round in circles', async () => {
    const t = testClock();
    const stuck: NextOffset = ['1748865000000', 'tx-stuck'];
    const queries: AuthLogQuery[] = [];
    const source: AuthLogSource = {
      fetchAuthLogPage: async (q) => {
        queries.push(q);
        return { kind: 'page', authlogs: [], nextOffset: stuck, totalObjects: null };
      },
    };
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, source });
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'unavailable', pages: 1 });
    expect(queries.map((q) => q.nextOffset)).toEqual([null, stuck]);
  });

  it('an unreachable Duo is a poll outcome, not an exception', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now });
    const baseUrl = fake.baseUrl;
    await fake.close();
    fake = null;
    const { poller } = makePoller({ now: t.now, sleep: t.sleep, settings: { apiHost: HOST, integrationKey: IKEY, secretKey: SKEY, baseUrl, maxRetries: 1 } });
    expect(await poller.pollOnce()).toMatchObject({ outcome: 'unavailable', retries: 1 });
  });
});

describe('DuoLogPoller lifecycle', () => {
  it('start() polls at once and on each tick, skips a tick while a poll runs, and stop() ends the schedule', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 2) });
    let tick: (() => void) | null = null;
    let scheduledEvery = 0;
    let stopped = false;
    const scheduler: PollScheduler = (minutes, fn) => {
      scheduledEvery = minutes;
      tick = fn;
      return { stop: () => void (stopped = true) };
    };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const delivered: MfaEvent[][] = [];
    const { poller } = makePoller({
      now: t.now, sleep: t.sleep, scheduler,
      onEvents: async (events) => {
        delivered.push(events);
        await gate;
      },
    });

    poller.start();
    expect(scheduledEvery).toBe(1);
    await waitUntil(() => delivered.length === 1);
    (tick as unknown as () => void)();
    expect(fake.requests).toHaveLength(1);
    release();
    await poller.pollOnce();
    expect(fake.requests).toHaveLength(1);
    expect(delivered).toHaveLength(1);
    t.clock.ms += 60_000;
    (tick as unknown as () => void)();
    await waitUntil(() => fake?.requests.length === 2);
    await poller.stop();
    expect(stopped).toBe(true);
  });

  it('stop() waits for the poll in flight to finish its page and checkpoint, and starts no further page', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now, records: recordsBefore(T0 - TWO_MIN, 2500) });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const delivered: MfaEvent[][] = [];
    const checkpoints = memoryCheckpoints();
    const { poller } = makePoller({
      now: t.now, sleep: t.sleep, checkpoints,
      onEvents: async (events) => {
        delivered.push(events);
        await gate;
      },
    });
    const poll = poller.pollOnce();
    await waitUntil(() => delivered.length === 1);
    let stopDone = false;
    const stopping = poller.stop().then(() => void (stopDone = true));
    await new Promise((r) => setImmediate(r));
    expect(stopDone).toBe(false);
    release();
    await stopping;
    expect(await poll).toMatchObject({ outcome: 'stopped', pages: 1 });
    expect(fake.requests).toHaveLength(1);
    const saved = decodeCheckpoint(checkpoints.map.get(poller.checkpointKey) as string);
    expect(saved).toMatchObject({ window: { maxtime: T0 - TWO_MIN } });
  });

  it('stop() cuts a Retry-After wait short (real timers)', async () => {
    const t = testClock();
    fake = await startFakeDuo({ integrationKey: IKEY, secretKey: SKEY, host: HOST, now: t.now });
    fake.failNext(429, { retryAfter: '30' });
    const { poller } = makePoller({ now: t.now, sleep: undefined });
    const poll = poller.pollOnce();
    await waitUntil(() => fake?.requests.length === 1);
    await poller.stop();
    expect(await poll).toMatchObject({ outcome: 'stopped', pages: 0 });
  });
});

/** Polls a condition across event-loop turns (I/O on loopback), failing after 5 s. */
async function waitUntil(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}
