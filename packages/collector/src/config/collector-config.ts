import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES } from '@pushtrace/proto';
import { CollectorError } from '../errors.js';
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
};

const integerFlag = (min: number, max: number) =>
  z.string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

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
});

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
  const config = result.data;
  Object.freeze(config.listen);
  return Object.freeze(config);
}
