import { AgentError } from '../errors.js';
import { parseColonEndpoint } from './endpoint-text.js';
import { isSsState, ssStateName } from './socket-state.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * Parser for iproute2 `ss -tanp` and `ss -tuanp` output (with or without the
 * Netid column; `-e` adds "ino:N", which is read when present):
 *
 *   Netid State  Recv-Q Send-Q  Local Address:Port  Peer Address:Port Process
 *   tcp   ESTAB  0      0       127.0.0.1:41234     127.0.0.1:8080    users:(("node",pid=4242,fd=21))
 *   udp   UNCONN 0      0       [::]:5353           [::]:*            users:(("avahi",pid=612,fd=13))
 *
 * Used by the benchmark and as a fallback where /proc is not readable.
 * Lines that are not TCP/UDP socket rows (headers, raw, unix) are skipped;
 * a TCP/UDP row that cannot be read throws AGENT_E_PARSE naming the line.
 */
export function parseSsOutput(text: string): SocketRecord[] {
  const records: SocketRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const tokens = (lines[i] ?? '').trim().split(/\s+/);
    const first = tokens[0] ?? '';
    let protocol: SocketProtocol;
    let at: number;
    if (first === 'tcp' || first === 'udp') {
      protocol = first;
      at = 1;
    } else if (isSsState(first)) {
      protocol = 'tcp'; // `ss -t` without Netid lists TCP only
      at = 0;
    } else {
      continue;
    }
    const where = `ss output line ${i + 1}`;
    if (tokens.length < at + 5) {
      throw new AgentError('AGENT_E_PARSE', `${where}: expected state, Recv-Q, Send-Q, local and peer address, got "${lines[i]?.trim()}"`);
    }
    const [stateWord, , , localText, peerText] = tokens.slice(at, at + 5) as [string, string, string, string, string];
    // ss prints "*" only for a dual-stack IPv6 socket bound to any (v6only:0); IPv4 any is "0.0.0.0".
    const wildcard = '::';
    const local = parseColonEndpoint(localText, wildcard);
    if (local === null) throw new AgentError('AGENT_E_PARSE', `${where}: bad local address "${localText}"`);
    const peer = parseColonEndpoint(peerText, wildcard);
    if (peer === null) throw new AgentError('AGENT_E_PARSE', `${where}: bad peer address "${peerText}"`);
    const rest = tokens.slice(at + 5).join(' ');
    records.push({
      protocol,
      localIp: local.ip,
      localPort: local.port,
      remoteIp: peer.ip,
      remotePort: peer.port,
      state: ssStateName(protocol, stateWord),
      // users:(("name",pid=N,fd=M),...): a socket shared after fork lists every holder; the first is kept.
      pid: Number(/\bpid=(\d+)/.exec(rest)?.[1] ?? 0),
      inode: Number(/\bino:(\d+)/.exec(rest)?.[1] ?? 0),
    });
  }
  return records;
}
