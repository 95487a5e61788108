// ingestMfaLog: a large log parsed in a worker thread (the compiled
// dist/ingest/parse-worker.js, which `pnpm test` builds first) while its
// chunks are stored must come out as the same log parsed and stored in one
// go; a worker that dies part way leaves what it handed over stored and
// judged, and says so.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectionRunner } from '../src/detect/detection-runner.js';
import { DEFAULT_DETECTION_CONFIG } from '../src/detect/types.js';
import { ingestMfaLog, type LogIngestTuning } from '../src/ingest/log-ingest.js';
import type { ParseMfaLogOptions } from '../src/ingest/parse-mfa-log.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { duoCsv, duoJsonLines } from './fixtures/mfa/generate-duo.js';

const WORKER = new URL('../dist/ingest/parse-worker.js', import.meta.url);
const IN_WORKER: LogIngestTuning = { workerMinChars: 0, chunkEvents: 7, workerUrl: WORKER };
const IN_THREAD: LogIngestTuning = { workerMinChars: Number.POSITIVE_INFINITY };
/** After the generated log's last push. */
const NOW = Date.UTC(2015, 5, 14, 21, 0, 0);

let dir = '';
let counter = 0;
const opened: Store[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-log-ingest-'));
});
afterAll(async () => {
  for (const store of opened) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function fresh(): Promise<{ store: Store; runner: DetectionRunner }> {
  const store = await openSqliteStore(join(dir, `s${++counter}.db`));
  opened.push(store);
  return { store, runner: new DetectionRunner({ store, config: DEFAULT_DETECTION_CONFIG, log: pino({ level: 'silent' }), now: () => NOW }) };
}

/** What an ingestion left: its answer, and the store's events and alerts. */
async function ingestOn(text: string, options: ParseMfaLogOptions, tuning: LogIngestTuning, before = '') {
  const { store, runner } = await fresh();
  if (before !== '') await ingestMfaLog(store, runner, before, options, IN_THREAD);
  const outcome = await ingestMfaLog(store, runner, text, options, tuning);
  const events = await store.listMfaEvents({ fromMs: 0, toMs: NOW, includeNonPush: true });
  // To the second: see the fraud report below.
  const second = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');
  const alerts = (await store.listAlerts({})).map((a) => [a.user, a.verdict, second(a.first_push), second(a.last_push), a.pushes_total]).sort();
  return { outcome: { ...outcome, alerts: outcome.alerts.map((a) => a.id).sort() }, events, alerts };
}

// Generated records, a broken line, a repeat, and a fraud report repeating the
// txid of a denied push from several chunks earlier, a fraction of a second later.
const lines = duoJsonLines(300).split('\n').filter((l) => l !== '');
const first = JSON.parse(lines[0]!) as Record<string, unknown>;
const JSON_LOG = [
  ...lines.slice(0, 100), '{"txid": "no-time", "result": "denied", "user": {"name": "x"}}', lines[5]!, ...lines.slice(100),
  JSON.stringify({ ...first, isotimestamp: new Date(Number(first.timestamp) * 1000 + 400).toISOString(), result: 'fraud', reason: 'user_marked_fraud' }),
].join('\n');

describe('ingestMfaLog', () => {
  it('a Duo JSON-lines log through the worker, chunk by chunk: same answer, events and alerts as in one go', async () => {
    const inWorker = await ingestOn(JSON_LOG, { source: 'duo' }, IN_WORKER);
    const inThread = await ingestOn(JSON_LOG, { source: 'duo' }, IN_THREAD);
    expect(inWorker.outcome).toMatchObject({ received: 300, stored: 300, duplicates: 0, rejected: [{ where: 'line 101' }] });
    expect(inWorker.outcome).toEqual(inThread.outcome);
    expect(inWorker.alerts.length).toBeGreaterThan(0);
    expect(inWorker.alerts).toEqual(inThread.alerts);
    // The fraud report replaced the denied push in both; chunked, it kept the
    // stored push's time (the parser matched them to the second), so that
    // push and its alert's first_push differ by under a second.
    const byId = (events: typeof inWorker.events) => events.find((e) => e.eventId === first.txid)!;
    expect(byId(inWorker.events)).toMatchObject({ result: 'fraud', timeMs: Number(first.timestamp) * 1000 });
    expect(byId(inThread.events)).toMatchObject({ result: 'fraud', timeMs: Number(first.timestamp) * 1000 + 400 });
    expect(inWorker.events.map((e) => ({ ...e, timeMs: Math.floor(e.timeMs / 1000) })))
      .toEqual(inThread.events.map((e) => ({ ...e, timeMs: Math.floor(e.timeMs / 1000) })));
  });

  it('counts what the store had already as duplicates, and a CSV export goes the same way', async () => {
    const again = await ingestOn(JSON_LOG, { source: 'duo' }, IN_WORKER, lines.slice(0, 50).join('\n'));
    expect(again.outcome).toMatchObject({ received: 300, stored: 250, duplicates: 50 });
    const csv = duoCsv(120);
    const inWorker = await ingestOn(csv, { source: 'duo' }, IN_WORKER);
    const inThread = await ingestOn(csv, { source: 'duo' }, IN_THREAD);
    expect(inWorker.outcome).toMatchObject({ received: 120, stored: 120, rejected: [] });
    expect(inWorker.outcome).toEqual(inThread.outcome);
    expect(inWorker.events).toEqual(inThread.events);
  });

  it('a worker that dies part way: what it handed over is stored and judged, and the error says how much', async () => {
    const { store, runner } = await fresh();
    const dies = { ...IN_WORKER, chunkEvents: 40, workerUrl: new URL('./fixtures/workers/parse-worker-dies.mjs', import.meta.url) };
    const err = await ingestMfaLog(store, runner, JSON_LOG, { source: 'duo' }, dies).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'COLLECTOR_E_INGEST_FAILED' });
    expect((err as Error).message).toMatch(/stopped part way: the parse worker exited \(code 7\).*40 new events were stored before that and detection has judged them.*again is safe/);
    expect(await store.listMfaEvents({ fromMs: 0, toMs: NOW, includeNonPush: true })).toHaveLength(40);
    expect((await store.listAlerts({})).length).toBeGreaterThan(0);
  });

  it('refuses a wrong call before starting a worker', async () => {
    const { store, runner } = await fresh();
    await expect(ingestMfaLog(store, runner, 'a,b\n', { source: 'okta', format: 'csv' }, IN_WORKER))
      .rejects.toMatchObject({ code: 'COLLECTOR_E_INGEST_USAGE' });
  });
});
