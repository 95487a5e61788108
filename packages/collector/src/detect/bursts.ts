import type { MfaEvent } from '../ingest/mfa-event.js';
import { checkDetectionConfig, checkEvents } from './detect-input.js';
import { compareEvents, compareText, isFraudReport, isNonApprovedPush, uniqueSortedEvents } from './event-order.js';
import type { Burst, DetectionConfig } from './types.js';

/**
 * Finds push bursts: for each user, the non-approved pushes (isPush and not
 * `success`) are cut into episodes wherever two consecutive ones are more
 * than M (burstWindowMs) apart. An episode is a burst when
 *  - some K (burstMinPushes) of its pushes fall within M of each other, or
 *  - it holds a fraud report (result `fraud` or reason `user_marked_fraud`):
 *    one report is reason enough, alone or in company.
 * Chaining makes one episode one burst: pushes every minute for an hour are
 * one alert, not six overlapping ones. It is also monotone — more pushes only
 * merge or extend episodes, never split them — so a burst found on part of
 * the data lies inside the burst found on all of it, and the alert it made
 * is updated rather than duplicated (see reconcile.ts).
 *
 * Approved pushes of the user inside a burst's span are kept in its pushes
 * for the record (an approval in the middle of a fatigue attack is the most
 * important line of the timeline) but do not count towards K or the span.
 *
 * Pure and order-independent: events are deduplicated on (source, eventId,
 * timeMs), as the store does, and sorted by a total order before anything
 * else. Bursts come out oldest first (then by user).
 */
export function findBursts(events: readonly MfaEvent[], config: DetectionConfig): Burst[] {
  checkDetectionConfig(config, 'findBursts');
  checkEvents(events, 'findBursts');
  const byUser = new Map<string, MfaEvent[]>();
  for (const e of uniqueSortedEvents(events)) {
    if (!e.isPush) continue;
    const list = byUser.get(e.user);
    if (list === undefined) byUser.set(e.user, [e]);
    else list.push(e);
  }
  const bursts: Burst[] = [];
  for (const [user, pushes] of byUser) {
    const denied = pushes.filter(isNonApprovedPush);
    const approved = pushes.filter((e) => !isNonApprovedPush(e));
    for (const episode of episodes(denied, config.burstWindowMs)) {
      if (!isBurst(episode, config)) continue;
      const firstPushMs = episode[0]!.timeMs;
      const lastPushMs = episode.at(-1)!.timeMs;
      const inSpan = approved.filter((e) => e.timeMs >= firstPushMs && e.timeMs <= lastPushMs);
      bursts.push({ user, pushes: [...episode, ...inSpan].sort(compareEvents), firstPushMs, lastPushMs });
    }
  }
  return bursts.sort((a, b) => a.firstPushMs - b.firstPushMs || compareText(a.user, b.user));
}

/** Splits time-sorted pushes wherever the gap to the previous one exceeds `gapMs`. */
function episodes(sorted: readonly MfaEvent[], gapMs: number): MfaEvent[][] {
  const out: MfaEvent[][] = [];
  let current: MfaEvent[] = [];
  for (const e of sorted) {
    if (current.length > 0 && e.timeMs - current.at(-1)!.timeMs > gapMs) {
      out.push(current);
      current = [];
    }
    current.push(e);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function isBurst(episode: readonly MfaEvent[], config: DetectionConfig): boolean {
  if (episode.some(isFraudReport)) return true;
  const k = config.burstMinPushes;
  for (let i = 0; i + k - 1 < episode.length; i++) {
    if (episode[i + k - 1]!.timeMs - episode[i]!.timeMs <= config.burstWindowMs) return true;
  }
  return false;
}
