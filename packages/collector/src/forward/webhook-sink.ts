import type { Logger } from 'pino';
import { CollectorError } from '../errors.js';
import { fullJitterDelayMs } from '../ingest/duo-pull/backoff.js';
import type { ForwardClock } from './forward-clock.js';
import type { ForwardConfig } from './forward-config.js';
import { OutboxFile, type OutboxEntry, type SettleReason } from './outbox-file.js';
import { postWebhook, type WebhookOutcome } from './webhook-request.js';

/** Counters since start; what the forwarder reports and tests assert on. */
export interface WebhookStats {
  /** Waiting or in flight. */
  pending: number;
  inFlight: number;
  delivered: number;
  /** Answered with a non-retryable status (4xx, a redirect): logged, not retried. */
  rejected: number;
  /** Failed attempts that were scheduled again. */
  retries: number;
  /** Pushed out by a full queue (oldest first), or offered after stop. */
  dropped: number;
  /** Still failing giveUpAfterMs after being offered. */
  expired: number;
  /** Outbox writes that failed (the delivery goes on from memory; a restart could lose it). */
  outboxErrors: number;
}

export interface WebhookSinkOptions {
  config: ForwardConfig & { webhookUrl: string; webhookSecret: string; outboxPath: string };
  log: Logger;
  clock: ForwardClock;
  fetch: typeof fetch;
}

interface Slot {
  entry: OutboxEntry;
  inFlight: boolean;
  /** Failed attempts so far (since this start). */
  failures: number;
  notBeforeMs: number;
}

/**
 * Delivers alert events to the webhook: at least once, in order per alert,
 * several alerts at a time, retrying with capped, fully jittered
 * exponential backoff. The queue lives in memory and in the outbox file;
 * what is pending at stop is sent after the next start.
 */
export class WebhookSink {
  readonly #config: WebhookSinkOptions['config'];
  readonly #log: Logger;
  readonly #clock: ForwardClock;
  readonly #fetch: typeof fetch;
  readonly #target: string;
  /** Every pending event, oldest first (Map keeps insertion order; delete is O(1)). */
  #slots = new Map<string, Slot>();
  #outbox: OutboxFile | null = null;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  /**
   * No delivery starts before this. A Retry-After sets it (the receiver
   * asked us as a whole to wait), and so does every failed attempt, with
   * backoff on the failures in a row: a dead receiver with 10,000 alerts
   * queued gets a few requests per backoff step, not one per alert.
   */
  #pausedUntilMs = 0;
  /** Failed attempts since the receiver last answered anything but a retryable failure. */
  #failStreak = 0;
  #wake: { handle: unknown; atMs: number } | null = null;
  #pumpQueued = false;
  #stopped: Promise<void> | null = null;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  readonly #stats: Omit<WebhookStats, 'pending' | 'inFlight'> = { delivered: 0, rejected: 0, retries: 0, dropped: 0, expired: 0, outboxErrors: 0 };

  constructor(options: WebhookSinkOptions) {
    this.#config = options.config;
    this.#log = options.log;
    this.#clock = options.clock;
    this.#fetch = options.fetch;
    // Host only in logs: the path or query may hold a receiver's token.
    this.#target = new URL(options.config.webhookUrl).host;
  }

  /**
   * Loads what the last run left in the outbox (sent first), then starts
   * delivering. Throws CollectorError COLLECTOR_E_CONFIG when the outbox
   * cannot be read or written.
   */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error('WebhookSink.start: already started');
    let opened: Awaited<ReturnType<typeof OutboxFile.open>>;
    try {
      opened = await OutboxFile.open(this.#config.outboxPath);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      throw new CollectorError('COLLECTOR_E_CONFIG',
        `webhook outbox ${this.#config.outboxPath}: cannot be read or written (${code}); pending alert deliveries could not survive a restart`, { cause });
    }
    const { outbox, loaded } = opened;
    for (const s of loaded.skipped) this.#log.warn({ outbox: outbox.path, line: s.line, why: s.why }, 'webhook outbox line skipped');
    const offeredEarly = [...this.#slots.values()];
    this.#slots = new Map();
    for (const entry of loaded.entries) this.#slots.set(entry.id, { entry, inFlight: false, failures: 0, notBeforeMs: 0 });
    this.#outbox = outbox;
    this.#state = 'running';
    for (const slot of offeredEarly) {
      this.#slots.set(slot.entry.id, slot);
      this.#persist(slot);
    }
    this.#trimToBound();
    this.#log.info({ target: this.#target, resumed: loaded.entries.length, outbox: outbox.path }, 'webhook forwarding started');
    this.#pump();
  }

  /** Queues one event; returns at once. */
  offer(entry: OutboxEntry): void {
    if (this.#state === 'stopped') {
      this.#stats.dropped += 1;
      this.#log.warn({ deliveryId: entry.id, alertId: entry.alertId, dropped: this.#stats.dropped }, 'alert event offered after the webhook forwarder stopped: not forwarded');
      return;
    }
    const slot: Slot = { entry, inFlight: false, failures: 0, notBeforeMs: 0 };
    this.#slots.set(entry.id, slot);
    if (this.#outbox !== null) this.#persist(slot);
    this.#trimToBound();
    // One pump for a burst of offers, after the caller's synchronous work.
    if (!this.#pumpQueued) {
      this.#pumpQueued = true;
      queueMicrotask(() => {
        this.#pumpQueued = false;
        this.#pump();
      });
    }
  }

  /**
   * Lets requests in flight finish for at most stopDrainMs, then aborts the
   * rest; whatever is not delivered stays in the outbox for the next start.
   */
  stop(): Promise<void> {
    this.#stopped ??= this.#stop();
    return this.#stopped;
  }

  async #stop(): Promise<void> {
    const wasRunning = this.#state === 'running';
    this.#state = 'stopping';
    if (this.#wake !== null) this.#clock.cancel(this.#wake.handle);
    this.#wake = null;
    if (this.#inFlight.size > 0) {
      let timer: unknown;
      const deadline = new Promise<void>((resolve) => { timer = this.#clock.schedule(resolve, this.#config.stopDrainMs); });
      await Promise.race([Promise.allSettled([...this.#inFlight]), deadline]);
      this.#clock.cancel(timer);
    }
    this.#stopping.abort();
    await Promise.allSettled([...this.#inFlight]);
    // From here an offer is counted as dropped rather than raced against the close.
    this.#state = 'stopped';
    if (!wasRunning && this.#slots.size > 0) {
      this.#stats.dropped += this.#slots.size;
      this.#log.warn({ target: this.#target, dropped: this.#stats.dropped, notSent: this.#slots.size }, 'webhook forwarder stopped before it started: events offered meanwhile are not forwarded');
      this.#slots.clear();
    }
    await this.#outbox?.close().catch((err: unknown) => {
      this.#stats.outboxErrors += 1;
      this.#log.error({ err, outbox: this.#outbox?.path }, 'webhook outbox could not be written at stop: pending deliveries may be lost or sent twice');
    });
    if (wasRunning) this.#log.info({ target: this.#target, left: this.#slots.size, ...this.#stats }, 'webhook forwarding stopped; what is left is sent after the next start');
  }

  stats(): WebhookStats {
    let inFlight = 0;
    for (const slot of this.#slots.values()) if (slot.inFlight) inFlight += 1;
    return { pending: this.#slots.size, inFlight, ...this.#stats };
  }

  /**
   * Queues the entry's `add` record. Sending does not wait for it: the
   * outbox writes records in the order they are queued, so the `done` that
   * follows a delivery can never land before its `add`, and an event lost
   * to a crash before its fdatasync is lost whether or not it was on the
   * wire meanwhile.
   */
  #persist(slot: Slot): void {
    this.#outbox!.add(slot.entry).catch((err: unknown) => this.#outboxFailed(err, 'add'));
  }

  #settle(slot: Slot, why: SettleReason): void {
    this.#slots.delete(slot.entry.id);
    this.#outbox?.settle(slot.entry.id, why).catch((err: unknown) => this.#outboxFailed(err, 'done'));
  }

  #outboxFailed(err: unknown, record: string): void {
    this.#stats.outboxErrors += 1;
    this.#log.error({ err, outbox: this.#outbox?.path, record, outboxErrors: this.#stats.outboxErrors },
      'webhook outbox write failed: pending deliveries go on, but may not survive a restart');
  }

  /** Drops the oldest events not in flight until the queue fits; each drop is counted and logged. */
  #trimToBound(): void {
    if (this.#slots.size <= this.#config.maxPending) return;
    for (const slot of this.#slots.values()) {
      if (this.#slots.size <= this.#config.maxPending) break;
      if (slot.inFlight) continue;
      this.#stats.dropped += 1;
      this.#log.warn({ deliveryId: slot.entry.id, alertId: slot.entry.alertId, kind: slot.entry.kind, maxPending: this.#config.maxPending, dropped: this.#stats.dropped },
        'webhook queue full: oldest pending alert event dropped');
      this.#settle(slot, 'dropped');
    }
  }

  /**
   * Starts every delivery that may go now: in queue order, at most one per
   * alert (its earlier events first), at most webhookConcurrency at once.
   * Otherwise arms one timer for the earliest retry due.
   */
  #pump(): void {
    if (this.#state !== 'running') return;
    const now = this.#clock.now();
    const busyAlerts = new Set<number>();
    let inFlight = 0;
    for (const slot of this.#slots.values()) if (slot.inFlight) inFlight += 1;
    let nextDue = Infinity;
    for (const slot of this.#slots.values()) {
      if (inFlight >= this.#config.webhookConcurrency) return; // a completion pumps again
      const alertId = slot.entry.alertId;
      if (busyAlerts.has(alertId)) continue;
      busyAlerts.add(alertId);
      if (slot.inFlight) continue;
      const due = Math.max(slot.notBeforeMs, this.#pausedUntilMs);
      if (due > now) {
        nextDue = Math.min(nextDue, due);
        continue;
      }
      inFlight += 1;
      this.#send(slot);
    }
    if (nextDue !== Infinity) this.#wakeAt(nextDue, now);
  }

  #wakeAt(atMs: number, now: number): void {
    if (this.#wake !== null) {
      if (this.#wake.atMs <= atMs) return;
      this.#clock.cancel(this.#wake.handle);
    }
    const handle = this.#clock.schedule(() => {
      this.#wake = null;
      this.#pump();
    }, atMs - now);
    this.#wake = { handle, atMs };
  }

  #send(slot: Slot): void {
    slot.inFlight = true;
    const attempt = postWebhook({
      url: this.#config.webhookUrl,
      secret: this.#config.webhookSecret,
      body: slot.entry.body,
      deliveryId: slot.entry.id,
      kind: slot.entry.kind,
      timeoutMs: this.#config.webhookTimeoutMs,
      signal: this.#stopping.signal,
      clock: this.#clock,
      fetch: this.#fetch,
    }).catch((err: unknown): WebhookOutcome => ({ kind: 'retry', status: null, detail: `unexpected: ${(err as Error).message}`, retryAfterMs: null }))
      .then((outcome) => {
        slot.inFlight = false;
        this.#onOutcome(slot, outcome);
      })
      .finally(() => {
        this.#inFlight.delete(attempt);
        this.#pump();
      });
    this.#inFlight.add(attempt);
  }

  #onOutcome(slot: Slot, outcome: WebhookOutcome): void {
    const { entry } = slot;
    const where = { target: this.#target, deliveryId: entry.id, alertId: entry.alertId, kind: entry.kind };
    // Dropped by a full queue while in flight cannot happen (in-flight slots are skipped), but a
    // slot no longer queued must not be settled twice.
    if (!this.#slots.has(entry.id)) return;
    switch (outcome.kind) {
      case 'aborted':
        return; // stopping: stays in the outbox
      case 'delivered':
        this.#failStreak = 0;
        this.#stats.delivered += 1;
        this.#log.debug({ ...where, status: outcome.status, attempts: slot.failures + 1 }, 'alert event delivered');
        this.#settle(slot, 'delivered');
        return;
      case 'rejected':
        this.#failStreak = 0;
        this.#stats.rejected += 1;
        this.#log.error({ ...where, status: outcome.status, detail: outcome.detail, rejected: this.#stats.rejected },
          'webhook refused the alert event: not retried (fix the receiver or its settings)');
        this.#settle(slot, 'rejected');
        return;
      case 'retry': {
        const now = this.#clock.now();
        slot.failures += 1;
        if (now - entry.offeredMs >= this.#config.giveUpAfterMs) {
          this.#stats.expired += 1;
          this.#log.error({ ...where, status: outcome.status, detail: outcome.detail, attempts: slot.failures, expired: this.#stats.expired, giveUpAfterMs: this.#config.giveUpAfterMs },
            'alert event given up: webhook still failing after giveUpAfterMs');
          this.#settle(slot, 'expired');
          return;
        }
        this.#failStreak += 1;
        const policy = { baseMs: this.#config.retryBaseMs, capMs: this.#config.retryCapMs };
        let waitMs = fullJitterDelayMs(slot.failures - 1, this.#clock.random, policy);
        let pauseMs = fullJitterDelayMs(this.#failStreak - 1, this.#clock.random, policy);
        if (outcome.retryAfterMs !== null) {
          waitMs = Math.min(outcome.retryAfterMs, this.#config.retryAfterMaxMs);
          pauseMs = waitMs;
        }
        this.#pausedUntilMs = Math.max(this.#pausedUntilMs, now + pauseMs);
        slot.notBeforeMs = now + waitMs;
        this.#stats.retries += 1;
        this.#log.warn({ ...where, status: outcome.status, detail: outcome.detail, attempts: slot.failures, retryInMs: waitMs, retryAfter: outcome.retryAfterMs !== null },
          'webhook delivery failed; will retry');
        return;
      }
    }
  }
}
