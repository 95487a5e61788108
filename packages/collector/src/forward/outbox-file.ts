import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ALERT_EVENT_KINDS, type AlertEventKind } from './alert-event.js';

/**
 * The webhook's durable queue: a JSON-lines file next to the database.
 *
 * Why a file and not the Store: forwarding must never slow ingestion, and
 * every Store write competes with telemetry for SQLite's single writer; a
 * file of its own keeps the two apart, needs no migration, and works the
 * same whichever Store backend runs. The queue is small (bounded by
 * maxPending) and only ever appended to, so a log of `add` and `done`
 * records, replayed at start and rewritten when it grows, is all it takes.
 *
 * Every batch of records is written with one write() and made durable with
 * one fdatasync() before its promises resolve. A crash can tear only the
 * last line, which load() skips. An entry whose `done` did not reach the
 * disk is delivered again after a restart: at-least-once, and receivers
 * dedupe on the delivery id.
 */
export interface OutboxEntry {
  /** The event's delivery_id. */
  id: string;
  alertId: number;
  kind: AlertEventKind;
  /** When the forwarder took the event, epoch ms: the age that giveUpAfterMs measures. */
  offeredMs: number;
  /** The exact JSON body that is sent (and signed) on every attempt. */
  body: string;
}

/** Why an entry left the queue. */
export type SettleReason = 'delivered' | 'rejected' | 'dropped' | 'expired';

export interface OutboxLoad {
  /** Pending entries, oldest first. */
  entries: OutboxEntry[];
  /** Lines that could not be used (a torn last line after a crash, garbage), 1-based. */
  skipped: Array<{ line: number; why: string }>;
}

/** Rewrite once the file holds this many more lines than twice the live entries. */
const COMPACT_SLACK_LINES = 1000;
const FILE_MODE = 0o600;
const KINDS: ReadonlySet<string> = new Set(ALERT_EVENT_KINDS);

interface QueuedRecord {
  line: string;
  /** The record's effect on the live set, applied once written (or once given up on, see #drain). */
  apply: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class OutboxFile {
  readonly path: string;
  /** Entries whose `add` is on disk and whose `done` is not, in queue order. */
  readonly #live: Map<string, OutboxEntry>;
  #fh: FileHandle | null = null;
  /** Lines in the file since it was last rewritten or truncated. */
  #lines = 0;
  /** A write failed: the file no longer matches #live, the next write rewrites it whole. */
  #needsRewrite = false;
  #queue: QueuedRecord[] = [];
  #running = false;
  #draining: Promise<void> | null = null;
  #closed = false;

  private constructor(filePath: string, live: Map<string, OutboxEntry>) {
    this.path = filePath;
    this.#live = live;
  }

  /**
   * Replays the file (creating it when missing), then rewrites it compacted.
   * Throws the fs error when the file cannot be read or written (a
   * directory, no permission): without it nothing pending survives restarts.
   */
  static async open(filePath: string): Promise<{ outbox: OutboxFile; loaded: OutboxLoad }> {
    let text = '';
    try {
      text = await readFile(filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const { live, skipped } = replay(text);
    const outbox = new OutboxFile(filePath, live);
    await outbox.#rewrite();
    return { outbox, loaded: { entries: [...live.values()], skipped } };
  }

  /** Entries pending on disk (after the writes so far). */
  get size(): number {
    return this.#live.size;
  }

  /** Appends the entry; resolves once it is durable. */
  add(entry: OutboxEntry): Promise<void> {
    const line = `${JSON.stringify({ op: 'add', id: entry.id, alert_id: entry.alertId, kind: entry.kind, offered_ms: entry.offeredMs, body: entry.body })}\n`;
    return this.#enqueue(line, () => void this.#live.set(entry.id, entry));
  }

  /** Records that the entry left the queue; resolves once durable. */
  settle(id: string, why: SettleReason): Promise<void> {
    return this.#enqueue(`${JSON.stringify({ op: 'done', id, why })}\n`, () => void this.#live.delete(id));
  }

  /** Writes what is queued (rewriting the file if a write had failed), then closes. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#draining;
    try {
      if (this.#needsRewrite) await this.#rewrite();
    } finally {
      await this.#fh?.close();
      this.#fh = null;
    }
  }

  #enqueue(line: string, apply: () => void): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`outbox ${this.path} is closed`));
    return new Promise((resolve, reject) => {
      this.#queue.push({ line, apply, resolve, reject });
      // #running, not #draining: it turns false in the same tick the loop
      // sees an empty queue, so a record queued after that starts a new drain.
      if (!this.#running) {
        this.#running = true;
        this.#draining = this.#drain();
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      try {
        if (this.#needsRewrite) {
          for (const r of batch) r.apply();
          await this.#rewrite();
        } else {
          const fh = await this.#handle();
          await fh.write(batch.map((r) => r.line).join(''));
          await fh.datasync();
          for (const r of batch) r.apply();
          this.#lines += batch.length;
          await this.#compactIfWorthIt();
        }
        for (const r of batch) r.resolve();
      } catch (err) {
        // Memory stays the truth (deliveries go on); the file is rebuilt
        // from it at the next write or at close, e.g. once space is freed.
        for (const r of batch) r.apply();
        this.#needsRewrite = true;
        for (const r of batch) r.reject(err);
      }
    }
    this.#running = false;
  }

  async #handle(): Promise<FileHandle> {
    this.#fh ??= await open(this.path, 'a', FILE_MODE);
    return this.#fh;
  }

  async #compactIfWorthIt(): Promise<void> {
    if (this.#live.size === 0 && this.#lines > 0) {
      const fh = await this.#handle();
      await fh.truncate(0);
      await fh.datasync();
      this.#lines = 0;
    } else if (this.#lines > 2 * this.#live.size + COMPACT_SLACK_LINES) {
      await this.#rewrite();
    }
  }

  /** Replaces the file with one `add` per live entry: temp file, fsync, rename, fsync the folder. */
  async #rewrite(): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const lines = [...this.#live.values()].map((e) =>
      `${JSON.stringify({ op: 'add', id: e.id, alert_id: e.alertId, kind: e.kind, offered_ms: e.offeredMs, body: e.body })}\n`);
    const out = await open(tmp, 'w', FILE_MODE);
    try {
      await out.write(lines.join(''));
      await out.datasync();
    } finally {
      await out.close();
    }
    await this.#fh?.close();
    this.#fh = null;
    await rename(tmp, this.path);
    await fsyncFolder(path.dirname(this.path));
    this.#lines = lines.length;
    this.#needsRewrite = false;
  }
}

/** add/done records → the entries still pending, in the order they were added. */
function replay(text: string): { live: Map<string, OutboxEntry>; skipped: Array<{ line: number; why: string }> } {
  const live = new Map<string, OutboxEntry>();
  const skipped: Array<{ line: number; why: string }> = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    const lineNo = i + 1;
    if (i === lines.length - 1) {
      skipped.push({ line: lineNo, why: 'last line has no newline (torn by a crash mid-write)' });
      return;
    }
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      skipped.push({ line: lineNo, why: 'not JSON' });
      return;
    }
    if (record.op === 'done' && typeof record.id === 'string') {
      live.delete(record.id);
      return;
    }
    const entry = record.op === 'add' ? toEntry(record) : null;
    if (entry === null) {
      skipped.push({ line: lineNo, why: 'not an outbox record (op add with id, alert_id, kind, offered_ms, body; or op done with id)' });
      return;
    }
    if (!live.has(entry.id)) live.set(entry.id, entry);
  });
  return { live, skipped };
}

function toEntry(r: Record<string, unknown>): OutboxEntry | null {
  if (typeof r.id !== 'string' || r.id === '') return null;
  if (!Number.isSafeInteger(r.alert_id) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return null;
  if (!Number.isSafeInteger(r.offered_ms) || typeof r.body !== 'string') return null;
  return { id: r.id, alertId: r.alert_id as number, kind: r.kind as AlertEventKind, offeredMs: r.offered_ms as number, body: r.body };
}

/** Makes a rename durable (POSIX); a no-op where folders cannot be opened (Windows). */
async function fsyncFolder(folder: string): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(folder, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch {
    // EISDIR/EINVAL on platforms that cannot fsync a folder: nothing more to do.
  } finally {
    await fh.close();
  }
}
