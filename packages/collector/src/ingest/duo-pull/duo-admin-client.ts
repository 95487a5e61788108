import type { NextOffset } from './authlog-checkpoint.js';
import { parseRetryAfter } from './backoff.js';
import type { DuoPullConfig } from './duo-pull-config.js';
import { signDuoGet } from './duo-signer.js';

export const AUTHLOG_PATH = '/admin/v2/logs/authentication';

/** One page request of the v2 authentication log. */
export interface AuthLogQuery {
  /** Epoch ms, inclusive; Duo wants it strictly below maxtime. */
  mintime: number;
  /** Epoch ms, inclusive. */
  maxtime: number;
  /** 1..1000. */
  limit: number;
  /** The previous page's metadata.next_offset, or null for the first page of a window. */
  nextOffset: NextOffset | null;
}

/**
 * What came back, as data: the poller decides what each case means, so
 * nothing here throws for an HTTP status or a dead network.
 */
export type AuthLogPageResult =
  | { kind: 'page'; authlogs: unknown[]; nextOffset: NextOffset | null; totalObjects: number | null }
  /** 429; retryAfterMs from Retry-After when Duo sent one. */
  | { kind: 'rate-limited'; status: number; retryAfterMs: number | null }
  /** 401 / 403: bad integration key, bad signature, clock skew, missing "Grant read log". */
  | { kind: 'unauthorized'; status: number; code: number | null; message: string }
  /** Any other 4xx: Duo refused the request itself; retrying the same request will not help. */
  | { kind: 'rejected'; status: number; code: number | null; message: string }
  /** 5xx, or a 200 whose body is not the documented envelope. */
  | { kind: 'server-error'; status: number; message: string }
  /** No HTTP answer: refused, reset, DNS, timeout. */
  | { kind: 'network-error'; message: string }
  /** The caller's signal fired (the poller is stopping). */
  | { kind: 'aborted' };

/** Anything that can fetch an authlog page; DuoAdminClient is the real one. */
export interface AuthLogSource {
  fetchAuthLogPage(query: AuthLogQuery, signal?: AbortSignal): Promise<AuthLogPageResult>;
}

export interface DuoAdminClientDeps {
  /** Clock for the Date header and Retry-After dates. Default Date.now. */
  now?: () => number;
  /** Default the global fetch. */
  fetch?: typeof fetch;
}

/** Signed GETs of the Admin API authentication log. */
export class DuoAdminClient implements AuthLogSource {
  readonly #config: DuoPullConfig;
  readonly #now: () => number;
  readonly #fetch: typeof fetch;
  readonly #origin: string;

  constructor(config: DuoPullConfig, deps: DuoAdminClientDeps = {}) {
    this.#config = config;
    this.#now = deps.now ?? Date.now;
    this.#fetch = deps.fetch ?? fetch;
    this.#origin = config.baseUrl ?? `https://${config.apiHost}`;
  }

  async fetchAuthLogPage(query: AuthLogQuery, signal?: AbortSignal): Promise<AuthLogPageResult> {
    const params: Record<string, string> = {
      mintime: String(query.mintime),
      maxtime: String(query.maxtime),
      limit: String(query.limit),
      sort: 'ts:asc',
    };
    // Duo documents the cursor as one value, "timestamp,txid"
    // (e.g. next_offset=1547486297000,5bea1c1e-...), though the response
    // hands it out as a two-element array.
    if (query.nextOffset !== null) params.next_offset = `${query.nextOffset[0]},${query.nextOffset[1]}`;

    const signed = signDuoGet({
      integrationKey: this.#config.integrationKey,
      secretKey: this.#config.secretKey,
      host: this.#config.apiHost,
      path: AUTHLOG_PATH,
      params,
      nowMs: this.#now(),
      version: this.#config.signatureVersion,
    });
    const timeout = AbortSignal.timeout(this.#config.requestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const res = await this.#fetch(`${this.#origin}${AUTHLOG_PATH}?${signed.query}`, {
        method: 'GET',
        headers: { ...signed.headers, Accept: 'application/json', 'User-Agent': 'pushtrace-collector' },
        signal: combined,
        redirect: 'error',
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = await res.text();
    } catch (err) {
      if (signal?.aborted) return { kind: 'aborted' };
      if (timeout.aborted) return { kind: 'network-error', message: `no answer within ${this.#config.requestTimeoutMs} ms` };
      return { kind: 'network-error', message: describeNetworkError(err) };
    }

    if (status === 200) return parsePage(text);
    const duo = parseFailure(text);
    if (status === 429) return { kind: 'rate-limited', status, retryAfterMs: parseRetryAfter(retryAfter, this.#now()) };
    if (status === 401 || status === 403) return { kind: 'unauthorized', status, code: duo.code, message: duo.message ?? `HTTP ${status}` };
    if (status >= 500) return { kind: 'server-error', status, message: duo.message ?? `HTTP ${status}` };
    return { kind: 'rejected', status, code: duo.code, message: duo.message ?? `HTTP ${status}` };
  }
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return `${cause.code}${typeof cause.message === 'string' ? `: ${cause.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/** Duo's failure body: {"stat": "FAIL", "code": 40103, "message": "...", "message_detail": "..."}. */
function parseFailure(text: string): { code: number | null; message: string | null } {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const code = typeof body.code === 'number' ? body.code : null;
    const message = typeof body.message === 'string'
      ? (typeof body.message_detail === 'string' ? `${body.message} (${body.message_detail})` : body.message)
      : null;
    return { code, message };
  } catch {
    return { code: null, message: null };
  }
}

const bad = (what: string): AuthLogPageResult => ({ kind: 'server-error', status: 200, message: `unexpected authlog response: ${what}` });

/**
 * {stat: "OK", response: {authlogs: [...], metadata: {next_offset, total_objects}}}.
 * metadata may also sit beside response (duo_client_python looks in both).
 */
function parsePage(text: string): AuthLogPageResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad('body is not JSON');
  }
  if (typeof body !== 'object' || body === null) return bad('body is not an object');
  const envelope = body as Record<string, unknown>;
  if (envelope.stat !== 'OK') return bad(`stat is ${JSON.stringify(envelope.stat)}`);
  const response = envelope.response as Record<string, unknown> | null | undefined;
  if (typeof response !== 'object' || response === null || !Array.isArray(response.authlogs)) return bad('response.authlogs is not an array');
  const metadata = (response.metadata ?? envelope.metadata ?? {}) as Record<string, unknown>;
  const offset = readNextOffset(metadata.next_offset);
  if (offset === undefined) return bad(`metadata.next_offset is ${JSON.stringify(metadata.next_offset)}`);
  const total = typeof metadata.total_objects === 'number' ? metadata.total_objects : null;
  return { kind: 'page', authlogs: response.authlogs, nextOffset: offset, totalObjects: total };
}

/** null = last page; undefined = not a cursor Duo documents. */
function readNextOffset(value: unknown): NextOffset | null | undefined {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return [String(value[0]), String(value[1])];
  }
  // Other v2 log endpoints hand the cursor out already joined: "ts,txid".
  if (typeof value === 'string') {
    const comma = value.indexOf(',');
    if (comma > 0 && comma < value.length - 1) return [value.slice(0, comma), value.slice(comma + 1)];
  }
  return undefined;
}
