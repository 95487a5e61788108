import { createHash } from 'node:crypto';

/** The hash the first audit entry follows. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** What an audit entry's hash covers: every field but its own id and hash. */
export interface AuditHashInput {
  atMs: number;
  actor: string;
  action: string;
  sensorId: number | null;
  commandId: string | null;
  verb: string | null;
  args: readonly string[] | null;
  outcome: string;
  outputSha256: string | null;
  detail: Record<string, unknown>;
}

/**
 * sha256 over the previous entry's hash and this entry's fields as a
 * fixed-order JSON array, so an entry edited, removed or reordered after the
 * fact no longer follows from its predecessor.
 */
export function auditEntryHash(prevHash: string, e: AuditHashInput): string {
  const canonical = JSON.stringify([
    'pushtrace-audit-v1', prevHash, e.atMs, e.actor, e.action, e.sensorId, e.commandId, e.verb, e.args, e.outcome,
    e.outputSha256, e.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
