import { createHash, createHmac } from 'node:crypto';
import { CollectorError } from '../../errors.js';

/*
 * Duo Web API request signing, as Duo's own clients do it.
 *
 * Sources read (2024-2025 versions):
 * - duosecurity/duo_hmac_python duo_hmac/duo_hmac.py + duo_canonicalize.py,
 *   Duo's stand-alone implementation of "Duo's current API authentication
 *   scheme": signature v5, HMAC-SHA512, date sent in `X-Duo-Date` and signed
 *   as one of the x-duo headers.
 * - duosecurity/duo_client_python duo_client/client.py (5.x): `Client.sig_version = 5`,
 *   `canon_params`, `canonicalize`, `sign`; sends the same date in `Date`.
 * - duosecurity/duo_api_nodejs lib/duo_sig.js: the encodeURIComponent fix-ups.
 *
 * Canonical string, v5 (lines joined with "\n"):
 *   date (RFC 2822), METHOD, host in lower case, path, canonical params,
 *   sha512hex(body) ("" for GET), sha512hex(x-duo headers)
 * v2 is the first five lines only, signed with HMAC-SHA1. The Authorization
 * header is `Basic base64(ikey ":" hex(hmac(skey, canonical)))` either way.
 */

/** 2 = HMAC-SHA1 over five lines (legacy, still accepted); 5 = HMAC-SHA512 with body and x-duo header hashes (current). */
export type DuoSignatureVersion = 2 | 5;

/** Request parameters: one value or several (repeated key) per name. */
export type DuoParams = Readonly<Record<string, string | readonly string[]>>;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 2822 date in UTC, byte for byte what Python's email.utils.formatdate()
 * writes ("Fri, 24 May 2024 12:00:00 -0000"). Date.toUTCString() ends in
 * "GMT" instead; Duo signs the string as sent, so either would verify, but
 * matching the reference clients keeps their test vectors usable here.
 */
export function formatDuoDate(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new RangeError(`formatDuoDate: not a time: ${ms}`);
  return `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `
    + `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} -0000`;
}

/**
 * Percent-encodes like Python's urllib.parse.quote(s, safe='~'): UTF-8, and
 * every byte except A-Z a-z 0-9 `_` `.` `-` `~` becomes %XX with upper-case
 * hex. So a space is %20 (never "+"), `~` stays, `,` is %2C.
 * encodeURIComponent also leaves ! ' ( ) * alone, hence the fix-up.
 */
export function duoQuote(text: string, what = 'parameter'): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `Duo request ${what} ${JSON.stringify(text)}: not valid Unicode (lone surrogate)`, { cause: err });
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical parameter string (OAuth 1.0 style, RFC 5849 3.4.1.3.2):
 * encode every key and value, sort by encoded key, and a repeated key's
 * values by encoded value, join as k=v with "&". Sorting the encoded
 * (ASCII) forms by code unit is what duo_client_python's sorted() does.
 * Also the exact query string the admin client sends, so what is signed
 * is what goes on the wire.
 */
export function canonParams(params: DuoParams): string {
  const pairs: Array<[string, string[]]> = Object.entries(params).map(([key, value]) => [
    duoQuote(key, 'parameter name'),
    (typeof value === 'string' ? [value] : [...value]).map((v) => duoQuote(v, `value of ${key}`)),
  ]);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const args: string[] = [];
  for (const [key, values] of pairs) {
    for (const value of values.sort()) args.push(`${key}=${value}`);
  }
  return args.join('&');
}

const sha512Hex = (text: string) => createHash('sha512').update(text, 'utf8').digest('hex');

/**
 * Hash of the request's `X-Duo-*` headers (v5): names lower-cased and
 * sorted, then name, value, name, value ... joined with NUL, SHA-512 hex.
 * No headers hashes the empty string.
 */
export function canonXDuoHeaders(headers: Readonly<Record<string, string>>): string {
  const lowered = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-duo-')) throw new CollectorError('COLLECTOR_E_BAD_PARAM', `Duo signed header ${name}: must start with X-Duo-`);
    if (lower.includes('\0') || value.includes('\0')) throw new CollectorError('COLLECTOR_E_BAD_PARAM', `Duo signed header ${name}: NUL not allowed`);
    if (lowered.has(lower)) throw new CollectorError('COLLECTOR_E_BAD_PARAM', `Duo signed header ${name}: given twice`);
    lowered.set(lower, value);
  }
  const parts: string[] = [];
  for (const name of [...lowered.keys()].sort()) parts.push(name, lowered.get(name) as string);
  return sha512Hex(parts.join('\0'));
}

/** What the canonical string is built from. */
export interface DuoCanonicalInput {
  version: DuoSignatureVersion;
  /** The date string exactly as sent in the request. */
  date: string;
  method: string;
  /** The API host name Duo knows itself by (api-XXXXXXXX.duosecurity.com); lower-cased here. */
  host: string;
  /** The path without query string ("/admin/v2/logs/authentication"). */
  path: string;
  params: DuoParams;
  /** v5 only: the request body ("" for GET). */
  body?: string;
  /** v5 only: the X-Duo-* headers sent, X-Duo-Date included. */
  xDuoHeaders?: Readonly<Record<string, string>>;
}

/** The string Duo's server recomputes from the request and checks the HMAC of. */
export function canonicalRequest(input: DuoCanonicalInput): string {
  const lines = [input.date, input.method.toUpperCase(), input.host.toLowerCase(), input.path, canonParams(input.params)];
  if (input.version === 5) lines.push(sha512Hex(input.body ?? ''), canonXDuoHeaders(input.xDuoHeaders ?? {}));
  return lines.join('\n');
}

/** `Basic base64(ikey:hexsig)` for a canonical string. */
export function authorizationHeader(version: DuoSignatureVersion, integrationKey: string, secretKey: string, canonical: string): string {
  const sig = createHmac(version === 5 ? 'sha512' : 'sha1', Buffer.from(secretKey, 'utf8')).update(canonical, 'utf8').digest('hex');
  return `Basic ${Buffer.from(`${integrationKey}:${sig}`, 'utf8').toString('base64')}`;
}

/** A GET request to sign. Parameters travel in the query string. */
export interface DuoGetRequest {
  integrationKey: string;
  secretKey: string;
  host: string;
  path: string;
  params: DuoParams;
  /** When the request is made, epoch ms. */
  nowMs: number;
  /** Default 5, what current Duo clients send. */
  version?: DuoSignatureVersion;
}

/** Headers and query string of a signed GET. */
export interface SignedDuoGet {
  /** Canonical parameter string, to append after "?" (empty when no params). */
  query: string;
  headers: Record<string, string>;
}

/**
 * Signs a GET the way duo_hmac_python does for v5 (date in X-Duo-Date, which
 * is then part of the signed x-duo header hash), and also sends the same
 * date as `Date`, as duo_client_python does, so a server reading either finds
 * the date it signed. v2 sends `Date` only.
 */
export function signDuoGet(req: DuoGetRequest): SignedDuoGet {
  const version = req.version ?? 5;
  const date = formatDuoDate(req.nowMs);
  const xDuoHeaders: Record<string, string> = version === 5 ? { 'x-duo-date': date } : {};
  const canonical = canonicalRequest({
    version, date, method: 'GET', host: req.host, path: req.path, params: req.params, body: '', xDuoHeaders,
  });
  const headers: Record<string, string> = {
    Authorization: authorizationHeader(version, req.integrationKey, req.secretKey, canonical),
    Date: date,
  };
  if (version === 5) headers['X-Duo-Date'] = date;
  return { query: canonParams(req.params), headers };
}
