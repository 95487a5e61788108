import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMacNetstat } from '../src/sampling/mac-netstat.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/sockets/${name}`, import.meta.url), 'utf8');

describe('parseMacNetstat', () => {
  it('reads the Mojave..Sonoma layout (pid column), TCP then UDP output', () => {
    const records = parseMacNetstat(fixture('mac-netstat-anv-mojave.txt'));
    expect(records).toHaveLength(14);
    expect(records[0]).toEqual({
      protocol: 'tcp', localIp: '192.168.1.5', localPort: 52144, remoteIp: '203.0.113.10', remotePort: 443, state: 'ESTABLISHED', pid: 9811, inode: 0,
    });
    const tcp = records.filter((r) => r.protocol === 'tcp');
    expect(tcp.map((r) => [r.localPort, r.state, r.pid])).toEqual([
      [52144, 'ESTABLISHED', 9811],
      [52140, 'CLOSE_WAIT', 9811],
      [8021, 'ESTABLISHED', 321],
      [52101, 'ESTABLISHED', 4410],
      [8021, 'LISTEN', 321],
      [8021, 'LISTEN', 321],
      [22, 'LISTEN', 1],
      [52100, 'TIME_WAIT', 9811],
      [49152, 'ESTABLISHED', 580],
      [52150, 'SYN_SENT', 4410],
    ]);
    expect(tcp[5]).toMatchObject({ localIp: '::1', remoteIp: '::', remotePort: 0 });
    expect(tcp[6]).toMatchObject({ localIp: '::', remoteIp: '::' }); // tcp46 "*.22"
    expect(tcp[8]).toMatchObject({ localIp: 'fe80::aede:48ff:fe00:1122', remoteIp: 'fe80::aede:48ff:fe33:4455', remotePort: 49153 });
    // UDP rows have no state; a foreign address means a connected socket.
    expect(records.filter((r) => r.protocol === 'udp')).toEqual([
      { protocol: 'udp', localIp: '0.0.0.0', localPort: 5353, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', pid: 188, inode: 0 },
      { protocol: 'udp', localIp: '::', localPort: 5353, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: 188, inode: 0 },
      { protocol: 'udp', localIp: '192.168.1.5', localPort: 61000, remoteIp: '192.0.2.53', remotePort: 53, state: 'ESTABLISHED', pid: 9811, inode: 0 },
      { protocol: 'udp', localIp: '127.0.0.1', localPort: 123, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', pid: 210, inode: 0 },
    ]);
  });

  it('reads the Sequoia/Tahoe layout: process:pid with blanks in the name, counted from the row end', () => {
    const records = parseMacNetstat(fixture('mac-netstat-anv-tahoe.txt'));
    expect(records.map((r) => [r.protocol, r.localPort, r.remotePort, r.state, r.pid])).toEqual([
      ['tcp', 49515, 49472, 'ESTABLISHED', 22712],
      ['tcp', 52144, 443, 'ESTABLISHED', 4518],
      ['tcp', 5000, 0, 'LISTEN', 611],
      ['tcp', 52160, 443, 'SYN_SENT', 30101],
      ['udp', 5353, 0, 'UNCONN', 412],
      ['udp', 60101, 53, 'ESTABLISHED', 30012],
      ['udp', 5353, 0, 'UNCONN', 412],
    ]);
    expect(records[3]).toMatchObject({ localIp: '2001:db8:4:1:8c3a:9f00:ab12:3344', remoteIp: '2001:db8:ff::6810:84e5' });
  });

  it('gives pid 0 without -v, skips IPv6 rows cut short by the column width (no -W)', () => {
    const text = [
      'Active Internet connections (including servers)',
      'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)',
      'tcp4       0      0  192.168.1.5.52144      203.0.113.10.443       ESTABLISHED',
      'tcp6       0      0  2001:db8:4:1:8c3a:9.52160 2001:db8:ff::6810:.443 ESTABLISHED',
      'tcp46      0      0  *.8809                 *.*                    LISTEN     ',
    ].join('\n');
    expect(parseMacNetstat(text).map((r) => [r.localPort, r.state, r.pid])).toEqual([
      [52144, 'ESTABLISHED', 0],
      [8809, 'LISTEN', 0],
    ]);
  });

  it('rejects broken rows with the line number', () => {
    const header = fixture('mac-netstat-anv-mojave.txt').split('\n').slice(0, 2).join('\n');
    expect(() => parseMacNetstat(`${header}\ntcp4 0 0 192.168.1.5.52144 203.0.113.10.443 ESTABLISHED 131072 131768\n`)).toThrow(
      expect.objectContaining({ code: 'AGENT_E_PARSE', message: expect.stringMatching(/^netstat output line 3: expected at least 12 columns/) }),
    );
    expect(() => parseMacNetstat(`${header}\ntcp4 0 0 192.168.1.5:52144 203.0.113.10.443 ESTABLISHED 1 1 1 0 0x0 0x0\n`)).toThrow(
      /line 3: bad address "192.168.1.5:52144"/,
    );
    expect(() => parseMacNetstat(`${header}\ntcp4 0 0 192.168.1.5.52144 203.0.113.10.443 131072 131768 9811 0 0x0102 0x0\n`)).toThrow(
      /line 3: TCP row without a state/,
    );
    expect(() => parseMacNetstat('tcp4 0 0 *.22\n')).toThrow(/line 1: expected Proto, Recv-Q/);
  });
});
