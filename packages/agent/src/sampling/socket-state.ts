import type { SocketProtocol } from './types.js';

/**
 * Every platform spells socket states its own way. The records use the Linux
 * kernel's names (tcp_states.h), upper-case with underscores; UDP is either
 * "UNCONN" (no peer) or "ESTABLISHED" (connect()ed).
 */

/** /proc/net/tcp "st" column, hex, as in include/net/tcp_states.h. */
const PROC_TCP_STATES: Readonly<Record<number, string>> = {
  0x01: 'ESTABLISHED',
  0x02: 'SYN_SENT',
  0x03: 'SYN_RECV',
  0x04: 'FIN_WAIT1',
  0x05: 'FIN_WAIT2',
  0x06: 'TIME_WAIT',
  0x07: 'CLOSE',
  0x08: 'CLOSE_WAIT',
  0x09: 'LAST_ACK',
  0x0a: 'LISTEN',
  0x0b: 'CLOSING',
  // TCP_NEW_SYN_RECV: a request socket; /proc prints it as SYN_RECV (03) but be safe.
  0x0c: 'SYN_RECV',
};

/** State name for a /proc/net/{tcp,udp}* "st" code. */
export function procStateName(protocol: SocketProtocol, code: number): string {
  if (protocol === 'udp') {
    // The kernel reuses TCP_ESTABLISHED for connect()ed UDP and TCP_CLOSE for the rest.
    return code === 0x01 ? 'ESTABLISHED' : 'UNCONN';
  }
  return PROC_TCP_STATES[code] ?? `UNKNOWN_${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** iproute2 ss names (misc/ss.c sstate_name). */
const SS_STATES: Readonly<Record<string, string>> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

/** True when `word` is a state ss prints (used to tell a state column from a Netid column). */
export function isSsState(word: string): boolean {
  return word in SS_STATES || word === 'UNCONN' || word === 'UNKNOWN';
}

export function ssStateName(protocol: SocketProtocol, word: string): string {
  if (word === 'UNCONN') return protocol === 'udp' ? 'UNCONN' : 'CLOSE';
  if (protocol === 'udp') return word === 'ESTAB' ? 'ESTABLISHED' : 'UNCONN';
  return SS_STATES[word] ?? word;
}

/**
 * Windows netstat (English, plus the German names systeminformation also
 * knows) and macOS netstat. Both print the BSD names (FIN_WAIT_1,
 * SYN_RECEIVED, CLOSED) where Linux has its own.
 */
const BSD_STATES: Readonly<Record<string, string>> = {
  ESTABLISHED: 'ESTABLISHED',
  LISTEN: 'LISTEN',
  LISTENING: 'LISTEN',
  SYN_SENT: 'SYN_SENT',
  SYN_RECEIVED: 'SYN_RECV',
  SYN_RCVD: 'SYN_RECV',
  SYN_RECV: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  TIME_WAIT: 'TIME_WAIT',
  CLOSE_WAIT: 'CLOSE_WAIT',
  LAST_ACK: 'LAST_ACK',
  CLOSING: 'CLOSING',
  CLOSED: 'CLOSE',
  CLOSE: 'CLOSE',
  HERGESTELLT: 'ESTABLISHED',
  'ABHÖREN': 'LISTEN',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  SYN_GESENDET: 'SYN_SENT',
};

/** A Windows/macOS state word in kernel spelling; unknown words are kept, upper-cased. */
export function bsdStateName(word: string): string {
  const upper = word.toUpperCase();
  return BSD_STATES[upper] ?? upper;
}

/** True when bsdStateName knows the word (an unknown one may be a localised name). */
export function isKnownBsdState(word: string): boolean {
  return word.toUpperCase() in BSD_STATES;
}
