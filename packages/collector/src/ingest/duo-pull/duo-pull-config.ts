import { z } from 'zod';
import { CollectorError } from '../../errors.js';
import type { DuoSignatureVersion } from './duo-signer.js';

/** Settings of the live Duo authentication-log pull, validated and frozen. */
export interface DuoPullConfig {
  /** Duo API host name (api-XXXXXXXX.duosecurity.com): signed into every request, and where requests go unless baseUrl says otherwise. */
  readonly apiHost: string;
  /** Admin API integration key (the Basic-auth user name). */
  readonly integrationKey: string;
  /** Admin API secret key; signs requests, never sent, never logged. */
  readonly secretKey: string;
  /**
   * Where to send requests instead of https://apiHost, e.g. http://127.0.0.1:PORT.
   * Only for tests and local mirrors: requests are still signed for apiHost.
   * Default null (https://apiHost).
   */
  readonly baseUrl: string | null;
  /** Minutes between polls (node-cron). Default 1: Duo asks for no more than one request a minute. */
  readonly intervalMinutes: number;
  /** Records per page, `limit`. Default 1000, Duo's maximum. */
  readonly limit: number;
  /** With no checkpoint yet, how far back the first poll starts, ms. Default 24 h (duo_client_python's default mintime); at most 180 days, all Duo keeps. */
  readonly initialLookbackMs: number;
  /** Timeout of one HTTP request, ms. Default 30 s. */
  readonly requestTimeoutMs: number;
  /** Request signature version. Default 5 (HMAC-SHA512), what current Duo clients send; 2 (HMAC-SHA1) is the legacy scheme. */
  readonly signatureVersion: DuoSignatureVersion;
  /** Retries of one page after 429 / 5xx / network failure within one poll. Default 5; then the next tick tries again. */
  readonly maxRetries: number;
  /** Longest single wait inside a poll, ms. A longer Retry-After ends the poll and later ticks wait it out. Default 60 s. */
  readonly maxWaitMs: number;
}

/** What callers may pass: the three credentials, everything else optional. */
export type DuoPullSettings = Pick<DuoPullConfig, 'apiHost' | 'integrationKey' | 'secretKey'> & Partial<Omit<DuoPullConfig, 'apiHost' | 'integrationKey' | 'secretKey'>>;

const DAY_MS = 24 * 3600 * 1000;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})+$`, 'i');

const int = (min: number, max: number, fallback: number) => z.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  apiHost: z.string().transform((text, ctx) => {
    if (HOST_NAME.test(text)) return text.toLowerCase();
    const hint = /[/:]/.test(text) ? ' — a bare host name, no scheme, port or path; a test server or mirror URL goes in baseUrl' : '';
    ctx.issues.push({ code: 'custom', message: `expected a host name such as api-XXXXXXXX.duosecurity.com, got ${JSON.stringify(text)}${hint}`, input: text });
    return z.NEVER;
  }),
  integrationKey: z.string().min(1, 'must not be empty').regex(/^[^\s:]+$/, 'must not contain spaces or ":" (it is the Basic-auth user name)'),
  secretKey: z.string().min(1, 'must not be empty'),
  baseUrl: z.string().nullish().transform((text, ctx) => {
    if (text === null || text === undefined || text === '') return null;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.issues.push({ code: 'custom', message: `not a URL: ${JSON.stringify(text)}`, input: text });
      return z.NEVER;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      ctx.issues.push({ code: 'custom', message: `expected http(s)://host[:port][/prefix] without query, fragment or credentials: ${JSON.stringify(text)}`, input: text });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }),
  intervalMinutes: int(1, 59, 1),
  limit: int(1, 1000, 1000),
  initialLookbackMs: int(60_000, 180 * DAY_MS, DAY_MS),
  requestTimeoutMs: int(1000, 600_000, 30_000),
  signatureVersion: z.union([z.literal(2), z.literal(5)]).default(5),
  maxRetries: int(0, 20, 5),
  maxWaitMs: int(0, 3_600_000, 60_000),
});

/**
 * Checks Duo pull settings once, at start. Throws CollectorError
 * COLLECTOR_E_CONFIG naming every bad field (never echoing the secret key).
 */
export function parseDuoPullConfig(settings: DuoPullSettings): DuoPullConfig {
  const result = schema.safeParse(settings);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `duo.${issue.path.join('.')}: ${issue.message}`);
    throw new CollectorError('COLLECTOR_E_CONFIG', `invalid Duo log pull settings:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(result.data);
}
