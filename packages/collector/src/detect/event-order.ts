import type { MfaEvent } from '../ingest/mfa-event.js';

/**
 * A total order on MFA events, so everything the detector derives from a set
 * of events is the same whatever order the set arrived in: time first, then
 * identity, then every other field (two copies of one event that disagree in
 * some field still sort the same way every time).
 */
export function compareEvents(a: MfaEvent, b: MfaEvent): number {
  return a.timeMs - b.timeMs || compareText(a.source, b.source) || compareText(a.eventId, b.eventId) || compareText(eventText(a), eventText(b));
}

/** The identity of an event, as the store dedupes it: Duo repeats txids, so (source, id, time). */
export function eventKey(e: MfaEvent): string {
  return `${e.source}\u0000${e.eventId}\u0000${e.timeMs}`;
}

/**
 * Sorts events with compareEvents and keeps one per eventKey (the first in
 * that order), so duplicates count once and the survivor does not depend on
 * arrival order.
 */
export function uniqueSortedEvents(events: readonly MfaEvent[]): MfaEvent[] {
  const sorted = [...events].sort(compareEvents);
  const seen = new Set<string>();
  const out: MfaEvent[] = [];
  for (const e of sorted) {
    const key = eventKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every field, in a fixed key order. */
function eventText(e: MfaEvent): string {
  return JSON.stringify([e.user, e.application, e.eventType, e.factor, e.isPush, e.result, e.reason, e.accessIp, e.accessHostname, e.authDevice]);
}

/** Non-approved: the user did not approve it (denied, ignored, reported, or the provider failed it). */
export function isNonApprovedPush(e: MfaEvent): boolean {
  return e.isPush && e.result !== 'success';
}

/** The user reported the push as fraud: one such report is a burst by itself. */
export function isFraudReport(e: MfaEvent): boolean {
  return e.result === 'fraud' || e.reason === 'user_marked_fraud';
}
