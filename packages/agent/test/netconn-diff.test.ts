import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSockets } from '../src/sampling/netconn-diff.js';
import type { ConnTable, SocketRecord } from '../src/sampling/types.js';
import { parseWindowsNetstat } from '../src/sampling/windows-netstat.js';

const sock = (over: Partial<SocketRecord>): SocketRecord => ({
  protocol: 'tcp',
  localIp: '10.0.0.2',
  localPort: 50000,
  remoteIp: '203.0.113.10',
  remotePort: 443,
  state: 'ESTABLISHED',
  pid: 4242,
  inode: 9001,
  ...over,
});
const listener = (port: number, over: Partial<SocketRecord> = {}): SocketRecord =>
  sock({ localIp: '0.0.0.0', localPort: port, remoteIp: '0.0.0.0', remotePort: 0, state: 'LISTEN', inode: 100 + port, ...over });

function ids(): () => string {
  let n = 0;
  return () => `conn-${++n}`;
}

/** Runs samples through the diff at t = 1000, 2000, ...; returns each step's events. */
function run(...samples: SocketRecord[][]) {
  const next = ids();
  let table: ConnTable | undefined;
  return samples.map((sample, i) => {
    const step = diffSockets(table, sample, (i + 1) * 1000, next);
    table = step.table;
    return step;
  });
}

describe('diffSockets', () => {
  it('opens everything connected in the first sample; listeners and unconnected UDP are not connections', () => {
    const [first] = run([
      listener(22),
      sock({}),
      sock({ protocol: 'udp', localPort: 5353, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', inode: 7 }),
    ]);
    expect(first!.events).toEqual([
      {
        kind: 'open', connId: 'conn-1', protocol: 'tcp', direction: 'outbound', pid: 4242,
        localIp: '10.0.0.2', localPort: 50000, remoteIp: '203.0.113.10', remotePort: 443,
        state: 'ESTABLISHED', firstSeenMs: 1000, lastSeenMs: 1000,
      },
    ]);
  });

  it('says nothing while a connection stays, and closes it with the last time it was seen', () => {
    const [, second, third] = run([sock({})], [sock({})], []);
    expect(second!.events).toEqual([]);
    expect(second!.table.conns.size).toBe(1);
    expect(third!.events).toEqual([
      expect.objectContaining({ kind: 'close', connId: 'conn-1', state: 'ESTABLISHED', firstSeenMs: 1000, lastSeenMs: 2000 }),
    ]);
    expect(third!.table.conns.size).toBe(0);
  });

  it('closes a connection that moves to TIME_WAIT (and loses its inode), naming that state', () => {
    const [, second, third] = run([sock({})], [sock({ state: 'TIME_WAIT', inode: 0, pid: 0 })], []);
    expect(second!.events).toEqual([
      expect.objectContaining({ kind: 'close', connId: 'conn-1', state: 'TIME_WAIT', pid: 4242, firstSeenMs: 1000, lastSeenMs: 1000 }),
    ]);
    expect(third!.events).toEqual([]); // TIME_WAIT going away is not another close
  });

  it('treats FIN_WAIT and LAST_ACK as closed, CLOSE_WAIT and SYN_SENT as open', () => {
    const a = sock({ localPort: 50001, inode: 1 });
    const b = sock({ localPort: 50002, inode: 2 });
    const c = sock({ localPort: 50003, inode: 3, state: 'SYN_SENT' });
    const [first, second] = run(
      [a, b, c],
      [{ ...a, state: 'FIN_WAIT1', inode: 0 }, { ...b, state: 'CLOSE_WAIT' }, { ...c, state: 'ESTABLISHED' }],
    );
    expect(first!.events.map((e) => [e.kind, e.localPort, e.state])).toEqual([
      ['open', 50001, 'ESTABLISHED'],
      ['open', 50002, 'ESTABLISHED'],
      ['open', 50003, 'SYN_SENT'],
    ]);
    expect(second!.events.map((e) => [e.kind, e.localPort, e.state])).toEqual([['close', 50001, 'FIN_WAIT1']]);
    expect(second!.table.conns.get('tcp 10.0.0.2 50003 203.0.113.10 443')?.state).toBe('ESTABLISHED');
  });

  it('makes connections on a listening port INBOUND and the rest OUTBOUND', () => {
    const [first] = run([
      listener(8443),
      sock({ localPort: 8443, remoteIp: '198.51.100.7', remotePort: 61000, inode: 11 }),
      sock({ localPort: 50000, inode: 12 }),
    ]);
    expect(first!.events.map((e) => [e.localPort, e.direction])).toEqual([
      [8443, 'inbound'],
      [50000, 'outbound'],
    ]);
  });

  it('remembers the listening ports of the previous sample (listener closed right after accept)', () => {
    const [, second] = run([listener(8443)], [sock({ localPort: 8443, remoteIp: '198.51.100.7', remotePort: 61000 })]);
    expect(second!.events).toEqual([expect.objectContaining({ kind: 'open', direction: 'inbound' })]);
  });

  it('UDP: connected sockets are connections, inbound when their port is also bound unconnected', () => {
    const unconnected = sock({ protocol: 'udp', localPort: 443, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', inode: 20 });
    const quicServerSide = sock({ protocol: 'udp', localPort: 443, remoteIp: '198.51.100.7', remotePort: 50123, inode: 21 });
    const dnsClient = sock({ protocol: 'udp', localPort: 40000, remoteIp: '192.0.2.53', remotePort: 53, inode: 22 });
    // A TCP listener on 40000 does not make a UDP socket on 40000 inbound.
    const [first] = run([unconnected, quicServerSide, dnsClient, listener(40000)]);
    expect(first!.events.map((e) => [e.protocol, e.localPort, e.direction])).toEqual([
      ['udp', 443, 'inbound'],
      ['udp', 40000, 'outbound'],
    ]);
  });

  it('a new inode on the same 4-tuple is a new connection: close the old, open the new', () => {
    const [, second] = run([sock({ inode: 9001 })], [sock({ inode: 9002 })]);
    expect(second!.events.map((e) => [e.kind, e.connId, e.firstSeenMs, e.lastSeenMs])).toEqual([
      ['close', 'conn-1', 1000, 1000],
      ['open', 'conn-2', 2000, 2000],
    ]);
  });

  it('without inodes (Windows, macOS) a different pid on the same 4-tuple is a new connection', () => {
    const [, second, third] = run([sock({ inode: 0, pid: 10 })], [sock({ inode: 0, pid: 10 })], [sock({ inode: 0, pid: 11 })]);
    expect(second!.events).toEqual([]);
    expect(third!.events.map((e) => [e.kind, e.pid])).toEqual([
      ['close', 10],
      ['open', 11],
    ]);
  });

  it('an accepted socket gaining its inode and pid is the same connection; the pid is kept for CLOSE', () => {
    const queued = sock({ localPort: 8443, remotePort: 61000, inode: 0, pid: 0 });
    const [first, second, third] = run([listener(8443), queued], [listener(8443), { ...queued, inode: 555, pid: 77 }], [listener(8443)]);
    expect(first!.events).toEqual([expect.objectContaining({ kind: 'open', pid: 0, direction: 'inbound' })]);
    expect(second!.events).toEqual([]);
    expect(third!.events).toEqual([expect.objectContaining({ kind: 'close', connId: 'conn-1', pid: 77 })]);
  });

  it('keeps the first pid when a later sample names another holder of the same inode', () => {
    const [, second, third] = run([sock({ pid: 10 })], [sock({ pid: 11 })], []);
    expect(second!.events).toEqual([]);
    expect(third!.events[0]).toMatchObject({ kind: 'close', pid: 10 });
  });

  it('does not count SYN_RECV (a request not yet accepted) as a connection', () => {
    const [first] = run([listener(8443), sock({ localPort: 8443, state: 'SYN_RECV', inode: 0, pid: 0 })]);
    expect(first!.events).toEqual([]);
  });

  it('counts an unknown (localised) state with a peer as open', () => {
    const [first] = run([sock({ state: 'ÉTABLIE', inode: 0 })]);
    expect(first!.events).toEqual([expect.objectContaining({ kind: 'open', state: 'ÉTABLIE' })]);
  });

  it('tells apart two sockets on one 4-tuple by inode', () => {
    const a = sock({ protocol: 'udp', inode: 31 });
    const b = sock({ protocol: 'udp', inode: 32 });
    const [first, second] = run([a, b], [a]);
    expect(first!.events.map((e) => e.connId)).toEqual(['conn-1', 'conn-2']);
    expect(second!.events).toEqual([expect.objectContaining({ kind: 'close', connId: 'conn-2' })]);
  });

  it('does not modify the previous table', () => {
    const [first] = run([sock({})]);
    const before = JSON.stringify([...first!.table.conns]);
    diffSockets(first!.table, [], 5000, ids());
    diffSockets(first!.table, [sock({ state: 'CLOSE_WAIT' })], 5000, ids());
    expect(JSON.stringify([...first!.table.conns])).toBe(before);
  });

  it('diffs a parsed Windows netstat sample: open states only, inbound on listening ports', () => {
    const text = readFileSync(new URL('./fixtures/sockets/windows-netstat-nao.txt', import.meta.url), 'utf8');
    const { events } = diffSockets(undefined, parseWindowsNetstat(text), 1000, ids());
    expect(events.map((e) => `${e.localIp}:${e.localPort}>${e.remoteIp}:${e.remotePort} ${e.state} ${e.direction} ${e.pid}`)).toEqual([
      '127.0.0.1:50112>127.0.0.1:50113 ESTABLISHED outbound 7788',
      '127.0.0.1:50113>127.0.0.1:50112 ESTABLISHED outbound 7788',
      '192.168.1.23:52144>203.0.113.10:443 ESTABLISHED outbound 9120',
      '192.168.1.23:52201>203.0.113.25:443 CLOSE_WAIT outbound 9120',
      '192.168.1.23:52210>198.51.100.22:22 SYN_SENT outbound 11432',
      '::1:445>::1:50200 ESTABLISHED inbound 4',
      '::1:50200>::1:445 ESTABLISHED outbound 11432',
      '2001:db8:4:1::23:52300>2001:db8:ff::6810:84e5:443 ESTABLISHED outbound 9120',
    ]);
  });
});
