import { endianness } from 'node:os';
import { AgentError } from '../errors.js';
import { formatIpv6Bytes } from './ip-address.js';
import { procStateName } from './socket-state.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * Parser for the kernel's socket tables /proc/net/{tcp,tcp6,udp,udp6}
 * (net/ipv4/tcp_ipv4.c get_tcp4_sock, net/ipv6/tcp_ipv6.c get_tcp6_sock,
 * net/ipv4/udp.c udp4_format_sock). Pure: text in, records out; pids are
 * filled in later by whoever maps inodes to processes.
 *
 * Addresses are the raw in-memory words printed with %08X, so they come out in
 * the host's byte order: 127.0.0.1 is "0100007F" on little-endian machines,
 * and an IPv6 address is four such words.
 */

export interface ProcNetTableOptions {
  protocol: SocketProtocol;
  family: 4 | 6;
  /** Byte order of the machine that wrote the text. Default: this machine's. */
  endianness?: 'LE' | 'BE';
  /** Name used in error messages. Default: "/proc/net/<protocol><6?>". */
  source?: string;
}

/** Fields needed: sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode. */
const FIELDS_NEEDED = 10;
const INODE_FIELD = 9;

export function parseProcNetTable(text: string, options: ProcNetTableOptions): SocketRecord[] {
  const { protocol, family } = options;
  const littleEndian = (options.endianness ?? endianness()) === 'LE';
  const source = options.source ?? `/proc/net/${protocol}${family === 6 ? '6' : ''}`;
  const ipCache = new Map<string, string>();
  const records: SocketRecord[] = [];
  const starts: number[] = new Array<number>(FIELDS_NEEDED).fill(0);
  const ends: number[] = new Array<number>(FIELDS_NEEDED).fill(0);

  const fail = (lineNo: number, what: string): never => {
    throw new AgentError('AGENT_E_PARSE', `${source} line ${lineNo}: ${what}`);
  };

  const decodeIp = (hex: string, lineNo: number): string => {
    const cached = ipCache.get(hex);
    if (cached !== undefined) return cached;
    const ip = family === 4 ? decodeIpv4(hex, littleEndian) : decodeIpv6(hex, littleEndian);
    if (ip === null) fail(lineNo, `bad ${family === 4 ? 'IPv4' : 'IPv6'} address "${hex}"`);
    ipCache.set(hex, ip as string);
    return ip as string;
  };

  const decodeEndpoint = (field: string, lineNo: number): [string, number] => {
    const colon = field.indexOf(':');
    const hexLen = family === 4 ? 8 : 32;
    if (colon !== hexLen || field.length !== hexLen + 5) fail(lineNo, `bad address field "${field}"`);
    const port = parseHex(field, colon + 1, field.length);
    if (port < 0) fail(lineNo, `bad port in "${field}"`);
    return [decodeIp(field.slice(0, colon), lineNo), port];
  };

  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    lineNo++;
    const count = tokenize(text, pos, eol, starts, ends);
    const lineStart = pos;
    pos = eol + 1;
    if (count === 0) continue;
    // The header line starts with "sl"; data lines with "<n>:".
    if (text.charCodeAt(ends[0]! - 1) !== 0x3a /* ':' */) {
      if (lineNo === 1 && text.startsWith('sl', starts[0]!)) continue;
      fail(lineNo, `expected "<slot>:" at start of line, got "${text.slice(lineStart, Math.min(eol, lineStart + 40)).trim()}"`);
    }
    if (count < FIELDS_NEEDED) fail(lineNo, `expected at least ${FIELDS_NEEDED} fields, got ${count}`);
    const [localIp, localPort] = decodeEndpoint(text.slice(starts[1]!, ends[1]!), lineNo);
    const [remoteIp, remotePort] = decodeEndpoint(text.slice(starts[2]!, ends[2]!), lineNo);
    const st = parseHex(text, starts[3]!, ends[3]!);
    if (st < 0 || ends[3]! - starts[3]! !== 2) fail(lineNo, `bad state "${text.slice(starts[3]!, ends[3]!)}"`);
    const inode = parseDecimal(text, starts[INODE_FIELD]!, ends[INODE_FIELD]!);
    if (inode < 0) fail(lineNo, `bad inode "${text.slice(starts[INODE_FIELD]!, ends[INODE_FIELD]!)}"`);
    records.push({
      protocol,
      localIp,
      localPort,
      remoteIp,
      remotePort,
      state: procStateName(protocol, st),
      pid: 0,
      inode,
    });
  }
  return records;
}

/**
 * Just the inode column of a table, without building records: the cheap way
 * to ask "are these sockets still there?" (socket-inode-owners.ts asks before
 * an expensive fd scan). Lines that do not parse are ignored here; the full
 * parser is the one that reports them.
 */
export function collectProcNetInodes(text: string): Set<number> {
  const inodes = new Set<number>();
  const starts: number[] = new Array<number>(FIELDS_NEEDED).fill(0);
  const ends: number[] = new Array<number>(FIELDS_NEEDED).fill(0);
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const count = tokenize(text, pos, eol, starts, ends);
    pos = eol + 1;
    if (count < FIELDS_NEEDED) continue;
    const inode = parseDecimal(text, starts[INODE_FIELD]!, ends[INODE_FIELD]!);
    if (inode > 0) inodes.add(inode);
  }
  return inodes;
}

/**
 * Finds up to FIELDS_NEEDED blank-separated fields in text[from, to) without
 * allocating; returns how many were found (more are ignored).
 */
function tokenize(text: string, from: number, to: number, starts: number[], ends: number[]): number {
  let count = 0;
  let i = from;
  while (i < to && count < FIELDS_NEEDED) {
    let c = text.charCodeAt(i);
    while (i < to && (c === 0x20 || c === 0x09 || c === 0x0d)) c = text.charCodeAt(++i);
    if (i >= to) break;
    starts[count] = i;
    while (i < to && c !== 0x20 && c !== 0x09 && c !== 0x0d) c = text.charCodeAt(++i);
    ends[count] = i;
    count++;
  }
  return count;
}

/** Hex digits text[from, to) as a number, -1 if any is not a hex digit or the span is empty. */
function parseHex(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else return -1;
    n = n * 16 + d;
  }
  return n;
}

function parseDecimal(text: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function decodeIpv4(hex: string, littleEndian: boolean): string | null {
  const v = parseHex(hex, 0, 8);
  if (v < 0) return null;
  const b0 = (v >>> 24) & 0xff;
  const b1 = (v >>> 16) & 0xff;
  const b2 = (v >>> 8) & 0xff;
  const b3 = v & 0xff;
  return littleEndian ? `${b3}.${b2}.${b1}.${b0}` : `${b0}.${b1}.${b2}.${b3}`;
}

function decodeIpv6(hex: string, littleEndian: boolean): string | null {
  const bytes = new Uint8Array(16);
  for (let word = 0; word < 4; word++) {
    for (let k = 0; k < 4; k++) {
      const at = word * 8 + k * 2;
      const b = parseHex(hex, at, at + 2);
      if (b < 0) return null;
      bytes[word * 4 + (littleEndian ? 3 - k : k)] = b;
    }
  }
  // IPv4-mapped (::ffff:a.b.c.d): a dual-stack socket talking IPv4.
  let mapped = bytes[10] === 0xff && bytes[11] === 0xff;
  for (let i = 0; mapped && i < 10; i++) mapped = bytes[i] === 0;
  if (mapped) return `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
  return formatIpv6Bytes(bytes);
}
