/**
 * IP address text as the samplers report it: the form Node itself prints
 * (libuv's inet_ntop: lower-case, longest run of two or more zero groups
 * compressed), with IPv4-mapped IPv6 ("::ffff:1.2.3.4") unwrapped to IPv4 so
 * that one connection has one spelling whichever socket family carried it.
 */

const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const MAPPED_PREFIX = '::ffff:';

/** IPv6 text of 16 bytes (network order), compressed the way libuv does it. */
export function formatIpv6Bytes(bytes: ArrayLike<number>): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));

  // Longest run of zero words (first one wins a tie); runs of one stay as "0".
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;

  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped) end in dotted quad, as in libuv.
    if (
      i === 6 &&
      bestBase === 0 &&
      (bestLen === 6 || (bestLen === 7 && words[7] !== 0x0001) || (bestLen === 5 && words[5] === 0xffff))
    ) {
      out += `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
      break;
    }
    out += (words[i] ?? 0).toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 text ("::ffff:127.0.0.1" or
 * "::ffff:7f00:1"), or the input unchanged (lower-cased if IPv6).
 */
export function unwrapMappedIpv4(ip: string): string {
  if (!ip.includes(':')) return ip;
  const lower = ip.toLowerCase();
  if (!lower.startsWith(MAPPED_PREFIX)) return lower;
  const rest = lower.slice(MAPPED_PREFIX.length);
  if (rest.includes('.')) return rest;
  const groups = rest.split(':');
  if (groups.length !== 2 || !groups.every((g) => HEX_GROUP.test(g))) return lower;
  const hi = parseInt(groups[0] ?? '0', 16);
  const lo = parseInt(groups[1] ?? '0', 16);
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** True for the wildcard addresses a socket without a peer reports. */
export function isUnspecifiedIp(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::' || ip === '*' || ip === '';
}

/** Drops an IPv6 zone or interface suffix ("fe80::1%en0" → "fe80::1"). */
export function stripZone(ip: string): string {
  const pct = ip.indexOf('%');
  return pct === -1 ? ip : ip.slice(0, pct);
}
