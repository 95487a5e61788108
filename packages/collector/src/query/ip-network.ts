/**
 * IP addresses and CIDR networks for `ipaddr:` terms: parsing, matching,
 * and the text range an index can seek to before the exact check.
 *
 * An IPv4-mapped IPv6 address (::ffff:10.1.2.3) is the IPv4 address it
 * carries: a dual-stack socket reports IPv4 peers that way, and
 * `ipaddr:10.0.0.0/8` should find them. A zone (fe80::1%eth0) is ignored.
 */
import { compressIpv6, ipv6Groups } from '../detect/ip-text.js';

export interface IpNetwork {
  readonly family: 4 | 6;
  /** Network address, host bits zeroed: 4 or 16 bytes. */
  readonly bytes: Uint8Array;
  /** Prefix length: 0..32 or 0..128. */
  readonly prefix: number;
  /** The network address as text (10.0.0.0, 2001:db8::), as pt_ip_in_cidr takes it. */
  readonly address: string;
}

/** Parses "10.1.2.3", "10.0.0.0/8", "2001:db8::/32"; a string is why it is not one. Host bits are zeroed. */
export function parseIpNetwork(text: string): IpNetwork | string {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const ip = parseIp(addressText);
  if (ip === null) return `'${addressText}' is not an IPv4 or IPv6 address`;
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: the prefix of a mapped address counts from bit 96.
  const mapped = ip.length === 4 && addressText.includes(':');
  const max = ip.length === 4 && !mapped ? 32 : 128;
  let prefix = max;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return `prefix '/${prefixText}' is not a whole number`;
    prefix = Number(prefixText);
    if (prefix > max) return `prefix /${prefix} is over ${max} for an IPv${max === 32 ? 4 : 6} address`;
    if (mapped && prefix < 96) return `prefix /${prefix} of an IPv4-mapped address must be at least /96`;
  }
  if (mapped) prefix -= 96;
  const bytes = masked(ip, prefix);
  return { family: bytes.length === 4 ? 4 : 6, bytes, prefix, address: formatIp(bytes) };
}

/** Whether the address text lies in the network; text that is not an address never does. */
export function ipInNetwork(ipText: string, network: IpNetwork): boolean {
  const ip = parseIp(ipText);
  if (ip === null || ip.length !== network.bytes.length) return false;
  const whole = network.prefix >> 3;
  for (let i = 0; i < whole; i++) if (ip[i] !== network.bytes[i]) return false;
  const rest = network.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (ip[whole]! & mask) === network.bytes[whole];
}

/** Text every address of a network starts with, in one spelling; see networkTextRange. */
export type NetworkText =
  /** A single host: its text. */
  | { readonly kind: 'equal'; readonly text: string }
  /**
   * Every address in the network starts with `text` ("10.1.", "2001:db8:").
   * `complete`: and every address starting with it is in the network (the
   * prefix ends on an octet or hextet boundary), so no further test is needed.
   */
  | { readonly kind: 'prefix'; readonly text: string; readonly complete: boolean };

/**
 * What the stored text of the network's addresses starts with, for
 * addresses stored in the agent's spelling (inet_ntop form: lower case,
 * longest zero run compressed, mapped IPv4 unwrapped). Whole octets, or the
 * leading non-zero hextets; null when there is no useful prefix (/0–/7, an
 * IPv6 network whose first hextet is 0).
 */
export function networkTextRange(network: IpNetwork): NetworkText | null {
  const max = network.family === 4 ? 32 : 128;
  if (network.prefix === max) return { kind: 'equal', text: network.address };
  if (network.family === 4) {
    const octets = network.prefix >> 3;
    if (octets === 0) return null;
    return { kind: 'prefix', text: `${Array.from(network.bytes.slice(0, octets)).join('.')}.`, complete: network.prefix % 8 === 0 };
  }
  const hextets: string[] = [];
  for (let i = 0; i < network.prefix >> 4; i++) {
    const value = (network.bytes[2 * i]! << 8) | network.bytes[2 * i + 1]!;
    if (value === 0) break;
    hextets.push(value.toString(16));
  }
  if (hextets.length === 0) return null;
  return { kind: 'prefix', text: `${hextets.join(':')}:`, complete: network.prefix === hextets.length * 16 };
}

/** 4 bytes for IPv4 (and IPv4-mapped IPv6), 16 for IPv6, null for anything else. */
export function parseIp(text: string): Uint8Array | null {
  if (!text.includes(':')) return parseIpv4(text);
  const pct = text.indexOf('%');
  const bytes = parseIpv6(pct === -1 ? text : text.slice(0, pct));
  if (bytes === null) return null;
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

/** Dotted quad, each part 0..255 without leading zeros (an octal-looking 010 is refused, as inet_pton does). */
function parseIpv4(text: string): Uint8Array | null {
  const out = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 46 /* '.' */ : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 3) return null;
      out[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return null;
      value = value * 10 + (c - 48);
      if (++digits > 3 || value > 255) return null;
    } else {
      return null;
    }
  }
  return part === 4 ? out : null;
}

function parseIpv6(text: string): Uint8Array | null {
  const groups = ipv6Groups(text.toLowerCase());
  if (groups === null) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

function masked(ip: Uint8Array, prefix: number): Uint8Array {
  const out = new Uint8Array(ip);
  for (let bit = prefix; bit < out.length * 8; bit++) out[bit >> 3] = out[bit >> 3]! & ~(0x80 >> (bit & 7));
  return out;
}

/** Dotted quad, or RFC 5952 IPv6 text (lower case, longest zero run of two or more as "::"). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  return compressIpv6(groups);
}
