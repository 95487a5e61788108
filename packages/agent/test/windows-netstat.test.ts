import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWindowsNetstat } from '../src/sampling/windows-netstat.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/sockets/${name}`, import.meta.url), 'utf8');

describe('parseWindowsNetstat', () => {
  it('reads `netstat -nao`: TCP and UDP, IPv4 and bracketed IPv6, states, pids', () => {
    const records = parseWindowsNetstat(fixture('windows-netstat-nao.txt'));
    expect(records).toHaveLength(23);
    expect(records[0]).toEqual({
      protocol: 'tcp', localIp: '0.0.0.0', localPort: 135, remoteIp: '0.0.0.0', remotePort: 0, state: 'LISTEN', pid: 1044, inode: 0,
    });
    const at = (localPort: number, protocol = 'tcp') => records.filter((r) => r.localPort === localPort && r.protocol === protocol);
    expect(at(52144)[0]).toMatchObject({ localIp: '192.168.1.23', remoteIp: '203.0.113.10', remotePort: 443, state: 'ESTABLISHED', pid: 9120 });
    expect(at(52190)[0]).toMatchObject({ state: 'TIME_WAIT', pid: 0 });
    expect(at(52201)[0]).toMatchObject({ state: 'CLOSE_WAIT' });
    expect(at(52210)[0]).toMatchObject({ state: 'SYN_SENT', pid: 11432 });
    expect(at(52215)[0]).toMatchObject({ state: 'FIN_WAIT2' });
    expect(at(445).map((r) => r.localIp)).toEqual(['0.0.0.0', '::', '::1']);
    expect(at(445)[2]).toMatchObject({ remoteIp: '::1', remotePort: 50200, pid: 4 });
    expect(at(52300)[0]).toMatchObject({ localIp: '2001:db8:4:1::23', remoteIp: '2001:db8:ff::6810:84e5', remotePort: 443 });
    // UDP rows have no state column; "*:*" is no peer.
    expect(at(5353, 'udp')).toEqual([
      { protocol: 'udp', localIp: '0.0.0.0', localPort: 5353, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', pid: 2220, inode: 0 },
      { protocol: 'udp', localIp: '::', localPort: 5353, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: 2220, inode: 0 },
    ]);
    // The zone index is dropped.
    expect(at(1900, 'udp').map((r) => r.localIp)).toEqual(['127.0.0.1', '::1', 'fe80::1c2d:3e4f:5a6b:7c8d']);
  });

  it('reads German Windows: localised header skipped, German states mapped', () => {
    expect(parseWindowsNetstat(fixture('windows-netstat-nao-de.txt')).map((r) => [r.protocol, r.localPort, r.state])).toEqual([
      ['tcp', 135, 'LISTEN'],
      ['tcp', 49822, 'ESTABLISHED'],
      ['tcp', 49830, 'TIME_WAIT'],
      ['tcp', 445, 'LISTEN'],
      ['udp', 5353, 'UNCONN'],
    ]);
  });

  it('takes an unknown state word on a TCP row without peer as a listener, and keeps it otherwise', () => {
    const text = '  TCP    0.0.0.0:135    0.0.0.0:0    ÉCOUTE    1044\r\n  TCP    10.0.0.2:50000    203.0.113.1:443    ÉTABLIE    77\r\n';
    expect(parseWindowsNetstat(text).map((r) => r.state)).toEqual(['LISTEN', 'ÉTABLIE']);
  });

  it('skips -b image-name lines, rejects broken rows with the line number', () => {
    const withNames = '  TCP    0.0.0.0:135    0.0.0.0:0    LISTENING    1044\r\n  RpcSs\r\n [svchost.exe]\r\n';
    expect(parseWindowsNetstat(withNames)).toHaveLength(1);
    expect(() => parseWindowsNetstat('\r\n  TCP    0.0.0.0:135    0.0.0.0:0    1044\r\n')).toThrow(
      expect.objectContaining({ code: 'AGENT_E_PARSE', message: expect.stringMatching(/^netstat output line 2: a TCP row has 5 columns/) }),
    );
    expect(() => parseWindowsNetstat('  UDP    0.0.0.0:5353    *:*    svchost\r\n')).toThrow(/line 1: bad PID "svchost"/);
    expect(() => parseWindowsNetstat('  TCP    [::1:445    [::1]:50200    ESTABLISHED    4\r\n')).toThrow(/line 1: bad local address "\[::1:445"/);
  });
});
