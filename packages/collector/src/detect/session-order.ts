import { compareText } from './event-order.js';
import type { SessionRecord } from './types.js';

/**
 * A total order on sessions (opening time first, a still-open session after a
 * closed one opened at the same moment, then every field), so whatever the
 * detector derives from a set of sessions does not depend on the order the
 * store or the agent's spool delivered them in.
 */
export function compareSessions(a: SessionRecord, b: SessionRecord): number {
  return (
    a.openedAtMs - b.openedAtMs ||
    closeRank(a) - closeRank(b) ||
    a.sensorId - b.sensorId ||
    compareText(a.processGuid, b.processGuid) ||
    compareText(a.remoteIp, b.remoteIp) ||
    a.remotePort - b.remotePort ||
    compareText(a.protocol, b.protocol) ||
    a.pid - b.pid ||
    compareText(a.processName, b.processName) ||
    compareText(a.processPath, b.processPath) ||
    (a.processStartMs ?? -Infinity) - (b.processStartMs ?? -Infinity) ||
    compareText(a.sha256, b.sha256)
  );
}

function closeRank(s: SessionRecord): number {
  return s.closedAtMs ?? Number.MAX_VALUE;
}

/** The process instance a session belongs to: a GUID is unique only within its sensor. */
export function processKey(s: Pick<SessionRecord, 'sensorId' | 'processGuid'>): string {
  return `${s.sensorId}\u0000${s.processGuid}`;
}

/** The (process, remote endpoint) a session belongs to: what the detector scores and loops are made of. */
export function endpointKey(s: Pick<SessionRecord, 'sensorId' | 'processGuid' | 'remoteIp' | 'remotePort'>): string {
  return `${s.sensorId}\u0000${s.processGuid}\u0000${s.remoteIp}\u0000${s.remotePort}`;
}
