import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AgentError } from '../errors.js';
import { writeFileAtomic } from '../spool/atomic-write.js';

export interface ReplayGuardOptions {
  /** Ids remembered at most (default 10 000); beyond it the oldest is forgotten and the floor rises. */
  maxEntries?: number;
  /**
   * How long after its deadline (plus skew) an id is still kept, ms
   * (default 1 h): the expiry check refuses it by then, and the margin
   * covers an agent clock that steps back.
   */
  retainAfterDeadlineMs?: number;
  /** The skew allowance of the expiry check, ms. Required. */
  clockSkewMs: number;
}

export type Admission = { ok: true } | { ok: false; message: string; persisted: boolean };

interface SeenFile {
  version: 1;
  /** Commands issued at or before this were possibly accepted and since forgotten: all refused. */
  floorIssuedAtMs: number;
  /** id → [issuedAtMs, deadlineMs]. */
  seen: Record<string, [number, number]>;
}

/**
 * Which command ids this agent has accepted, kept on disk so that a restart
 * does not reopen replay. An id stays until well after its deadline (the
 * expiry check refuses it from then on).
 *
 * Bounded without opening a hole: when full, the entry issued earliest is
 * forgotten and the "floor" rises to its issue time; every command issued
 * at or before the floor is refused as a possible replay from then on. A
 * file that cannot be read back sets the floor to "now + skew" for the same
 * reason: every command the agent could have accepted before is refused.
 * Only ids of genuine commands (signature and deadline checked) get here,
 * so a forger cannot fill it.
 */
export class ReplayGuard {
  readonly path: string;
  readonly #maxEntries: number;
  readonly #retainMs: number;
  readonly #seen = new Map<string, [number, number]>();
  #floor = 0;

  private constructor(path: string, options: ReplayGuardOptions) {
    this.path = path;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#retainMs = options.clockSkewMs + (options.retainAfterDeadlineMs ?? 3_600_000);
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) {
      throw new AgentError('AGENT_E_CONFIG', `replay guard maxEntries: must be a positive integer, got ${this.#maxEntries}`);
    }
  }

  /**
   * Loads `path` (absent: nothing seen yet). An unreadable or malformed file
   * is not fatal: the floor rises (see the class comment) and `recovered`
   * says why, for the caller to log. Throws AGENT_E_STATE only when the
   * directory itself cannot be created.
   */
  static open(path: string, nowMs: number, options: ReplayGuardOptions): { guard: ReplayGuard; recovered?: string } {
    const guard = new ReplayGuard(path, options);
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch (cause) {
      throw new AgentError('AGENT_E_STATE', `live-response state ${dirname(path)}: cannot create: ${(cause as Error).message}`, { cause });
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { guard };
      guard.#floor = nowMs + options.clockSkewMs;
      return { guard, recovered: `cannot read ${path}: ${(err as Error).message}` };
    }
    const problem = guard.#load(text);
    if (problem === undefined) return { guard };
    guard.#seen.clear();
    guard.#floor = nowMs + options.clockSkewMs;
    return { guard, recovered: `${path}: ${problem}` };
  }

  /** Ids currently remembered. */
  get size(): number {
    return this.#seen.size;
  }

  /** Commands issued at or before this are refused. */
  get floorIssuedAtMs(): number {
    return this.#floor;
  }

  /**
   * Accepts `id` once: records it and writes the file before answering, so
   * the command runs only if its id survives a crash. A second call with
   * the same id is refused. If the write fails the id is still refused from
   * now on in this process, and the command must not run (persisted false).
   */
  admit(id: string, issuedAtMs: number, deadlineMs: number, nowMs: number): Admission {
    if (this.#seen.has(id)) return { ok: false, persisted: true, message: `command id ${id} was already accepted by this agent` };
    if (issuedAtMs <= this.#floor) {
      return { ok: false, persisted: true,
        message: `command issued ${new Date(issuedAtMs).toISOString()}, at or before ${new Date(this.#floor).toISOString()}: older than this agent can still check for replay` };
    }
    this.#prune(nowMs);
    this.#seen.set(id, [issuedAtMs, deadlineMs]);
    while (this.#seen.size > this.#maxEntries) this.#evictOldest();
    try {
      writeFileAtomic(this.path, this.#serialise());
    } catch (err) {
      return { ok: false, persisted: false, message: `cannot record command id in ${this.path}: ${(err as Error).message}` };
    }
    return { ok: true };
  }

  #prune(nowMs: number): void {
    for (const [id, [, deadline]] of this.#seen) {
      if (nowMs > deadline + this.#retainMs) this.#seen.delete(id);
    }
  }

  #evictOldest(): void {
    let oldestId: string | undefined;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [id, [issued]] of this.#seen) {
      if (issued < oldest) {
        oldest = issued;
        oldestId = id;
      }
    }
    if (oldestId === undefined) return;
    this.#seen.delete(oldestId);
    this.#floor = Math.max(this.#floor, oldest);
  }

  #serialise(): string {
    const file: SeenFile = { version: 1, floorIssuedAtMs: this.#floor, seen: Object.fromEntries(this.#seen) };
    return `${JSON.stringify(file)}\n`;
  }

  /** Fills the map from the file's text; returns what is wrong with it, if anything. */
  #load(text: string): string | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return `not valid JSON: ${(err as Error).message}`;
    }
    const file = value as Partial<SeenFile> | null;
    if (file === null || typeof file !== 'object' || file.version !== 1) return 'not a version 1 seen-commands file';
    if (!Number.isSafeInteger(file.floorIssuedAtMs)) return 'floorIssuedAtMs is not an integer';
    if (file.seen === null || typeof file.seen !== 'object' || Array.isArray(file.seen)) return '"seen" is not an object';
    for (const [id, entry] of Object.entries(file.seen)) {
      if (!Array.isArray(entry) || entry.length !== 2 || !entry.every((n) => Number.isSafeInteger(n))) {
        return `entry ${JSON.stringify(id)} is not [issuedAtMs, deadlineMs]`;
      }
      this.#seen.set(id, [entry[0], entry[1]]);
    }
    this.#floor = file.floorIssuedAtMs!;
    return undefined;
  }
}
