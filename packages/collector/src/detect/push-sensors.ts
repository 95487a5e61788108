import type { MfaEvent } from '../ingest/mfa-event.js';
import { compareText } from './event-order.js';
import { canonicalIp } from './ip-text.js';
import type { IpSighting } from './types.js';

/**
 * For each push, the sensors that held its access IP at the push's moment:
 * a sighting (external or interface IP) of that address whose
 * [fromMs, toMs] — both ends included — contains the push time. Addresses
 * compare in canonical form (canonicalIp). A push without an access IP
 * matches nobody. Result sets follow the pushes' order.
 */
export function sensorsPerPush(pushes: readonly MfaEvent[], sightings: readonly IpSighting[]): Array<Set<number>> {
  const byIp = new Map<string, IpSighting[]>();
  for (const s of sightings) {
    const ip = canonicalIp(s.ip);
    const list = byIp.get(ip);
    if (list === undefined) byIp.set(ip, [s]);
    else list.push(s);
  }
  return pushes.map((push) => {
    const held = new Set<number>();
    if (push.accessIp === null) return held;
    for (const s of byIp.get(canonicalIp(push.accessIp)) ?? []) {
      if (s.fromMs <= push.timeMs && push.timeMs <= s.toMs) held.add(s.sensorId);
    }
    return held;
  });
}

/**
 * A sensor's hostname as its sightings tell it. Should a sensor have been
 * renamed, the name on its latest sighting wins (ties: the smallest name),
 * so the answer does not depend on the order sightings were listed in.
 */
export function hostnamesOf(sightings: readonly IpSighting[]): Map<number, string> {
  const best = new Map<number, IpSighting>();
  for (const s of sightings) {
    const seen = best.get(s.sensorId);
    if (seen === undefined || s.toMs > seen.toMs || (s.toMs === seen.toMs && compareText(s.hostname, seen.hostname) < 0)) {
      best.set(s.sensorId, s);
    }
  }
  return new Map([...best].map(([id, s]) => [id, s.hostname]));
}
