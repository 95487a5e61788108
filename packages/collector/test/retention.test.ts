import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION_CONFIG, type AlertDraft } from '../src/detect/types.js';
import { pruneOnce, startRetentionJob } from '../src/retention/retention-job.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { conn, netconns } from './store-fixtures.js';

const DAY = 86_400_000;
const MIN = 60_000;
const NOW = Date.parse('2026-11-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

async function storeWithHistory(): Promise<{ store: Store; sensorId: number; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pushtrace-retention-'));
  const store = await openSqliteStore(join(dir, 'c.db'));
  const sensorId = await store.createSensor({ tokenHash: 'h', hostname: 'laptop-1', agentVersion: '0', enrolledAtMs: NOW - 90 * DAY });
  const burstMs = NOW - 60 * DAY;
  await store.commitMessages(sensorId, [
    // Evidence of an old alert: inside its background hour and burst.
    netconns(1, burstMs - 30 * MIN, [conn('evidence-background', burstMs - 30 * MIN)]),
    netconns(2, burstMs, [conn('evidence-burst', burstMs)]),
    // Old and tied to nothing.
    netconns(3, burstMs - 5 * DAY, [conn('stale', burstMs - 5 * DAY)]),
    netconns(4, NOW - 40 * DAY, [conn('stale-too', NOW - 40 * DAY)]),
    // Recent.
    netconns(5, NOW - DAY, [conn('recent', NOW - DAY)]),
  ], NOW - 60 * DAY);
  const draft: AlertDraft = {
    verdict: 'reconnect-loop', severity: 'low', user: 'jdoe', application: 'sftp', access_ip: '203.0.113.50', pushes_total: 3,
    pushes_aligned: 3, first_push: iso(burstMs), last_push: iso(burstMs + 2 * MIN), sensor_id: sensorId, hostname: 'laptop-1',
    process: null, destination: null, evidence: [], advice: '', candidates: [],
  };
  await store.saveAlert(draft, null, burstMs);
  return { store, sensorId, dir };
}

describe('retention', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0)) await f();
  });

  it('deletes netconns past the retention period but keeps what an alert rests on', async () => {
    const { store, sensorId, dir } = await storeWithHistory();
    cleanup.push(async () => { await store.close(); await rm(dir, { recursive: true, force: true }); });
    const result = await pruneOnce({ store, log: pino({ level: 'silent' }), now: () => NOW, keepMs: 30 * DAY, detection: DEFAULT_DETECTION_CONFIG });
    expect(result).toMatchObject({ netconns: 2, pinnedSpans: 1, cutoffMs: NOW - 30 * DAY });
    const left = (await store.listSessions(sensorId, NOW - 100 * DAY, NOW)).map((s) => s.openedAtMs);
    expect(left).toEqual([NOW - 60 * DAY - 30 * MIN, NOW - 60 * DAY, NOW - DAY]);
    expect(await store.listAlerts({})).toHaveLength(1);
  });

  it('runs as a node-cron job on its schedule', async () => {
    const { store, sensorId, dir } = await storeWithHistory();
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line) as Record<string, unknown>); } });
    const job = startRetentionJob({ store, log, now: () => NOW, keepMs: 30 * DAY, detection: DEFAULT_DETECTION_CONFIG, schedule: '* * * * * *' });
    cleanup.push(async () => { await job.stop(); await store.close(); await rm(dir, { recursive: true, force: true }); });
    const deadline = Date.now() + 5000;
    while (!lines.some((l) => l.msg === 'retention pass done') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(lines.find((l) => l.msg === 'retention pass done')).toMatchObject({ netconns: 2 });
    expect((await store.listSessions(sensorId, NOW - 100 * DAY, NOW))).toHaveLength(3);
  });
});
