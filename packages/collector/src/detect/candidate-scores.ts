import type { MfaEvent } from '../ingest/mfa-event.js';
import { binomialTailScore } from './binomial-tail.js';
import { inSpans, mergedWindows, type BurstFrame } from './burst-frame.js';
import type { CandidateFacts, EndpointFacts } from './candidate-facts.js';
import { compareText } from './event-order.js';
import { processKey } from './session-order.js';
import type { DetectionConfig } from './types.js';

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
 *
 * None of this needs a candidate's sessions one by one except those inside
 * the pushes' windows: the rest enter only as a count. That is what lets the
 * runner have the store count them (candidate-facts.ts).
 */

/**
 * A candidate is credible only with score ≥ 2: at most a 1 % chance that
 * some candidate on the matched sensors lined up this well by accident.
 */
export const MIN_SCORE = 2;
/**
 * ... and with at least two pushes lined up (all of them when the burst has
 * fewer): one coincidence is not a pattern, however quiet the process.
 */
export const MIN_ALIGNED = 2;
/**
 * Two processes whose scores differ by less than 1 (their chance-of-
 * coincidence within a factor of 10) cannot be told apart by timing: the
 * verdict is `ambiguous` and both are listed, rather than naming one on a
 * difference the data cannot support. Two processes reconnecting in lockstep
 * score the same; a process lining up with 5 of 5 pushes beats a same-rate
 * one lining up with 4 of 5 by ~1.8.
 */
export const AMBIGUITY_MARGIN = 1;

export interface ScoredCandidate {
  sensorId: number;
  processGuid: string;
  remoteIp: string;
  remotePort: number;
  /** Per push (in the pushes' order): the opening time of the session matched to it, or null. */
  matched: Array<number | null>;
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
 * Scores every (process, endpoint) in `facts` — those with a session in the
 * frame's scoring span on its matched sensors. A session lines up with a
 * push only on a sensor that held that push's access IP at its time
 * (frame.pushSensors). `watchedFrom`: per sensor, since when it has been
 * reporting (its earliest IP sighting or session). Returns candidates best
 * first: score, then pushes aligned, then identity (so ties break the same
 * way every time).
 */
export function scoreCandidates(
  frame: BurstFrame,
  facts: CandidateFacts,
  config: DetectionConfig,
  watchedFrom: ReadonlyMap<number, number> = new Map(),
): ScoredCandidate[] {
  const { pushes, pushSensors } = frame;
  if (pushes.length === 0) return [];
  const w = config.alignBeforeMs + config.alignAfterMs;

  const endpointsOfProcess = endpointsPerProcess(facts.endpoints);
  const processCount = endpointsOfProcess.size;

  const scored = facts.endpoints.map((e): ScoredCandidate => {
    const pk = processKey(e);
    const matched = matchSessions(pushes, pushSensors, e.sensorId, e.openingsNearPushes, config);
    const aligned = matched.filter((m) => m !== null).length;
    const { observedMs, outsideMs, covered } = observation(frame, e, facts.processFirstOpenedMs, watchedFrom, config);
    // Every session in `covered` lies in the pushes' windows, so is among
    // the openings listed one by one; the others are only counted.
    const outsideSessions = e.sessionsInWindow - e.openingsNearPushes.filter((t) => inSpans(covered, t)).length;
    const rate = (outsideSessions + 1) / outsideMs;
    const rawScore = aligned === 0 ? 0 : binomialTailScore(pushes.length, aligned, rate * w);
    const score = rawScore - Math.log10(processCount) - Math.log10(endpointsOfProcess.get(pk)!);
    const credible = aligned >= Math.min(MIN_ALIGNED, pushes.length) && score >= MIN_SCORE;
    return {
      sensorId: e.sensorId,
      processGuid: e.processGuid,
      remoteIp: e.remoteIp,
      remotePort: e.remotePort,
      matched,
      aligned,
      sessionsObserved: e.sessionsInWindow,
      observedMs,
      rawScore,
      score,
      credible,
    };
  });
  return scored.sort(compareCandidates);
}

function endpointsPerProcess(endpoints: readonly EndpointFacts[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of endpoints) counts.set(processKey(e), (counts.get(processKey(e)) ?? 0) + 1);
  return counts;
}

/**
 * A candidate's observation span — from the scoring span's start, but not
 * before its process existed (its start, or its earliest session when the
 * start is unknown) nor before its sensor was watching, to the span's end —
 * its length, the pushes' windows clipped to it, and the time outside them.
 */
function observation(
  frame: BurstFrame,
  e: EndpointFacts,
  processFirstOpenedMs: ReadonlyMap<string, number>,
  watchedFrom: ReadonlyMap<number, number>,
  config: DetectionConfig,
): { observedMs: number; outsideMs: number; covered: Array<[number, number]> } {
  const w = config.alignBeforeMs + config.alignAfterMs;
  const existedFrom = Math.min(e.processStartMs ?? Infinity, processFirstOpenedMs.get(processKey(e))!);
  // Nor from before the sensor was watching: a process that ran long
  // before its agent started was not quiet then, only unobserved.
  const spanStart = Math.max(frame.windowStartMs, existedFrom, watchedFrom.get(e.sensorId) ?? -Infinity);
  const observedMs = Math.max(frame.windowEndMs - spanStart, w);
  const covered = mergedWindows(frame.pushes, config, spanStart, frame.windowEndMs);
  const coveredMs = covered.reduce((sum, [start, end]) => sum + (end - start), 0);
  return { observedMs, outsideMs: Math.max(observedMs - coveredMs, w), covered };
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
 * analyst would point at. Sessions outside every window never match, so the
 * openings inside them (ascending) are all it needs.
 */
function matchSessions(
  pushes: readonly MfaEvent[],
  pushSensors: ReadonlyArray<ReadonlySet<number>>,
  sensorId: number,
  openings: readonly number[],
  config: DetectionConfig,
): Array<number | null> {
  const matched: Array<number | null> = pushes.map(() => null);
  let j = openings.length - 1;
  for (let i = pushes.length - 1; i >= 0; i--) {
    if (!pushSensors[i]!.has(sensorId)) continue;
    const t = pushes[i]!.timeMs;
    while (j >= 0 && openings[j]! > t + config.alignAfterMs) j--;
    if (j >= 0 && openings[j]! >= t - config.alignBeforeMs) {
      matched[i] = openings[j]!;
      j--;
    }
  }
  return matched;
}
