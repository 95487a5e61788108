// The detector's attribution as it was before sessions were read as
// aggregates (commit ee8c50a, src/detect/attribution.ts and
// candidate-scores.ts, verbatim but for this header, the imports and the
// name): every session a row, scored one by one. Frozen here as the oracle
// that detect-scoring-equivalence.test.ts holds the aggregate path to. Do
// not "fix" it: a change of verdict semantics goes into src/ and here alike.
import { CollectorError } from '../src/errors.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { adviceAmbiguous, adviceReconnect, adviceSensorNoProcess, adviceUnattributed } from '../src/detect/advice.js';
import { binomialTailScore } from '../src/detect/binomial-tail.js';
import { checkDetectionConfig, checkEvents, checkSessions, checkSightings } from '../src/detect/detect-input.js';
import { compareText, isNonApprovedPush, uniqueSortedEvents } from '../src/detect/event-order.js';
import { canonicalIp } from '../src/detect/ip-text.js';
import { alertProcessOf, processDisplayName } from '../src/detect/process-details.js';
import { hostnamesOf, sensorsPerPush } from '../src/detect/push-sensors.js';
import { findReconnectLoops } from '../src/detect/reconnect-loops.js';
import { compareSessions, endpointKey, processKey } from '../src/detect/session-order.js';
import type { AlertDraft, Burst, DetectionConfig, EvidenceItem, IpSighting, SessionRecord } from '../src/detect/types.js';

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
export function referenceAttributeBurst(
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


/**
 * Sensor → process: which (process, remote endpoint) opened sessions that
 * line up with a burst's pushes, scored so that a busy process cannot win by
 * volume or by being nearest to every push.
 *
 * The question asked of each candidate is "how surprising is it that this
 * many pushes had one of your sessions just before them, given how often you
 * open sessions anyway?". Under the null hypothesis the candidate opens
 * sessions as a Poisson process of rate r, independent of the pushes:
 *
 *  - r is estimated from the time OUTSIDE the pushes' alignment windows:
 *    r = (its sessions opened there + 1) / (that time). The observation span
 *    runs from the baseline start (first push − baselineMs) to the end of
 *    the burst (last push + alignAfterMs), but not from before the process
 *    existed (its start time, or its earliest session when the start is
 *    unknown), nor from before the sensor was watching (its earliest IP
 *    sighting or session: an agent that started recently saw nothing
 *    before): a recently started
 *    busy process must not look quiet because of an hour it was not running
 *    or not watched. Leaving the windows out is what makes
 *    this a test of "more sessions right before pushes than elsewhere":
 *    under the null the windows hold nothing special, so the outside time
 *    estimates the same rate without the sessions being tested counting
 *    against themselves; the +1 keeps a process with no outside sessions at
 *    a finite, conservative rate, and when the windows cover nearly all of
 *    the process's life there is little outside time, a high rate, and no
 *    attribution (rightly: its timing cannot be told from chance).
 *  - p = 1 − exp(−r·w), w = alignBeforeMs + alignAfterMs: the chance that a
 *    window of that width holds at least one of its sessions by accident.
 *  - aligned = how many pushes get a session of their own in their window
 *    [push − alignBeforeMs, push + alignAfterMs]. One session can explain one
 *    push (a reconnect asks for MFA once), so this is a maximum matching,
 *    not "pushes with some session near": one session before a cluster of
 *    pushes counts once, which keeps the binomial below honest when the
 *    pushes' windows overlap.
 *  - raw = −log10 P(X ≥ aligned), X ~ Binomial(pushes, p). A browser opening
 *    a session every second has p ≈ 1 and raw ≈ 0 however many pushes it
 *    "lines up" with; a stale WinSCP that opened five sessions in the hour,
 *    each just before one of five pushes, has p ≈ 0.08 and raw ≈ 5.5.
 *  - score = raw − log10(processes) − log10(that process's endpoints).
 *    Many candidates are many lottery tickets: a browser talking to 500
 *    endpoints will, by chance, have one that lines up with 3 of 5 pushes,
 *    and behind a NAT every sensor's processes compete. This is a weighted
 *    Bonferroni correction — each process gets an equal share of the error
 *    budget, split among its endpoints — so a process with one endpoint
 *    (WinSCP) is not penalised for the browser's sprawl, and a score of s
 *    bounds the chance that any candidate did this well by accident by
 *    10^−s (under the null; see MIN_SCORE).
 */

/**
 * A candidate is credible only with score ≥ 2: at most a 1 % chance that
 * some candidate on the matched sensors lined up this well by accident.
 */
const MIN_SCORE = 2;
/**
 * ... and with at least two pushes lined up (all of them when the burst has
 * fewer): one coincidence is not a pattern, however quiet the process.
 */
const MIN_ALIGNED = 2;
/**
 * Two processes whose scores differ by less than 1 (their chance-of-
 * coincidence within a factor of 10) cannot be told apart by timing: the
 * verdict is `ambiguous` and both are listed, rather than naming one on a
 * difference the data cannot support. Two processes reconnecting in lockstep
 * score the same; a process lining up with 5 of 5 pushes beats a same-rate
 * one lining up with 4 of 5 by ~1.8.
 */
const AMBIGUITY_MARGIN = 1;

interface ScoredCandidate {
  sensorId: number;
  processGuid: string;
  remoteIp: string;
  remotePort: number;
  /** A session of the candidate, for the process's details (pid, name, path, start, sha256). */
  example: SessionRecord;
  /** Every session of the candidate the caller passed, oldest first (loop detection looks at them). */
  allSessions: SessionRecord[];
  /** Per push (in the pushes' order): the session matched to it, or null. */
  matched: Array<SessionRecord | null>;
  aligned: number;
  /** Sessions opened in the observation span, and the span's length: the background rate's inputs. */
  sessionsObserved: number;
  observedMs: number;
  /** −log10 of the binomial tail, before the multiple-comparison correction. */
  rawScore: number;
  score: number;
  /** Meets MIN_SCORE and MIN_ALIGNED. */
  credible: boolean;
}

/**
 * Scores every (process, endpoint) with a session in the burst's window on
 * the given sensors. `pushes` are oldest first; `pushSensors[i]` are the
 * sensors that held push i's access IP at its time — a session lines up with
 * a push only on such a sensor. Returns candidates best first: score, then
 * pushes aligned, then identity (so ties break the same way every time).
 */
function scoreCandidates(
  pushes: readonly MfaEvent[],
  pushSensors: ReadonlyArray<ReadonlySet<number>>,
  sensors: ReadonlySet<number>,
  sessions: readonly SessionRecord[],
  config: DetectionConfig,
  /** Per sensor, since when it has been reporting (its earliest IP sighting or session given). */
  watchedFrom: ReadonlyMap<number, number> = new Map(),
): ScoredCandidate[] {
  if (pushes.length === 0) return [];
  const w = config.alignBeforeMs + config.alignAfterMs;
  const firstMs = pushes[0]!.timeMs;
  const lastMs = pushes.at(-1)!.timeMs;
  const windowStart = firstMs - Math.max(config.baselineMs, config.alignBeforeMs);
  const windowEnd = lastMs + config.alignAfterMs;

  const earliestOfProcess = new Map<string, number>();
  const byEndpoint = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (!sensors.has(s.sensorId)) continue;
    const pk = processKey(s);
    earliestOfProcess.set(pk, Math.min(earliestOfProcess.get(pk) ?? Infinity, s.openedAtMs));
    const ek = endpointKey(s);
    const list = byEndpoint.get(ek);
    if (list === undefined) byEndpoint.set(ek, [s]);
    else list.push(s);
  }

  const groups: SessionRecord[][] = [];
  const endpointsOfProcess = new Map<string, number>();
  for (const list of byEndpoint.values()) {
    list.sort(compareSessions);
    if (!list.some((s) => s.openedAtMs >= windowStart && s.openedAtMs <= windowEnd)) continue;
    groups.push(list);
    const pk = processKey(list[0]!);
    endpointsOfProcess.set(pk, (endpointsOfProcess.get(pk) ?? 0) + 1);
  }
  const processCount = endpointsOfProcess.size;

  const scored = groups.map((all): ScoredCandidate => {
    const first = all[0]!;
    const pk = processKey(first);
    const inWindow = all.filter((s) => s.openedAtMs >= windowStart && s.openedAtMs <= windowEnd);
    const matched = matchSessions(pushes, pushSensors, first.sensorId, inWindow, config);
    const aligned = matched.filter((m) => m !== null).length;
    const existedFrom = Math.min(first.processStartMs ?? Infinity, earliestOfProcess.get(pk)!);
    // Nor from before the sensor was watching: a process that ran long
    // before its agent started was not quiet then, only unobserved.
    const spanStart = Math.max(windowStart, existedFrom, watchedFrom.get(first.sensorId) ?? -Infinity);
    const observedMs = Math.max(windowEnd - spanStart, w);
    const covered = alignmentWindows(pushes, config, spanStart, windowEnd);
    const outsideMs = Math.max(observedMs - covered.totalMs, w);
    const outsideSessions = inWindow.filter((session) => !covered.contains(session.openedAtMs)).length;
    const rate = (outsideSessions + 1) / outsideMs;
    const rawScore = aligned === 0 ? 0 : binomialTailScore(pushes.length, aligned, rate * w);
    const score = rawScore - Math.log10(processCount) - Math.log10(endpointsOfProcess.get(pk)!);
    const credible = aligned >= Math.min(MIN_ALIGNED, pushes.length) && score >= MIN_SCORE;
    return {
      sensorId: first.sensorId,
      processGuid: first.processGuid,
      remoteIp: first.remoteIp,
      remotePort: first.remotePort,
      example: first,
      allSessions: all,
      matched,
      aligned,
      sessionsObserved: inWindow.length,
      observedMs,
      rawScore,
      score,
      credible,
    };
  });
  return scored.sort(compareCandidates);
}

/**
 * The union of the pushes' windows [push − alignBeforeMs, push + alignAfterMs]
 * clipped to [fromMs, toMs]: its total length, and whether a time falls in it.
 */
function alignmentWindows(pushes: readonly MfaEvent[], config: DetectionConfig, fromMs: number, toMs: number) {
  const merged: Array<[number, number]> = [];
  for (const push of pushes) {
    const start = Math.max(push.timeMs - config.alignBeforeMs, fromMs);
    const end = Math.min(push.timeMs + config.alignAfterMs, toMs);
    if (end <= start) continue;
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return {
    totalMs: merged.reduce((sum, [start, end]) => sum + (end - start), 0),
    contains: (t: number) => merged.some(([start, end]) => start <= t && t <= end),
  };
}

function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.score - a.score ||
    b.aligned - a.aligned ||
    a.sensorId - b.sensorId ||
    compareText(a.processGuid, b.processGuid) ||
    compareText(a.remoteIp, b.remoteIp) ||
    a.remotePort - b.remotePort
  );
}

/**
 * Gives each push at most one session of its own in its window, as many
 * pushes as possible. All windows have the same width, so walking the pushes
 * newest first and giving each the latest free session that is not after its
 * window's end is a maximum matching (the mirror of earliest-deadline-first),
 * and it pairs each push with the session nearest before it — the one an
 * analyst would point at.
 */
function matchSessions(
  pushes: readonly MfaEvent[],
  pushSensors: ReadonlyArray<ReadonlySet<number>>,
  sensorId: number,
  sorted: readonly SessionRecord[],
  config: DetectionConfig,
): Array<SessionRecord | null> {
  const matched: Array<SessionRecord | null> = pushes.map(() => null);
  let j = sorted.length - 1;
  for (let i = pushes.length - 1; i >= 0; i--) {
    if (!pushSensors[i]!.has(sensorId)) continue;
    const t = pushes[i]!.timeMs;
    while (j >= 0 && sorted[j]!.openedAtMs > t + config.alignAfterMs) j--;
    if (j >= 0 && sorted[j]!.openedAtMs >= t - config.alignBeforeMs) {
      matched[i] = sorted[j]!;
      j--;
    }
  }
  return matched;
}
