import { isIPv4, isIPv6 } from 'node:net';
import { AgentError } from '../errors.js';

export const DNS_PORT = 53;

/** A DNS server to ask, as parsed from `--resolver`. */
export interface ResolverAddress {
  /** IPv4 or IPv6 literal (no brackets), or a hostname to look up first. */
  host: string;
  port: number;
  /** 4 or 6 for an IP literal, 0 for a hostname. */
  family: 0 | 4 | 6;
}

const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const EXPECTED = 'expected HOST, HOST:PORT, an IPv6 address or [IPv6]:PORT';

function invalid(input: string, why: string): AgentError {
  return new AgentError('AGENT_E_CONFIG', `invalid resolver ${JSON.stringify(input)}: ${why} (${EXPECTED})`);
}

function parsePort(input: string, text: string): number {
  if (!/^\d{1,5}$/.test(text)) throw invalid(input, `port ${JSON.stringify(text)} is not a number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw invalid(input, `port ${port} is outside 1-65535`);
  return port;
}

function parseHost(input: string, host: string): ResolverAddress['host'] {
  if (host === '') throw invalid(input, 'the host is empty');
  if (isIPv4(host)) return host;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const labels = name.split('.');
  // An all-numeric last label is a mistyped IPv4 address ("256.1.1.1", "10.0.0"), never a hostname.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) throw invalid(input, `${JSON.stringify(host)} is not a valid IPv4 address`);
  if (name.length > 253 || !labels.every((label) => HOSTNAME_LABEL.test(label))) throw invalid(input, `${JSON.stringify(host)} is neither an IP address nor a hostname`);
  return host;
}

/**
 * Parses a `--resolver` value: "208.67.222.222", "208.67.222.222:5353",
 * "resolver1.opendns.com[:PORT]", "2620:119:35::35" (a bare IPv6 address
 * never carries a port: "::1:53" is an address) or "[2620:119:35::35]:53".
 * Port defaults to 53. Throws AgentError AGENT_E_CONFIG naming the input.
 */
export function parseResolver(input: string): ResolverAddress {
  const text = input.trim();
  if (text === '') throw invalid(input, 'it is empty');
  if (text.startsWith('[')) {
    const match = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
    if (match === null) throw invalid(input, 'a "[" without a matching "]" (or text after "]" that is not ":PORT")');
    const host = match[1]!;
    if (!isIPv6(host)) throw invalid(input, `${JSON.stringify(host)} in brackets is not an IPv6 address`);
    return { host, port: match[2] === undefined ? DNS_PORT : parsePort(input, match[2]), family: 6 };
  }
  const colons = text.split(':').length - 1;
  if (colons > 1) {
    if (!isIPv6(text)) throw invalid(input, 'it has several ":" but is not an IPv6 address');
    return { host: text, port: DNS_PORT, family: 6 };
  }
  if (colons === 1) {
    const at = text.indexOf(':');
    const host = parseHost(input, text.slice(0, at));
    return { host, port: parsePort(input, text.slice(at + 1)), family: isIPv4(host) ? 4 : 0 };
  }
  const host = parseHost(input, text);
  return { host, port: DNS_PORT, family: isIPv4(host) ? 4 : 0 };
}

/** "208.67.222.222:53", "[::1]:5353", "resolver1.opendns.com:53": the form c-ares' setServers and our reports use. */
export function formatResolver(address: Pick<ResolverAddress, 'host' | 'port'>): string {
  return isIPv6(address.host) ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
