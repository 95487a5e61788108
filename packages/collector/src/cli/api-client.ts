import type { ClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * GETs one API path and returns the parsed JSON body. Throws
 * COLLECTOR_E_SERVER_UNREACHABLE (no answer) or COLLECTOR_E_SERVER_ERROR
 * (an answer other than 2xx, with the server's code and message).
 */
export function getJson(config: ClientConfig, path: string, query: Record<string, string | undefined> = {}): Promise<unknown> {
  return requestJson(config, 'GET', path, query);
}

/** POSTs a text body (an MFA log file) to one API path; errors as getJson. */
export function postText(config: ClientConfig, path: string, body: string, query: Record<string, string | undefined> = {}): Promise<unknown> {
  return requestJson(config, 'POST', path, query, body);
}

/** POSTs a JSON value to one API path; errors as getJson. */
export function postJson(config: ClientConfig, path: string, value: unknown): Promise<unknown> {
  return requestJson(config, 'POST', path, {}, JSON.stringify(value), 'application/json');
}

async function requestJson(config: ClientConfig, method: 'GET' | 'POST', path: string,
  query: Record<string, string | undefined>, body?: string, contentType = 'text/plain; charset=utf-8'): Promise<unknown> {
  const url = new URL(`${config.server}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (config.token !== null) headers.authorization = `Bearer ${config.token}`;
  if (body !== undefined) headers['content-type'] = contentType;

  let res: Response;
  try {
    // An upload of a large log file is parsed and stored before the answer comes.
    const timeoutMs = method === 'POST' ? 10 * REQUEST_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
    res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_SERVER_UNREACHABLE',
      `cannot reach the collector at ${config.server}: ${networkReason(err)} (is it running? set --server or PUSHTRACE_SERVER)`, { cause: err });
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CollectorError('COLLECTOR_E_SERVER_ERROR',
      `${config.server} answered ${res.status} with something that is not JSON (is it a pushtrace collector?)`);
  }
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } }).error;
    const hint = res.status === 401
      ? config.token === null ? ' (no token given: pass --token or set PUSHTRACE_TOKEN)' : ' (check --token / PUSHTRACE_TOKEN)'
      : res.status === 403 ? ' (ask an admin for a token with that role: pushtrace token create)' : '';
    throw new CollectorError('COLLECTOR_E_SERVER_ERROR',
      `${config.server} answered ${res.status} ${error?.code ?? ''}: ${error?.message ?? text}${hint}`);
  }
  return parsed;
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  switch (cause?.code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': return 'host not found';
    case 'ECONNRESET': return 'connection reset';
    case 'ETIMEDOUT': return 'connection timed out';
    default: return cause?.message ?? (err as Error).message;
  }
}
