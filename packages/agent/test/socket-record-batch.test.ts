import { describe, expect, it } from 'vitest';
import { packSocketRecords, unpackSocketRecords } from '../src/sampling/socket-record-batch.js';
import type { SocketRecord } from '../src/sampling/types.js';

describe('socket record batch', () => {
  it('round-trips records, sharing repeated strings, through a transferable buffer', () => {
    const records: SocketRecord[] = [
      { protocol: 'tcp', localIp: '127.0.0.1', localPort: 47001, remoteIp: '0.0.0.0', remotePort: 0, state: 'LISTEN', pid: 9854, inode: 17703 },
      { protocol: 'tcp', localIp: '127.0.0.1', localPort: 47101, remoteIp: '127.0.0.1', remotePort: 47001, state: 'ESTABLISHED', pid: 9854, inode: 4294967295 },
      { protocol: 'udp', localIp: 'fe80::1', localPort: 546, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: 0, inode: 0 },
    ];
    const batch = packSocketRecords(records);
    expect(batch.strings).toEqual(['127.0.0.1', '0.0.0.0', 'LISTEN', 'ESTABLISHED', 'fe80::1', '::', 'UNCONN']);
    const moved = structuredClone(batch, { transfer: [batch.numbers.buffer] });
    expect(batch.numbers.length).toBe(0); // detached: moved, not copied
    expect(unpackSocketRecords(moved)).toEqual(records);
    expect(unpackSocketRecords(packSocketRecords([]))).toEqual([]);
  });
});
