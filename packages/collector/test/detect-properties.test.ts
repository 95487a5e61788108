// "Reordering events or splitting ingestion into batches never changes a
// verdict" (issue 3), as properties over generated pushes, sightings and
// sessions — including a culprit process that lines up with the pushes, a
// rival that may, and background chatter — so every verdict gets exercised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeBurst } from '../src/detect/attribution.js';
import { findBursts } from '../src/detect/bursts.js';
import { reconcileAlerts } from '../src/detect/reconcile.js';
import type { Burst, IpSighting, SessionRecord, Verdict } from '../src/detect/types.js';
import type { MfaEvent, MfaResult } from '../src/ingest/mfa-event.js';
import { AlertTable, CONFIG, HOUR, MIN, T0, prng, push, session } from './detect-fixtures.js';

const IPS = ['198.51.100.7', '198.51.100.8', '203.0.113.66', '2001:db8::7'] as const;
const USERS = ['amy', 'jdoe'] as const;
const RESULTS: MfaResult[] = ['denied', 'denied', 'denied', 'fraud', 'failure', 'success'];
const RUNS = { numRuns: 300 };

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Pushes of two users over ~50 minutes; distinct ids (exact copies are added separately). */
const arbEvents = fc.array(
  fc.record({
    sec: fc.integer({ min: 0, max: 50 * 60 }),
    user: fc.constantFrom(...USERS),
    result: fc.constantFrom(...RESULTS),
    isPush: fc.constantFrom(true, true, true, true, false),
    ip: fc.constantFrom<string | null>(IPS[0], IPS[0], IPS[0], IPS[0], IPS[1], IPS[2], IPS[3], null),
    app: fc.constantFrom('api-prod', 'vpn'),
  }),
  { minLength: 0, maxLength: 24 },
).map((rows) => rows.map((r, i) => push(T0 + r.sec * 1_000, {
  eventId: `tx${i}`, user: r.user, result: r.result, reason: r.result === 'fraud' ? 'user_marked_fraud' : 'no_response',
  isPush: r.isPush, factor: r.isPush ? 'duo_push' : 'phone_call', accessIp: r.ip, application: r.app,
})));

const arbSightings = fc.array(
  fc.record({
    sensor: fc.integer({ min: 1, max: 3 }),
    ip: fc.constantFrom(...IPS),
    kind: fc.constantFrom<'external' | 'interface'>('external', 'interface'),
    from: fc.integer({ min: -120, max: 40 }),
    len: fc.integer({ min: 0, max: 180 }),
  }),
  { maxLength: 6 },
).map((rows) => rows.map((r): IpSighting => ({
  sensorId: r.sensor, hostname: `host-${r.sensor}`, ip: r.ip, kind: r.kind, fromMs: T0 + r.from * MIN, toMs: T0 + (r.from + r.len) * MIN,
})));

interface SessionPlan {
  /** Which pushes the culprit answers (by index), its lag, and whether a rival copies it. */
  culpritSensor: number;
  /** The culprit's sensor held the main IP all along (else only the random sightings count). */
  culpritSighted: boolean;
  culpritLags: number[];
  rival: boolean;
  chatter: Array<{ sensor: number; guid: string; ip: string; at: number; dur: number | null }>;
  closedGap: number;
}

const arbSessionPlan: fc.Arbitrary<SessionPlan> = fc.record({
  culpritSensor: fc.integer({ min: 1, max: 3 }),
  culpritSighted: fc.constantFrom(true, true, true, false),
  culpritLags: fc.array(fc.oneof(
    { arbitrary: fc.integer({ min: 5_000, max: 45_000 }), weight: 3 },
    { arbitrary: fc.integer({ min: -10_000, max: 70_000 }), weight: 1 },
  ), { maxLength: 24 }),
  rival: fc.boolean(),
  chatter: fc.array(fc.record({
    sensor: fc.integer({ min: 1, max: 3 }),
    guid: fc.constantFrom('g-chrome', 'g-teams', 'g-culprit'),
    ip: fc.constantFrom('10.1.2.3', '10.9.9.9', '142.250.80.46'),
    at: fc.integer({ min: -70 * 60, max: 55 * 60 }),
    dur: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  }), { maxLength: 40 }),
  closedGap: fc.integer({ min: 1_000, max: 20_000 }),
});

/** Sessions from a plan: the culprit opens before (some of) jdoe's pushes; an optional rival in lockstep. */
function sessionsFor(events: readonly MfaEvent[], plan: SessionPlan): SessionRecord[] {
  const pushes = events.filter((e) => e.isPush && e.user === 'jdoe').sort((a, b) => a.timeMs - b.timeMs);
  const out: SessionRecord[] = [];
  plan.culpritLags.forEach((lag, i) => {
    const p = pushes[i];
    if (p === undefined) return;
    const base = { sensorId: plan.culpritSensor, processGuid: 'g-culprit', closedAtMs: p.timeMs - lag + plan.closedGap };
    out.push(session(p.timeMs - lag, base));
    if (plan.rival) out.push(session(p.timeMs - lag, { ...base, processGuid: 'g-rival', processName: 'rival.exe', pid: 77, remoteIp: '10.7.7.7' }));
  });
  for (const c of plan.chatter) {
    const at = T0 + c.at * 1_000;
    out.push(session(at, {
      sensorId: c.sensor, processGuid: c.guid, processName: c.guid.slice(2), pid: c.guid.length, remoteIp: c.ip, remotePort: 443,
      processStartMs: T0 - 3 * HOUR, closedAtMs: c.dur === null ? null : at + c.dur * 1_000,
    }));
  }
  return out;
}

/** The random sightings, plus the culprit's sensor holding the main IP when the plan says so. */
function sightingsFor(sightings: readonly IpSighting[], plan: SessionPlan): IpSighting[] {
  if (!plan.culpritSighted) return [...sightings];
  const id = plan.culpritSensor;
  return [...sightings, { sensorId: id, hostname: `host-${id}`, ip: IPS[0], kind: 'external', fromMs: T0 - 2 * HOUR, toMs: T0 + 2 * HOUR }];
}

/** The runner's work for one batch of data: bursts → drafts → reconcile → apply. */
function detect(table: AlertTable, events: readonly MfaEvent[], sightings: readonly IpSighting[], sessions: readonly SessionRecord[]) {
  const drafts = findBursts(events, CONFIG).map((b) => attributeBurst(b, sightings, sessions, CONFIG));
  const plan = reconcileAlerts(table.list(), drafts, CONFIG.burstWindowMs);
  table.apply(plan);
  return plan;
}

const seen = new Map<Verdict, number>();
function tally(verdict: Verdict) {
  seen.set(verdict, (seen.get(verdict) ?? 0) + 1);
}

describe('detector properties', () => {
  it('findBursts: the same set of events in any order, with duplicates, gives the same bursts', () => {
    fc.assert(fc.property(arbEvents, fc.array(fc.nat()), fc.integer(), fc.integer(), (events, copyIdx, seedA, seedB) => {
      const copies = events.length === 0 ? [] : copyIdx.map((i) => ({ ...events[i % events.length]! }));
      // Copies that disagree with the original in some field still collapse the same way, whatever the order.
      const conflicting = events.slice(0, 2).map((e) => ({ ...e, result: 'success' as const }));
      const once = findBursts(events, CONFIG);
      expect(findBursts(shuffle([...events, ...copies], seedA), CONFIG)).toEqual(once);
      const withConflicts = [...events, ...copies, ...conflicting];
      expect(findBursts(shuffle(withConflicts, seedA), CONFIG)).toEqual(findBursts(shuffle(withConflicts, seedB), CONFIG));
    }), RUNS);
  });

  it('attributeBurst: order of sessions, sightings and pushes never changes the draft', () => {
    fc.assert(fc.property(arbEvents, arbSightings, arbSessionPlan, fc.integer(), (events, randomSightings, plan, seed) => {
      const sessions = sessionsFor(events, plan);
      const sightings = sightingsFor(randomSightings, plan);
      const pushes = events.filter((e) => e.isPush && e.user === 'jdoe').sort((a, b) => a.timeMs - b.timeMs);
      fc.pre(pushes.length > 0);
      // Any set of pushes can be asked about (the runner passes findBursts' output; a hand-made burst must work too).
      const burst: Burst = { user: 'jdoe', pushes, firstPushMs: pushes[0]!.timeMs, lastPushMs: pushes.at(-1)!.timeMs };
      const draft = attributeBurst(burst, sightings, sessions, CONFIG);
      tally(draft.verdict);
      const again = attributeBurst({ ...burst, pushes: shuffle(pushes, seed) }, shuffle(sightings, seed + 1), shuffle(sessions, seed + 2), CONFIG);
      expect(again).toEqual(draft);

      // And the draft keeps its contract.
      expect(draft.evidence).toHaveLength(draft.pushes_total);
      expect(draft.pushes_aligned).toBeLessThanOrEqual(draft.pushes_total);
      const attributed = draft.verdict === 'reconnect-loop';
      expect(draft.process !== null).toBe(attributed);
      expect(draft.destination !== null).toBe(attributed);
      expect(draft.evidence.filter((e) => e.session_opened_at !== null)).toHaveLength(attributed ? draft.pushes_aligned : 0);
      for (const e of draft.evidence) {
        if (e.lag_ms !== null) expect(e.lag_ms).toBe(Date.parse(e.push_time) - Date.parse(e.session_opened_at!));
        if (e.lag_ms !== null) expect(e.lag_ms).toBeGreaterThanOrEqual(-CONFIG.alignAfterMs);
        if (e.lag_ms !== null) expect(e.lag_ms).toBeLessThanOrEqual(CONFIG.alignBeforeMs);
      }
      expect(draft.severity).toBe({ 'reconnect-loop': 'low', unattributed: 'high', 'sensor-no-process': 'medium', ambiguous: 'medium' }[draft.verdict]);
      expect(draft.candidates.length > 0).toBe(draft.verdict === 'ambiguous');
    }), { numRuns: 500 });
  });

  it('splitting the data into batches (pushes and telemetry arriving late) ends with the alerts one run makes', () => {
    fc.assert(fc.property(
      arbEvents, arbSightings, arbSessionPlan, fc.array(fc.nat()), fc.integer(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
      (events, randomSightings, plan, copyIdx, seed, cuts) => {
        const sessions = sessionsFor(events, plan);
        const sightings = sightingsFor(randomSightings, plan);
        const copies = events.length === 0 ? [] : copyIdx.map((i) => ({ ...events[i % events.length]! }));
        const allEvents = shuffle([...events, ...copies], seed);
        const allSessions = shuffle(sessions, seed + 1);
        const allSightings = shuffle(sightings, seed + 2);

        const oneRun = new AlertTable();
        detect(oneRun, allEvents, allSightings, allSessions);
        for (const a of oneRun.list()) tally(a.verdict);

        const batched = new AlertTable();
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const prefix = <T>(items: readonly T[]) => items.slice(0, Math.floor(items.length * cut));
          detect(batched, prefix(allEvents), prefix(allSightings), prefix(allSessions));
        }
        detect(batched, allEvents, allSightings, allSessions);
        expect(batched.contents()).toEqual(oneRun.contents());
        // Each burst has exactly one alert.
        expect(batched.list()).toHaveLength(findBursts(allEvents, CONFIG).length);
        // And once everything is in, running again changes nothing.
        expect(detect(batched, shuffle(allEvents, seed + 3), allSightings, allSessions)).toEqual({ save: [], remove: [] });
      },
    ), RUNS);
  });

  it('exercised every verdict', () => {
    // Runs after the properties above (same file, in order): a generator that never produced
    // some verdict would make those properties weaker than they look.
    for (const verdict of ['reconnect-loop', 'unattributed', 'sensor-no-process', 'ambiguous'] as const) {
      expect({ verdict, seen: (seen.get(verdict) ?? 0) > 0 }).toEqual({ verdict, seen: true });
    }
  });
});
