import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { ForwardClock } from '../src/forward/forward-clock.js';
import type { StoredAlert } from '../src/store/store.js';

/** A clock the test moves: scheduled callbacks run only when advance() passes their time. */
export class ManualClock implements ForwardClock {
  ms: number;
  #next = 1;
  readonly #timers = new Map<number, { atMs: number; fn: () => void; delayMs: number }>();
  /** Every delay ever scheduled, in order (assert backoff and Retry-After on these). */
  readonly scheduled: number[] = [];
  random: () => number = () => 0.5;

  constructor(startMs: number) {
    this.ms = startMs;
  }

  now(): number {
    return this.ms;
  }

  schedule(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { atMs: this.ms + ms, fn, delayMs: ms });
    this.scheduled.push(ms);
    return id;
  }

  cancel(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /**
   * Moves time forward, running each due timer at its own time, earliest
   * first (a timer scheduled meanwhile runs too if due before the end).
   */
  advance(ms: number): void {
    const end = this.ms + ms;
    for (;;) {
      let dueId: number | null = null;
      let due: { atMs: number; fn: () => void } | null = null;
      for (const [id, t] of this.#timers) if (t.atMs <= end && (due === null || t.atMs < due.atMs)) { dueId = id; due = t; }
      if (due === null) break;
      this.#timers.delete(dueId!);
      this.ms = Math.max(this.ms, due.atMs);
      due.fn();
    }
    this.ms = end;
  }

  /** Delays (from now) of the timers still pending. */
  pendingDelays(): number[] {
    return [...this.#timers.values()].map((t) => t.atMs - this.ms).sort((a, b) => a - b);
  }
}

export const T0 = Date.UTC(2025, 5, 2, 12, 0, 0);

export function captureLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

/** An alert as the API shows it. */
export function alertJson(id: number, overrides: Partial<StoredAlert> = {}): StoredAlert {
  return {
    id,
    verdict: 'reconnect-loop',
    severity: 'low',
    user: `user${id}`,
    application: 'SFTP',
    access_ip: '203.0.113.7',
    pushes_total: 4,
    pushes_aligned: 4,
    first_push: '2025-06-02T11:58:00.000Z',
    last_push: '2025-06-02T11:59:30.000Z',
    sensor_id: 54341,
    hostname: 'ALICE-LAPTOP',
    process: { name: 'WinSCP.exe', pid: 4242, path: 'C:\\Program Files\\WinSCP\\WinSCP.exe', start_time: '2025-06-02T08:00:00.000Z', sha256: 'ab'.repeat(32) },
    destination: { ip: '198.51.100.20', port: 22 },
    evidence: [{ push_time: '2025-06-02T11:58:00.000Z', result: 'denied', session_opened_at: '2025-06-02T11:57:59.200Z', lag_ms: 800 }],
    advice: 'Close the stale WinSCP session to 198.51.100.20:22.',
    candidates: [],
    created_at: '2025-06-02T11:59:40.000Z',
    updated_at: '2025-06-02T11:59:40.000Z',
    ...overrides,
  } as StoredAlert;
}

/** Polls `check` (which throws until satisfied) on real time; for I/O the test cannot step. */
export async function until(what: string, check: () => unknown, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pushtrace-forward-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
