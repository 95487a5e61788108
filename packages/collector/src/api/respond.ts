import type { ServerResponse } from 'node:http';
import type { CollectorErrorCode } from '../errors.js';

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The one error shape of the API: `{ "error": { "code", "message" } }`, never a stack trace. */
export function sendError(res: ServerResponse, status: number, code: CollectorErrorCode, message: string,
  headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { error: { code, message } });
}
