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
 * a collector host that vanished. TCP alone can take many minutes to notice.
 * A WebSocket ping goes out every `intervalMs`; a deadline timer, pushed back
 * by every frame or pong, fires `timeoutMs` after the last sign of life, so a
 * dead path is noticed within `timeoutMs` exactly, not a period later.
 */
export class Heartbeat {
  readonly #ws: WebSocket;
  readonly #options: HeartbeatOptions;
  #lastSeen = performance.now();
  #ping: NodeJS.Timeout | undefined;
  #deadline: NodeJS.Timeout | undefined;
  readonly #onPong = (): void => this.seen();

  constructor(ws: WebSocket, options: HeartbeatOptions) {
    this.#ws = ws;
    this.#options = options;
  }

  start(): void {
    this.#lastSeen = performance.now();
    this.#ws.on('pong', this.#onPong);
    this.#ping = setInterval(() => {
      try {
        this.#ws.ping();
      } catch {
        // Not open (closing): the close handler is about to run.
      }
    }, this.#options.intervalMs);
    this.#deadline = setTimeout(() => {
      this.stop();
      this.#options.onDead(Math.round(performance.now() - this.#lastSeen));
    }, this.#options.timeoutMs);
  }

  /** Any frame from the peer proves the path is alive. */
  seen(): void {
    this.#lastSeen = performance.now();
    this.#deadline?.refresh();
  }

  stop(): void {
    clearInterval(this.#ping);
    clearTimeout(this.#deadline);
    this.#ping = undefined;
    this.#deadline = undefined;
    this.#ws.off('pong', this.#onPong);
  }
}
