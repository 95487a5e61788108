import { isIP } from 'node:net';
import { stripZone, unwrapMappedIpv4 } from './ip-address.js';

/**
 * "address:port" and "address.port" endpoints as command-line tools print
 * them, split into the records' ip text and port number. Returns null when
 * the text is not an endpoint, so each parser can word its own error.
 */

export interface Endpoint {
  ip: string;
  port: number;
}

/**
 * Colon form (ss, Windows netstat): "127.0.0.1:80", "[::1]:445",
 * "[fe80::1%12]:1900", "[fe80::1]%eth0:546", "127.0.0.53%lo:53", "*:*",
 * "0.0.0.0:*", and the old unbracketed ":::22". `wildcard` is the ip
 * reported for "*".
 */
export function parseColonEndpoint(text: string, wildcard: string): Endpoint | null {
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  const port = parsePort(text.slice(colon + 1));
  if (port === null) return null;
  let host = text.slice(0, colon);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) return null;
    host = host.slice(1, close); // anything after "]" is an interface name
  }
  return hostToEndpoint(host, port, wildcard);
}

/** Dot form (macOS/BSD netstat): "192.168.1.5.52144", "::1.8021", "fe80::1%lo0.8021", "*.22", "*.*". */
export function parseDotEndpoint(text: string, wildcard: string): Endpoint | null {
  const dot = text.lastIndexOf('.');
  if (dot <= 0 || dot === text.length - 1) return null;
  const port = parsePort(text.slice(dot + 1));
  if (port === null) return null;
  return hostToEndpoint(text.slice(0, dot), port, wildcard);
}

function hostToEndpoint(host: string, port: number, wildcard: string): Endpoint | null {
  if (host === '*') return { ip: wildcard, port };
  const ip = unwrapMappedIpv4(stripZone(host));
  if (isIP(ip) === 0) return null;
  return { ip, port };
}

function parsePort(text: string): number | null {
  if (text === '*') return 0;
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}
