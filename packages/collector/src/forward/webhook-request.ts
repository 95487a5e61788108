import { parseRetryAfter } from '../ingest/duo-pull/backoff.js';
import type { ForwardClock } from './forward-clock.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

/** One POST of one event. */
export interface WebhookAttempt {
  url: string;
  secret: string;
  /** The exact bytes to send and sign (UTF-8 JSON). */
  body: string;
  deliveryId: string;
  kind: string;
  timeoutMs: number;
  /** Fires when the forwarder stops; the attempt then ends as `aborted`. */
  signal: AbortSignal;
  clock: ForwardClock;
  fetch: typeof fetch;
}

/**
 * What came back, as data: the sink decides what each case means, so
 * nothing here throws for an HTTP status or a dead network.
 */
export type WebhookOutcome =
  | { kind: 'delivered'; status: number }
  /** Retrying the same request will not help (4xx other than 408/429, a redirect). */
  | { kind: 'rejected'; status: number; detail: string }
  /** Network failure, timeout, 5xx, 408 or 429; retryAfterMs from Retry-After when sent. */
  | { kind: 'retry'; status: number | null; detail: string; retryAfterMs: number | null }
  | { kind: 'aborted' };

/** How much of a response body is kept for the log line; the rest is never read. */
const DETAIL_BYTES = 300;
const USER_AGENT = 'pushtrace-collector';

export async function postWebhook(attempt: WebhookAttempt): Promise<WebhookOutcome> {
  const { clock } = attempt;
  const timestampS = Math.floor(clock.now() / 1000);
  const timeout = new AbortController();
  const timer = clock.schedule(() => timeout.abort(), attempt.timeoutMs);
  const signal = AbortSignal.any([attempt.signal, timeout.signal]);
  const aborted = (): WebhookOutcome | null => {
    if (attempt.signal.aborted) return { kind: 'aborted' };
    if (timeout.signal.aborted) return { kind: 'retry', status: null, detail: `no complete answer within ${attempt.timeoutMs} ms`, retryAfterMs: null };
    return null;
  };
  try {
    let res: Response;
    try {
      res = await attempt.fetch(attempt.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signWebhook(attempt.secret, timestampS, attempt.body),
          [TIMESTAMP_HEADER]: String(timestampS),
          [DELIVERY_HEADER]: attempt.deliveryId,
          [EVENT_HEADER]: attempt.kind,
        },
        body: attempt.body,
        signal,
        // A redirect would carry a signed alert to a place nobody configured.
        redirect: 'manual',
      });
    } catch (err) {
      return aborted() ?? { kind: 'retry', status: null, detail: describeNetworkError(err), retryAfterMs: null };
    }
    const status = res.status;
    let detail: string;
    try {
      detail = await readDetail(res);
    } catch (err) {
      const stopped = aborted();
      if (stopped !== null) return stopped;
      // The status line arrived; a body cut short does not change the verdict.
      detail = `(body unreadable: ${describeNetworkError(err)})`;
    }
    if (status >= 200 && status < 300) return { kind: 'delivered', status };
    if (status === 429 || status === 408 || status >= 500) {
      return { kind: 'retry', status, detail, retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), clock.now()) };
    }
    if (status >= 300 && status < 400) {
      return { kind: 'rejected', status, detail: `redirect not followed${res.headers.has('location') ? ' (Location set)' : ''}` };
    }
    return { kind: 'rejected', status, detail };
  } finally {
    clock.cancel(timer);
  }
}

/** The start of the body, one line, for the log; the rest is cancelled unread. */
async function readDetail(res: Response): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < DETAIL_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, DETAIL_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return `${cause.code}${typeof cause.message === 'string' ? `: ${cause.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}
