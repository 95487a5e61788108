import { CommandStatus, commandSigningFields, verifyCommandSignature, type Command, type CommandSigningFields } from '@pushtrace/proto';
import type { TrustedKey } from './trusted-keys.js';
import { isLiveResponseVerb } from './verbs.js';

/** Everything the authenticity and freshness checks depend on; no I/O. */
export interface VerifyContext {
  /** This agent's sensor id; undefined before enrollment. */
  sensorId: number | undefined;
  keys: ReadonlyMap<string, TrustedKey>;
  nowMs: number;
  clockSkewMs: number;
  maxCommandLifetimeMs: number;
}

/** A refusal: the status code and plain words for the operator and the log. */
export interface Refusal {
  ok: false;
  status: CommandStatus;
  message: string;
}

export type Verification = { ok: true; key: TrustedKey; fields: CommandSigningFields } | Refusal;

export function refuse(status: CommandStatus, message: string): Refusal {
  return { ok: false, status, message };
}

/**
 * The checks that decide whether a command is genuine and current, in the
 * order that gives the most useful refusal without trusting anything
 * unauthenticated: unsigned → wrong sensor → unknown key → bad signature →
 * verb not allowed for that key → expired. Replay, arguments and the
 * agent's own switches come after (command-runner.ts), because they need
 * state or only make sense for a genuine command.
 */
export function verifyCommand(command: Command, ctx: VerifyContext): Verification {
  const fields = commandSigningFields(command);
  const signature = command.signature ?? new Uint8Array(0);
  if (signature.length === 0) {
    return refuse(CommandStatus.COMMAND_STATUS_REFUSED_UNSIGNED, 'command is not signed; this agent runs only commands signed by a key its config trusts');
  }
  if (ctx.sensorId === undefined || fields.sensorId !== ctx.sensorId) {
    return refuse(CommandStatus.COMMAND_STATUS_REFUSED_WRONG_SENSOR,
      `command is for sensor ${fields.sensorId}, this agent is ${ctx.sensorId === undefined ? 'not enrolled' : `sensor ${ctx.sensorId}`}`);
  }
  const key = ctx.keys.get(fields.keyId);
  if (key === undefined) {
    return refuse(CommandStatus.COMMAND_STATUS_REFUSED_UNKNOWN_KEY,
      ctx.keys.size === 0
        ? `key "${fields.keyId}" is not trusted: this agent's config trusts no live-response keys`
        : `key "${fields.keyId}" is not among the keys this agent's config trusts`);
  }
  if (!verifyCommandSignature(fields, signature, key.publicKey)) {
    return refuse(CommandStatus.COMMAND_STATUS_REFUSED_BAD_SIGNATURE, `signature does not verify with key "${key.name}": forged or altered`);
  }
  if (!isLiveResponseVerb(fields.verb) || !key.verbs.has(fields.verb)) {
    return refuse(CommandStatus.COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED,
      `key "${key.name}" may not sign "${fields.verb}" (it may sign: ${[...key.verbs].join(', ')})`);
  }
  const expired = describeStaleness(fields, ctx);
  if (expired !== undefined) return refuse(CommandStatus.COMMAND_STATUS_REFUSED_EXPIRED, expired);
  return { ok: true, key, fields };
}

function describeStaleness(f: CommandSigningFields, ctx: VerifyContext): string | undefined {
  const lifetime = f.deadlineMs - f.issuedAtMs;
  if (lifetime <= 0) return `deadline ${iso(f.deadlineMs)} is not after issue time ${iso(f.issuedAtMs)}`;
  if (lifetime > ctx.maxCommandLifetimeMs) {
    return `lifetime ${lifetime} ms (issued ${iso(f.issuedAtMs)}, deadline ${iso(f.deadlineMs)}) exceeds this agent's maximum of ${ctx.maxCommandLifetimeMs} ms`;
  }
  if (f.issuedAtMs > ctx.nowMs + ctx.clockSkewMs) {
    return `issued ${iso(f.issuedAtMs)}, in the future of this agent's clock (${iso(ctx.nowMs)}) by more than ${ctx.clockSkewMs} ms`;
  }
  if (ctx.nowMs > f.deadlineMs + ctx.clockSkewMs) return `deadline ${iso(f.deadlineMs)} has passed (agent clock ${iso(ctx.nowMs)})`;
  return undefined;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}
