import { CollectorError } from '../errors.js';
import type { MfaEvent } from '../ingest/mfa-event.js';
import { isNonApprovedPush, uniqueSortedEvents } from './event-order.js';
import { hostnamesOf, sensorsPerPush } from './push-sensors.js';
import type { Burst, DetectionConfig, IpSighting } from './types.js';

/**
 * What attribution knows about a burst before it looks at any session: its
 * pushes, which of them decide, the sensors that held their access IPs, and
 * the spans of time sessions are judged over. Computed once, it tells the
 * runner what to read from the store (counts over the scoring span, single
 * sessions only inside the pushes' windows) and attributeBurst what to
 * take from the sessions it is handed. All times collector clock.
 */
export interface BurstFrame {
  burst: Burst;
  /** Every push of the burst, deduplicated, oldest first. */
  pushes: MfaEvent[];
  /** The pushes that decide span, access IP and sensors: the non-approved ones (all, for a hand-made burst of approvals). */
  basis: MfaEvent[];
  notApproved: number;
  /** Per push (in `pushes` order): the sensors that held its access IP at its time. */
  pushSensors: Array<Set<number>>;
  /** Sensors that held a basis push's access IP: the only ones whose sessions count. */
  sensors: Set<number>;
  hostnameOf: (sensorId: number) => string;
  /** Per matched sensor: its earliest IP sighting given (one half of "watching since"; its earliest session is the other). */
  sightedFrom: Map<number, number>;
  /**
   * The scoring span [first push − max(baselineMs, alignBeforeMs), last push
   * + alignAfterMs]: a (process, endpoint) with a session opened here is a
   * candidate, and its sessions here give its background rate.
   */
  windowStartMs: number;
  windowEndMs: number;
  /**
   * The union of the pushes' alignment windows [push − alignBeforeMs, push +
   * alignAfterMs], merged, oldest first. It lies inside the scoring span,
   * and only a session opened inside it can line up with a push.
   */
  pushWindows: Array<[number, number]>;
}

/** Frames a burst. Throws COLLECTOR_E_INTERNAL for a burst without pushes. Inputs are not checked here (see detect-input.ts). */
export function frameBurst(burst: Burst, sightings: readonly IpSighting[], config: DetectionConfig): BurstFrame {
  const pushes = uniqueSortedEvents(burst.pushes);
  if (pushes.length === 0) throw new CollectorError('COLLECTOR_E_INTERNAL', `attributeBurst: the burst of user ${JSON.stringify(burst.user)} has no pushes`);

  const notApproved = pushes.filter(isNonApprovedPush);
  // A burst always has non-approved pushes; a hand-made one of approvals only is judged on all of them.
  const basis = notApproved.length > 0 ? notApproved : pushes;
  const pushSensors = sensorsPerPush(pushes, sightings);
  const basisSet = new Set(basis);
  const sensors = new Set<number>();
  pushes.forEach((p, i) => {
    if (basisSet.has(p)) for (const id of pushSensors[i]!) sensors.add(id);
  });
  const hostnames = hostnamesOf(sightings);
  const sightedFrom = new Map<number, number>();
  for (const s of sightings) {
    if (sensors.has(s.sensorId)) sightedFrom.set(s.sensorId, Math.min(sightedFrom.get(s.sensorId) ?? Infinity, s.fromMs));
  }
  return {
    burst, pushes, basis, notApproved: notApproved.length, pushSensors, sensors,
    hostnameOf: (id) => hostnames.get(id) ?? `sensor ${id}`,
    sightedFrom,
    windowStartMs: pushes[0]!.timeMs - Math.max(config.baselineMs, config.alignBeforeMs),
    windowEndMs: pushes.at(-1)!.timeMs + config.alignAfterMs,
    pushWindows: mergedWindows(pushes, config, -Infinity, Infinity),
  };
}

/**
 * The union of the pushes' windows [push − alignBeforeMs, push +
 * alignAfterMs] clipped to [fromMs, toMs], as merged spans oldest first
 * (pushes oldest first). A window clipped to nothing is left out.
 */
export function mergedWindows(pushes: readonly MfaEvent[], config: DetectionConfig, fromMs: number, toMs: number): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const push of pushes) {
    const start = Math.max(push.timeMs - config.alignBeforeMs, fromMs);
    const end = Math.min(push.timeMs + config.alignAfterMs, toMs);
    if (end <= start) continue;
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether `t` falls in one of the spans (both ends included). */
export function inSpans(spans: ReadonlyArray<readonly [number, number]>, t: number): boolean {
  return spans.some(([start, end]) => start <= t && t <= end);
}
