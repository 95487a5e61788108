import type { MfaEvent } from './mfa-event.js';

/**
 * Where a parser hands its events while it still reads, `size` at a time,
 * so they can be stored while the rest of the input is parsed (a worker
 * parses, the main thread stores: log-ingest.ts). Rejections are not
 * chunked: they come with the parser's result, in input order.
 */
export interface ChunkSink {
  /** Events per chunk (the last one may be smaller). */
  readonly size: number;
  /**
   * `events`: new events, in the order of the parser's result. `upgrades`:
   * events that replace one handed over in an earlier chunk under the same
   * key (Duo: a fraud report repeating a txid); the store keeps the fraud
   * result (insertMfaEvents), and they are not new events.
   */
  take(events: MfaEvent[], upgrades: MfaEvent[]): void;
}

/**
 * Feeds a parser's growing `events` array to a sink. The parser pushes to
 * the array as before (its result is unchanged) and tells the feeder when
 * it pushed or replaced; without a sink every call does nothing.
 */
export class ChunkFeeder {
  readonly #sink: ChunkSink | undefined;
  readonly #events: readonly MfaEvent[];
  #sent = 0;
  #upgrades: MfaEvent[] = [];

  constructor(sink: ChunkSink | undefined, events: readonly MfaEvent[]) {
    if (sink !== undefined && (!Number.isSafeInteger(sink.size) || sink.size < 1)) {
      throw new RangeError(`chunk size must be a whole number >= 1, got ${sink.size}`);
    }
    this.#sink = sink;
    this.#events = events;
  }

  /** Call after pushing to the events array. */
  pushed(): void {
    if (this.#sink !== undefined && this.#events.length - this.#sent >= this.#sink.size) this.#flush();
  }

  /**
   * Call before events[index] is replaced by `event`. Handed over already,
   * it goes out as an upgrade at the stored event's time, so it lands on the
   * stored row's key (parsers match repeats to the second, the store to
   * the ms).
   */
  replacing(index: number, event: MfaEvent): void {
    if (index < this.#sent) this.#upgrades.push({ ...event, timeMs: this.#events[index]!.timeMs });
  }

  /** Call once the input is read: hands over what is left. */
  finish(): void {
    if (this.#sink !== undefined && (this.#events.length > this.#sent || this.#upgrades.length > 0)) this.#flush();
  }

  #flush(): void {
    const events = this.#events.slice(this.#sent);
    this.#sent = this.#events.length;
    const upgrades = this.#upgrades;
    this.#upgrades = [];
    this.#sink!.take(events, upgrades);
  }
}
