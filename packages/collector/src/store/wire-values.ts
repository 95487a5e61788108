import { isIP } from 'node:net';
import { pb, type NetInterface } from '@pushtrace/proto';
import type { NetconnRow } from './store.js';

/**
 * Turns values as they come off the wire into the form every store backend
 * keeps, so SQLite and PostgreSQL cannot disagree about them.
 */

export function protocolName(value: number | null | undefined): NetconnRow['protocol'] {
  if (value === pb.NetconnEvent.Protocol.TCP) return 'tcp';
  if (value === pb.NetconnEvent.Protocol.UDP) return 'udp';
  return 'unspecified';
}

export function directionName(value: number | null | undefined): NetconnRow['direction'] {
  if (value === pb.NetconnEvent.Direction.OUTBOUND) return 'outbound';
  if (value === pb.NetconnEvent.Direction.INBOUND) return 'inbound';
  return 'unspecified';
}

/**
 * The first of the candidate times that is set. proto3 sends an unset time
 * as 0, and a row still needs a time, so callers list the event's own time
 * first and fall back to coarser ones (batch, envelope, receipt).
 */
export function firstKnownTime(...candidates: Array<number | null | undefined>): number {
  for (const t of candidates) if (typeof t === 'number' && Number.isFinite(t) && t > 0) return t;
  return 0;
}

/**
 * An IP as the store keeps it: trimmed and lower-case, so "2001:DB8::1" from
 * one source matches "2001:db8::1" from another. "" if it is not an IP.
 */
export function normaliseIp(value: string | null | undefined): string {
  const ip = (value ?? '').trim().toLowerCase();
  return isIP(ip) === 0 ? '' : ip;
}

export interface InterfaceAddress {
  iface: string;
  ip: string;
}

/**
 * The bare IPs of HostInfo.interfaces ("10.1.2.3/24" -> "10.1.2.3"), each
 * with its interface name, without duplicates. An address that is not an IP
 * is left out: one odd interface must not make a whole HostInfo unstorable.
 */
export function interfaceAddresses(interfaces: readonly NetInterface[] | null | undefined): InterfaceAddress[] {
  const seen = new Set<string>();
  const out: InterfaceAddress[] = [];
  for (const nic of interfaces ?? []) {
    const iface = nic.name ?? '';
    for (const cidr of nic.addresses ?? []) {
      const slash = cidr.indexOf('/');
      const ip = normaliseIp(slash === -1 ? cidr : cidr.slice(0, slash));
      const key = `${iface}\u0000${ip}`;
      if (ip === '' || seen.has(key)) continue;
      seen.add(key);
      out.push({ iface, ip });
    }
  }
  return out;
}
