import { isUnspecifiedIp } from './ip-address.js';
import type { ConnTable, NetconnDirection, NetconnEventRecord, SocketRecord, TrackedConn } from './types.js';

/**
 * Turns consecutive socket samples into connection OPEN/CLOSE events. Pure:
 * the clock and the id generator come in as arguments.
 *
 * What is a connection. A socket with a peer (remote port not 0, remote IP
 * not the wildcard) in an open state. Listening TCP sockets and unconnected
 * UDP sockets are not connections; their local ports are the listening set,
 * and a connection whose local port is in it (this sample's or the previous
 * one's, so a listener closed right after accept() still counts) is INBOUND,
 * any other OUTBOUND. Direction is fixed at first sight.
 *
 * What is open. A connection is open while the owning process still holds
 * it. Not open, listed in NOT_OPEN_STATES:
 * - SYN_RECV: a half-open request in the listener's queue, owned by no
 *   process yet (and on Linux it is followed by an ESTABLISHED socket with a
 *   new inode, which would otherwise look like two connections);
 * - FIN_WAIT1/2, CLOSING, LAST_ACK, TIME_WAIT, CLOSE: the local side has
 *   closed; Linux shows these orphaned (inode 0, no pid), TIME_WAIT for a
 *   minute after the process is done with the socket.
 * Open: ESTABLISHED, SYN_SENT (an attempt is what a reconnect loop to a dead
 * server looks like) and CLOSE_WAIT (the peer closed, the process has not
 * yet). States we do not know (a localised Windows word) count as open:
 * reporting a connection a little long beats missing it.
 *
 * Identity. Connections are keyed by protocol and both endpoints. The same
 * key seen again is the same connection unless both samples carry inodes
 * that differ (Linux: the 4-tuple was reused by a new socket) or, without
 * inodes, both carry pids that differ; then the old one is CLOSEd and a new
 * one OPENed. An inode appearing where there was none (an accepted socket
 * leaves the accept queue) is the same connection. A pid unknown at first
 * sight is filled in when it becomes known; the OPEN event keeps pid 0.
 */
const NOT_OPEN_STATES: ReadonlySet<string> = new Set([
  'LISTEN',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSE',
  'UNCONN',
  'BOUND',
  'DELETE_TCB',
]);

const EMPTY_CONNS: ReadonlyMap<string, TrackedConn> = new Map();
const EMPTY_PORTS: ReadonlySet<number> = new Set();

export interface NetconnDiff {
  /** CLOSE events first, then OPEN events, so a reused key reads close-then-open. */
  events: NetconnEventRecord[];
  table: ConnTable;
}

export function diffSockets(
  previous: ConnTable | undefined,
  sample: readonly SocketRecord[],
  nowMs: number,
  newConnId: () => string,
): NetconnDiff {
  const listeningTcpPorts = new Set<number>();
  const listeningUdpPorts = new Set<number>();
  for (const r of sample) {
    if (hasPeer(r)) continue;
    if (r.protocol === 'tcp' && r.state === 'LISTEN') listeningTcpPorts.add(r.localPort);
    else if (r.protocol === 'udp') listeningUdpPorts.add(r.localPort);
  }
  const prevConns = previous?.conns ?? EMPTY_CONNS;
  const prevTcp = previous?.listeningTcpPorts ?? EMPTY_PORTS;
  const prevUdp = previous?.listeningUdpPorts ?? EMPTY_PORTS;
  const directionOf = (r: SocketRecord): NetconnDirection => {
    const inbound =
      r.protocol === 'tcp'
        ? listeningTcpPorts.has(r.localPort) || prevTcp.has(r.localPort)
        : listeningUdpPorts.has(r.localPort) || prevUdp.has(r.localPort);
    return inbound ? 'inbound' : 'outbound';
  };

  const conns = new Map<string, TrackedConn>();
  const continued = new Set<string>();
  const closingState = new Map<string, string>();
  const opens: NetconnEventRecord[] = [];

  for (const r of sample) {
    if (!hasPeer(r)) continue;
    const tuple = tupleKey(r);
    if (NOT_OPEN_STATES.has(r.state)) {
      closingState.set(tuple, r.state);
      continue;
    }
    let key = tuple;
    if (conns.has(key)) {
      // Two open sockets on one 4-tuple in one sample (connected UDP with
      // SO_REUSEPORT): only inodes tell them apart; without one they merge.
      if (r.inode === 0) continue;
      key = `${tuple}#${r.inode}`;
      if (conns.has(key)) continue;
    }
    const prev = prevConns.get(key);
    if (prev !== undefined && sameConnection(prev, r)) {
      continued.add(key);
      conns.set(key, {
        ...prev,
        state: r.state,
        inode: r.inode !== 0 ? r.inode : prev.inode,
        pid: prev.pid !== 0 ? prev.pid : r.pid,
        lastSeenMs: nowMs,
      });
      continue;
    }
    const conn: TrackedConn = {
      connId: newConnId(),
      protocol: r.protocol,
      direction: directionOf(r),
      pid: r.pid,
      localIp: r.localIp,
      localPort: r.localPort,
      remoteIp: r.remoteIp,
      remotePort: r.remotePort,
      state: r.state,
      inode: r.inode,
      firstSeenMs: nowMs,
      lastSeenMs: nowMs,
    };
    conns.set(key, conn);
    opens.push(toEvent('open', conn, conn.state));
  }

  const events: NetconnEventRecord[] = [];
  for (const [key, prev] of prevConns) {
    if (continued.has(key)) continue;
    events.push(toEvent('close', prev, closingState.get(tupleKey(prev)) ?? prev.state));
  }
  events.push(...opens);
  return { events, table: { conns, listeningTcpPorts, listeningUdpPorts } };
}

/** CLOSE events for every connection of `table`, for when they are known to be gone all at once (the host restarted). */
export function closeAll(table: ConnTable): NetconnEventRecord[] {
  return [...table.conns.values()].map((c) => toEvent('close', c, c.state));
}

function hasPeer(r: { remotePort: number; remoteIp: string }): boolean {
  return r.remotePort !== 0 && !isUnspecifiedIp(r.remoteIp);
}

function tupleKey(r: Pick<SocketRecord, 'protocol' | 'localIp' | 'localPort' | 'remoteIp' | 'remotePort'>): string {
  return `${r.protocol} ${r.localIp} ${r.localPort} ${r.remoteIp} ${r.remotePort}`;
}

function sameConnection(prev: TrackedConn, r: SocketRecord): boolean {
  if (prev.inode !== 0 && r.inode !== 0) return prev.inode === r.inode;
  if (prev.pid !== 0 && r.pid !== 0) return prev.pid === r.pid;
  return true;
}

function toEvent(kind: 'open' | 'close', c: TrackedConn, state: string): NetconnEventRecord {
  return {
    kind,
    connId: c.connId,
    protocol: c.protocol,
    direction: c.direction,
    pid: c.pid,
    localIp: c.localIp,
    localPort: c.localPort,
    remoteIp: c.remoteIp,
    remotePort: c.remotePort,
    state,
    firstSeenMs: c.firstSeenMs,
    lastSeenMs: c.lastSeenMs,
  };
}
