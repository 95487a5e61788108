/**
 * Waiting after Duo says "not now" (429) or fails (5xx, network). Pure:
 * the clock and the random source come in as arguments.
 */

/** Capped exponential backoff; the defaults are duo_client_python's (start 1 s, cap 32 s). */
export interface BackoffPolicy {
  /** First ceiling, ms. Default 1000. */
  baseMs: number;
  /** Largest ceiling, ms. Default 32000. */
  capMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({ baseMs: 1000, capMs: 32_000 });

/**
 * "Full jitter": a uniform pick in [0, min(cap, base * 2^attempt)).
 * Spreading retries over the whole range keeps many collectors that were
 * throttled together from coming back together. attempt counts from 0.
 */
export function fullJitterDelayMs(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header value as a wait in ms from nowMs: either
 * delay-seconds ("7") or an HTTP-date (RFC 9110 10.2.3). null when absent
 * or unreadable, so the caller falls back to its own backoff. A date in
 * the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (text === '' || !/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
