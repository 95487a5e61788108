import type { Command } from '@pushtrace/proto';
import type { LiveCommandRow, SignedCommandFields } from '../store/analyst-store.js';

/** The Command frame for a stored command: its signed fields exactly as signed. */
export function toWireCommand(row: SignedCommandFields): Command {
  return {
    id: row.id, sensorId: row.sensorId, verb: row.verb, args: [...row.args], issuedBy: row.issuedBy, keyId: row.keyId,
    issuedAtMs: row.issuedAtMs, deadlineMs: row.deadlineMs, signature: Buffer.from(row.signature, 'base64'),
  };
}

/** A command as the API shows it. */
export function toCommandView(row: LiveCommandRow) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    sensor_id: row.sensorId,
    verb: row.verb,
    args: row.args,
    issued_by: row.issuedBy,
    key_id: row.keyId,
    requested_by: row.requestedBy,
    alert_id: row.alertId,
    issued_at: iso(row.issuedAtMs),
    deadline: iso(row.deadlineMs),
    state: row.state,
    sent_at: iso(row.sentAtMs),
    completed_at: iso(row.completedAtMs),
    result: row.result === null ? null : {
      status: row.result.status,
      exit_code: row.result.exitCode,
      stdout: row.result.stdout,
      stderr: row.result.stderr,
      truncated: row.result.truncated,
      started_at: iso(row.result.startedAtMs || null),
      finished_at: iso(row.result.finishedAtMs || null),
      message: row.result.message,
      output_sha256: row.result.outputSha256,
    },
  };
}

export type CommandView = ReturnType<typeof toCommandView>;
