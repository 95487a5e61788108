// Scoring now reads sessions as facts (counts, and openings only near the
// pushes: candidate-facts.ts) so the runner can have the store count them.
// The verdicts must be exactly those of the row-by-row scoring it replaced
// (frozen in detect-reference-attribution.ts): same drafts, field for field,
// on generated bursts whose sessions sit on every boundary the counting
// could get wrong — the scoring span's ends, each push window's ends, a
// process started or a sensor first seen inside the span — beside lockstep
// rivals, busy chatter and quiet culprits, under varied configs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeBurst } from '../src/detect/attribution.js';
import { findBursts } from '../src/detect/bursts.js';
import type { Burst, DetectionConfig, IpSighting, SessionRecord } from '../src/detect/types.js';
import type { MfaResult } from '../src/ingest/mfa-event.js';
import { CONFIG, HOUR, MIN, T0, push, session } from './detect-fixtures.js';
import { referenceAttributeBurst } from './detect-reference-attribution.js';

const IPS = ['198.51.100.7', '203.0.113.9'] as const;

const arbConfig: fc.Arbitrary<DetectionConfig> = fc.record({
  alignBeforeMs: fc.constantFrom(60_000, 20_000, 1),
  alignAfterMs: fc.constantFrom(5_000, 0, 30_000),
  baselineMs: fc.constantFrom(HOUR, 10 * MIN, 0, 3 * HOUR),
}).map((c) => ({ ...CONFIG, ...c }));

/** Pushes over up to ~40 minutes, seconds apart or minutes apart; mostly denied. */
const arbPushes = fc.array(fc.record({
  at: fc.integer({ min: 0, max: 40 * 60 }),
  result: fc.constantFrom<MfaResult>('denied', 'denied', 'denied', 'fraud', 'success'),
  ip: fc.constantFrom<string | null>(IPS[0], IPS[0], IPS[0], IPS[1], null),
}), { minLength: 1, maxLength: 12 }).map((rows) => rows.map((r, i) => push(T0 + r.at * 1_000, {
  eventId: `tx${i}`, result: r.result, reason: r.result === 'fraud' ? 'user_marked_fraud' : 'no_response', accessIp: r.ip,
})));

const arbSightings = fc.array(fc.record({
  sensor: fc.integer({ min: 1, max: 3 }),
  ip: fc.constantFrom(...IPS),
  // Some sensors first seen inside the scoring span: "watching since" matters.
  from: fc.constantFrom(-3 * 60, -70, -61, -30, -1, 0, 5, 20),
  len: fc.constantFrom(10, 60, 300),
}), { minLength: 0, maxLength: 4 }).map((rows) => rows.map((r): IpSighting => ({
  sensorId: r.sensor, hostname: `host-${r.sensor}`, ip: r.ip, kind: 'external', fromMs: T0 + r.from * MIN, toMs: T0 + (r.from + r.len) * MIN,
})));

/** Where a session opens, relative to the pushes and the config: on and next to every edge, or anywhere. */
type Placement = { kind: 'edge'; edge: 'start' | 'end' | 'before' | 'after'; push: number; delta: -1 | 0 | 1 } | { kind: 'free'; sec: number }
  | { kind: 'lag'; push: number; lagMs: number };
const arbPlacement: fc.Arbitrary<Placement> = fc.oneof(
  fc.record({ kind: fc.constant('edge' as const), edge: fc.constantFrom('start' as const, 'end' as const, 'before' as const, 'after' as const),
    push: fc.nat(11), delta: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('free' as const), sec: fc.integer({ min: -4 * 3600, max: 2 * 3600 }) }),
  fc.record({ kind: fc.constant('lag' as const), push: fc.nat(11), lagMs: fc.integer({ min: -6_000, max: 62_000 }) }),
);

interface Group {
  sensor: number;
  guid: string;
  ip: string;
  port: number;
  start: 'none' | 'old' | 'inside';
  placements: Placement[];
  durations: Array<number | null>;
}
const arbGroups = fc.array(fc.record({
  sensor: fc.integer({ min: 1, max: 3 }),
  guid: fc.constantFrom('g-winscp', 'g-chrome', 'g-teams', 'g-new'),
  ip: fc.constantFrom('10.1.2.3', '10.9.9.9', '142.250.80.46'),
  port: fc.constantFrom(22, 443),
  start: fc.constantFrom('none' as const, 'old' as const, 'inside' as const),
  placements: fc.array(arbPlacement, { maxLength: 14 }),
  durations: fc.array(fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }), { minLength: 1, maxLength: 3 }),
}), { maxLength: 7 });

function sessionsOf(groups: readonly Group[], pushes: ReturnType<typeof push>[], config: DetectionConfig, copyRival: boolean): SessionRecord[] {
  const times = pushes.map((p) => p.timeMs).sort((a, b) => a - b);
  const first = times[0]!;
  const last = times.at(-1)!;
  const at = (p: Placement): number => {
    if (p.kind === 'free') return T0 + p.sec * 1_000;
    const t = times[p.push % times.length]!;
    if (p.kind === 'lag') return t - p.lagMs;
    const base = { start: first - Math.max(config.baselineMs, config.alignBeforeMs), end: last + config.alignAfterMs,
      before: t - config.alignBeforeMs, after: t + config.alignAfterMs }[p.edge];
    return base + p.delta;
  };
  const out: SessionRecord[] = [];
  for (const g of groups) {
    const processStartMs = g.start === 'none' ? null : g.start === 'old' ? T0 - 5 * HOUR : T0 - 20 * MIN;
    g.placements.forEach((p, i) => {
      const opened = at(p);
      const d = g.durations[i % g.durations.length]!;
      const s = session(opened, { sensorId: g.sensor, processGuid: g.guid, processName: g.guid.slice(2), pid: g.guid.length,
        remoteIp: g.ip, remotePort: g.port, processStartMs, closedAtMs: d === null ? null : opened + d });
      out.push(s);
      // A second process opening in lockstep: the ambiguous verdict.
      if (copyRival && g.guid === 'g-winscp') out.push({ ...s, processGuid: 'g-rival', processName: 'rival.exe', pid: 77 });
    });
  }
  return out;
}

describe('attributeBurst from facts = the row-by-row scoring it replaced', () => {
  it('gives the same draft, field for field', () => {
    const seen = new Map<string, number>();
    fc.assert(fc.property(arbPushes, arbSightings, arbGroups, arbConfig, fc.boolean(), fc.boolean(),
      (pushes, sightings, groups, config, rival, asFound) => {
        // Every sensor on IPS[0] across the burst too, most of the time, so sessions count.
        const all = [...sightings, { sensorId: 1, hostname: 'host-1', ip: IPS[0], kind: 'external' as const, fromMs: T0 - 3 * HOUR, toMs: T0 + HOUR }];
        const sessions = sessionsOf(groups, pushes, config, rival);
        const bursts: Burst[] = asFound
          ? findBursts(pushes, config)
          : [{ user: 'jdoe', pushes, firstPushMs: Math.min(...pushes.map((p) => p.timeMs)), lastPushMs: Math.max(...pushes.map((p) => p.timeMs)) }];
        for (const burst of bursts) {
          const draft = attributeBurst(burst, all, sessions, config);
          seen.set(draft.verdict, (seen.get(draft.verdict) ?? 0) + 1);
          expect(draft).toEqual(referenceAttributeBurst(burst, all, sessions, config));
        }
      }), { numRuns: 2500 });
    // A generator that never reached some verdict would make the property weaker than it looks.
    expect([...seen.keys()].sort()).toEqual(['ambiguous', 'reconnect-loop', 'sensor-no-process', 'unattributed']);
  });

  it('gives the same draft when a process first appears exactly on a window edge (its span starts there)', () => {
    // A process with no known start whose earliest session opens on an edge:
    // its observation span starts at that session, which clips the pushes'
    // windows — a window ending right there drops out of the covered time.
    const arbEdgeGroups = fc.array(fc.record({
      sensor: fc.constant(1), guid: fc.constantFrom('g-winscp', 'g-new'), ip: fc.constantFrom('10.1.2.3', '10.9.9.9'), port: fc.constant(22),
      start: fc.constant('none' as const),
      placements: fc.array(fc.oneof(
        fc.record({ kind: fc.constant('edge' as const), edge: fc.constantFrom('after' as const, 'before' as const, 'start' as const),
          push: fc.nat(11), delta: fc.constant(0 as const) }),
        fc.record({ kind: fc.constant('lag' as const), push: fc.nat(11), lagMs: fc.integer({ min: -5_000, max: 60_000 }) }),
      ), { minLength: 1, maxLength: 8 }),
      durations: fc.constant<Array<number | null>>([1_000]),
    }), { minLength: 1, maxLength: 3 }).map((groups): Group[] => groups);
    fc.assert(fc.property(arbPushes, arbEdgeGroups, arbConfig, (pushes, groups, config) => {
      const sightings: IpSighting[] = [{ sensorId: 1, hostname: 'host-1', ip: IPS[0], kind: 'external', fromMs: T0 - 5 * HOUR, toMs: T0 + HOUR }];
      const sessions = sessionsOf(groups, pushes, config, false);
      const burst: Burst = { user: 'jdoe', pushes, firstPushMs: Math.min(...pushes.map((p) => p.timeMs)), lastPushMs: Math.max(...pushes.map((p) => p.timeMs)) };
      expect(attributeBurst(burst, sightings, sessions, config)).toEqual(referenceAttributeBurst(burst, sightings, sessions, config));
    }), { numRuns: 2500 });
  });

  it('gives the same draft for the write-up story with a busy browser of many endpoints', async () => {
    const { winscpStory, browserSessions } = await import('./detect-fixtures.js');
    const story = winscpStory();
    for (const endpoints of [1, 50, 600]) {
      const sessions = [...story.sessions, ...browserSessions({ endpoints, seed: endpoints })];
      const burst: Burst = { user: 'jdoe', pushes: story.pushes, firstPushMs: story.pushes[0]!.timeMs, lastPushMs: story.pushes.at(-1)!.timeMs };
      expect(attributeBurst(burst, story.sightings, sessions, CONFIG)).toEqual(referenceAttributeBurst(burst, story.sightings, sessions, CONFIG));
    }
  });
});
