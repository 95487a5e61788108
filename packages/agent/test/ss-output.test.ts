import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcNetTable } from '../src/sampling/proc-net-table.js';
import { parseSsOutput } from '../src/sampling/ss-output.js';
import type { SocketRecord } from '../src/sampling/types.js';

// Recorded together with the linux-proc-net-* fixtures (same sockets, pid 9854).
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/sockets/${name}`, import.meta.url), 'latin1');
const PID = 9854;

describe('parseSsOutput', () => {
  it('reads `ss -tanp` (no Netid column): TCP only, kernel state names, pids', () => {
    const records = parseSsOutput(fixture('linux-ss-tanp.txt'));
    expect(records).toHaveLength(15);
    expect(records.every((r) => r.protocol === 'tcp')).toBe(true);
    expect(records[0]).toEqual({
      protocol: 'tcp', localIp: '127.0.0.1', localPort: 47001, remoteIp: '0.0.0.0', remotePort: 0,
      state: 'LISTEN', pid: PID, inode: 0,
    });
    // No users:(...) column: owner unknown.
    expect(records.find((r) => r.localPort === 2024)).toMatchObject({ pid: 0, state: 'LISTEN' });
    expect(records.find((r) => r.localPort === 47104)).toMatchObject({ state: 'TIME_WAIT', pid: 0, remotePort: 47004 });
    expect(records.find((r) => r.localPort === 47005 && r.remotePort !== 0)).toMatchObject({ state: 'FIN_WAIT2' });
    expect(records.find((r) => r.localPort === 47105)).toMatchObject({ state: 'CLOSE_WAIT', pid: PID });
    // Brackets and IPv4-mapped addresses.
    expect(records.find((r) => r.localPort === 47102)).toMatchObject({ localIp: '::1', remoteIp: '::1', remotePort: 47002 });
    expect(records.find((r) => r.localPort === 47003 && r.remotePort !== 0)).toMatchObject({
      localIp: '127.0.0.1', remoteIp: '127.0.0.1', remotePort: 47103, state: 'ESTABLISHED',
    });
    // "*:47003" is a dual-stack IPv6 socket bound to any.
    expect(records.find((r) => r.localPort === 47003 && r.remotePort === 0)).toMatchObject({ localIp: '::', remoteIp: '::' });
  });

  it('reads `ss -tuanpe` (Netid column, inodes) and agrees with /proc/net read at the same moment', () => {
    const ss = parseSsOutput(fixture('linux-ss-tuanpe.txt'));
    expect(ss.filter((r) => r.protocol === 'udp')).toEqual([
      { protocol: 'udp', localIp: '127.0.0.1', localPort: 47006, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', pid: PID, inode: 17718 },
      { protocol: 'udp', localIp: '127.0.0.1', localPort: 47106, remoteIp: '127.0.0.1', remotePort: 47006, state: 'ESTABLISHED', pid: PID, inode: 17719 },
      { protocol: 'udp', localIp: '::1', localPort: 47007, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: PID, inode: 17720 },
    ]);
    const proc = (['tcp', 'tcp6', 'udp', 'udp6'] as const).flatMap((f) =>
      parseProcNetTable(fixture(`linux-proc-net-${f}.txt`), {
        protocol: f.startsWith('tcp') ? 'tcp' : 'udp', family: f.endsWith('6') ? 6 : 4, endianness: 'LE',
      }),
    );
    const shape = (r: SocketRecord): string => `${r.protocol} ${r.localIp}:${r.localPort} ${r.remoteIp}:${r.remotePort} ${r.state} ${r.inode}`;
    expect(ss.map(shape).sort()).toEqual(proc.map(shape).sort());
  });

  it('reads older ss spellings: unbracketed IPv6, "*" ports, interface suffixes, several owners', () => {
    const text = [
      'State      Recv-Q Send-Q Local Address:Port               Peer Address:Port',
      'LISTEN     0      128         :::22                      :::*                   users:(("sshd",pid=901,fd=4))',
      'ESTAB      0      0      ::ffff:10.0.0.5:22             ::ffff:10.0.0.9:50000   users:(("sshd",pid=1200,fd=3),("sshd",pid=1210,fd=3))',
      'UNCONN     0      0      127.0.0.53%lo:53                 0.0.0.0:*',
      'SYN-SENT   0      1      [fe80::1]%eth0:50022           [fe80::2]:22            users:(("Web Content",pid=77,fd=9))',
    ].join('\n');
    expect(parseSsOutput(text)).toEqual([
      { protocol: 'tcp', localIp: '::', localPort: 22, remoteIp: '::', remotePort: 0, state: 'LISTEN', pid: 901, inode: 0 },
      { protocol: 'tcp', localIp: '10.0.0.5', localPort: 22, remoteIp: '10.0.0.9', remotePort: 50000, state: 'ESTABLISHED', pid: 1200, inode: 0 },
      { protocol: 'tcp', localIp: '127.0.0.53', localPort: 53, remoteIp: '0.0.0.0', remotePort: 0, state: 'CLOSE', pid: 0, inode: 0 },
      { protocol: 'tcp', localIp: 'fe80::1', localPort: 50022, remoteIp: 'fe80::2', remotePort: 22, state: 'SYN_SENT', pid: 77, inode: 0 },
    ]);
  });

  it('skips lines that are not TCP/UDP rows and rejects broken rows with the line number', () => {
    expect(parseSsOutput('Netid State Recv-Q\nu_str ESTAB 0 0 * 123 * 456\nraw UNCONN 0 0 0.0.0.0:1 0.0.0.0:*\n\n')).toEqual([]);
    expect(() => parseSsOutput('State Recv-Q Send-Q Local Peer\nESTAB 0 0 127.0.0.1:80\n')).toThrow(
      expect.objectContaining({ code: 'AGENT_E_PARSE', message: expect.stringMatching(/^ss output line 2: expected state/) }),
    );
    expect(() => parseSsOutput('tcp ESTAB 0 0 127.0.0.1:80 127.0.0.1:99999')).toThrow(/line 1: bad peer address "127.0.0.1:99999"/);
    expect(() => parseSsOutput('\n\nudp UNCONN 0 0 localhost:53 0.0.0.0:*')).toThrow(/line 3: bad local address "localhost:53"/);
  });
});
