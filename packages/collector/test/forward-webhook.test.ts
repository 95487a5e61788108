import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertForwarder } from '../src/forward/alert-forwarder.js';
import type { AlertEventKind } from '../src/forward/alert-event.js';
import { parseForwardConfig, type ForwardSettings } from '../src/forward/forward-config.js';
import { ManualClock, T0, alertJson, captureLog, tempDir, until } from './forward-fixtures.js';
import { startReceiver, type Receiver, type ReceivedEvent } from './forward-receiver.js';

const SECRET = 'whsec-5f1d9a7c3e2b48d6a0c9';

let dir: { dir: string; remove: () => Promise<void> };
let clock: ManualClock;
let receiver: Receiver;
const forwarders: AlertForwarder[] = [];

beforeEach(async () => {
  dir = await tempDir();
  clock = new ManualClock(T0);
  receiver = await startReceiver({ secret: SECRET, now: () => clock.now() });
});

afterEach(async () => {
  for (const f of forwarders.splice(0)) {
    const stopping = f.stop();
    clock.advance(60_000); // a hung request must not hold the drain
    await stopping;
  }
  await receiver.down();
  await dir.remove();
});

function outboxPath(): string {
  return join(dir.dir, 'pushtrace.db.forward-outbox.jsonl');
}

function makeForwarder(settings: ForwardSettings = {}, dbName = 'pushtrace.db') {
  const { log, lines } = captureLog();
  const config = parseForwardConfig({ webhookUrl: receiver.url, webhookSecret: SECRET, ...settings }, { dbPath: join(dir.dir, dbName) });
  let n = 0;
  const forwarder = new AlertForwarder({ config, log, clock, newDeliveryId: () => `dlv-${String(++n).padStart(3, '0')}` });
  forwarders.push(forwarder);
  return { forwarder, lines, webhook: () => forwarder.stats().webhook! };
}

/** Offers (alert id, kind) pairs in order, each with a distinct at_ms; returns what was offered. */
function offerAll(forwarder: AlertForwarder, events: Array<[number, AlertEventKind]>) {
  return events.map(([id, kind], i) => {
    const alert = alertJson(id, { pushes_total: 4 + i, updated_at: new Date(T0 + i).toISOString() });
    forwarder.offer({ kind, alert, at_ms: T0 + i });
    return { id, kind, at_ms: T0 + i, alert };
  });
}

const idsOf = (reqs: ReceivedEvent[], alertId?: number) =>
  reqs.filter((r) => alertId === undefined || r.event.alert.id === alertId).map((r) => r.deliveryId);

/**
 * Lets requests finish, then steps the clock to the next timer (a retry
 * falling due), until `done`. Stepping timer by timer, never past one, keeps
 * a request's own timeout from firing while it is still on the wire.
 */
async function driveUntil(what: string, forwarder: AlertForwarder, done: () => boolean): Promise<void> {
  for (let step = 0; step < 40 && !done(); step++) {
    await until('requests to finish', () => expect(forwarder.stats().webhook!.inFlight).toBe(0));
    if (done()) return;
    const next = clock.pendingDelays()[0];
    if (next === undefined) throw new Error(`nothing scheduled, and not yet: ${what}`);
    clock.advance(next);
    await new Promise((r) => setImmediate(r));
  }
  if (!done()) throw new Error(`never got to: ${what}`);
}

describe('webhook forwarding', () => {
  it('delivers every event once, signed, one alert in order while other alerts go on', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    receiver.answer = (req) => (req.event.alert.id === 1 && req.event.kind === 'alert.opened' ? { status: 200, after: held } : { status: 204 });
    const { forwarder, webhook } = makeForwarder();
    await forwarder.start();

    const offered = offerAll(forwarder, [[1, 'alert.opened'], [1, 'alert.updated'], [2, 'alert.opened'], [1, 'alert.triaged'], [2, 'alert.updated']]);

    // Alert 1's first answer is held: its later events wait, alert 2's do not.
    await until('alert 2 delivered', () => expect(webhook().delivered).toBe(2));
    expect(idsOf(receiver.requests, 1)).toEqual(['dlv-001']);
    expect(idsOf(receiver.requests, 2)).toEqual(['dlv-003', 'dlv-005']);

    release();
    await until('all delivered', () => expect(webhook().delivered).toBe(5));
    expect(idsOf(receiver.requests, 1)).toEqual(['dlv-001', 'dlv-002', 'dlv-004']);
    expect(receiver.refused).toEqual([]);
    expect(webhook()).toMatchObject({ pending: 0, retries: 0, rejected: 0, dropped: 0 });

    for (const req of receiver.requests) {
      const i = Number(req.deliveryId.slice(4)) - 1;
      expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(req.timestamp).toBe(Math.floor(T0 / 1000));
      expect(req.kind).toBe(offered[i]!.kind);
      expect(req.event).toEqual({
        schema_version: 1,
        delivery_id: req.deliveryId,
        kind: offered[i]!.kind,
        at: new Date(offered[i]!.at_ms).toISOString(),
        at_ms: offered[i]!.at_ms,
        alert: offered[i]!.alert,
      });
    }
  });

  it('a receiver with another secret, or a clock 10 minutes off, refuses the request (the checks are real)', async () => {
    const { forwarder, webhook } = makeForwarder({ webhookSecret: 'not-the-receivers-secret' });
    await forwarder.start();
    offerAll(forwarder, [[1, 'alert.opened']]);
    await until('refused', () => expect(receiver.refused.map((r) => r.why)).toEqual(['signature mismatch']));
    // 401 is a 4xx: the collector does not retry it.
    await until('rejected', () => expect(webhook().rejected).toBe(1));
    expect(receiver.requests).toEqual([]);

    const stale = await startReceiver({ secret: SECRET, now: () => T0 });
    try {
      clock.ms = T0 + 10 * 60_000; // the collector's clock runs 10 minutes ahead of this receiver's
      const skewed = makeForwarder({ webhookUrl: stale.url }, 'skewed.db');
      await skewed.forwarder.start();
      offerAll(skewed.forwarder, [[2, 'alert.opened']]);
      await until('refused as stale', () => expect(stale.refused.map((r) => r.why)).toEqual([`timestamp ${Math.floor((T0 + 600_000) / 1000)} outside 300 s of now`]));
      expect(stale.requests).toEqual([]);
    } finally {
      await stale.down();
    }
  });

  it('retries while the receiver is down and delivers each event exactly once when it is back', async () => {
    await receiver.down();
    const { forwarder, webhook } = makeForwarder();
    await forwarder.start();
    offerAll(forwarder, [[1, 'alert.opened'], [2, 'alert.opened'], [1, 'alert.updated'], [2, 'alert.triaged']]);

    await until('both alerts failed once', () => expect(webhook().retries).toBe(2));
    await driveUntil('more failed attempts', forwarder, () => webhook().retries >= 6);
    expect(webhook().delivered).toBe(0);

    await receiver.up();
    await driveUntil('all delivered', forwarder, () => webhook().delivered === 4);
    const counts = new Map<string, number>();
    for (const id of idsOf(receiver.requests)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'dlv-001': 1, 'dlv-002': 1, 'dlv-003': 1, 'dlv-004': 1 });
    expect(idsOf(receiver.requests, 1)).toEqual(['dlv-001', 'dlv-003']);
    expect(idsOf(receiver.requests, 2)).toEqual(['dlv-002', 'dlv-004']);
    expect(webhook()).toMatchObject({ pending: 0, dropped: 0, expired: 0 });
  });

  it('a dead receiver with many alerts queued gets a few requests per backoff step, not one per alert', async () => {
    await receiver.down();
    const { forwarder, webhook } = makeForwarder({ webhookConcurrency: 4 });
    await forwarder.start();
    offerAll(forwarder, Array.from({ length: 50 }, (_, i): [number, AlertEventKind] => [i + 1, 'alert.opened']));
    await until('first round failed', () => {
      expect(webhook().inFlight).toBe(0);
      expect(webhook().retries).toBeGreaterThanOrEqual(4);
    });
    expect(webhook().retries).toBe(4);
    for (let step = 1; step <= 3; step++) {
      clock.advance(clock.pendingDelays()[0]!);
      await until('round done', () => expect(webhook().inFlight).toBe(0));
      expect(webhook().retries).toBeLessThanOrEqual(4 * (step + 1));
    }
    expect(webhook()).toMatchObject({ pending: 50, delivered: 0 });
  });

  it('500 then success: retried after a jittered backoff, same delivery id, same body, signed afresh', async () => {
    receiver.answer = (_req, nth) => (nth === 1 ? { status: 500, body: 'db down' } : { status: 204 });
    const { forwarder, webhook, lines } = makeForwarder();
    await forwarder.start();
    offerAll(forwarder, [[7, 'alert.opened']]);
    await until('one failure', () => expect(webhook()).toMatchObject({ retries: 1, inFlight: 0 }));
    // Full jitter with random() = 0.5: half the first ceiling (retryBaseMs 1 s).
    expect(clock.pendingDelays()).toEqual([500]);
    clock.advance(499);
    expect(webhook().inFlight).toBe(0);
    clock.advance(1);
    expect(webhook().inFlight).toBe(1);
    await until('delivered', () => expect(webhook().delivered).toBe(1));

    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests as [ReceivedEvent, ReceivedEvent];
    expect(second.deliveryId).toBe(first.deliveryId);
    expect(second.rawBody.equals(first.rawBody)).toBe(true);
    expect(second.timestamp).toBe(first.timestamp); // same second here; each attempt is signed at its own time
    const warn = lines.find((l) => l.msg === 'webhook delivery failed; will retry');
    expect(warn).toMatchObject({ level: 40, status: 500, detail: 'db down', attempts: 1, retryInMs: 500 });
  });

  it('429 with Retry-After holds every alert until then, cut to retryAfterMaxMs', async () => {
    receiver.answer = (_req, nth) => (nth === 1 ? { status: 429, headers: { 'Retry-After': '7' } } : { status: 204 });
    const { forwarder, webhook } = makeForwarder({ webhookConcurrency: 1, retryAfterMaxMs: '30s' });
    await forwarder.start();
    offerAll(forwarder, [[1, 'alert.opened'], [2, 'alert.opened']]);
    await until('throttled', () => expect(webhook()).toMatchObject({ retries: 1, inFlight: 0 }));
    await until('alert 2 queued behind the pause', () => expect(clock.pendingDelays()).toEqual([7000]));
    clock.advance(6999);
    expect(webhook().inFlight).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    clock.advance(1);
    await until('both delivered', () => expect(webhook().delivered).toBe(2));
    expect(idsOf(receiver.requests)).toEqual(['dlv-001', 'dlv-001', 'dlv-002']);

    receiver.answer = (_req, nth) => (nth === 4 ? { status: 503, headers: { 'Retry-After': '86400' } } : { status: 204 });
    offerAll(forwarder, [[3, 'alert.opened']]);
    await until('throttled for a day', () => expect(webhook()).toMatchObject({ retries: 2, inFlight: 0 }));
    expect(clock.pendingDelays()).toEqual([30_000]);
  });

  it('400 is logged and not retried; the alert\'s next event still goes', async () => {
    receiver.answer = (req) => (req.kind === 'alert.opened' ? { status: 400, body: 'unknown field "alert"' } : { status: 204 });
    const { forwarder, webhook, lines } = makeForwarder();
    await forwarder.start();
    offerAll(forwarder, [[3, 'alert.opened'], [3, 'alert.updated']]);
    await until('settled', () => expect(webhook()).toMatchObject({ rejected: 1, delivered: 1, pending: 0 }));
    expect(webhook().retries).toBe(0);
    expect(idsOf(receiver.requests)).toEqual(['dlv-001', 'dlv-002']);
    expect(clock.pendingDelays()).toEqual([]);
    const logged = lines.find((l) => l.level === 50 && l.status === 400);
    expect(logged).toMatchObject({ deliveryId: 'dlv-001', alertId: 3, detail: 'unknown field "alert"', target: `127.0.0.1:${receiver.port}` });
    expect(JSON.stringify(lines)).not.toContain('t0ken');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('a redirect is not followed and not retried', async () => {
    receiver.answer = () => ({ status: 302, headers: { Location: 'http://127.0.0.1:1/elsewhere' } });
    const { forwarder, webhook } = makeForwarder();
    await forwarder.start();
    offerAll(forwarder, [[4, 'alert.opened']]);
    await until('rejected', () => expect(webhook()).toMatchObject({ rejected: 1, pending: 0 }));
    expect(receiver.requests).toHaveLength(1);
  });

  it('a receiver that never answers times out after webhookTimeoutMs and is retried', async () => {
    receiver.answer = (_req, nth) => (nth === 1 ? { status: 204, after: new Promise(() => undefined) } : { status: 204 });
    const { forwarder, webhook, lines } = makeForwarder({ webhookTimeoutMs: '10s' });
    await forwarder.start();
    offerAll(forwarder, [[5, 'alert.opened']]);
    await until('request hanging', () => expect(receiver.requests).toHaveLength(1));
    clock.advance(9999);
    expect(webhook().retries).toBe(0);
    clock.advance(1);
    await until('timed out', () => expect(webhook()).toMatchObject({ retries: 1, inFlight: 0 }));
    expect(lines.find((l) => l.msg === 'webhook delivery failed; will retry')).toMatchObject({ status: null, detail: 'no complete answer within 10000 ms' });
    await driveUntil('delivered', forwarder, () => webhook().delivered === 1);
    expect(idsOf(receiver.requests)).toEqual(['dlv-001', 'dlv-001']);
  });

  it('pending events survive a restart: stop leaves them in the outbox, the next start sends them in order', async () => {
    await receiver.down();
    const first = makeForwarder();
    await first.forwarder.start();
    offerAll(first.forwarder, [[1, 'alert.opened'], [1, 'alert.updated'], [2, 'alert.opened']]);
    await until('attempted', () => expect(first.webhook()).toMatchObject({ retries: 2, inFlight: 0 }));
    await first.forwarder.stop();

    const onDisk = (await readFile(outboxPath(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { op: string; id: string; body: string });
    expect(onDisk.map((r) => [r.op, r.id])).toEqual([['add', 'dlv-001'], ['add', 'dlv-002'], ['add', 'dlv-003']]);
    expect((JSON.parse(onDisk[0]!.body) as { kind: string }).kind).toBe('alert.opened');

    await receiver.up();
    const second = makeForwarder();
    await second.forwarder.start();
    await until('resumed and delivered', () => expect(second.webhook().delivered).toBe(3));
    expect(idsOf(receiver.requests, 1)).toEqual(['dlv-001', 'dlv-002']);
    expect(idsOf(receiver.requests, 2)).toEqual(['dlv-003']);
    expect(receiver.refused).toEqual([]);
    await until('outbox truncated once drained', async () => expect((await stat(outboxPath())).size).toBe(0));
  });

  it('stop waits at most stopDrainMs for a hung request, then leaves it for the next start', async () => {
    receiver.answer = () => ({ status: 204, after: new Promise(() => undefined) });
    const first = makeForwarder({ stopDrainMs: '5s' });
    await first.forwarder.start();
    offerAll(first.forwarder, [[9, 'alert.opened']]);
    await until('in flight', () => expect(receiver.requests).toHaveLength(1));
    let stopped = false;
    const stopping = first.forwarder.stop().then(() => { stopped = true; });
    clock.advance(4999);
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    clock.advance(1);
    await stopping;
    expect(first.webhook()).toMatchObject({ pending: 1, delivered: 0 });

    receiver.answer = () => ({ status: 204 });
    const second = makeForwarder();
    await second.forwarder.start();
    await until('delivered after restart', () => expect(second.webhook().delivered).toBe(1));
    // The hung attempt did reach the receiver: at least once, hence dedupe on the id.
    expect(idsOf(receiver.requests)).toEqual(['dlv-001', 'dlv-001']);
  });

  it('a full queue drops the oldest events, counts and logs each', async () => {
    const { forwarder, webhook, lines } = makeForwarder({ maxPending: 3 });
    await forwarder.start();
    offerAll(forwarder, [[1, 'alert.opened'], [2, 'alert.opened'], [3, 'alert.opened'], [4, 'alert.opened'], [5, 'alert.opened']]);
    expect(webhook()).toMatchObject({ dropped: 2, pending: 3 });
    const drops = lines.filter((l) => l.msg === 'webhook queue full: oldest pending alert event dropped');
    expect(drops.map((l) => [l.deliveryId, l.dropped])).toEqual([['dlv-001', 1], ['dlv-002', 2]]);
    await until('the rest delivered', () => expect(webhook().delivered).toBe(3));
    expect(idsOf(receiver.requests).sort()).toEqual(['dlv-003', 'dlv-004', 'dlv-005']);
  });

  it('an event still failing after giveUpAfterMs is expired, counted and logged', async () => {
    receiver.answer = () => ({ status: 503 });
    const { forwarder, webhook, lines } = makeForwarder({ giveUpAfterMs: '1s' });
    await forwarder.start();
    offerAll(forwarder, [[6, 'alert.opened']]);
    await until('failed once', () => expect(webhook()).toMatchObject({ retries: 1, inFlight: 0 }));
    clock.advance(1000);
    await until('expired', () => expect(webhook()).toMatchObject({ expired: 1, pending: 0 }));
    expect(lines.find((l) => l.msg === 'alert event given up: webhook still failing after giveUpAfterMs')).toMatchObject({ level: 50, deliveryId: 'dlv-001', expired: 1 });
  });
});
