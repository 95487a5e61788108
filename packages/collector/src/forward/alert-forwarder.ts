import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { toAlertEvent, type AlertEventOffer } from './alert-event.js';
import { SYSTEM_CLOCK, type ForwardClock } from './forward-clock.js';
import { forwardConfigWarnings, type ForwardConfig } from './forward-config.js';
import { JsonlSink, type JsonlStats } from './jsonl-sink.js';
import { WebhookSink, type WebhookStats } from './webhook-sink.js';

export interface AlertForwarderOptions {
  config: ForwardConfig;
  log: Logger;
  /** Default SYSTEM_CLOCK. */
  clock?: ForwardClock;
  /** Default the global fetch. */
  fetch?: typeof fetch;
  /** Default crypto.randomUUID. */
  newDeliveryId?: () => string;
}

export interface ForwardStats {
  /** Offers that could not be turned into an event (a caller's bug; each logged). */
  refused: number;
  webhook: WebhookStats | null;
  jsonl: JsonlStats | null;
}

/**
 * Sends alert events out to the rest of the SOC: a signed webhook and/or a
 * JSON-lines file (docs/alert-forwarding.md). The collector calls offer()
 * whenever an alert opens, changes or is triaged; offer() only queues, so a
 * slow or dead receiver never holds up ingestion, and it never throws.
 * With neither sink configured every call is a no-op.
 */
export class AlertForwarder {
  readonly #config: ForwardConfig;
  readonly #log: Logger;
  readonly #clock: ForwardClock;
  readonly #newId: () => string;
  readonly #webhook: WebhookSink | null;
  readonly #jsonl: JsonlSink | null;
  #refused = 0;

  constructor(options: AlertForwarderOptions) {
    this.#config = options.config;
    this.#log = options.log.child({ component: 'forward' });
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#newId = options.newDeliveryId ?? randomUUID;
    const { webhookUrl, webhookSecret, outboxPath, jsonlPath } = options.config;
    this.#webhook = webhookUrl !== null && webhookSecret !== null && outboxPath !== null
      ? new WebhookSink({ config: { ...options.config, webhookUrl, webhookSecret, outboxPath }, log: this.#log, clock: this.#clock, fetch: options.fetch ?? fetch })
      : null;
    this.#jsonl = jsonlPath !== null
      ? new JsonlSink({ path: jsonlPath, maxPending: options.config.maxPending, retryBaseMs: options.config.retryBaseMs, retryCapMs: options.config.retryCapMs, log: this.#log, clock: this.#clock })
      : null;
  }

  /** True when at least one sink is configured. */
  get enabled(): boolean {
    return this.#webhook !== null || this.#jsonl !== null;
  }

  /**
   * Opens the webhook outbox (resuming what the last run left) and starts
   * both sinks. Throws CollectorError COLLECTOR_E_CONFIG only when the
   * outbox cannot be read or written: then no delivery could survive a
   * restart. A JSON-lines file that cannot be written is logged and
   * retried instead (it may be on a share that comes back).
   */
  async start(): Promise<void> {
    for (const warning of forwardConfigWarnings(this.#config)) this.#log.warn(warning);
    this.#jsonl?.start();
    await this.#webhook?.start();
  }

  /** Queues the event for every sink and returns at once; never throws. */
  offer(offer: AlertEventOffer): void {
    if (!this.enabled) return;
    try {
      const event = toAlertEvent(offer, this.#newId());
      const body = JSON.stringify(event);
      this.#webhook?.offer({ id: event.delivery_id, alertId: event.alert.id, kind: event.kind, offeredMs: this.#clock.now(), body });
      this.#jsonl?.offer(body);
    } catch (err) {
      this.#refused += 1;
      this.#log.error({ err, refused: this.#refused }, 'alert event not forwarded: the offer could not be serialised');
    }
  }

  /**
   * Lets in-flight work finish for at most stopDrainMs; undelivered webhook
   * events stay in the outbox for the next start. Call it after the
   * detection runner and triage have stopped offering.
   */
  async stop(): Promise<void> {
    await Promise.all([this.#webhook?.stop(), this.#jsonl?.stop(this.#config.stopDrainMs)]);
  }

  stats(): ForwardStats {
    return { refused: this.#refused, webhook: this.#webhook?.stats() ?? null, jsonl: this.#jsonl?.stats() ?? null };
  }
}
