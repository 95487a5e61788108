import type { MfaEvent } from '../ingest/mfa-event.js';
import { adviceAmbiguous, adviceReconnect, adviceSensorNoProcess, adviceUnattributed } from './advice.js';
import { frameBurst, type BurstFrame } from './burst-frame.js';
import { factsFromSessions, type CandidateFacts } from './candidate-facts.js';
import { AMBIGUITY_MARGIN, MIN_ALIGNED, scoreCandidates, type ScoredCandidate } from './candidate-scores.js';
import { checkDetectionConfig, checkEvents, checkSessions, checkSightings } from './detect-input.js';
import { compareText, isNonApprovedPush } from './event-order.js';
import { canonicalIp } from './ip-text.js';
import { alertProcessOf, processDisplayName } from './process-details.js';
import { findReconnectLoops } from './reconnect-loops.js';
import { endpointKey, processKey } from './session-order.js';
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
 *
 * Scoring needs the sessions only as CandidateFacts (counts, and openings
 * near the pushes); the sessions themselves only of the process a verdict
 * names. attributeBurstFrom takes both from a BurstSessions source, which
 * lets the runner have the store count rather than read every row.
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
  const frame = frameBurst(burst, sightings, config);
  const { facts, sessionsOf } = factsFromSessions(frame, sessions);
  return draftFor(frame, rank(frame, facts, config), sessionsOf, config);
}

/** The sessions of a burst's matched sensors, as attributeBurstFrom asks for them. */
export interface BurstSessions {
  /** The facts of the sessions read for the burst (see CandidateFacts). */
  facts(frame: BurstFrame): Promise<CandidateFacts>;
  /** Every session read for the burst of one (sensor, process, endpoint), oldest first (compareSessions). */
  sessionsOf(endpoint: EndpointRef): Promise<SessionRecord[]>;
}

export type EndpointRef = Pick<SessionRecord, 'sensorId' | 'processGuid' | 'remoteIp' | 'remotePort'>;

/**
 * attributeBurst with sessions read on demand: the facts once (none when no
 * sensor matched), then the sessions of the candidates a verdict names. The
 * same draft as attributeBurst given every session the source describes.
 */
export async function attributeBurstFrom(
  burst: Burst,
  sightings: readonly IpSighting[],
  source: BurstSessions,
  config: DetectionConfig,
): Promise<AlertDraft> {
  checkDetectionConfig(config, 'attributeBurst');
  checkEvents(burst.pushes, 'attributeBurst (burst.pushes)');
  checkSightings(sightings, 'attributeBurst');
  const frame = frameBurst(burst, sightings, config);
  const ranking = frame.sensors.size === 0 ? NO_WINNER : rank(frame, await source.facts(frame), config);
  const named = new Map<string, SessionRecord[]>();
  for (const c of ranking.winner === undefined ? [] : [ranking.winner, ...ranking.rivals]) {
    named.set(endpointKey(c), await source.sessionsOf(c));
  }
  return draftFor(frame, ranking, (c) => named.get(endpointKey(c)) ?? [], config);
}

interface Ranking {
  winner: ScoredCandidate | undefined;
  /** Other processes about as credible as the winner (empty without a winner). */
  rivals: ScoredCandidate[];
}

const NO_WINNER: Ranking = Object.freeze({ winner: undefined, rivals: [] });

function rank(frame: BurstFrame, facts: CandidateFacts, config: DetectionConfig): Ranking {
  if (frame.sensors.size === 0) return NO_WINNER;
  // Since when each matched sensor has been watching: its earliest IP
  // sighting or session we were given, whichever is first.
  const watchedFrom = new Map(frame.sightedFrom);
  for (const [sensorId, t] of facts.sensorFirstOpenedMs) watchedFrom.set(sensorId, Math.min(watchedFrom.get(sensorId) ?? Infinity, t));
  const scored = scoreCandidates(frame, facts, config, watchedFrom);
  const winner = scored.find((c) => c.credible);
  return { winner, rivals: winner === undefined ? [] : rivalsOf(winner, scored, frame.pushes.length) };
}

function draftFor(
  frame: BurstFrame,
  { winner, rivals }: Ranking,
  sessionsOf: (endpoint: EndpointRef) => SessionRecord[],
  config: DetectionConfig,
): AlertDraft {
  const { burst, pushes, basis, sensors, hostnameOf } = frame;
  const firstMs = basis[0]!.timeMs;
  const lastMs = basis.at(-1)!.timeMs;
  const accessIp = mostFrequent(basis.map((p) => (p.accessIp === null ? null : canonicalIp(p.accessIp))));
  const approvedAt = pushes.filter((p) => !isNonApprovedPush(p)).map((p) => iso(p.timeMs));
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
        user: burst.user, application: base.application, accessIp, notApproved: frame.notApproved,
        firstPush: base.first_push, lastPush: base.last_push, approvedAt,
      }),
    };
  }

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

  // A session of the candidate, for the process's details (pid, name, path, start, sha256): its first.
  const example = (c: ScoredCandidate) => sessionsOf(c)[0]!;
  if (rivals.length > 0) {
    const all = [winner, ...rivals];
    const oneSensor = all.every((c) => c.sensorId === winner.sensorId) ? winner.sensorId : null;
    return {
      ...base, verdict: 'ambiguous', severity: 'medium', pushes_aligned: winner.aligned,
      sensor_id: oneSensor, hostname: oneSensor === null ? null : hostnameOf(oneSensor), process: null, destination: null,
      evidence: noSessions(),
      candidates: all.map((c) => ({
        sensor_id: c.sensorId, hostname: hostnameOf(c.sensorId), process: alertProcessOf(example(c)),
        destination: { ip: c.remoteIp, port: c.remotePort }, pushes_aligned: c.aligned, score: round2(c.score),
      })),
      advice: adviceAmbiguous({
        candidates: all.map((c) => ({
          process: namedProcess(example(c)), hostname: hostnameOf(c.sensorId),
          destination: { ip: c.remoteIp, port: c.remotePort }, aligned: c.aligned,
        })),
        total: pushes.length, user: burst.user, approvedAt, atMs: lastMs,
      }),
    };
  }

  const destination = { ip: winner.remoteIp, port: winner.remotePort };
  return {
    ...base, verdict: 'reconnect-loop', severity: 'low', pushes_aligned: winner.aligned,
    sensor_id: winner.sensorId, hostname: hostnameOf(winner.sensorId), process: alertProcessOf(example(winner)), destination,
    evidence: pushes.map((p, i) => evidence(p, winner.matched[i]!)),
    candidates: [],
    advice: adviceReconnect({
      process: namedProcess(example(winner)), hostname: hostnameOf(winner.sensorId), destination,
      loop: formsLoop(winner, sessionsOf(winner), hostnameOf, config), aligned: winner.aligned, total: pushes.length, approvedAt, atMs: lastMs,
    }),
  };
}

/** Other processes (each by its best endpoint) that line up about as well as the winner. */
function rivalsOf(winner: ScoredCandidate, scored: readonly ScoredCandidate[], pushCount: number): ScoredCandidate[] {
  const seen = new Set([processKey(winner)]);
  const rivals: ScoredCandidate[] = [];
  for (const c of scored) {
    const key = processKey(c);
    if (seen.has(key)) continue;
    seen.add(key); // candidates come best first: a process's first entry is its best endpoint
    if (c.aligned >= Math.min(MIN_ALIGNED, pushCount) && c.score >= winner.score - AMBIGUITY_MARGIN) rivals.push(c);
  }
  return rivals;
}

/** Whether the winner's sessions to its endpoint form a reconnect loop that includes a session lining up with a push. */
function formsLoop(winner: ScoredCandidate, sessions: readonly SessionRecord[], hostnameOf: (id: number) => string, config: DetectionConfig): boolean {
  const alignedOpenings = new Set(winner.matched.filter((m) => m !== null));
  return findReconnectLoops(sessions, hostnameOf, config).some((loop) => loop.sessionsOpenedMs.some((t) => alignedOpenings.has(t)));
}

function namedProcess(s: SessionRecord) {
  return { name: processDisplayName(s), pid: s.pid, startMs: s.processStartMs };
}

/** A push and the opening time of the session matched to it, if any. */
function evidence(push: MfaEvent, openedAtMs: number | null): EvidenceItem {
  return {
    push_time: iso(push.timeMs),
    result: push.result,
    session_opened_at: openedAtMs === null ? null : iso(openedAtMs),
    lag_ms: openedAtMs === null ? null : push.timeMs - openedAtMs,
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
