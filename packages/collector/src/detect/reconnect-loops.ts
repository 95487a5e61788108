import { checkDetectionConfig, checkSessions } from './detect-input.js';
import { alertProcessOf } from './process-details.js';
import { compareText } from './event-order.js';
import { compareSessions, endpointKey } from './session-order.js';
import type { DetectionConfig, ReconnectLoop, SessionRecord } from './types.js';

/**
 * Reconnect loops in telemetry alone (no MFA data needed): one long-lived
 * process — same process GUID on one sensor, started before the chain's first
 * session — opening session after session to one remote endpoint, each
 * opening at or after the previous one closed (the WinSCP signature: it holds
 * one session, it drops, it opens the next).
 *
 * Per (sensor, process, endpoint), sessions in time order are cut into
 * chains: a session extends the chain when the previous one has closed by the
 * time it opens and it opens within W (loopWindowMs) of the previous opening.
 * Anything else starts a new chain — a session that overlaps the previous
 * one (a pool of parallel connections is not a reconnect), one after a
 * session never seen closing (closedAtMs null: it can only end a chain), or
 * one after a pause longer than W (a new episode). A chain is a loop when it
 * holds N (loopMinSessions) sessions whose openings fall within W; the whole
 * chain is reported, so one episode is one loop however long it runs.
 *
 * A process whose start time is unknown (no ProcessInfo arrived) is accepted:
 * the shared GUID already pins one process instance. One whose recorded
 * start is after the chain's first session is not (its data contradicts a
 * long-lived process).
 *
 * By that definition alone a browser re-polling one host with short
 * connections is a loop too. Each loop therefore says how many distinct
 * endpoints its process talked to in the sessions given, and is `busy` at
 * BUSY_PROCESS_ENDPOINTS or more: a client stuck reconnecting talks to one
 * server or a few, a browser to hundreds an hour. Busy loops are still
 * reported (the CLI hides them unless asked); whether a busy process's
 * sessions explain a burst of pushes is the burst scoring's question, which
 * weighs them against that process's own rate.
 *
 * Pure and order-independent; loops come out by sensor, then first opening.
 */
export const BUSY_PROCESS_ENDPOINTS = 20;

export function findReconnectLoops(
  sessions: readonly SessionRecord[],
  hostnameOf: (sensorId: number) => string,
  config: DetectionConfig,
): ReconnectLoop[] {
  checkDetectionConfig(config, 'findReconnectLoops');
  checkSessions(sessions, 'findReconnectLoops');
  const groups = new Map<string, SessionRecord[]>();
  const endpointsOf = new Map<string, number>();
  for (const s of sessions) {
    const key = endpointKey(s);
    const list = groups.get(key);
    if (list === undefined) {
      groups.set(key, [s]);
      const process = processKey(s);
      endpointsOf.set(process, (endpointsOf.get(process) ?? 0) + 1);
    } else {
      list.push(s);
    }
  }
  const loops: ReconnectLoop[] = [];
  for (const list of groups.values()) {
    list.sort(compareSessions);
    for (const chain of chains(list, config.loopWindowMs)) {
      if (!isLoop(chain, config)) continue;
      const first = chain[0]!;
      if (first.processStartMs !== null && first.processStartMs > first.openedAtMs) continue;
      loops.push({
        sensorId: first.sensorId,
        hostname: hostnameOf(first.sensorId),
        processGuid: first.processGuid,
        process: alertProcessOf(first),
        destination: { ip: first.remoteIp, port: first.remotePort },
        sessionsOpenedMs: chain.map((s) => s.openedAtMs),
        processEndpoints: endpointsOf.get(processKey(first))!,
        busy: endpointsOf.get(processKey(first))! >= BUSY_PROCESS_ENDPOINTS,
      });
    }
  }
  return loops.sort((a, b) =>
    a.sensorId - b.sensorId ||
    a.sessionsOpenedMs[0]! - b.sessionsOpenedMs[0]! ||
    compareText(a.processGuid, b.processGuid) ||
    compareText(a.destination.ip, b.destination.ip) ||
    a.destination.port - b.destination.port);
}

function processKey(s: Pick<SessionRecord, 'sensorId' | 'processGuid'>): string {
  return `${s.sensorId}\u0000${s.processGuid}`;
}

function chains(sorted: readonly SessionRecord[], windowMs: number): SessionRecord[][] {
  const out: SessionRecord[][] = [];
  let current: SessionRecord[] = [];
  for (const s of sorted) {
    const prev = current.at(-1);
    const continues = prev !== undefined && prev.closedAtMs !== null && s.openedAtMs >= prev.closedAtMs && s.openedAtMs - prev.openedAtMs <= windowMs;
    if (prev !== undefined && !continues) {
      out.push(current);
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function isLoop(chain: readonly SessionRecord[], config: DetectionConfig): boolean {
  const n = config.loopMinSessions;
  for (let i = 0; i + n - 1 < chain.length; i++) {
    if (chain[i + n - 1]!.openedAtMs - chain[i]!.openedAtMs <= config.loopWindowMs) return true;
  }
  return false;
}
