import { readFileSync } from 'node:fs';
import { SocketAddress } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatIpv6Bytes, unwrapMappedIpv4 } from '../src/sampling/ip-address.js';
import { parseProcNetTable } from '../src/sampling/proc-net-table.js';
import type { SocketRecord } from '../src/sampling/types.js';

// Fixtures recorded on x86-64 (little-endian) with a script holding sockets on
// ports 47001..47007 (server) / 47101..47106 (client side); see the ss fixtures
// of the same moment.
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/sockets/${name}`, import.meta.url), 'latin1');
const LE = { endianness: 'LE' } as const;

const find = (records: SocketRecord[], localPort: number, remotePort = 0): SocketRecord | undefined =>
  records.find((r) => r.localPort === localPort && r.remotePort === remotePort);

describe('parseProcNetTable', () => {
  it('reads IPv4 TCP: addresses in host byte order, ports, state names, inodes', () => {
    const records = parseProcNetTable(fixture('linux-proc-net-tcp.txt'), { protocol: 'tcp', family: 4, ...LE });
    expect(records).toHaveLength(10);
    expect(find(records, 47001)).toEqual({
      protocol: 'tcp', localIp: '127.0.0.1', localPort: 47001, remoteIp: '0.0.0.0', remotePort: 0,
      state: 'LISTEN', pid: 0, inode: 17703,
    });
    expect(find(records, 2024)).toMatchObject({ localIp: '0.0.0.0', state: 'LISTEN', inode: 1597 });
    expect(find(records, 47001, 47101)).toMatchObject({ remoteIp: '127.0.0.1', state: 'ESTABLISHED', inode: 17705 });
    // TIME_WAIT sockets belong to nobody: inode 0.
    expect(find(records, 47104, 47004)).toMatchObject({ state: 'TIME_WAIT', inode: 0 });
    expect(find(records, 47005, 47105)).toMatchObject({ state: 'FIN_WAIT2', inode: 17717 });
    expect(find(records, 47105, 47005)).toMatchObject({ state: 'CLOSE_WAIT', inode: 17716 });
  });

  it('reads IPv6 TCP, unwrapping IPv4-mapped addresses of a dual-stack socket', () => {
    const records = parseProcNetTable(fixture('linux-proc-net-tcp6.txt'), { protocol: 'tcp', family: 6, ...LE });
    expect(records).toHaveLength(5);
    expect(find(records, 47003)).toMatchObject({ localIp: '::', remoteIp: '::', state: 'LISTEN', inode: 17709 });
    expect(find(records, 47002)).toMatchObject({ localIp: '::1', state: 'LISTEN', inode: 17706 });
    expect(find(records, 47102, 47002)).toMatchObject({ localIp: '::1', remoteIp: '::1', state: 'ESTABLISHED', inode: 17707 });
    expect(find(records, 47003, 47103)).toMatchObject({ localIp: '127.0.0.1', remoteIp: '127.0.0.1', inode: 17711 });
  });

  it('reads UDP: st 07 is UNCONN, 01 a connected socket; wide slot numbers', () => {
    const v4 = parseProcNetTable(fixture('linux-proc-net-udp.txt'), { protocol: 'udp', family: 4, ...LE });
    expect(v4).toEqual([
      { protocol: 'udp', localIp: '127.0.0.1', localPort: 47006, remoteIp: '0.0.0.0', remotePort: 0, state: 'UNCONN', pid: 0, inode: 17718 },
      { protocol: 'udp', localIp: '127.0.0.1', localPort: 47106, remoteIp: '127.0.0.1', remotePort: 47006, state: 'ESTABLISHED', pid: 0, inode: 17719 },
    ]);
    const v6 = parseProcNetTable(fixture('linux-proc-net-udp6.txt'), { protocol: 'udp', family: 6, ...LE });
    expect(v6).toEqual([
      { protocol: 'udp', localIp: '::1', localPort: 47007, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: 0, inode: 17720 },
    ]);
  });

  it('decodes each 32-bit word of an IPv6 address in the given byte order', () => {
    const header = '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const row = (local: string, remote: string): string =>
      `   0: ${local}:01BB ${remote}:D0F0 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 0 0 10 -1\n`;
    // 2001:db8::1234:5678 and fe80::aede:48ff:fe00:1122 as a little-endian kernel prints them...
    const le = parseProcNetTable(header + row('B80D0120000000000000000078563412', '000080FE00000000FF48DEAE221100FE'), {
      protocol: 'tcp', family: 6, endianness: 'LE',
    });
    expect(le[0]).toMatchObject({ localIp: '2001:db8::1234:5678', localPort: 443, remoteIp: 'fe80::aede:48ff:fe00:1122', remotePort: 53488 });
    // ...and as a big-endian one does.
    const be = parseProcNetTable(header + row('20010DB8000000000000000012345678', 'FE80000000000000AEDE48FFFE001122'), {
      protocol: 'tcp', family: 6, endianness: 'BE',
    });
    expect(be[0]).toMatchObject({ localIp: '2001:db8::1234:5678', remoteIp: 'fe80::aede:48ff:fe00:1122' });
  });

  it('reads IPv4 in big-endian order when told to', () => {
    const text = '   0: 7F000001:0050 C0A80105:C350 01 00000000:00000000 00:00000000 00000000     0        0 99 1 0 20 0 0 10 -1\n';
    expect(parseProcNetTable(text, { protocol: 'tcp', family: 4, endianness: 'BE' })[0]).toMatchObject({
      localIp: '127.0.0.1', localPort: 80, remoteIp: '192.168.1.5', remotePort: 50000, inode: 99,
    });
  });

  it('rejects structurally broken lines with the file and line number', () => {
    const good = fixture('linux-proc-net-tcp.txt').split('\n');
    const cut = [...good.slice(0, 3), good[3]!.slice(0, 40), ...good.slice(4)].join('\n');
    expect(() => parseProcNetTable(cut, { protocol: 'tcp', family: 4, ...LE })).toThrow(
      expect.objectContaining({ code: 'AGENT_E_PARSE', message: expect.stringMatching(/^\/proc\/net\/tcp line 4: expected at least 10 fields/) }),
    );
    const badHex = good.join('\n').replace('0100007F:B799 00000000:0000', '0100007G:B799 00000000:0000');
    expect(() => parseProcNetTable(badHex, { protocol: 'tcp', family: 4, source: 'tcp-fixture', ...LE })).toThrow(
      /tcp-fixture line 2: bad IPv4 address "0100007G"/,
    );
    expect(() => parseProcNetTable('garbage here\n', { protocol: 'udp', family: 4 })).toThrow(/line 1: expected "<slot>:"/);
    // An IPv4 row handed to the IPv6 parser is the wrong shape, not a short address.
    expect(() => parseProcNetTable(good.slice(0, 2).join('\n'), { protocol: 'tcp', family: 6, ...LE })).toThrow(/line 2: bad address field/);
  });

  it('returns nothing for a table with only its header', () => {
    expect(parseProcNetTable(fixture('linux-proc-net-tcp.txt').split('\n')[0]!, { protocol: 'tcp', family: 4 })).toEqual([]);
  });
});

describe('IPv6 text', () => {
  it('matches how Node prints the same address', () => {
    const samples = [
      '::', '::1', '2001:db8::1', 'fe80::aede:48ff:fe00:1122', '2001:db8:0:1:0:0:0:1', '2001:0:0:1:0:0:0:1',
      '1:0:0:0:1:0:0:0', '0:0:1::', '1:2:3:4:5:6:7:8', '2001:db8:0:0:1:0:0:1', '::ffff:1.2.3.4', '::1.2.3.4', '64:ff9b::1.2.3.4',
    ];
    for (const text of samples) {
      const canonical = new SocketAddress({ address: text, family: 'ipv6' }).address;
      const bytes = Buffer.alloc(16);
      const groups = expandIpv6(canonical);
      groups.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
      expect(formatIpv6Bytes(bytes), text).toBe(canonical);
    }
  });

  it('unwraps IPv4-mapped addresses in both spellings and leaves others alone', () => {
    expect(unwrapMappedIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(unwrapMappedIpv4('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(unwrapMappedIpv4('::1')).toBe('::1');
    expect(unwrapMappedIpv4('10.0.0.1')).toBe('10.0.0.1');
  });
});

/** Eight 16-bit groups of an IPv6 text (test helper; handles "::" and a dotted tail). */
function expandIpv6(text: string): number[] {
  let t = text;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(t);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    t = t.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = t.split('::') as [string, string | undefined];
  const h = head === '' ? [] : head.split(':');
  const r = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - h.length - r.length).fill('0');
  return [...h, ...zeros, ...r].map((g) => parseInt(g, 16));
}
