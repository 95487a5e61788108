import { describe, expect, it } from 'vitest';
import { normaliseAccessIp } from '../src/ingest/access-ip.js';

describe('access IP normalisation', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['  203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    // The port is dropped, not judged: the address is what the detector needs.
    ['203.0.113.7:99999', '203.0.113.7'],
    ['[2001:db8::7]:443', '2001:db8::7'],
    ['[2001:db8::7]', '2001:db8::7'],
    ['2001:db8::7 port 443', '2001:db8::7'],
    ['203.0.113.7 port 443', '203.0.113.7'],
    ['2001:db8::7 PORT 443', '2001:db8::7'],
    // A bare IPv6 is never cut at its last colon: these are addresses, not address:port.
    ['2001:db8::7', '2001:db8::7'],
    ['2001:db8::1:443', '2001:db8::1:443'],
    ['fe80::1:8080', 'fe80::1:8080'],
    // Written two ways, compared as one.
    ['2001:0DB8:0000:0000:0000:0000:0000:0007', '2001:db8::7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    // Free text around an address.
    ['Windows 7, Chrome 43 (203.0.113.7)', '203.0.113.7'],
  ])('%s → %s', (raw, want) => {
    expect(normaliseAccessIp(raw)).toBe(want);
  });

  it.each([
    ['', 'empty'], ['   ', 'blank'], ['0.0.0.0', 'Duo: unknown'], ['::', 'unspecified v6'], ['0.0.0.0:0', 'unknown with port'],
    ['not-an-ip', 'text'], ['203.0.113.300', 'bad octet'], ['203.0.113.7:1234567', 'not a port'],
    ['[203.0.113.7]:443', 'v4 in brackets'], ['2001:db8::7::1', 'two ::'],
  ])('%s → null (%s)', (raw) => {
    expect(normaliseAccessIp(raw)).toBeNull();
  });

  it('is null for what is not a string', () => {
    for (const v of [undefined, null, 42, { ip: '203.0.113.7' }]) expect(normaliseAccessIp(v)).toBeNull();
  });
});
