// The runner's path from the store to a verdict — StoredBurstSessions asking
// a real SQLite store for counts (summariseSessions) and for the named
// process's sessions (listEndpointSessions), in each sensor's own clock —
// must reach exactly the draft the row-by-row scoring reached from
// listSessions (frozen in detect-reference-attribution.ts). Generated worlds:
// sensors whose clocks run ahead or behind, a culprit lining up with the
// pushes, a rival in lockstep, chatter, inbound sessions, sessions on the
// edges of the windows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pb } from '@pushtrace/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeBurstFrom } from '../src/detect/attribution.js';
import { findBursts } from '../src/detect/bursts.js';
import { toSessionRecord } from '../src/detect/session-record.js';
import { StoredBurstSessions, type SensorReadRange } from '../src/detect/stored-sessions.js';
import type { DetectionConfig, IpSighting, SessionRecord } from '../src/detect/types.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { SequencedMessage, Store } from '../src/store/store.js';
import { CONFIG, HOUR, MIN, T0, push } from './detect-fixtures.js';
import { referenceAttributeBurst } from './detect-reference-attribution.js';
import { conn, netconns, processInfo } from './store-fixtures.js';

const { Direction, Kind } = pb.NetconnEvent;
const IP = '198.51.100.7';
/** As the runner reads: the baseline before the burst, the skew slack on both sides. */
const SLACK = 10 * MIN;

let dir = '';
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-stored-sessions-'));
  store = await openSqliteStore(join(dir, 'world.db'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

interface SessionPlan {
  sensor: number;
  guid: string;
  ip: string;
  /** Collector clock. */
  openedMs: number;
  closedMs: number | null;
  inbound: boolean;
}

const arbWorld = fc.record({
  offsets: fc.array(fc.constantFrom(0, 120_000, -3_000, 1_500), { minLength: 3, maxLength: 3 }),
  watchFrom: fc.array(fc.constantFrom(-3 * HOUR, -70 * MIN, -20 * MIN), { minLength: 3, maxLength: 3 }),
  pushSecs: fc.array(fc.integer({ min: 0, max: 30 * 60 }), { minLength: 3, maxLength: 10 }),
  culpritSensor: fc.integer({ min: 0, max: 2 }),
  culpritLags: fc.array(fc.integer({ min: -6_000, max: 61_000 }), { maxLength: 10 }),
  rival: fc.boolean(),
  // Process starts, some inside the scoring span (where they clip a process's observation span).
  rivalStart: fc.constantFrom(-2 * HOUR, -25 * MIN, -61 * MIN, -5 * MIN),
  culpritStart: fc.constantFrom(-7 * 24 * HOUR, -40 * MIN, -3 * MIN),
  chatter: fc.array(fc.record({
    sensor: fc.integer({ min: 0, max: 2 }), guid: fc.constantFrom('g-chrome', 'g-teams', 'g-winscp', 'g-undescribed'),
    ip: fc.constantFrom('10.1.2.3', '10.9.9.9', '142.250.80.46'),
    at: fc.oneof(fc.integer({ min: -100 * 60, max: 40 * 60 }).map((s) => ({ sec: s })),
      fc.record({ edge: fc.constantFrom('start', 'end', 'before', 'after'), push: fc.nat(9), delta: fc.constantFrom(-1, 0, 1) })),
    closed: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    inbound: fc.constantFrom(false, false, false, true),
  }), { maxLength: 40 }),
  baselineMs: fc.constantFrom(HOUR, 15 * MIN),
});

describe('StoredBurstSessions + attributeBurstFrom', () => {
  it('reach the draft the row-by-row scoring reached from listSessions', async () => {
    let world = 0;
    const verdicts = new Set<string>();
    await fc.assert(fc.asyncProperty(arbWorld, async (w) => {
      world++;
      const config: DetectionConfig = { ...CONFIG, baselineMs: w.baselineMs };
      const pushes = w.pushSecs.map((s, i) => push(T0 + s * 1_000, { eventId: `tx${i}`, accessIp: IP }));
      const times = pushes.map((p) => p.timeMs).sort((a, b) => a - b);
      const sensors: number[] = [];
      for (let i = 0; i < 3; i++) {
        sensors.push(await store.createSensor({ tokenHash: `w${world}-${i}`, hostname: `host-${world}-${i}`, agentVersion: '0.1.0', enrolledAtMs: T0 }));
      }
      const plans: SessionPlan[] = [];
      w.culpritLags.forEach((lag, i) => {
        const t = times[i % times.length]!;
        const base = { sensor: w.culpritSensor, ip: '203.0.113.45', openedMs: t - lag, closedMs: t - lag + 62_000, inbound: false };
        plans.push({ ...base, guid: 'g-culprit' });
        if (w.rival) plans.push({ ...base, guid: 'g-rival' });
      });
      for (const c of w.chatter) {
        let opened: number;
        if ('sec' in c.at) {
          opened = T0 + c.at.sec * 1_000;
        } else {
          const t = times[c.at.push % times.length]!;
          const edge = { start: times[0]! - Math.max(config.baselineMs, config.alignBeforeMs), end: times.at(-1)! + config.alignAfterMs,
            before: t - config.alignBeforeMs, after: t + config.alignAfterMs }[c.at.edge as 'start' | 'end' | 'before' | 'after'];
          opened = edge + c.at.delta;
        }
        plans.push({ sensor: c.sensor, guid: c.guid, ip: c.ip, openedMs: opened, closedMs: c.closed === null ? null : opened + c.closed, inbound: c.inbound });
      }
      // Telemetry in each sensor's own clock.
      for (let i = 0; i < 3; i++) {
        const off = w.offsets[i]!;
        let seq = 0;
        const messages: SequencedMessage[] = [
          processInfo(++seq, 'g-culprit', 'WinSCP.exe', { startTimeMs: T0 + w.culpritStart + off }),
          processInfo(++seq, 'g-rival', 'rival.exe', { startTimeMs: T0 + w.rivalStart + off }),
          processInfo(++seq, 'g-chrome', 'chrome.exe', { startTimeMs: T0 - 25 * MIN + off }),
          processInfo(++seq, 'g-teams', 'Teams.exe', { startTimeMs: 0 }),
        ];
        const mine = plans.filter((p) => p.sensor === i);
        const opens = mine.map((p, k) => conn(`c${k}`, p.openedMs + off, {
          processGuid: p.guid, remoteIp: p.ip, remotePort: 22, direction: p.inbound ? Direction.INBOUND : Direction.OUTBOUND,
        }));
        const closes = mine.flatMap((p, k) => (p.closedMs === null ? [] : [conn(`c${k}`, p.openedMs + off, {
          kind: Kind.CLOSE, processGuid: p.guid, remoteIp: p.ip, remotePort: 22, lastSeenMs: p.closedMs + off,
        })]));
        messages.push(netconns(++seq, T0 + off, opens), netconns(++seq, T0 + HOUR + off, closes));
        await store.commitMessages(sensors[i]!, messages, T0);
      }
      const sightings: Array<IpSighting & { offsetMs: number }> = sensors.map((sensorId, i) => ({
        sensorId, hostname: `host-${world}-${i}`, ip: IP, kind: 'external', fromMs: T0 + w.watchFrom[i]!, toMs: T0 + HOUR, offsetMs: w.offsets[i]!,
      }));

      for (const burst of findBursts(pushes, config)) {
        const rangeOf = (sensorId: number): SensorReadRange => {
          const offsetMs = sightings.find((s) => s.sensorId === sensorId)!.offsetMs;
          return {
            fromMs: burst.firstPushMs - config.alignBeforeMs - config.baselineMs + offsetMs - SLACK,
            toMs: burst.lastPushMs + config.alignAfterMs + offsetMs + SLACK,
            offsetMs,
          };
        };
        const rows: SessionRecord[] = [];
        for (const sensorId of sensors) {
          const { fromMs, toMs, offsetMs } = rangeOf(sensorId);
          for (const row of await store.listSessions(sensorId, fromMs, toMs)) if (row.direction !== 'inbound') rows.push(toSessionRecord(row, offsetMs));
        }
        const draft = await attributeBurstFrom(burst, sightings, new StoredBurstSessions(store, rangeOf), config);
        verdicts.add(draft.verdict);
        expect(draft).toEqual(referenceAttributeBurst(burst, sightings, rows, config));
      }
    }), { numRuns: 300 });
    expect([...verdicts].sort()).toEqual(['ambiguous', 'reconnect-loop', 'sensor-no-process']);
  });
});
