// The write-up's story as a sensor reports it to the store — WinSCP's
// telemetry in the agent's own clock, checkins, the pushes — for the
// DetectionRunner tests, which run it through a real SQLite store.
import { pb } from '@pushtrace/proto';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import type { SequencedMessage, Store } from '../src/store/store.js';
import { HOUR, LAPTOP, MIN, WINSCP_LAGS, push } from './detect-fixtures.js';
import { T0, checkin, conn, externalIp, netconns, processInfo } from './store-fixtures.js';

/**
 * The pushes, collector clock: about three minutes apart and irregular. With
 * the default window (60 s before to 5 s after) a session-time error of
 * 120 s in either direction then lines no session up with any push — which
 * is what lets the skew tests tell "corrected" from "not corrected" and from
 * "corrected the wrong way" (pushes a minute apart would realign after two).
 */
export const PUSH_TIMES = [0, 180_000, 365_000, 540_000, 730_000].map((d) => T0 + d);
export const LAST_PUSH = PUSH_TIMES.at(-1)!;
/** How long before each push WinSCP's reconnect opened (10–40 s). */
export const LAGS = WINSCP_LAGS;

export const WINSCP = {
  guid: 'g-winscp', pid: 24548, name: 'WinSCP.exe', path: 'C:\\Program Files (x86)\\WinSCP\\WinSCP.exe',
  sha256: 'ab'.repeat(32), startMs: T0 - 2 * HOUR, server: { ip: '10.1.2.3', port: 22 },
} as const;

/** The burst: five unanswered pushes from the laptop's public IP. */
export function winscpPushes(): MfaEvent[] {
  return PUSH_TIMES.map((t) => push(t, { accessIp: LAPTOP.ip }));
}

/**
 * WinSCP's telemetry as the agent sends it, every time in the agent's
 * clock (collector time + `clockAheadMs`). `sessionsAheadMs` (default: the
 * same) shifts only the sessions, for the control that stores them
 * unshifted. The story: the laptop's public IP seen three hours before the
 * burst (and again just after it), WinSCP started two hours before, one
 * quiet session from 55 minutes before until it drops just before the first
 * push, then a reconnect opening LAGS[i] before push i and dropping 3 s
 * after it. `context` is everything up to the quiet session, `reconnects`
 * the rest — the two halves of a spool drain.
 */
export function winscpTelemetry(options: { clockAheadMs: number; sessionsAheadMs?: number }): {
  context: SequencedMessage[];
  reconnects: SequencedMessage[];
  all: SequencedMessage[];
} {
  const agent = (t: number) => t + options.clockAheadMs;
  const sessionAgent = (t: number) => t + (options.sessionsAheadMs ?? options.clockAheadMs);
  let seq = 0;
  const session = (connId: string, openMs: number, closeMs: number): SequencedMessage[] => {
    const over = { processGuid: WINSCP.guid, pid: WINSCP.pid, remoteIp: WINSCP.server.ip, remotePort: WINSCP.server.port };
    const opened = sessionAgent(openMs);
    const closed = sessionAgent(closeMs);
    return [
      netconns(++seq, opened, [conn(connId, opened, over)]),
      netconns(++seq, closed, [conn(connId, opened, { ...over, kind: pb.NetconnEvent.Kind.CLOSE, lastSeenMs: closed - 1_000 })]),
    ];
  };

  const context = [
    externalIp(++seq, LAPTOP.ip, agent(T0 - 3 * HOUR)),
    processInfo(++seq, WINSCP.guid, WINSCP.name, {
      pid: WINSCP.pid, path: WINSCP.path, sha256: WINSCP.sha256, startTimeMs: agent(WINSCP.startMs), observedAtMs: agent(WINSCP.startMs),
    }),
    ...session('c-quiet', T0 - 55 * MIN, PUSH_TIMES[0]! - LAGS[0]! - 5_000),
  ];
  const reconnects = [
    ...PUSH_TIMES.flatMap((t, i) => session(`c-reconnect-${i}`, t - LAGS[i]!, t + 3_000)),
    externalIp(++seq, LAPTOP.ip, agent(LAST_PUSH + 20_000)),
  ];
  return { context, reconnects, all: [...context, ...reconnects] };
}

/**
 * Checkins once a minute over [fromMs, toMs] (collector clock, as received)
 * from an agent whose clock runs `clockAheadMs` ahead and names the
 * laptop's public IP. With `delayedAtMs`, the checkin due then spends 4 s in
 * transit: one offset sample 4 s off, which the median must ignore.
 */
export async function checkInEveryMinute(
  store: Store, sensorId: number, fromMs: number, toMs: number, clockAheadMs: number, delayedAtMs?: number,
): Promise<void> {
  for (let sent = fromMs; sent <= toMs; sent += MIN) {
    const delay = sent === delayedAtMs ? 4_000 : 0;
    await store.recordCheckin(sensorId, checkin(sent + delay, {
      sentAtMs: sent + clockAheadMs, nextCheckinAtMs: sent + clockAheadMs + MIN, externalIp: LAPTOP.ip,
    }));
  }
}
