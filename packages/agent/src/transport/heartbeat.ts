import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';

export interface HeartbeatOptions {
  /** Ping period, ms. */
  intervalMs: number;
  /** Silence (no frame, no pong) after which the path counts as dead, ms. */
  timeoutMs: number;
  /** Called once when the path is found dead; the caller terminates the socket. */
  onDead: (silentMs: number) => void;
}

/**
 * Notices a dead path: a laptop that sleeps, a NAT that forgets the flow,
 * a collector host that vanished. TCP alone can take many minutes to notice;
 * a WebSocket ping every `intervalMs` and a deadline of `timeoutMs` since the
 * last sign of life bound that to the deadline plus one period.
 */
export class Heartbeat {
  readonly #ws: WebSocket;
  readonly #options: HeartbeatOptions;
  #lastSeen = performance.now();
  #timer: NodeJS.Timeout | undefined;
  readonly #onPong = (): void => this.seen();

  constructor(ws: WebSocket, options: HeartbeatOptions) {
    this.#ws = ws;
    this.#options = options;
  }

  start(): void {
    this.#lastSeen = performance.now();
    this.#ws.on('pong', this.#onPong);
    this.#timer = setInterval(() => this.#tick(), this.#options.intervalMs);
  }

  /** Any frame from the peer proves the path is alive. */
  seen(): void {
    this.#lastSeen = performance.now();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#ws.off('pong', this.#onPong);
  }

  #tick(): void {
    const silent = performance.now() - this.#lastSeen;
    if (silent >= this.#options.timeoutMs) {
      this.stop();
      this.#options.onDead(Math.round(silent));
      return;
    }
    try {
      this.#ws.ping();
    } catch {
      // Not open (closing): the close handler is about to run.
    }
  }
}
