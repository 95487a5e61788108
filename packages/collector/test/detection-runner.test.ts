import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectionRunner } from '../src/detect/detection-runner.js';
import { DEFAULT_DETECTION_CONFIG } from '../src/detect/types.js';
import { ingestEvents } from '../src/ingest/ingest-service.js';
import { observeAlertSaves } from '../src/store/alert-save-observer.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store, StoredAlert } from '../src/store/store.js';
import { LAPTOP, MIN, OUTSIDE_IP, push } from './detect-fixtures.js';
import { LAGS, LAST_PUSH, PUSH_TIMES, WINSCP, checkInEveryMinute, winscpPushes, winscpTelemetry } from './detection-runner-fixtures.js';
import { T0, externalIp, useStores } from './store-fixtures.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-runner-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The agent's clock runs this far ahead of the collector's. */
const AHEAD = 120_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A runner on `store` whose clock is whatever `now` says when it asks. */
function runnerOn(store: Store, now: () => number): DetectionRunner {
  return new DetectionRunner({ store, config: DEFAULT_DETECTION_CONFIG, log: pino({ level: 'silent' }), now });
}

/** The laptop whose clock runs AHEAD: its telemetry and a minute's checkins from 10 min before the burst to 1 min after it. */
async function skewedLaptop(store: Store, sensorId: number, sessionsAheadMs = AHEAD) {
  const telemetry = winscpTelemetry({ clockAheadMs: AHEAD, sessionsAheadMs });
  // Committed before any checkin, while the offset is still unknown: it is applied when detection reads, not when stored.
  await store.commitMessages(sensorId, telemetry.all, LAST_PUSH + MIN);
  // The last checkin is at T0 + 13 min; the one at T0 + 11 min is 4 s late, inside the median's window of five.
  await checkInEveryMinute(store, sensorId, T0 - 10 * MIN, LAST_PUSH + MIN, AHEAD, T0 + 11 * MIN);
  return telemetry;
}

function expectWinscpAttributed(alert: StoredAlert, sensorId: number): void {
  expect(alert).toMatchObject({
    verdict: 'reconnect-loop', severity: 'low', user: 'jdoe', access_ip: LAPTOP.ip, pushes_total: 5, pushes_aligned: 5,
    first_push: iso(PUSH_TIMES[0]!), last_push: iso(LAST_PUSH), sensor_id: sensorId, hostname: LAPTOP.hostname,
    // The start time came in the agent's clock too.
    process: { name: WINSCP.name, pid: WINSCP.pid, path: WINSCP.path, start_time: iso(WINSCP.startMs), sha256: WINSCP.sha256 },
    destination: WINSCP.server,
  });
  expect(alert.evidence.map((e) => e.lag_ms)).toEqual(LAGS);
  expect(alert.evidence.map((e) => e.session_opened_at)).toEqual(PUSH_TIMES.map((t, i) => iso(t - LAGS[i]!)));
  expect(alert.advice).toContain(`reopens a session to ${WINSCP.server.ip}:${WINSCP.server.port} after each drop`);
}

describe('DetectionRunner', () => {
  const { withSensor } = useStores((key) => openSqliteStore(join(dir, `${key}.db`), { migrate: false }), 'runner');

  describe('clock skew', () => {
    it('moves a sensor 120 s ahead back to the collector clock before lining its sessions up with the pushes', async () => {
      const { store, sensorId } = await withSensor(LAPTOP.hostname);
      await skewedLaptop(store, sensorId);
      // The last five samples: four of +120 s and one of +116 s (a checkin 4 s in transit). The median settles on +120 s.
      expect((await store.listSensors())[0]!.clockOffsetMs).toBe(AHEAD);
      const nowMs = LAST_PUSH + 90_000;

      const outcome = await ingestEvents(store, runnerOn(store, () => nowMs), winscpPushes(), []);

      expect(outcome).toMatchObject({ received: 5, stored: 5, duplicates: 0 });
      expect(outcome.alerts).toHaveLength(1);
      const alert = outcome.alerts[0]!;
      expectWinscpAttributed(alert, sensorId);
      for (const { lag_ms } of alert.evidence) {
        expect(lag_ms).toBeGreaterThan(0);
        expect(lag_ms).toBeLessThanOrEqual(DEFAULT_DETECTION_CONFIG.alignBeforeMs);
      }
      expect(await store.listAlerts({})).toEqual([alert]);
    });

    it('control: the same sessions stored without the +120 s shift, offset still +120 s, line up with no push', async () => {
      const { store, sensorId } = await withSensor(LAPTOP.hostname);
      await skewedLaptop(store, sensorId, 0);
      expect((await store.listSensors())[0]!.clockOffsetMs).toBe(AHEAD);
      const nowMs = LAST_PUSH + 90_000;

      const outcome = await ingestEvents(store, runnerOn(store, () => nowMs), winscpPushes(), []);

      // The IP still places the pushes on the laptop; corrected by −120 s, every session
      // opens 132–160 s before its push, outside the 60 s window, so no process is named.
      expect(outcome.alerts).toHaveLength(1);
      expect(outcome.alerts[0]).toMatchObject({
        verdict: 'sensor-no-process', severity: 'medium', sensor_id: sensorId, hostname: LAPTOP.hostname,
        pushes_aligned: 0, process: null, destination: null,
      });
      expect(outcome.alerts[0]!.evidence.map((e) => e.lag_ms)).toEqual(PUSH_TIMES.map(() => null));
    });
  });

  describe("a sensor's current external IP", () => {
    const LAST_CHECKIN = T0;

    /** A laptop seen on its public IP for an hour, checking in once a minute (next due 60 s later) until LAST_CHECKIN. */
    async function laptopLastHeardAt(): Promise<{ store: Store; sensorId: number }> {
      const { store, sensorId } = await withSensor(LAPTOP.hostname);
      await store.commitMessages(sensorId, [externalIp(1, LAPTOP.ip, LAST_CHECKIN - 60 * MIN)], LAST_CHECKIN - 60 * MIN);
      await checkInEveryMinute(store, sensorId, LAST_CHECKIN - 10 * MIN, LAST_CHECKIN, 0);
      return { store, sensorId };
    }

    it('counts for pushes seconds after the last checkin, while the next one is not yet overdue', async () => {
      const { store, sensorId } = await laptopLastHeardAt();
      const pushes = [3_000, 10_000, 20_000].map((d) => push(LAST_CHECKIN + d));

      const outcome = await ingestEvents(store, runnerOn(store, () => LAST_CHECKIN + 25_000), pushes, []);

      expect(outcome.alerts).toHaveLength(1);
      expect(outcome.alerts[0]).toMatchObject({ verdict: 'sensor-no-process', sensor_id: sensorId, hostname: LAPTOP.hostname, access_ip: LAPTOP.ip });
    });

    it('does not count once the sensor is long overdue', async () => {
      const { store } = await laptopLastHeardAt();
      // Still the laptop's current IP in the store, last seen at its last checkin: only the overdue rule can rule it out.
      expect(await store.listIpSightings(LAPTOP.ip, LAST_CHECKIN, LAST_CHECKIN + 10 * MIN))
        .toMatchObject([{ current: true, lastSeenMs: LAST_CHECKIN }]);
      const pushes = [3, 4, 5].map((m) => push(LAST_CHECKIN + m * MIN));

      const outcome = await ingestEvents(store, runnerOn(store, () => LAST_CHECKIN + 5 * MIN + 10_000), pushes, []);

      expect(outcome.alerts).toHaveLength(1);
      expect(outcome.alerts[0]).toMatchObject({ verdict: 'unattributed', severity: 'high', sensor_id: null, access_ip: LAPTOP.ip });
    });
  });

  it('late telemetry turns an unattributed alert into reconnect-loop, keeping its id', async () => {
    const { store, sensorId } = await withSensor(LAPTOP.hostname);
    let nowMs = LAST_PUSH + 30_000;
    const runner = runnerOn(store, () => nowMs);
    const first = await ingestEvents(store, runner, winscpPushes(), []);
    expect(first.alerts).toHaveLength(1);
    const before = first.alerts[0]!;
    expect(before).toMatchObject({ verdict: 'unattributed', sensor_id: null });

    // The agent was offline through the burst; back, it drains its spool in two commits, as the gateway reports them.
    nowMs = LAST_PUSH + 20 * MIN;
    const { context, reconnects } = winscpTelemetry({ clockAheadMs: 0 });
    for (const batch of [context, reconnects]) {
      expect(await store.commitMessages(sensorId, batch, nowMs)).toBe(batch.length);
      runner.noteTelemetry(sensorId, batch);
    }
    await runner.idle();

    const alerts = await store.listAlerts({});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: before.id, created_at: before.created_at, updated_at: iso(nowMs) });
    expectWinscpAttributed(alerts[0]!, sensorId);
  });

  it('late telemetry re-checks an alert however many alerts were updated after it', async () => {
    const { store, sensorId } = await withSensor(LAPTOP.hostname);
    let nowMs = LAST_PUSH + 30_000;
    const runner = runnerOn(store, () => nowMs);
    const before = (await ingestEvents(store, runner, winscpPushes(), [])).alerts[0]!;
    expect(before).toMatchObject({ verdict: 'unattributed' });
    // 1,000 other users' alerts over the same pushes, all updated later: the
    // re-check used to read only the 1,000 most recently updated alerts.
    const { id: _id, created_at: _c, updated_at: _u, status: _s, assignee: _a, tags: _t, ...draft } = before;
    for (let i = 0; i < 1000; i++) await store.saveAlert({ ...draft, user: `other-${i}` }, null, nowMs + 1000 + i);

    nowMs = LAST_PUSH + 20 * MIN;
    const { all } = winscpTelemetry({ clockAheadMs: 0 });
    await store.commitMessages(sensorId, all, nowMs);
    runner.noteTelemetry(sensorId, all);
    await runner.idle();

    const after = await store.getAlert(before.id);
    expect(after).toMatchObject({ id: before.id, updated_at: iso(nowMs) });
    expectWinscpAttributed(after!, sensorId);
  });

  it('a late push between two bursts of one user merges their alerts into the lower id', async () => {
    const { store } = await withSensor(LAPTOP.hostname);
    let nowMs = T0 + 30 * MIN;
    const runner = runnerOn(store, () => nowMs);
    const fromOutside = (m: number) => push(T0 + m * MIN, { accessIp: OUTSIDE_IP });
    // 12 min apart (> M = 10): two bursts. The later one is ingested first, so it holds the lower id.
    const later = await ingestEvents(store, runner, [14, 15, 16].map(fromOutside), []);
    nowMs += MIN;
    const earlier = await ingestEvents(store, runner, [0, 1, 2].map(fromOutside), []);
    const laterId = later.alerts[0]!.id;
    const earlierId = earlier.alerts[0]!.id;
    expect(earlier.alerts).toHaveLength(1);
    expect(laterId).toBeLessThan(earlierId);
    expect(await store.listAlerts({})).toHaveLength(2);

    nowMs += MIN;
    const bridged = await ingestEvents(store, runner, [fromOutside(8)], []);

    expect(bridged.alerts).toHaveLength(1);
    expect(bridged.alerts[0]).toMatchObject({
      id: laterId, verdict: 'unattributed', pushes_total: 7, first_push: iso(T0), last_push: iso(T0 + 16 * MIN), updated_at: iso(nowMs),
    });
    expect(await store.listAlerts({})).toEqual(bridged.alerts);
    expect(await store.getAlert(earlierId)).toBeNull();
  });

  it('a merge carries the merged alert\'s triage over and is reported as alert.merged', async () => {
    const { store: raw } = await withSensor(LAPTOP.hostname);
    const seen: Array<[string, number, number | undefined]> = [];
    const store = observeAlertSaves(raw, (kind, alert, merged) => seen.push([kind, alert.id, merged]));
    let nowMs = T0 + 30 * MIN;
    const runner = runnerOn(store, () => nowMs);
    const fromOutside = (m: number) => push(T0 + m * MIN, { accessIp: OUTSIDE_IP });
    const keep = (await ingestEvents(store, runner, [0, 1, 2].map(fromOutside), [])).alerts[0]!.id;
    const gone = (await ingestEvents(store, runner, [14, 15, 16].map(fromOutside), [])).alerts[0]!.id;
    await raw.triageAlert(keep, { action: 'tag', tag: 'outside', author: 'ana', note: '', nowMs });
    await raw.triageAlert(gone, { action: 'tag', tag: 'vip', author: 'bo', note: 'the CFO', nowMs });
    await raw.triageAlert(gone, { action: 'status', status: 'investigating', author: 'bo', note: 'called her', nowMs });
    seen.length = 0;

    nowMs += MIN;
    await ingestEvents(store, runner, [fromOutside(8)], []);

    expect(seen).toEqual([['alert.updated', keep, undefined], ['alert.merged', keep, gone]]);
    expect(await raw.getAlert(gone)).toBeNull();
    const triage = (await raw.getAlertTriage(keep))!;
    // Tags join; status and assignee stay the survivor's; every note moves over, and one says what happened.
    expect(triage).toMatchObject({ status: 'new', tags: ['outside', 'vip'] });
    expect(triage.notes.map((n) => [n.author, n.action, n.value])).toEqual([
      ['ana', 'tag', 'outside'], ['bo', 'tag', 'vip'], ['bo', 'status', 'investigating'], ['pushtrace', 'note', `merged:${gone}`],
    ]);
    expect(triage.notes.at(-1)!.note).toBe(`alert ${gone} merged into this one: a later push joined the two bursts; it was investigating`);
  });

  it('a log file of many users (read in bulk) saves what the same events ingested user by user save', async () => {
    // 80 users (more than the runner reads one by one): most only approve or
    // deny now and then; a few are under attack from outside; jdoe's pushes
    // come from the laptop whose WinSCP asks for them. Two stores, the same data.
    const telemetry = winscpTelemetry({ clockAheadMs: 0 });
    const events = winscpPushes();
    for (let u = 0; u < 80; u++) {
      const user = `user${u}`;
      for (let k = 0; k < 6; k++) {
        const attacked = u % 20 === 3;
        const result = attacked ? 'denied' : k === 2 && u % 3 === 0 ? 'denied' : 'success';
        events.push(push(PUSH_TIMES[0]! + (u * 7 + k * (attacked ? 1 : 50)) * 1_000, {
          user, eventId: `${user}-${k}`, result, accessIp: attacked ? OUTSIDE_IP : '192.0.2.10',
        }));
      }
    }
    const nowMs = LAST_PUSH + 90_000;
    const byUser = new Map<string, typeof events>();
    for (const e of events) byUser.set(e.user, [...(byUser.get(e.user) ?? []), e]);
    const outcomes = [];
    for (const oneBatch of [true, false]) {
      const { store, sensorId } = await withSensor(LAPTOP.hostname);
      await store.commitMessages(sensorId, telemetry.all, LAST_PUSH + MIN);
      await checkInEveryMinute(store, sensorId, T0 - 10 * MIN, LAST_PUSH + MIN, 0);
      const runner = runnerOn(store, () => nowMs);
      if (oneBatch) await ingestEvents(store, runner, events, []);
      else for (const mine of byUser.values()) await ingestEvents(store, runner, mine, []);
      outcomes.push(await store.listAlerts({}));
    }
    const [bulk, oneByOne] = outcomes;
    expect(bulk).toEqual(oneByOne);
    // jdoe's burst traced to WinSCP, the four attacked users unattributed, nobody else alerted.
    expect(bulk!.map((a) => [a.user, a.verdict]).sort()).toEqual([
      ['jdoe', 'reconnect-loop'], ['user23', 'unattributed'], ['user3', 'unattributed'], ['user43', 'unattributed'], ['user63', 'unattributed'],
    ]);
  });

  it('running again on the same data changes nothing', async () => {
    const { store, sensorId } = await withSensor(LAPTOP.hostname);
    const telemetry = await skewedLaptop(store, sensorId);
    let nowMs = LAST_PUSH + 90_000;
    const runner = runnerOn(store, () => nowMs);
    const events = winscpPushes();
    await ingestEvents(store, runner, events, []);
    const stored = await store.listAlerts({});
    expect(stored).toHaveLength(1);
    expectWinscpAttributed(stored[0]!, sensorId);

    nowMs += 10 * MIN;
    const again = await ingestEvents(store, runner, events, []);
    expect(again).toEqual({ received: 5, stored: 0, duplicates: 5, rejected: [], alerts: [] });
    // The store's dedupe kept the runner out of that; made to recompute anyway (in another order), and
    // re-checked after the same telemetry, it still saves nothing.
    expect(await runner.onMfaEvents([...events].reverse())).toEqual([]);
    runner.noteTelemetry(sensorId, telemetry.all);
    await runner.idle();

    expect(await store.listAlerts({})).toEqual(stored);
  });
});
