import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES } from '@pushtrace/proto';
import { DEFAULT_DETECTION_CONFIG, type DetectionConfig } from '../detect/types.js';
import { CollectorError } from '../errors.js';
import { parseDuoPullConfig, type DuoPullConfig } from '../ingest/duo-pull/duo-pull-config.js';
import { parseForwardConfig, type ForwardConfig } from '../forward/forward-config.js';
import { durationMs } from './duration.js';
import { parseListenAddress, type ListenAddress } from './listen-address.js';

/** The collector's settings, validated once at start and frozen. */
export interface CollectorConfig {
  /** Where the HTTP server (API, console, /agent) listens. Default 127.0.0.1:8650. */
  readonly listen: ListenAddress;
  /** SQLite database file, absolute. Default ./pushtrace.db. */
  readonly dbPath: string;
  /** The deployment's enroll secret; agents present it once. Required. */
  readonly enrollSecret: string;
  /** Admin API token; null means "use the stored one, or create one at first start". */
  readonly adminToken: string | null;
  /** pino level. Default info. */
  readonly logLevel: LogLevel;
  /** Largest agent frame accepted; bigger ones are closed with 1009. Default DEFAULT_MAX_FRAME_BYTES. */
  readonly maxFrameBytes: number;
  /** Checkin interval told to agents in Welcome, seconds (advisory: status follows each checkin's own next_checkin). Default 15, the agent's default. */
  readonly checkinIntervalS: number;
  /** How long past its next expected checkin a sensor still counts as online, seconds. Default 15. */
  readonly offlineGraceS: number;
  /** Burst, alignment and loop thresholds. Defaults: DEFAULT_DETECTION_CONFIG. */
  readonly detection: DetectionConfig;
  /** Live pull of Duo authentication logs; null when not configured. */
  readonly duo: DuoPullConfig | null;
  /** Netconns older than this are deleted (alerts' evidence is kept), ms; null keeps everything. Default 30 days. */
  readonly retentionMs: number | null;
  /** Run `myip` on the sensor an alert names, signed with the collector's own key. Default on. */
  readonly autoConfirm: boolean;
  /** Alert forwarding (webhook and/or JSON-lines file); both off by default. */
  readonly forward: ForwardConfig;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Raw values as they come from command-line flags (all strings, all optional). */
export interface CollectorFlags {
  listen?: string | undefined;
  db?: string | undefined;
  enrollSecret?: string | undefined;
  adminToken?: string | undefined;
  logLevel?: string | undefined;
  maxFrameBytes?: string | undefined;
  checkinInterval?: string | undefined;
  offlineGrace?: string | undefined;
  burstMinPushes?: string | undefined;
  burstWindow?: string | undefined;
  alignBefore?: string | undefined;
  alignAfter?: string | undefined;
  loopMinSessions?: string | undefined;
  loopWindow?: string | undefined;
  duoApiHost?: string | undefined;
  duoIkey?: string | undefined;
  duoSkey?: string | undefined;
  duoBaseUrl?: string | undefined;
  retention?: string | undefined;
  autoConfirm?: string | undefined;
  forwardWebhookUrl?: string | undefined;
  forwardJsonl?: string | undefined;
}

/** Where each field can come from, so an error tells the operator what to fix. */
const FIELD_SOURCES: Record<keyof CollectorConfig, string> = {
  listen: '--listen',
  dbPath: '--db',
  enrollSecret: '--enroll-secret or PUSHTRACE_ENROLL_SECRET',
  adminToken: '--admin-token or PUSHTRACE_ADMIN_TOKEN',
  logLevel: '--log-level',
  maxFrameBytes: '--max-frame-bytes',
  checkinIntervalS: '--checkin-interval',
  offlineGraceS: '--offline-grace',
  detection: '--burst-min-pushes, --burst-window, --align-before, --align-after, --loop-min-sessions, --loop-window',
  duo: '--duo-api-host/--duo-ikey/--duo-skey or PUSHTRACE_DUO_API_HOST/PUSHTRACE_DUO_IKEY/PUSHTRACE_DUO_SKEY',
  retentionMs: '--retention or PUSHTRACE_RETENTION',
  autoConfirm: '--auto-confirm',
  forward: '--forward-webhook-url, --forward-jsonl, PUSHTRACE_FORWARD_WEBHOOK_SECRET',
};

const integerFlag = (min: number, max: number) =>
  z.string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const durationFlag = z.string().transform((text, ctx) => {
  const ms = durationMs(text);
  if (ms === null || ms === 0) {
    ctx.issues.push({ code: 'custom', message: `expected a duration such as 30s, 10m, 2h: "${text}"`, input: text });
    return z.NEVER;
  }
  return ms;
});

const asSeconds = (ms: number) => `${ms / 1000}s`;

const schema = z.object({
  listen: z.string().transform((text, ctx): ListenAddress => {
    const parsed = parseListenAddress(text);
    if (typeof parsed === 'string') {
      ctx.issues.push({ code: 'custom', message: parsed, input: text });
      return z.NEVER;
    }
    return parsed;
  }),
  dbPath: z.string().min(1, 'must not be empty').transform((p) => path.resolve(p)),
  enrollSecret: z.string({
    error: (issue) => issue.input === undefined
      ? 'no enroll secret given: agents could never enroll. Pass --enroll-secret S or set PUSHTRACE_ENROLL_SECRET'
      : undefined,
  }).min(1, 'must not be empty'),
  adminToken: z.string().min(1, 'must not be empty').nullable(),
  logLevel: z.enum(LOG_LEVELS),
  maxFrameBytes: integerFlag(1024, 256 * 1024 * 1024),
  checkinIntervalS: integerFlag(1, 24 * 3600),
  offlineGraceS: integerFlag(0, 24 * 3600),
  detection: z.object({
    burstMinPushes: integerFlag(1, 1000),
    burstWindowMs: durationFlag,
    alignBeforeMs: durationFlag,
    alignAfterMs: durationFlag,
    baselineMs: z.number(),
    loopMinSessions: integerFlag(2, 1000),
    loopWindowMs: durationFlag,
  }),
  retentionMs: z.string().transform((text, ctx): number | null => {
    if (text === 'off') return null;
    const ms = durationMs(text);
    if (ms === null || ms < MIN_RETENTION_MS) {
      ctx.issues.push({ code: 'custom', message: `expected a duration of at least 1d (e.g. 30d, 90d) or "off": "${text}"`, input: text });
      return z.NEVER;
    }
    return ms;
  }),
  autoConfirm: z.enum(['on', 'off'], { error: 'expected on or off' }).transform((v) => v === 'on'),
  // Checked by the poller's own rules, here at start-up, so a bad Duo
  // setting stops the collector before it listens rather than after.
  duo: z.object({ apiHost: z.string().optional(), integrationKey: z.string().optional(), secretKey: z.string().optional(), baseUrl: z.string().nullable() })
    .nullable()
    .transform((raw, ctx): DuoPullConfig | null => {
      if (raw === null) return null;
      try {
        return parseDuoPullConfig({ apiHost: raw.apiHost ?? '', integrationKey: raw.integrationKey ?? '', secretKey: raw.secretKey ?? '', baseUrl: raw.baseUrl });
      } catch (err) {
        for (const line of (err as Error).message.split('\n').slice(1)) {
          const match = /^\s*duo\.(\w+): (.*)$/.exec(line);
          ctx.issues.push({ code: 'custom', path: match ? [match[1]!] : [], message: match ? match[2]! : line.trim(), input: raw });
        }
        return z.NEVER;
      }
    }),
});

/** Shortest retention accepted: under a day, alerts would lose the background their scores rest on. */
const MIN_RETENTION_MS = 24 * 3600_000;

/** A non-empty value or undefined: an exported-but-empty variable means "not set". */
function given(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Builds the collector config from flags, then environment, then defaults
 * (flags win). Throws CollectorError COLLECTOR_E_CONFIG naming every bad
 * field and where it came from. The only place the collector reads
 * process.env.
 */
export function loadCollectorConfig(flags: CollectorFlags, env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const raw = {
    listen: given(flags.listen) ?? '127.0.0.1:8650',
    dbPath: flags.db ?? './pushtrace.db',
    enrollSecret: given(flags.enrollSecret) ?? given(env.PUSHTRACE_ENROLL_SECRET),
    adminToken: given(flags.adminToken) ?? given(env.PUSHTRACE_ADMIN_TOKEN) ?? null,
    logLevel: flags.logLevel ?? 'info',
    maxFrameBytes: flags.maxFrameBytes ?? String(DEFAULT_MAX_FRAME_BYTES),
    checkinIntervalS: flags.checkinInterval ?? '15',
    offlineGraceS: flags.offlineGrace ?? '15',
    detection: {
      burstMinPushes: flags.burstMinPushes ?? String(DEFAULT_DETECTION_CONFIG.burstMinPushes),
      burstWindowMs: flags.burstWindow ?? asSeconds(DEFAULT_DETECTION_CONFIG.burstWindowMs),
      alignBeforeMs: flags.alignBefore ?? asSeconds(DEFAULT_DETECTION_CONFIG.alignBeforeMs),
      alignAfterMs: flags.alignAfter ?? asSeconds(DEFAULT_DETECTION_CONFIG.alignAfterMs),
      baselineMs: DEFAULT_DETECTION_CONFIG.baselineMs,
      loopMinSessions: flags.loopMinSessions ?? String(DEFAULT_DETECTION_CONFIG.loopMinSessions),
      loopWindowMs: flags.loopWindow ?? asSeconds(DEFAULT_DETECTION_CONFIG.loopWindowMs),
    },
    duo: duoRaw(flags, env),
    retentionMs: given(flags.retention) ?? given(env.PUSHTRACE_RETENTION) ?? '30d',
    autoConfirm: given(flags.autoConfirm) ?? 'on',
  };
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '') as keyof CollectorConfig;
      const source = FIELD_SOURCES[field];
      return `config.${issue.path.join('.')}${source ? ` (${source})` : ''}: ${issue.message}`;
    });
    throw new CollectorError('COLLECTOR_E_CONFIG', `invalid collector configuration:\n  ${lines.join('\n  ')}`);
  }
  // Its own schema and messages (forward.<key>: ...); the secret comes from
  // the environment only, because flags show in `ps`.
  const forward = parseForwardConfig({
    webhookUrl: given(flags.forwardWebhookUrl) ?? given(env.PUSHTRACE_FORWARD_WEBHOOK_URL) ?? null,
    webhookSecret: given(env.PUSHTRACE_FORWARD_WEBHOOK_SECRET) ?? null,
    jsonlPath: given(flags.forwardJsonl) ?? given(env.PUSHTRACE_FORWARD_JSONL) ?? null,
  }, { dbPath: result.data.dbPath });
  const config = { ...result.data, forward };
  Object.freeze(config.listen);
  Object.freeze(config.detection);
  return Object.freeze(config);
}

/** Duo settings when any is given (then all three are required), else null. */
function duoRaw(flags: CollectorFlags, env: NodeJS.ProcessEnv): Record<string, string | null | undefined> | null {
  const apiHost = given(flags.duoApiHost) ?? given(env.PUSHTRACE_DUO_API_HOST);
  const integrationKey = given(flags.duoIkey) ?? given(env.PUSHTRACE_DUO_IKEY);
  const secretKey = given(flags.duoSkey) ?? given(env.PUSHTRACE_DUO_SKEY);
  if (apiHost === undefined && integrationKey === undefined && secretKey === undefined) return null;
  return { apiHost, integrationKey, secretKey, baseUrl: given(flags.duoBaseUrl) ?? null };
}
