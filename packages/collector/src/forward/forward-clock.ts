/**
 * Time, timers and randomness of the forwarder, passed in so tests move
 * time instead of waiting for it.
 */
export interface ForwardClock {
  now(): number;
  /** Calls fn once after ms. Must not keep the process alive on its own. */
  schedule(fn: () => void, ms: number): unknown;
  /** Cancels what schedule returned; a handle that already fired is fine. */
  cancel(handle: unknown): void;
  /** Uniform in [0, 1): the jitter of retry waits. */
  random(): number;
}

export const SYSTEM_CLOCK: ForwardClock = Object.freeze({
  now: () => Date.now(),
  schedule: (fn: () => void, ms: number) => {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return timer;
  },
  cancel: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  random: () => Math.random(),
});
