import type { Logger } from 'pino';
import type { Spool } from './spool/spool.js';
import { lookupExternalIp } from './sampling/external-ip.js';

/**
 * Keeps the laptop's public IP as OpenDNS sees it. Each change is spooled as
 * an ExternalIpObservation; an unchanged answer is not (checkins carry the
 * current IP, which extends its last-seen at the collector). A failed lookup
 * is logged and retried at the next trigger, never fatal.
 */
export class ExternalIpTracker {
  readonly #spool: Spool;
  readonly #log: Logger;
  readonly #resolvers: readonly string[];
  readonly #timeoutMs: number;
  #current = '';
  #inFlight: Promise<void> | undefined;

  constructor(options: { spool: Spool; log: Logger; resolvers: readonly string[]; timeoutMs: number }) {
    this.#spool = options.spool;
    this.#log = options.log;
    this.#resolvers = options.resolvers;
    this.#timeoutMs = options.timeoutMs;
  }

  /** The last answer ("" until one arrived). */
  get current(): string {
    return this.#current;
  }

  /** Looks the IP up now; a lookup already running is joined, not doubled. */
  refresh(reason: string): Promise<void> {
    this.#inFlight ??= this.#lookup(reason).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #lookup(reason: string): Promise<void> {
    try {
      const { ip, resolver } = await lookupExternalIp({ resolvers: this.#resolvers, timeoutMs: this.#timeoutMs });
      if (ip === this.#current) return;
      this.#log.info({ ip, previous: this.#current || null, resolver, reason }, 'external IP observed');
      this.#current = ip;
      this.#spool.enqueue({ externalIp: { ip, resolver, observedAtMs: Date.now() } });
    } catch (error) {
      this.#log.warn({ err: error, reason }, 'external IP lookup failed; will retry');
    }
  }
}
