import { isIP } from 'node:net';
import { AgentError } from '../errors.js';

/**
 * Turns the configured collector URL into the agent endpoint URL.
 *
 * - ws:// and wss:// are taken as they are; http:// and https:// are mapped
 *   to ws:// and wss:// (people paste the console's URL).
 * - An empty path (or "/") becomes "/agent", the collector's endpoint; any
 *   other path is kept, for a collector behind a reverse proxy prefix.
 * - Plain ws:// is refused unless the host is loopback or `allowInsecure` is
 *   set: the sensor token and everything the agent reports would cross the
 *   network in clear.
 */
export function agentEndpoint(collectorUrl: string, allowInsecure = false): URL {
  let url: URL;
  try {
    url = new URL(collectorUrl);
  } catch (cause) {
    throw new AgentError('AGENT_E_CONFIG', `collector URL ${JSON.stringify(collectorUrl)} is not a URL`, { cause });
  }
  const scheme = { 'ws:': 'ws:', 'http:': 'ws:', 'wss:': 'wss:', 'https:': 'wss:' }[url.protocol];
  if (!scheme) {
    throw new AgentError('AGENT_E_CONFIG', `collector URL ${redact(url)} must use ws:// or wss://, not ${url.protocol}//`);
  }
  url.protocol = scheme;
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/agent';
  url.hash = '';
  if (scheme === 'ws:' && !allowInsecure && !isLoopback(url.hostname)) {
    throw new AgentError('AGENT_E_INSECURE_URL',
      `collector URL ${redact(url)} is plain ws:// to a non-loopback host; use wss://, or --allow-insecure (allowInsecure) if you accept an unencrypted link`);
  }
  return url;
}

/** localhost, 127.0.0.0/8, ::1 (URL keeps IPv6 hosts in brackets), ::ffff:127.x. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
  return false;
}

/** The URL for messages and logs, without credentials someone put in it. */
export function redact(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
