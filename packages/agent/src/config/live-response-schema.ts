import { isAbsolute } from 'node:path';
import { DEFAULT_MAX_FRAME_BYTES, parseEd25519PublicKey } from '@pushtrace/proto';
import { z } from 'zod';
import { EXECFG_NAME, LIVE_RESPONSE_VERBS } from '../live-response/verbs.js';

const MiB = 1024 * 1024;

/**
 * Largest output cap: a CommandResult carries stdout and stderr, each up to
 * the cap, and must still fit one frame (and one spool record) with room for
 * the envelope.
 */
export const MAX_OUTPUT_CAP_BYTES = Math.floor((DEFAULT_MAX_FRAME_BYTES - 64 * 1024) / 2);

const trustedKeySchema = z.strictObject({
  /** The key's name; a command names it in key_id. Unique. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit'),
  /** "ed25519:<base64 of 32 bytes>" or a PEM "-----BEGIN PUBLIC KEY-----" block, as `pushtrace keys create` prints. */
  publicKey: z.string().superRefine((text, ctx) => {
    try {
      parseEd25519PublicKey(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  /** Verbs this key may sign. A read-only key (the collector's automatic myip) lists only read verbs. */
  verbs: z.array(z.enum(LIVE_RESPONSE_VERBS)).min(1, 'must list at least one verb'),
});

const execfgArgvSchema = z.array(z.string().min(1, 'must not be empty'))
  .min(1, 'must hold the program and its arguments')
  .refine((argv) => argv.length === 0 || isAbsolute(argv[0]!), 'argv[0] must be an absolute path: no PATH lookup, no shell');

/**
 * Live response. Defaults grant nothing: with no trusted keys every command
 * is refused, kill is off and no execfg name exists.
 */
export const liveResponseSchema = z.strictObject({
  /** Operator (and collector) keys this agent accepts commands from, each with its verbs. Default none. */
  trustedKeys: z.array(trustedKeySchema).default([]).superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate key name "${key.name}"` });
      seen.add(key.name);
    });
  }),
  /** Whether `kill PID` may run at all (default false). */
  allowKill: z.boolean().default(false),
  /** execfg NAME → the exact argv it runs (argv[0] absolute). Default none. */
  execfg: z.record(z.string().regex(EXECFG_NAME, 'execfg names must be 1-64 letters, digits, ".", "_" or "-"'), execfgArgvSchema).default({}),
  /** Cap on each of stdout and stderr, bytes (default 1 MiB); beyond it output is cut and a child killed. */
  outputCapBytes: z.number().int().min(1024).max(MAX_OUTPUT_CAP_BYTES).default(1 * MiB),
  /** Time limit of one command, ms (default 30 s); a child still running then is killed. */
  timeoutMs: z.number().int().min(100).max(10 * 60_000).default(30_000),
  /** Longest deadline − issued_at accepted, ms (default 24 h); bounds how long command ids must be remembered. */
  maxCommandLifetimeMs: z.number().int().min(1000).max(7 * 24 * 3_600_000).default(24 * 3_600_000),
  /** How far the operator's clock may be ahead of or behind this one, ms (default 60 s). */
  clockSkewMs: z.number().int().min(0).max(15 * 60_000).default(60_000),
  /** Commands run at the same time (default 2); more wait their turn. */
  maxConcurrent: z.number().int().min(1).max(8).default(2),
});

export type LiveResponseConfig = z.infer<typeof liveResponseSchema>;
