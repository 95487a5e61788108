import { open, type FileHandle } from 'node:fs/promises';
import type { Logger } from 'pino';
import { fullJitterDelayMs } from '../ingest/duo-pull/backoff.js';
import type { ForwardClock } from './forward-clock.js';

export interface JsonlStats {
  /** Lines waiting to be written. */
  pending: number;
  written: number;
  /** Failed write attempts (each logged; the lines are kept and tried again). */
  failures: number;
  /** Lines given up: pushed out of a full buffer, left unwritten at stop, or offered after stop. */
  dropped: number;
}

export interface JsonlSinkOptions {
  path: string;
  maxPending: number;
  retryBaseMs: number;
  retryCapMs: number;
  log: Logger;
  clock: ForwardClock;
}

const FILE_MODE = 0o640;

/**
 * Appends one JSON line per alert event to a file that SIEM tailers
 * follow. Lines are written in batches, one write() and one fdatasync()
 * each. A failed write (a full disk, a path that is a folder) is logged and
 * retried with backoff while the lines wait in memory, bounded like the
 * webhook queue. The file is opened in append mode and reopened after any
 * error, so copy-and-truncate rotation works; rename-based rotation needs a
 * restart (or an error) to be noticed.
 */
export class JsonlSink {
  readonly #opts: JsonlSinkOptions;
  #buffer: string[] = [];
  /** Lines of the batch being written (they are out of #buffer meanwhile). */
  #writing = 0;
  #fh: FileHandle | null = null;
  #flushing: Promise<void> | null = null;
  #retry: unknown = null;
  #failStreak = 0;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  readonly #stats = { written: 0, failures: 0, dropped: 0 };

  constructor(options: JsonlSinkOptions) {
    this.#opts = options;
  }

  start(): void {
    if (this.#state !== 'new') throw new Error('JsonlSink.start: already started');
    this.#state = 'running';
    this.#opts.log.info({ jsonl: this.#opts.path }, 'JSON-lines alert forwarding started');
    this.#kick();
  }

  /** Queues one line (no newline); returns at once. */
  offer(line: string): void {
    if (this.#state === 'stopped') {
      this.#stats.dropped += 1;
      this.#opts.log.warn({ jsonl: this.#opts.path, dropped: this.#stats.dropped }, 'alert event offered after the JSON-lines sink stopped: not written');
      return;
    }
    this.#buffer.push(line);
    this.#trimToBound();
    this.#kick();
  }

  /**
   * Writes what is buffered, trying for at most drainMs; what is still
   * unwritten then is counted as dropped and logged (a write still under
   * way counts itself when it ends).
   */
  async stop(drainMs: number): Promise<void> {
    if (this.#state === 'stopping' || this.#state === 'stopped') return;
    this.#state = 'stopping';
    if (this.#retry !== null) this.#opts.clock.cancel(this.#retry);
    this.#retry = null;
    let timer: unknown;
    let drained = false;
    const deadline = new Promise<void>((resolve) => { timer = this.#opts.clock.schedule(resolve, drainMs); });
    const drain = (async () => {
      await this.#flushing;
      if (this.#buffer.length > 0) await this.#flush();
      drained = true;
    })();
    await Promise.race([drain, deadline]);
    this.#opts.clock.cancel(timer);
    this.#state = 'stopped';
    this.#abandonBuffer();
    if (drained) await this.#closeFile();
    // else the write under way closes the file when it ends (a hung disk must not hang shutdown)
  }
  stats(): JsonlStats {
    return { pending: this.#buffer.length + this.#writing, ...this.#stats };
  }

  /** Stopped: lines still buffered will never be written. Counted and logged, never silent. */
  #abandonBuffer(): void {
    if (this.#buffer.length === 0) return;
    this.#stats.dropped += this.#buffer.length;
    this.#opts.log.error({ jsonl: this.#opts.path, unwritten: this.#buffer.length, dropped: this.#stats.dropped }, 'JSON-lines sink stopped with alert events unwritten');
    this.#buffer = [];
  }

  async #closeFile(): Promise<void> {
    const fh = this.#fh;
    this.#fh = null;
    await fh?.close().catch(() => undefined);
  }

  #trimToBound(): void {
    const over = this.#buffer.length - this.#opts.maxPending;
    if (over <= 0) return;
    this.#buffer.splice(0, over);
    this.#stats.dropped += over;
    this.#opts.log.warn({ jsonl: this.#opts.path, maxPending: this.#opts.maxPending, droppedNow: over, dropped: this.#stats.dropped },
      'JSON-lines buffer full: oldest alert events dropped');
  }

  #kick(): void {
    if (this.#state !== 'running' || this.#flushing !== null || this.#retry !== null || this.#buffer.length === 0) return;
    this.#flushing = this.#flush().finally(() => {
      this.#flushing = null;
      this.#kick();
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#buffer.splice(0);
    if (batch.length === 0) return;
    this.#writing = batch.length;
    try {
      // After a failed write the file may end in a partial line: start on a
      // fresh line so the torn one cannot swallow the next event.
      const fresh = this.#failStreak > 0 && !(await endsAtLineStart(this.#opts.path));
      this.#fh ??= await open(this.#opts.path, 'a', FILE_MODE);
      await this.#fh.write(`${fresh ? '\n' : ''}${batch.join('\n')}\n`);
      await this.#fh.datasync();
      this.#writing = 0;
      this.#stats.written += batch.length;
      if (this.#failStreak > 0) this.#opts.log.info({ jsonl: this.#opts.path, failedAttempts: this.#failStreak }, 'JSON-lines sink writing again');
      this.#failStreak = 0;
      if (this.#state === 'stopped') await this.#closeFile();
    } catch (err) {
      // Keep the lines (ahead of newer ones, order kept) and try later. A
      // write that failed half-way may leave a partial line (readers skip a
      // line that does not parse) and lines written twice (same delivery_id).
      this.#writing = 0;
      this.#buffer.unshift(...batch);
      this.#trimToBound();
      this.#stats.failures += 1;
      this.#failStreak += 1;
      await this.#closeFile();
      if (this.#state !== 'running') {
        this.#opts.log.error({ err, jsonl: this.#opts.path, pending: this.#buffer.length }, 'JSON-lines sink cannot write while stopping');
        if (this.#state === 'stopped') this.#abandonBuffer();
        return;
      }
      const waitMs = Math.max(1, fullJitterDelayMs(this.#failStreak - 1, this.#opts.clock.random, { baseMs: this.#opts.retryBaseMs, capMs: this.#opts.retryCapMs }));
      this.#opts.log.error({ err, jsonl: this.#opts.path, pending: this.#buffer.length, attempts: this.#failStreak, retryInMs: waitMs },
        'JSON-lines sink cannot write; alert events kept in memory and retried');
      this.#retry = this.#opts.clock.schedule(() => {
        this.#retry = null;
        this.#kick();
      }, waitMs);
    }
  }
}

/** True when the file is missing, empty or ends with a newline. */
async function endsAtLineStart(filePath: string): Promise<boolean> {
  let fh: FileHandle;
  try {
    fh = await open(filePath, 'r');
  } catch {
    return true; // missing (created fresh) or unreadable (the append will fail and say why)
  }
  try {
    const { size } = await fh.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await fh.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } catch {
    return true;
  } finally {
    await fh.close();
  }
}
