import { isIP } from 'node:net';
import { systemInformation, type Systeminformation } from './systeminformation-loader.js';
import { createAddressFilter } from './address-filter.js';
import { isUnspecifiedIp, stripZone, unwrapMappedIpv4 } from './ip-address.js';
import { AgentError } from '../errors.js';
import { bsdStateName, isKnownBsdState } from './socket-state.js';
import type { SocketProtocol, SocketRecord, SocketSampler } from './types.js';

/**
 * Windows and macOS sampler: systeminformation's networkConnections(), which
 * runs `netstat -nao` (Windows) or `netstat -natvln` (macOS) and returns pids
 * (names only on macOS; we need only the pid). Its rows are loosely typed
 * strings, normalised here to SocketRecord.
 */

export interface SystemInformationSocketSamplerOptions {
  /** Drop sockets whose local or remote address is in one of these CIDRs. Default none. */
  excludeCidrs?: readonly string[];
  /** The connection source. Default systeminformation's networkConnections(); tests pass rows. */
  networkConnections?: () => Promise<Systeminformation.NetworkConnectionsData[]>;
}

export function createSystemInformationSocketSampler(options: SystemInformationSocketSamplerOptions = {}): SocketSampler {
  const keep = createAddressFilter(options.excludeCidrs);
  const source = options.networkConnections ?? (async () => (await systemInformation()).networkConnections());
  let closed = false;
  return {
    async sample() {
      if (closed) throw new AgentError('AGENT_E_SAMPLER_CLOSED', 'socket sampler is closed');
      let rows: Systeminformation.NetworkConnectionsData[];
      try {
        rows = await source();
      } catch (err) {
        throw new AgentError('AGENT_E_SAMPLER_FAILED', 'systeminformation networkConnections() failed', { cause: err });
      }
      return mapSystemInformationConnections(rows).filter(keep);
    },
    async close() {
      closed = true;
    },
  };
}

/**
 * systeminformation rows → records. Rows that are not TCP/UDP or whose
 * address is not an IP are dropped: the library's parsing is best effort and
 * one odd row must not cost the whole sample.
 */
export function mapSystemInformationConnections(rows: readonly Systeminformation.NetworkConnectionsData[]): SocketRecord[] {
  const records: SocketRecord[] = [];
  for (const row of rows) {
    const proto = String(row.protocol ?? '').toLowerCase();
    let protocol: SocketProtocol;
    if (proto.startsWith('tcp')) protocol = 'tcp';
    else if (proto.startsWith('udp')) protocol = 'udp';
    else continue;
    const wildcard = proto.endsWith('6') || String(row.localAddress).includes(':') ? '::' : '0.0.0.0';
    const localIp = toIp(row.localAddress, wildcard);
    const remoteIp = toIp(row.peerAddress, wildcard);
    if (localIp === null || remoteIp === null) continue;
    const localPort = toPort(row.localPort);
    const remotePort = toPort(row.peerPort);
    const hasPeer = remotePort !== 0 && !isUnspecifiedIp(remoteIp);
    const state = stateOf(protocol, String(row.state ?? ''), hasPeer);
    const pid = typeof row.pid === 'number' && Number.isInteger(row.pid) && row.pid > 0 ? row.pid : 0;
    records.push({ protocol, localIp, localPort, remoteIp, remotePort, state, pid, inode: 0 });
  }
  return records;
}

/**
 * UDP has no state worth the name: connected or not. A TCP row without a
 * peer whose state word is unknown (empty, "UNKNOWN", or localised) is a
 * listener, as in parseWindowsNetstat.
 */
function stateOf(protocol: SocketProtocol, word: string, hasPeer: boolean): string {
  if (protocol === 'udp') return hasPeer ? 'ESTABLISHED' : 'UNCONN';
  if (isKnownBsdState(word)) return bsdStateName(word);
  if (!hasPeer) return 'LISTEN';
  return word === '' ? 'UNKNOWN' : bsdStateName(word);
}

function toIp(text: unknown, wildcard: string): string | null {
  const raw = String(text ?? '').replace(/^\[|\]$/g, '');
  if (raw === '' || raw === '*') return wildcard;
  const ip = unwrapMappedIpv4(stripZone(raw));
  return isIP(ip) === 0 ? null : ip;
}

function toPort(text: unknown): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n <= 65535 ? n : 0;
}
