import { sign, verify, type KeyObject } from 'node:crypto';
import type { Command } from './messages.js';

/**
 * Domain tag at the head of every signed command. Bumped if the encoding
 * ever changes, and it keeps a command signature from being valid for any
 * other message an operator key might one day sign.
 */
export const COMMAND_SIGNING_DOMAIN = 'pushtrace-command-v1';

/** The signed fields of a Command (everything but the signature itself). */
export interface CommandSigningFields {
  id: string;
  sensorId: number;
  verb: string;
  args: readonly string[];
  issuedBy: string;
  keyId: string;
  issuedAtMs: number;
  deadlineMs: number;
}

/** A command or key that cannot be signed, verified or parsed. `code` is stable. */
export class CommandSigningError extends Error {
  readonly code: 'PROTO_E_BAD_COMMAND_FIELDS' | 'PROTO_E_BAD_KEY';
  constructor(code: CommandSigningError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandSigningError';
    this.code = code;
  }
}

const UINT32_MAX = 0xffff_ffff;

/**
 * The exact bytes an operator signs for a command: UTF-8 of
 *
 *   JSON.stringify(["pushtrace-command-v1", id, sensorId, verb, [args...],
 *                   issuedBy, keyId, issuedAtMs, deadlineMs])
 *
 * A fixed-order JSON array, not the protobuf encoding, because protobuf
 * encodings are not canonical (field order, default omission) while this is:
 * JSON string escaping makes every field boundary unambiguous, and the
 * numbers are integers, which JSON.stringify prints one way only. Throws
 * CommandSigningError for a field of the wrong type or range, so that a
 * value no peer could reproduce never gets signed.
 */
export function commandSigningBytes(c: CommandSigningFields): Buffer {
  const problem = describeBadFields(c);
  if (problem !== undefined) {
    throw new CommandSigningError('PROTO_E_BAD_COMMAND_FIELDS', `cannot encode command for signing: ${problem}`);
  }
  return Buffer.from(JSON.stringify([
    COMMAND_SIGNING_DOMAIN, c.id, c.sensorId, c.verb, [...c.args], c.issuedBy, c.keyId, c.issuedAtMs, c.deadlineMs,
  ]), 'utf8');
}

/**
 * The signed fields of a Command as decoded from the wire (or built for
 * sending), absent ones as their protobuf defaults ("" / 0 / []), which is
 * what the peer's encoder put on the wire for them.
 */
export function commandSigningFields(command: Command): CommandSigningFields {
  return {
    id: command.id ?? '',
    sensorId: command.sensorId ?? 0,
    verb: command.verb ?? '',
    args: command.args ?? [],
    issuedBy: command.issuedBy ?? '',
    keyId: command.keyId ?? '',
    issuedAtMs: Number(command.issuedAtMs ?? 0),
    deadlineMs: Number(command.deadlineMs ?? 0),
  };
}

/** Signs a command's fields with an operator's ed25519 private key; 64 bytes. */
export function signCommand(fields: CommandSigningFields, privateKey: KeyObject): Buffer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new CommandSigningError('PROTO_E_BAD_KEY',
      `command signing needs an ed25519 private key, got a ${privateKey.asymmetricKeyType ?? 'symmetric'} ${privateKey.type} key`);
  }
  return sign(null, commandSigningBytes(fields), privateKey);
}

/**
 * True only if `signature` is a valid ed25519 signature of these fields by
 * `publicKey`. Everything else (wrong key type, wrong signature length,
 * fields that cannot be encoded) is false rather than an exception: the
 * caller's only question is "may this run", and the answer is no.
 */
export function verifyCommandSignature(
  fields: CommandSigningFields,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') return false;
  if (signature.length !== 64) return false;
  if (describeBadFields(fields) !== undefined) return false;
  try {
    return verify(null, commandSigningBytes(fields), publicKey, signature);
  } catch {
    return false;
  }
}

function describeBadFields(c: CommandSigningFields): string | undefined {
  for (const name of ['id', 'verb', 'issuedBy', 'keyId'] as const) {
    if (typeof c[name] !== 'string') return `${name} must be a string`;
  }
  if (!Number.isInteger(c.sensorId) || c.sensorId < 0 || c.sensorId > UINT32_MAX) {
    return `sensorId must be an integer 0..${UINT32_MAX}, got ${String(c.sensorId)}`;
  }
  for (const name of ['issuedAtMs', 'deadlineMs'] as const) {
    if (!Number.isSafeInteger(c[name])) return `${name} must be a safe integer, got ${String(c[name])}`;
  }
  if (!Array.isArray(c.args)) return 'args must be an array of strings';
  const badArg = c.args.findIndex((arg) => typeof arg !== 'string');
  if (badArg !== -1) return `args[${badArg}] must be a string`;
  return undefined;
}
