import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../src/spool/crc32.js';

describe('crc32', () => {
  it('matches the IEEE check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(new Uint8Array(0))).toBe(0);
  });

  it('gives the same values with or without zlib.crc32, so files survive a Node upgrade', () => {
    for (let i = 0; i < 200; i++) {
      const data = randomBytes(i * 13);
      expect(tableCrc32(data)).toBe(crc32(data));
    }
  });
});
