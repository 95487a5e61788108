import type { ClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * GETs one API path and returns the parsed JSON body. Throws
 * COLLECTOR_E_SERVER_UNREACHABLE (no answer) or COLLECTOR_E_SERVER_ERROR
 * (an answer other than 2xx, with the server's code and message).
 */
export async function getJson(config: ClientConfig, path: string, query: Record<string, string | undefined> = {}): Promise<unknown> {
  const url = new URL(`${config.server}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (config.token !== null) headers.authorization = `Bearer ${config.token}`;

  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_SERVER_UNREACHABLE',
      `cannot reach the collector at ${config.server}: ${networkReason(err)} (is it running? set --server or PUSHTRACE_SERVER)`, { cause: err });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CollectorError('COLLECTOR_E_SERVER_ERROR',
      `${config.server} answered ${res.status} with something that is not JSON (is it a pushtrace collector?)`);
  }
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } }).error;
    const hint = res.status === 401
      ? config.token === null ? ' (no token given: pass --token or set PUSHTRACE_TOKEN)' : ' (check --token / PUSHTRACE_TOKEN)'
      : '';
    throw new CollectorError('COLLECTOR_E_SERVER_ERROR',
      `${config.server} answered ${res.status} ${error?.code ?? ''}: ${error?.message ?? text}${hint}`);
  }
  return body;
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
