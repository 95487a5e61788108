import { randomUUID } from 'node:crypto';
import { signCommand } from '@pushtrace/proto';
import type { ClientConfig } from '../config/client-config.js';
import type { CommandView } from '../live-response/command-wire.js';
import { getJson, postJson } from './api-client.js';
import type { OperatorKey } from './operator-keys.js';

/** Signs a command with the operator's key and hands it to the collector; the collector cannot alter it unnoticed. */
export async function sendSignedCommand(config: ClientConfig, key: OperatorKey, sensorId: number, verb: string, args: readonly string[],
  lifetimeMs: number, nowMs = Date.now()): Promise<{ command: CommandView; connected: boolean }> {
  const fields = {
    id: randomUUID(), sensorId, verb, args: [...args], issuedBy: key.name, keyId: key.name, issuedAtMs: nowMs, deadlineMs: nowMs + lifetimeMs,
  };
  const signature = signCommand(fields, key.privateKey).toString('base64');
  return (await postJson(config, `/api/v1/sensors/${sensorId}/commands`, {
    id: fields.id, verb, args: fields.args, issued_by: fields.issuedBy, key_id: fields.keyId, issued_at_ms: fields.issuedAtMs,
    deadline_ms: fields.deadlineMs, signature,
  })) as { command: CommandView; connected: boolean };
}

/**
 * Waits for a command to settle (done or expired), long-polling the
 * collector; `onTick` hears how it stands after each poll.
 */
export async function waitForCommand(config: ClientConfig, id: string, untilMs: number,
  onTick: (view: CommandView, connected: boolean) => void): Promise<CommandView> {
  for (;;) {
    const waitMs = Math.max(1, Math.min(5000, untilMs - Date.now()));
    const { command, connected } = (await getJson(config, `/api/v1/commands/${encodeURIComponent(id)}`, { wait: String(waitMs) })) as {
      command: CommandView; connected: boolean;
    };
    if (command.state === 'done' || command.state === 'expired' || Date.now() >= untilMs) return command;
    onTick(command, connected);
  }
}
