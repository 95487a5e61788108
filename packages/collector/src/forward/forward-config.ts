import path from 'node:path';
import { z } from 'zod';
import { durationMs } from '../config/duration.js';
import { CollectorError } from '../errors.js';

/** Settings of alert forwarding (webhook and/or JSON-lines file), validated once at start and frozen. */
export interface ForwardConfig {
  /** Where alert events are POSTed (http or https). null: no webhook. Default null. */
  readonly webhookUrl: string | null;
  /** HMAC-SHA256 key of X-Pushtrace-Signature; required with webhookUrl, at least 16 characters. Never logged. */
  readonly webhookSecret: string | null;
  /** Timeout of one POST, headers and body, ms. Default 10 s. */
  readonly webhookTimeoutMs: number;
  /** POSTs in flight at once, each for a different alert (one alert's events go one at a time, in order). Default 4. */
  readonly webhookConcurrency: number;
  /** First backoff ceiling after a failed POST, ms. Default 1 s. */
  readonly retryBaseMs: number;
  /** Largest backoff ceiling, ms. Default 60 s. */
  readonly retryCapMs: number;
  /** Longest Retry-After honoured, ms; a longer one is cut to this. Default 1 h. */
  readonly retryAfterMaxMs: number;
  /** An event still failing this long after it was offered is given up (counted as expired, logged). Default 24 h. */
  readonly giveUpAfterMs: number;
  /** Events waiting per sink; when full the oldest is dropped, counted and logged. Default 10000. */
  readonly maxPending: number;
  /** Durable queue of webhook deliveries; default `<db>.forward-outbox.jsonl`. null without a webhook. */
  readonly outboxPath: string | null;
  /** JSON-lines file that gets one line per event (for SIEM tailers). null: none. Default null. */
  readonly jsonlPath: string | null;
  /** How long stop() lets in-flight work finish before leaving it for the next start, ms. Default 5 s. */
  readonly stopDrainMs: number;
}

/**
 * What callers may pass. Durations take a number of ms or a text such as
 * "30s", "10m", "2h" (the collector's flag syntax). Empty strings mean
 * "not set", as an exported-but-empty environment variable does.
 */
export interface ForwardSettings {
  webhookUrl?: string | null | undefined;
  webhookSecret?: string | null | undefined;
  webhookTimeoutMs?: number | string | undefined;
  webhookConcurrency?: number | string | undefined;
  retryBaseMs?: number | string | undefined;
  retryCapMs?: number | string | undefined;
  retryAfterMaxMs?: number | string | undefined;
  giveUpAfterMs?: number | string | undefined;
  maxPending?: number | string | undefined;
  outboxPath?: string | null | undefined;
  jsonlPath?: string | null | undefined;
  stopDrainMs?: number | string | undefined;
}

export const OUTBOX_SUFFIX = '.forward-outbox.jsonl';
/** Shorter keys are guessable in practice; 16 is the floor, 32 random bytes the advice (docs/alert-forwarding.md). */
export const MIN_SECRET_LENGTH = 16;

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const unset = (v: unknown) => v === undefined || v === null || v === '';

/** ms as a number or a duration text, within [min, max]. */
const msField = (min: number, max: number, fallback: number) =>
  z.union([z.number(), z.string()])
    .optional()
    .nullable()
    .transform((value, ctx): number => {
      if (unset(value)) return fallback;
      const ms = typeof value === 'number' ? value : /^\d+$/.test(value!.trim()) ? Number(value) : durationMs(value!);
      if (ms === null || !Number.isInteger(ms)) {
        ctx.issues.push({ code: 'custom', message: `expected whole milliseconds or a duration such as 30s, 10m, 2h: ${JSON.stringify(value)}`, input: value });
        return z.NEVER;
      }
      if (ms < min || ms > max) {
        ctx.issues.push({ code: 'custom', message: `must be between ${min} and ${max} ms, got ${ms}`, input: value });
        return z.NEVER;
      }
      return ms;
    });

const intField = (min: number, max: number, fallback: number) =>
  z.union([z.number(), z.string()])
    .optional()
    .nullable()
    .transform((value, ctx): number => {
      if (unset(value)) return fallback;
      const n = typeof value === 'number' ? value : /^\d+$/.test(value!.trim()) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.issues.push({ code: 'custom', message: `expected a whole number between ${min} and ${max}, got ${JSON.stringify(value)}`, input: value });
        return z.NEVER;
      }
      return n;
    });

const pathField = z.string().optional().nullable().transform((p) => (unset(p) ? null : path.resolve(p!)));

const webhookUrlField = z.string().optional().nullable().transform((text, ctx): string | null => {
  if (unset(text)) return null;
  let url: URL;
  try {
    url = new URL(text!);
  } catch {
    // Not echoed: a URL can carry a token in its query.
    ctx.issues.push({ code: 'custom', message: 'not a URL', input: undefined });
    return z.NEVER;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.issues.push({ code: 'custom', message: `expected an http:// or https:// URL, got ${url.protocol}//`, input: undefined });
    return z.NEVER;
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses such URLs, and the HMAC signature is the authentication.
    ctx.issues.push({ code: 'custom', message: 'must not contain user:password@ credentials; the HMAC signature authenticates the collector', input: undefined });
    return z.NEVER;
  }
  if (url.hash !== '') {
    ctx.issues.push({ code: 'custom', message: 'must not contain a #fragment', input: undefined });
    return z.NEVER;
  }
  return url.href;
});

/**
 * The forwarding settings schema: raw settings in, ForwardConfig out. The
 * outbox path must be given here; parseForwardConfig derives it from the
 * database path.
 */
export const forwardConfigSchema = z.object({
  webhookUrl: webhookUrlField,
  webhookSecret: z.string().optional().nullable().transform((s) => (unset(s) ? null : s!)),
  webhookTimeoutMs: msField(100, 10 * 60 * SECOND, 10 * SECOND),
  webhookConcurrency: intField(1, 32, 4),
  retryBaseMs: msField(1, 10 * 60 * SECOND, SECOND),
  retryCapMs: msField(1, DAY, 60 * SECOND),
  retryAfterMaxMs: msField(0, DAY, HOUR),
  giveUpAfterMs: msField(SECOND, 30 * DAY, DAY),
  maxPending: intField(1, 1_000_000, 10_000),
  outboxPath: pathField,
  jsonlPath: pathField,
  stopDrainMs: msField(0, 10 * 60 * SECOND, 5 * SECOND),
}).superRefine((c, ctx) => {
  if (c.webhookUrl !== null) {
    if (c.webhookSecret === null) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecret'], message: 'required with webhookUrl: receivers check every POST against it' });
    } else if (c.webhookSecret.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecret'], message: `must be at least ${MIN_SECRET_LENGTH} characters (32 random bytes, hex or base64, is the advice)` });
    }
    if (c.outboxPath === null) {
      ctx.addIssue({ code: 'custom', path: ['outboxPath'], message: 'required with webhookUrl: pending deliveries must survive a restart' });
    }
  }
  if (c.retryCapMs < c.retryBaseMs) {
    ctx.addIssue({ code: 'custom', path: ['retryCapMs'], message: `must not be below retryBaseMs (${c.retryBaseMs} ms)` });
  }
  if (c.webhookUrl !== null && c.jsonlPath !== null && c.jsonlPath === c.outboxPath) {
    ctx.addIssue({ code: 'custom', path: ['jsonlPath'], message: 'must not be the webhook outbox file' });
  }
}).transform((c): ForwardConfig => ({ ...c, outboxPath: c.webhookUrl === null ? null : c.outboxPath }));

/**
 * Checks forwarding settings once, at start. The webhook outbox defaults to
 * `<dbPath>.forward-outbox.jsonl`, next to the database it belongs with.
 * Throws CollectorError COLLECTOR_E_CONFIG naming every bad field (never
 * echoing the secret or the URL, which may hold a token).
 */
export function parseForwardConfig(settings: ForwardSettings, options: { dbPath?: string } = {}): ForwardConfig {
  const withOutbox = unset(settings.outboxPath) && options.dbPath !== undefined
    ? { ...settings, outboxPath: `${path.resolve(options.dbPath)}${OUTBOX_SUFFIX}` }
    : settings;
  const result = forwardConfigSchema.safeParse(withOutbox);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `forward.${issue.path.join('.')}: ${issue.message}`);
    throw new CollectorError('COLLECTOR_E_CONFIG', `invalid alert forwarding settings:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(result.data);
}

/**
 * Settings that work but deserve a word in the log: a plain-http webhook to
 * another machine sends alert contents (user names, IPs, host names) in
 * clear text. The signature still stops forgery and replay, not reading.
 */
export function forwardConfigWarnings(config: ForwardConfig): string[] {
  const warnings: string[] = [];
  if (config.webhookUrl !== null) {
    const url = new URL(config.webhookUrl);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      warnings.push(`webhook ${url.host} is plain http:// to a non-loopback host: alert contents travel unencrypted (use https://)`);
    }
  }
  return warnings;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
