import { inSpans, type BurstFrame } from './burst-frame.js';
import { compareSessions, endpointKey, processKey } from './session-order.js';
import type { SessionRecord } from './types.js';

/**
 * What scoring needs to know about the sessions on a burst's matched
 * sensors — counts and a few times, not the sessions themselves — so the
 * runner can have the store compute it (summariseSessions) instead of
 * reading an office sensor's busy hour row by row, and attributeBurst can
 * compute the same from the sessions it is given (factsFromSessions). Both
 * describe the same set of sessions: those the caller read for the burst
 * (the runner: opened in the burst's span widened by the baseline and the
 * skew slack, not inbound). Collector clock.
 */
export interface CandidateFacts {
  /** Every (process, endpoint) on a matched sensor with a session opened in the frame's scoring span. */
  endpoints: EndpointFacts[];
  /** Per process (processKey): the earliest opening of any of its sessions read, whatever the endpoint. */
  processFirstOpenedMs: ReadonlyMap<string, number>;
  /** Per matched sensor: the earliest opening of any session read on it (it was watching by then). */
  sensorFirstOpenedMs: ReadonlyMap<number, number>;
}

export interface EndpointFacts {
  sensorId: number;
  processGuid: string;
  remoteIp: string;
  remotePort: number;
  /** The process's start as its sessions carry it; null when unknown. */
  processStartMs: number | null;
  /** Its sessions opened in the scoring span [windowStartMs, windowEndMs] (at least one). */
  sessionsInWindow: number;
  /** The opening times of those that fall in the pushes' windows (frame.pushWindows), ascending. */
  openingsNearPushes: number[];
}

/**
 * The facts of `sessions` (only those on the frame's matched sensors
 * count), and each endpoint's sessions oldest first (compareSessions) for
 * the details a verdict names. The reference the store's summary is held to.
 */
export function factsFromSessions(frame: BurstFrame, sessions: readonly SessionRecord[]): {
  facts: CandidateFacts;
  sessionsOf: (endpoint: Pick<EndpointFacts, 'sensorId' | 'processGuid' | 'remoteIp' | 'remotePort'>) => SessionRecord[];
} {
  const processFirst = new Map<string, number>();
  const sensorFirst = new Map<number, number>();
  const byEndpoint = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (!frame.sensors.has(s.sensorId)) continue;
    const pk = processKey(s);
    processFirst.set(pk, Math.min(processFirst.get(pk) ?? Infinity, s.openedAtMs));
    sensorFirst.set(s.sensorId, Math.min(sensorFirst.get(s.sensorId) ?? Infinity, s.openedAtMs));
    const ek = endpointKey(s);
    const list = byEndpoint.get(ek);
    if (list === undefined) byEndpoint.set(ek, [s]);
    else list.push(s);
  }
  const endpoints: EndpointFacts[] = [];
  for (const list of byEndpoint.values()) {
    list.sort(compareSessions);
    const inWindow = list.filter((s) => s.openedAtMs >= frame.windowStartMs && s.openedAtMs <= frame.windowEndMs);
    if (inWindow.length === 0) continue;
    const first = list[0]!;
    endpoints.push({
      sensorId: first.sensorId, processGuid: first.processGuid, remoteIp: first.remoteIp, remotePort: first.remotePort,
      processStartMs: first.processStartMs,
      sessionsInWindow: inWindow.length,
      openingsNearPushes: inWindow.filter((s) => inSpans(frame.pushWindows, s.openedAtMs)).map((s) => s.openedAtMs),
    });
  }
  return {
    facts: { endpoints, processFirstOpenedMs: processFirst, sensorFirstOpenedMs: sensorFirst },
    sessionsOf: (endpoint) => byEndpoint.get(endpointKey(endpoint)) ?? [],
  };
}
