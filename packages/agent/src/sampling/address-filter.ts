import { BlockList, isIP } from 'node:net';
import { AgentError } from '../errors.js';
import type { SocketRecord } from './types.js';

/**
 * excludeCidrs: sockets the operator does not want reported (the agent's own
 * collector link, a VPN concentrator, loopback noise). A socket is dropped
 * when its local OR remote address falls in any of the ranges.
 */

/** Keeps a record, or not. */
export type SocketFilter = (record: SocketRecord) => boolean;

/**
 * Builds the filter once (config time). Accepts "10.0.0.0/8", "::1/128" and
 * bare addresses (a /32 or /128). Throws AGENT_E_CONFIG naming the bad entry.
 */
export function createAddressFilter(cidrs: readonly string[] | undefined): SocketFilter {
  if (cidrs === undefined || cidrs.length === 0) return () => true;
  const list = new BlockList();
  cidrs.forEach((cidr, index) => addCidr(list, cidr, index));
  const memo = new Map<string, boolean>();
  const excluded = (ip: string): boolean => {
    let hit = memo.get(ip);
    if (hit === undefined) {
      const family = isIP(ip);
      hit = family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
      // The map only serves one sampler's address space; cap it so it cannot grow forever.
      if (memo.size > 65_536) memo.clear();
      memo.set(ip, hit);
    }
    return hit;
  };
  return (record) => !excluded(record.localIp) && !excluded(record.remoteIp);
}

function addCidr(list: BlockList, cidr: string, index: number): void {
  const where = `excludeCidrs[${index}] "${cidr}"`;
  const slash = cidr.indexOf('/');
  const ip = (slash === -1 ? cidr : cidr.slice(0, slash)).trim();
  const family = isIP(ip);
  if (family === 0) throw new AgentError('AGENT_E_CONFIG', `${where}: not an IPv4 or IPv6 address`);
  const max = family === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(max) : cidr.slice(slash + 1).trim();
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) {
    throw new AgentError('AGENT_E_CONFIG', `${where}: prefix length must be 0..${max}`);
  }
  list.addSubnet(ip, prefix, family === 4 ? 'ipv4' : 'ipv6');
}
