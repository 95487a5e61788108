import { CollectorError } from '../errors.js';
import type { MfaEvent } from '../ingest/mfa-event.js';
import { adviceAmbiguous, adviceReconnect, adviceSensorNoProcess, adviceUnattributed } from './advice.js';
import { AMBIGUITY_MARGIN, MIN_ALIGNED, scoreCandidates, type ScoredCandidate } from './candidate-scores.js';
import { checkDetectionConfig, checkEvents, checkSessions, checkSightings } from './detect-input.js';
import { compareText, isNonApprovedPush, uniqueSortedEvents } from './event-order.js';
import { canonicalIp } from './ip-text.js';
import { alertProcessOf, processDisplayName } from './process-details.js';
import { hostnamesOf, sensorsPerPush } from './push-sensors.js';
import { findReconnectLoops } from './reconnect-loops.js';
import { processKey } from './session-order.js';
import type { AlertDraft, Burst, DetectionConfig, EvidenceItem, IpSighting, SessionRecord } from './types.js';

/**
 * Traces one burst to a verdict (the chain of evidence of DESIGN.md):
 *
 * 1. Access IP: the most frequent access IP among the burst's non-approved
 *    pushes; ties go to the lexicographically smallest (canonical) address,
 *    so the choice never depends on order. Application: likewise.
 * 2. IP → sensors: a push is matched to every sensor with a sighting of that
 *    push's own access IP whose [fromMs, toMs] contains the push time.
 *    Only non-approved pushes decide which sensors are in play: an approval
 *    the user gave from the office, in the middle of an outsider's burst,
 *    must not turn `unattributed` into a search of the office laptop.
 *    No sensor → `unattributed` (high).
 * 3. Sensor → process: every (process, endpoint) with sessions on those
 *    sensors is scored against its own background rate (candidate-scores.ts).
 *    No credible candidate → `sensor-no-process` (medium).
 * 4. The best credible candidate wins. If another process (not just another
 *    endpoint of the same process) lines up with at least MIN_ALIGNED pushes
 *    (or all, when fewer) and scores within AMBIGUITY_MARGIN of it →
 *    `ambiguous` (medium), listing the winner and every such rival.
 *    Otherwise → `reconnect-loop` (low), naming the process, with the session
 *    that lined up with each push.
 *
 * Pure: the same burst, sightings and sessions in any order give the same
 * draft. Times in the draft are ISO 8601 (UTC).
 */
export function attributeBurst(
  burst: Burst,
  sightings: readonly IpSighting[],
  sessions: readonly SessionRecord[],
  config: DetectionConfig,
): AlertDraft {
  checkDetectionConfig(config, 'attributeBurst');
  checkEvents(burst.pushes, 'attributeBurst (burst.pushes)');
  checkSightings(sightings, 'attributeBurst');
  checkSessions(sessions, 'attributeBurst');
  const pushes = uniqueSortedEvents(burst.pushes);
  if (pushes.length === 0) throw new CollectorError('COLLECTOR_E_INTERNAL', `attributeBurst: the burst of user ${JSON.stringify(burst.user)} has no pushes`);

  const notApproved = pushes.filter(isNonApprovedPush);
  // A burst always has non-approved pushes; a hand-made one of approvals only is judged on all of them.
  const basis = notApproved.length > 0 ? notApproved : pushes;
  const firstMs = basis[0]!.timeMs;
  const lastMs = basis.at(-1)!.timeMs;
  const accessIp = mostFrequent(basis.map((p) => (p.accessIp === null ? null : canonicalIp(p.accessIp))));
  const approvedAt = pushes.filter((p) => !isNonApprovedPush(p)).map((p) => iso(p.timeMs));

  const pushSensors = sensorsPerPush(pushes, sightings);
  const basisSet = new Set(basis);
  const sensors = new Set<number>();
  pushes.forEach((p, i) => {
    if (basisSet.has(p)) for (const id of pushSensors[i]!) sensors.add(id);
  });
  const hostnames = hostnamesOf(sightings);
  const hostnameOf = (id: number) => hostnames.get(id) ?? `sensor ${id}`;

  const base = {
    user: burst.user,
    application: mostFrequent(basis.map((p) => p.application)) ?? '',
    access_ip: accessIp,
    pushes_total: pushes.length,
    first_push: iso(firstMs),
    last_push: iso(lastMs),
  };
  const noSessions = (): EvidenceItem[] => pushes.map((p) => evidence(p, null));

  if (sensors.size === 0) {
    return {
      ...base, verdict: 'unattributed', severity: 'high', pushes_aligned: 0,
      sensor_id: null, hostname: null, process: null, destination: null, evidence: noSessions(), candidates: [],
      advice: adviceUnattributed({
        user: burst.user, application: base.application, accessIp, notApproved: notApproved.length,
        firstPush: base.first_push, lastPush: base.last_push, approvedAt,
      }),
    };
  }

  // Since when each matched sensor has been watching: its earliest IP
  // sighting or session we were given, whichever is first.
  const watchedFrom = new Map<number, number>();
  const watch = (sensorId: number, t: number) => watchedFrom.set(sensorId, Math.min(watchedFrom.get(sensorId) ?? Infinity, t));
  for (const s of sightings) if (sensors.has(s.sensorId)) watch(s.sensorId, s.fromMs);
  for (const s of sessions) if (sensors.has(s.sensorId)) watch(s.sensorId, s.openedAtMs);
  const scored = scoreCandidates(pushes, pushSensors, sensors, sessions, config, watchedFrom);
  const winner = scored.find((c) => c.credible);
  if (winner === undefined) {
    const sorted = [...sensors].sort((a, b) => a - b);
    const only = sorted.length === 1 ? sorted[0]! : null;
    return {
      ...base, verdict: 'sensor-no-process', severity: 'medium', pushes_aligned: 0,
      sensor_id: only, hostname: only === null ? null : hostnameOf(only), process: null, destination: null,
      evidence: noSessions(), candidates: [],
      advice: adviceSensorNoProcess({
        sensors: sorted.map((sensorId) => ({ sensorId, hostname: hostnameOf(sensorId) })), accessIp, user: burst.user, approvedAt,
      }),
    };
  }

  const rivals = rivalsOf(winner, scored, pushes.length);
  if (rivals.length > 0) {
    const all = [winner, ...rivals];
    const oneSensor = all.every((c) => c.sensorId === winner.sensorId) ? winner.sensorId : null;
    return {
      ...base, verdict: 'ambiguous', severity: 'medium', pushes_aligned: winner.aligned,
      sensor_id: oneSensor, hostname: oneSensor === null ? null : hostnameOf(oneSensor), process: null, destination: null,
      evidence: noSessions(),
      candidates: all.map((c) => ({
        sensor_id: c.sensorId, hostname: hostnameOf(c.sensorId), process: alertProcessOf(c.example),
        destination: { ip: c.remoteIp, port: c.remotePort }, pushes_aligned: c.aligned, score: round2(c.score),
      })),
      advice: adviceAmbiguous({
        candidates: all.map((c) => ({
          process: namedProcess(c.example), hostname: hostnameOf(c.sensorId),
          destination: { ip: c.remoteIp, port: c.remotePort }, aligned: c.aligned,
        })),
        total: pushes.length, user: burst.user, approvedAt, atMs: lastMs,
      }),
    };
  }

  const destination = { ip: winner.remoteIp, port: winner.remotePort };
  return {
    ...base, verdict: 'reconnect-loop', severity: 'low', pushes_aligned: winner.aligned,
    sensor_id: winner.sensorId, hostname: hostnameOf(winner.sensorId), process: alertProcessOf(winner.example), destination,
    evidence: pushes.map((p, i) => evidence(p, winner.matched[i]!)),
    candidates: [],
    advice: adviceReconnect({
      process: namedProcess(winner.example), hostname: hostnameOf(winner.sensorId), destination,
      loop: formsLoop(winner, hostnameOf, config), aligned: winner.aligned, total: pushes.length, approvedAt, atMs: lastMs,
    }),
  };
}

/** Other processes (each by its best endpoint) that line up about as well as the winner. */
function rivalsOf(winner: ScoredCandidate, scored: readonly ScoredCandidate[], pushCount: number): ScoredCandidate[] {
  const seen = new Set([processKey(winner.example)]);
  const rivals: ScoredCandidate[] = [];
  for (const c of scored) {
    const key = processKey(c.example);
    if (seen.has(key)) continue;
    seen.add(key); // candidates come best first: a process's first entry is its best endpoint
    if (c.aligned >= Math.min(MIN_ALIGNED, pushCount) && c.score >= winner.score - AMBIGUITY_MARGIN) rivals.push(c);
  }
  return rivals;
}

/** Whether the winner's sessions to its endpoint form a reconnect loop that includes a session lining up with a push. */
function formsLoop(winner: ScoredCandidate, hostnameOf: (id: number) => string, config: DetectionConfig): boolean {
  const alignedOpenings = new Set(winner.matched.filter((m) => m !== null).map((m) => m.openedAtMs));
  return findReconnectLoops(winner.allSessions, hostnameOf, config).some((loop) => loop.sessionsOpenedMs.some((t) => alignedOpenings.has(t)));
}

function namedProcess(s: SessionRecord) {
  return { name: processDisplayName(s), pid: s.pid, startMs: s.processStartMs };
}

function evidence(push: MfaEvent, session: SessionRecord | null): EvidenceItem {
  return {
    push_time: iso(push.timeMs),
    result: push.result,
    session_opened_at: session === null ? null : iso(session.openedAtMs),
    lag_ms: session === null ? null : push.timeMs - session.openedAtMs,
  };
}

/** Most frequent non-null value; ties go to the smallest in code-unit order. Null when there is none. */
function mostFrequent(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && compareText(v, best) < 0)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
