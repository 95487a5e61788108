import { describe, expect, it } from 'vitest';
import { createAddressFilter } from '../src/sampling/address-filter.js';
import type { SocketRecord } from '../src/sampling/types.js';

const rec = (localIp: string, remoteIp: string): SocketRecord => ({
  protocol: 'tcp', localIp, localPort: 1, remoteIp, remotePort: 2, state: 'ESTABLISHED', pid: 1, inode: 1,
});

describe('createAddressFilter', () => {
  it('keeps everything without ranges', () => {
    expect(createAddressFilter(undefined)(rec('127.0.0.1', '127.0.0.1'))).toBe(true);
    expect(createAddressFilter([])(rec('::1', '::1'))).toBe(true);
  });

  it('drops a socket when its remote OR local address is in an IPv4 or IPv6 range', () => {
    const keep = createAddressFilter(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
    expect(keep(rec('192.168.1.5', '10.200.3.4'))).toBe(false); // remote
    expect(keep(rec('10.0.0.5', '203.0.113.1'))).toBe(false); // local
    expect(keep(rec('2001:db8:1::5', '2606:4700::1'))).toBe(false);
    expect(keep(rec('::1', '2001:db9::1'))).toBe(true);
    expect(keep(rec('192.168.1.5', '192.0.2.7'))).toBe(false); // bare address = /32
    expect(keep(rec('192.168.1.5', '192.0.2.8'))).toBe(true);
    expect(keep(rec('192.168.1.5', '11.0.0.1'))).toBe(true);
    expect(keep(rec('0.0.0.0', '0.0.0.0'))).toBe(true);
  });

  it('matches the boundaries of a prefix exactly', () => {
    const keep = createAddressFilter(['172.16.0.0/12', 'fe80::/10']);
    expect(keep(rec('1.1.1.1', '172.31.255.255'))).toBe(false);
    expect(keep(rec('1.1.1.1', '172.32.0.0'))).toBe(true);
    expect(keep(rec('1.1.1.1', '172.15.255.255'))).toBe(true);
    expect(keep(rec('febf::1', '1.1.1.1'))).toBe(false);
    expect(keep(rec('fec0::1', '1.1.1.1'))).toBe(true);
  });

  it('rejects bad entries with AGENT_E_CONFIG naming the index and text', () => {
    for (const [bad, why] of [
      ['10.0.0.0/33', 'prefix length must be 0..32'],
      ['::/129', 'prefix length must be 0..128'],
      ['10.0.0/8', 'not an IPv4 or IPv6 address'],
      ['example.com/24', 'not an IPv4 or IPv6 address'],
      ['10.0.0.0/', 'prefix length'],
      ['10.0.0.0/8x', 'prefix length'],
    ] as const) {
      expect(() => createAddressFilter(['127.0.0.0/8', bad])).toThrow(
        expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining(`excludeCidrs[1] "${bad}": ${why}`) }),
      );
    }
  });
});
