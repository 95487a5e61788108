import { parentPort } from 'node:worker_threads';
import { CollectorError } from '../errors.js';
import type { MfaEvent, RejectedRecord } from './mfa-event.js';
import { parseMfaLog, type ParseMfaLogOptions } from './parse-mfa-log.js';

/**
 * A worker thread's half of log-ingest.ts: parses one MFA log and posts its
 * events in chunks while it reads, then its rejections. Parsing a large log
 * here keeps the collector's event loop free for agents and API calls, and
 * lets the main thread store one chunk while the next is parsed.
 */
export interface ParseRequest {
  text: string;
  options: ParseMfaLogOptions;
  chunkEvents: number;
}

export type ParseMessage =
  | { kind: 'chunk'; events: MfaEvent[]; upgrades: MfaEvent[] }
  | { kind: 'done'; received: number; rejected: RejectedRecord[] }
  | { kind: 'failed'; code: string | undefined; message: string };

const port = parentPort;
if (port === null) throw new Error('parse-worker.js runs as a worker thread (log-ingest.ts starts it)');

port.once('message', (request: ParseRequest) => {
  const post = (message: ParseMessage) => port.postMessage(message);
  try {
    const result = parseMfaLog(request.text, request.options, {
      size: request.chunkEvents,
      take: (events, upgrades) => post({ kind: 'chunk', events, upgrades }),
    });
    post({ kind: 'done', received: result.events.length, rejected: result.rejected });
  } catch (err) {
    post({ kind: 'failed', code: err instanceof CollectorError ? err.code : undefined, message: (err as Error).message });
  }
});
