import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { signCommand, type Command } from '@pushtrace/proto';
import { CollectorError } from '../errors.js';
import type { LiveCommandRow, SignedCommandFields } from '../store/analyst-store.js';
import type { SequencedMessage, Store, StoredAlert } from '../store/store.js';
import type { CollectorKey } from './collector-key.js';
import { toWireCommand } from './command-wire.js';

export interface LiveResponseOptions {
  store: Store;
  log: Logger;
  now: () => number;
  /** Sends a command over the sensor's live connection; false when it has none. */
  send: (sensorId: number, command: Command) => boolean;
  /** Signs the automatic `myip` confirmations; null turns them off. */
  collectorKey: CollectorKey | null;
  /** How often due commands are marked expired, ms. Default 1000. */
  expiryIntervalMs?: number;
  /** Deadline of an automatic confirmation, ms. Default 10 min: a laptop asleep that long is not confirming anything. */
  autoConfirmLifetimeMs?: number;
}

/** Largest deadline the collector accepts for a command, from now (the agent enforces its own bound too). */
export const MAX_COMMAND_LIFETIME_MS = 24 * 3600_000;

/** Verdicts whose alert names a sensor the pushes came from. */
const ATTRIBUTED = new Set(['reconnect-loop', 'sensor-no-process', 'ambiguous']);

/**
 * The collector side of live response: keeps each signed command until its
 * deadline, sends it whenever its sensor is connected (again after a
 * reconnect, until a result arrives), marks it expired when the deadline
 * passes, and audits every step. It signs nothing for operators: their
 * commands arrive signed, and the agent checks the signature against keys
 * its own config trusts.
 */
export class LiveResponseService {
  readonly #o: LiveResponseOptions;
  readonly #waiters = new Map<string, Set<() => void>>();
  #timer: NodeJS.Timeout | null = null;
  #confirming = new Set<number>();

  constructor(options: LiveResponseOptions) {
    this.#o = options;
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.expireDue().catch((err: unknown) => this.#o.log.error({ err }, 'expiring live-response commands failed'));
    }, this.#o.expiryIntervalMs ?? 1000);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Stores an operator's signed command, audits it and sends it if its sensor is connected. */
  async issue(fields: SignedCommandFields, requestedBy: string, alertId: number | null = null): Promise<LiveCommandRow> {
    const nowMs = this.#o.now();
    if (fields.deadlineMs <= nowMs) {
      throw new CollectorError('COLLECTOR_E_BAD_INPUT', `command ${fields.id}: deadline ${new Date(fields.deadlineMs).toISOString()} has already passed`);
    }
    if (fields.deadlineMs - nowMs > MAX_COMMAND_LIFETIME_MS) {
      throw new CollectorError('COLLECTOR_E_BAD_INPUT', `command ${fields.id}: deadline is more than ${MAX_COMMAND_LIFETIME_MS / 3600_000} h away`);
    }
    const sensors = await this.#o.store.listSensors();
    if (!sensors.some((s) => s.sensorId === fields.sensorId)) {
      throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no sensor ${fields.sensorId}`);
    }
    const row = await this.#o.store.insertCommand({ ...fields, requestedBy, alertId });
    await this.#o.store.appendAudit({
      atMs: nowMs, actor: requestedBy, action: 'command.issued', sensorId: row.sensorId, commandId: row.id, verb: row.verb,
      args: row.args, outcome: 'pending',
      detail: { key_id: row.keyId, issued_by: row.issuedBy, deadline_ms: row.deadlineMs, alert_id: alertId },
    });
    this.#o.log.info({ commandId: row.id, sensorId: row.sensorId, verb: row.verb, by: requestedBy }, 'live-response command issued');
    await this.#deliver(row);
    return (await this.#o.store.getCommand(row.id))!;
  }

  /** Records that a caller without the role tried to issue a command. */
  async denied(actor: string, role: string, sensorText: string): Promise<void> {
    const sensorId = /^\d+$/.test(sensorText) ? Number(sensorText) : null;
    await this.#o.store.appendAudit({
      atMs: this.#o.now(), actor, action: 'command.denied', sensorId, outcome: 'forbidden', detail: { role },
    });
  }

  /** The sensor just connected: send everything still waiting for it. */
  async onSensorReady(sensorId: number): Promise<void> {
    for (const row of await this.#o.store.listDeliverableCommands(sensorId, this.#o.now())) await this.#deliver(row);
  }

  /** Wakes anyone waiting on a command whose result was just committed. */
  noteCommitted(messages: readonly SequencedMessage[]): void {
    for (const m of messages) {
      if (m.envelope.body !== 'commandResult') continue;
      const id = m.envelope.commandResult?.id ?? '';
      for (const wake of this.#waiters.get(id) ?? []) wake();
    }
  }

  /** Resolves when the command is done or expired, or after `timeoutMs`, with its row then. */
  async waitFor(id: string, timeoutMs: number): Promise<LiveCommandRow | null> {
    const settled = (row: LiveCommandRow | null) => row === null || row.state === 'done' || row.state === 'expired';
    let row = await this.#o.store.getCommand(id);
    if (settled(row)) return row;
    await new Promise<void>((resolve) => {
      const set = this.#waiters.get(id) ?? new Set();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.#waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      set.add(done);
      this.#waiters.set(id, set);
    });
    row = await this.#o.store.getCommand(id);
    return row;
  }

  async expireDue(): Promise<void> {
    const nowMs = this.#o.now();
    for (const row of await this.#o.store.expireCommands(nowMs)) {
      await this.#o.store.appendAudit({
        atMs: nowMs, actor: 'collector', action: 'command.expired', sensorId: row.sensorId, commandId: row.id, verb: row.verb,
        args: row.args, outcome: 'expired', detail: { deadline_ms: row.deadlineMs, was_sent: row.sentAtMs !== null },
      });
      this.#o.log.info({ commandId: row.id, sensorId: row.sensorId, verb: row.verb }, 'live-response command expired without a result');
      for (const wake of this.#waiters.get(row.id) ?? []) wake();
    }
  }

  /**
   * The write-up's manual confirmation, automated: when an alert names a
   * sensor, ask that sensor for its public IP (once per alert and sensor),
   * signed with the collector's key. The answer shows up in the alert.
   */
  async autoConfirm(alert: StoredAlert): Promise<void> {
    const key = this.#o.collectorKey;
    if (key === null || alert.sensor_id === null || !ATTRIBUTED.has(alert.verdict)) return;
    if (this.#confirming.has(alert.id)) return;
    this.#confirming.add(alert.id);
    try {
      const existing = await this.#o.store.listCommands({ alertId: alert.id });
      if (existing.some((c) => c.verb === 'myip' && c.sensorId === alert.sensor_id)) return;
      const nowMs = this.#o.now();
      const fields = {
        id: randomUUID(), sensorId: alert.sensor_id, verb: 'myip', args: [] as string[], issuedBy: 'collector (auto-confirm)', keyId: key.keyId,
        issuedAtMs: nowMs, deadlineMs: nowMs + (this.#o.autoConfirmLifetimeMs ?? 10 * 60_000),
      };
      const signature = signCommand(fields, key.privateKey).toString('base64');
      await this.issue({ ...fields, signature }, 'collector (auto-confirm)', alert.id);
    } finally {
      this.#confirming.delete(alert.id);
    }
  }

  async #deliver(row: LiveCommandRow): Promise<void> {
    if (row.state !== 'pending' && row.state !== 'sent') return;
    if (!this.#o.send(row.sensorId, toWireCommand(row))) return;
    const nowMs = this.#o.now();
    await this.#o.store.markCommandSent(row.id, nowMs);
    await this.#o.store.appendAudit({
      atMs: nowMs, actor: 'collector', action: 'command.sent', sensorId: row.sensorId, commandId: row.id, verb: row.verb,
      args: row.args, outcome: row.state === 'sent' ? 'resent' : 'sent',
    });
  }
}
