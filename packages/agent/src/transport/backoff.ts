import { AgentError } from '../errors.js';

export interface BackoffOptions {
  /** First ceiling, ms. Default 1000. */
  baseMs?: number;
  /** Largest ceiling, ms. Default 60000. */
  capMs?: number;
  /** Uniform [0, 1) source; tests inject a seeded one. Default Math.random. */
  random?: () => number;
}

/**
 * Capped exponential backoff with full jitter: the n-th delay is uniform in
 * [0, min(cap, base * 2^n)). Full jitter keeps a fleet of agents that lost
 * the collector at the same moment from coming back at the same moment,
 * and it stays spread at the cap (delays there are uniform over [0, cap),
 * mean cap / 2), so agents never line up again however long the outage.
 */
export class Backoff {
  readonly baseMs: number;
  readonly capMs: number;
  readonly #random: () => number;
  /** Attempts past this are all at the cap; also keeps 2^n finite. */
  readonly #maxAttempt: number;
  #attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1000;
    this.capMs = options.capMs ?? 60_000;
    this.#random = options.random ?? Math.random;
    if (!(this.baseMs > 0) || !(this.capMs >= this.baseMs)) {
      throw new AgentError('AGENT_E_CONFIG', `backoff needs 0 < baseMs <= capMs, got baseMs ${this.baseMs}, capMs ${this.capMs}`);
    }
    this.#maxAttempt = Math.ceil(Math.log2(this.capMs / this.baseMs));
  }

  /** Attempts since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** Upper bound of the next delay. */
  ceilingMs(): number {
    return Math.min(this.capMs, this.baseMs * 2 ** this.#attempt);
  }

  /** The delay before the next attempt; each call moves one step up. */
  next(): number {
    const delay = Math.floor(this.#random() * this.ceilingMs());
    if (this.#attempt < this.#maxAttempt) this.#attempt += 1;
    return delay;
  }

  /** Straight to the cap: for refusals that retrying soon cannot fix (bad token, bad version). */
  toCap(): void {
    this.#attempt = this.#maxAttempt;
  }

  /** Back to the base after a connection proved healthy. */
  reset(): void {
    this.#attempt = 0;
  }
}
