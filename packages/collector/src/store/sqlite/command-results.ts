import { createHash } from 'node:crypto';
import { CommandStatus, type CommandResult } from '@pushtrace/proto';
import type { CommandOutcome } from '../analyst-store.js';
import type { AuditLogTable } from './audit-log.js';
import type { LiveCommandTable } from './live-commands.js';

/** 'COMMAND_STATUS_REFUSED_REPLAYED' → 'refused_replayed'; an unknown number stays visible as 'status_N'. */
export function commandStatusName(status: number | null | undefined): string {
  const name = (CommandStatus as unknown as Record<number, string | undefined>)[status ?? 0];
  return name === undefined ? `status_${status}` : name.replace(/^COMMAND_STATUS_/, '').toLowerCase();
}

export function toCommandOutcome(r: CommandResult): CommandOutcome {
  const stdout = Buffer.from(r.stdout ?? new Uint8Array());
  const stderr = Buffer.from(r.stderr ?? new Uint8Array());
  return {
    status: commandStatusName(r.status),
    exitCode: r.exitCode ?? 0,
    stdout: stdout.toString('utf8'),
    stderr: stderr.toString('utf8'),
    truncated: r.truncated === true,
    startedAtMs: r.startedAtMs ?? 0,
    finishedAtMs: r.finishedAtMs ?? 0,
    message: r.message ?? '',
    // Over the bytes the agent sent, before any text decoding.
    outputSha256: createHash('sha256').update(stdout).digest('hex'),
  };
}

/**
 * Records an agent's CommandResult inside the commit transaction that
 * stores its seq, so a result is on record exactly once however often the
 * agent resends it. The first result of a command is its outcome; a later
 * one (the agent refusing a redelivered copy as replayed) is audited only.
 * A result for a command this sensor was never sent is audited as such and
 * otherwise ignored.
 */
export function applyCommandResult(commands: LiveCommandTable, audit: AuditLogTable, sensorId: number, r: CommandResult,
  receivedAtMs: number): void {
  const id = r.id ?? '';
  const outcome = toCommandOutcome(r);
  const command = id === '' ? null : commands.get(id);
  const base = {
    atMs: receivedAtMs, actor: `sensor ${sensorId}`, sensorId, commandId: id || null, outcome: outcome.status,
    outputSha256: outcome.outputSha256,
  };
  if (command === null || command.sensorId !== sensorId) {
    audit.append({ ...base, action: 'command.result-unknown', detail: { message: outcome.message } });
    return;
  }
  const recorded = commands.complete(id, outcome, receivedAtMs);
  audit.append({
    ...base,
    action: recorded ? 'command.result' : 'command.result-duplicate',
    verb: command.verb,
    args: command.args,
    detail: {
      exit_code: outcome.exitCode, truncated: outcome.truncated, message: outcome.message,
      stderr_sha256: createHash('sha256').update(outcome.stderr, 'utf8').digest('hex'),
      started_at_ms: outcome.startedAtMs, finished_at_ms: outcome.finishedAtMs,
    },
  });
}
