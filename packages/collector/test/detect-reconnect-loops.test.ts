import { describe, expect, it } from 'vitest';
import { BUSY_PROCESS_ENDPOINTS, findReconnectLoops } from '../src/detect/reconnect-loops.js';
import { CONFIG, LAPTOP, MIN, PUSH_TIMES, T0, WINSCP_LAGS, browserSessions, session, winscpSessions } from './detect-fixtures.js';

const hostnameOf = (id: number) => (id === LAPTOP.sensorId ? LAPTOP.hostname : `host-${id}`);

describe('findReconnectLoops', () => {
  it('finds WinSCP reopening its session after each drop', () => {
    const loops = findReconnectLoops([...browserSessions(), ...winscpSessions()], hostnameOf, CONFIG);
    expect(loops.filter((l) => l.processGuid === 'g-winscp')).toEqual([{
      sensorId: LAPTOP.sensorId, hostname: LAPTOP.hostname, processGuid: 'g-winscp',
      process: { name: 'WinSCP.exe', pid: 24548, path: 'c:\\program files (x86)\\winscp\\winscp.exe', start_time: '2015-06-08T13:11:16.016Z', sha256: 'a'.repeat(64) },
      destination: { ip: '10.1.2.3', port: 22 },
      // The stale session six hours earlier is another episode (more than W before).
      sessionsOpenedMs: PUSH_TIMES.map((t, i) => t - WINSCP_LAGS[i]!),
      processEndpoints: 1,
      busy: false,
    }]);
  });

  it('marks the chains of a process that talks to many endpoints (a browser) busy, and no others', () => {
    const loops = findReconnectLoops([...browserSessions(), ...winscpSessions()], hostnameOf, CONFIG);
    const chrome = loops.filter((l) => l.processGuid === 'g-chrome');
    expect(chrome.length).toBeGreaterThan(0);
    // 200 hosts plus one it re-polls, all seen in the sessions given.
    expect(new Set(chrome.map((l) => [l.processEndpoints, l.busy].join()))).toEqual(new Set(['201,true']));
    expect(loops.filter((l) => l.busy).every((l) => l.processGuid === 'g-chrome')).toBe(true);
    // A loop to one endpoint beside one session to each of `others` more: busy from BUSY_PROCESS_ENDPOINTS endpoints in all.
    const withOthers = (others: number) => [
      ...[0, 1, 2].map((m) => session(T0 + m * MIN, { closedAtMs: T0 + m * MIN + 1_000 })),
      ...Array.from({ length: others }, (_, i) => session(T0 + i * 1_000, { closedAtMs: T0 + i * 1_000 + 500, remotePort: 2000 + i })),
    ];
    const flags = (others: number) => findReconnectLoops(withOthers(others), hostnameOf, CONFIG).map((l) => [l.processEndpoints, l.busy]);
    expect(flags(BUSY_PROCESS_ENDPOINTS - 2)).toEqual([[BUSY_PROCESS_ENDPOINTS - 1, false]]);
    expect(flags(BUSY_PROCESS_ENDPOINTS - 1)).toEqual([[BUSY_PROCESS_ENDPOINTS, true]]);
  });

  it('by the definition alone, a browser re-polling one host with short connections is a chain too', () => {
    // Known limit of "N sessions to one endpoint within W, each after the previous closed":
    // short request/response connections satisfy it. Kept literal; see the report.
    const loops = findReconnectLoops(browserSessions({ endpoints: 5 }), hostnameOf, CONFIG);
    expect(new Set(loops.map((l) => l.processGuid))).toEqual(new Set(['g-chrome']));
    expect(loops.length).toBeGreaterThanOrEqual(6);
  });

  it('needs N sessions within W', () => {
    const chain = (n: number, gap: number) => Array.from({ length: n }, (_, i) => session(T0 + i * gap, { closedAtMs: T0 + i * gap + 1_000 }));
    expect(findReconnectLoops(chain(2, MIN), hostnameOf, CONFIG)).toEqual([]);
    expect(findReconnectLoops(chain(3, MIN), hostnameOf, CONFIG)).toHaveLength(1);
    expect(findReconnectLoops(chain(3, MIN), hostnameOf, { ...CONFIG, loopMinSessions: 4 })).toEqual([]);
    // Three sessions, six minutes apart: each link within W but no three within W.
    expect(findReconnectLoops(chain(3, 6 * MIN), hostnameOf, CONFIG)).toEqual([]);
    // A pause longer than W splits episodes.
    const two = [...chain(3, MIN), ...chain(3, MIN).map((s) => ({ ...s, openedAtMs: s.openedAtMs + 60 * MIN, closedAtMs: s.closedAtMs! + 60 * MIN }))];
    expect(findReconnectLoops(two, hostnameOf, CONFIG).map((l) => l.sessionsOpenedMs.length)).toEqual([3, 3]);
  });

  it('overlapping sessions (a connection pool) are not a reconnect loop', () => {
    const pool = [0, 1, 2, 3].map((m) => session(T0 + m * MIN, { closedAtMs: T0 + m * MIN + 90_000 }));
    expect(findReconnectLoops(pool, hostnameOf, CONFIG)).toEqual([]);
  });

  it('a session never seen closing can only end a chain', () => {
    const open = (t: number) => session(t, { closedAtMs: null });
    const closed = (t: number) => session(t, { closedAtMs: t + 1_000 });
    expect(findReconnectLoops([closed(T0), closed(T0 + MIN), open(T0 + 2 * MIN)], hostnameOf, CONFIG)).toHaveLength(1);
    expect(findReconnectLoops([closed(T0), open(T0 + MIN), closed(T0 + 2 * MIN)], hostnameOf, CONFIG)).toEqual([]);
  });

  it('one process to one endpoint: other endpoints, processes or sensors do not join a chain', () => {
    const mix = [
      session(T0, { closedAtMs: T0 + 1_000 }),
      session(T0 + MIN, { closedAtMs: T0 + MIN + 1_000, remotePort: 2222 }),
      session(T0 + 2 * MIN, { closedAtMs: T0 + 2 * MIN + 1_000, processGuid: 'g-other' }),
      session(T0 + 3 * MIN, { closedAtMs: T0 + 3 * MIN + 1_000, sensorId: 9 }),
    ];
    expect(findReconnectLoops(mix, hostnameOf, CONFIG)).toEqual([]);
  });

  it('needs a long-lived process: not one whose recorded start is after the chain began', () => {
    const chain = [0, 1, 2].map((m) => session(T0 + m * MIN, { closedAtMs: T0 + m * MIN + 1_000, processStartMs: T0 + 30_000 }));
    expect(findReconnectLoops(chain, hostnameOf, CONFIG)).toEqual([]);
    const unknownStart = chain.map((s) => ({ ...s, processStartMs: null }));
    expect(findReconnectLoops(unknownStart, hostnameOf, CONFIG)[0]!.process.start_time).toBeNull();
  });

  it('does not depend on input order', () => {
    const sessions = [...winscpSessions(), ...winscpSessions({ sensorId: 9, processGuid: 'g-x' })];
    const forward = findReconnectLoops(sessions, hostnameOf, CONFIG);
    expect(forward).toHaveLength(2);
    expect(findReconnectLoops([...sessions].reverse(), hostnameOf, CONFIG)).toEqual(forward);
  });
});
