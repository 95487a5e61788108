import type { Logger } from 'pino';
import type { FileHashes, HashRequest } from './hasher.js';
import { processGuid } from './process-guid.js';
import type { ProcessSnapshot, ProcessSource } from './process-source.js';
import type { ProcessRecord } from './types.js';

/** A catalogued process: the wire record plus what the agent knows beside it. */
export interface ObservedProcess extends ProcessRecord {
  /** The executable was deleted or replaced after the process started (hashes are of the running image where it could be read). */
  exeDeleted: boolean;
  /** When the agent first saw this process (the nowMs of the first resolve). */
  observedAtMs: number;
}

export interface ProcessCatalogOptions {
  source: ProcessSource;
  hasher: { hash(path: string, request?: HashRequest): Promise<FileHashes> };
  /** The agent's install id (random, kept in its state dir): the GUID namespace. */
  installId: string;
  /**
   * Called once per new (pid, start time), after hashing, off the resolve
   * path: the agent sends ProcessInfo here. Must not throw (it is caught and logged).
   */
  onNewProcess: (process: ObservedProcess) => void;
  /** Processes kept; least recently resolved go first (default 8192). */
  maxEntries?: number;
  /** Processes waiting for their hash; beyond it a process is announced unhashed ("hash queue full") (default 1024). */
  maxPendingHashes?: number;
  log?: Pick<Logger, 'warn'>;
}

interface Entry {
  process: ObservedProcess;
}

/**
 * Which process holds a pid now, cached per (pid, start time).
 *
 * resolve() costs one small read (the start time) for a known process, so it
 * can sit on the sampling hot path; a pid whose start time changed was reused
 * and is read afresh under a new GUID. Hashing runs behind, bounded; each new
 * process is announced exactly once while it stays in the catalog. If it is
 * pushed out by the memory bound and seen again, it is announced again with
 * the same GUID (GUIDs are deterministic), which the collector absorbs.
 */
export class ProcessCatalog {
  readonly #source: ProcessSource;
  readonly #hasher: ProcessCatalogOptions['hasher'];
  readonly #installId: string;
  readonly #onNewProcess: (process: ObservedProcess) => void;
  readonly #maxEntries: number;
  readonly #maxPendingHashes: number;
  readonly #log: Pick<Logger, 'warn'> | undefined;
  /** Insertion order is recency order: a resolve moves its entry to the end. */
  readonly #byPid = new Map<number, Entry>();
  readonly #reading = new Map<string, Promise<ObservedProcess | null>>();
  readonly #hashing = new Set<Promise<void>>();

  constructor(options: ProcessCatalogOptions) {
    if (options.installId === '') throw new TypeError('ProcessCatalog: installId must not be empty');
    this.#source = options.source;
    this.#hasher = options.hasher;
    this.#installId = options.installId;
    this.#onNewProcess = options.onNewProcess;
    this.#maxEntries = options.maxEntries ?? 8192;
    this.#maxPendingHashes = options.maxPendingHashes ?? 1024;
    this.#log = options.log;
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) throw new RangeError(`ProcessCatalog: maxEntries must be a positive integer, got ${this.#maxEntries}`);
    if (!Number.isInteger(this.#maxPendingHashes) || this.#maxPendingHashes < 0) {
      throw new RangeError(`ProcessCatalog: maxPendingHashes must be a non-negative integer, got ${this.#maxPendingHashes}`);
    }
  }

  /** Processes cached. */
  get size(): number {
    return this.#byPid.size;
  }

  /** Processes whose hash is still being computed. */
  get pendingHashes(): number {
    return this.#hashing.size;
  }

  /** The cached record for pid, without any I/O or pid-reuse check. */
  cached(pid: number): ObservedProcess | undefined {
    return this.#byPid.get(pid)?.process;
  }

  /** The process holding `pid` now, or null if none (or it could not be read). Never throws. */
  async resolve(pid: number, nowMs: number): Promise<ObservedProcess | null> {
    if (!Number.isInteger(pid) || pid <= 0) return null;
    let startTimeMs: number | null;
    try {
      startTimeMs = await this.#source.startTimeMs(pid);
    } catch (err) {
      this.#log?.warn({ err, pid }, 'process start time unreadable');
      return null;
    }
    if (startTimeMs === null) {
      this.#byPid.delete(pid);
      return null;
    }
    const known = this.#lookup(pid, startTimeMs);
    if (known !== undefined) return known;

    const key = `${pid}:${startTimeMs}`;
    let reading = this.#reading.get(key);
    if (reading === undefined) {
      reading = this.#readNew(pid, nowMs).finally(() => this.#reading.delete(key));
      this.#reading.set(key, reading);
    }
    return reading;
  }

  /** Drops every cached process whose pid is not live. Returns how many were dropped. Pending hashes still complete and announce. */
  sweep(livePids: Iterable<number>): number {
    const live = livePids instanceof Set ? (livePids as Set<number>) : new Set(livePids);
    let dropped = 0;
    for (const pid of [...this.#byPid.keys()]) {
      if (!live.has(pid)) {
        this.#byPid.delete(pid);
        dropped++;
      }
    }
    return dropped;
  }

  /** Resolves once every queued hash has finished and been announced (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.#hashing.size > 0 || this.#reading.size > 0) {
      await Promise.all([...this.#hashing, ...this.#reading.values()]);
    }
  }

  #lookup(pid: number, startTimeMs: number): ObservedProcess | undefined {
    const entry = this.#byPid.get(pid);
    if (entry === undefined) return undefined;
    if (Math.abs(entry.process.startTimeMs - startTimeMs) > this.#source.startTimeToleranceMs) return undefined;
    this.#byPid.delete(pid);
    this.#byPid.set(pid, entry);
    return entry.process;
  }

  async #readNew(pid: number, nowMs: number): Promise<ObservedProcess | null> {
    let snapshot: ProcessSnapshot | null;
    try {
      snapshot = await this.#source.read(pid);
    } catch (err) {
      this.#log?.warn({ err, pid }, 'process unreadable');
      return null;
    }
    if (snapshot === null) {
      this.#byPid.delete(pid);
      return null;
    }
    // The pid may have been reused between the start-time read and this one.
    const known = this.#lookup(pid, snapshot.startTimeMs);
    if (known !== undefined) return known;

    const process: ObservedProcess = Object.freeze({
      processGuid: processGuid(this.#installId, pid, snapshot.startTimeMs),
      pid,
      ppid: snapshot.ppid,
      startTimeMs: snapshot.startTimeMs,
      name: snapshot.name,
      path: snapshot.path,
      argv: Object.freeze([...snapshot.argv]) as string[],
      cmdline: snapshot.cmdline,
      username: snapshot.username,
      uid: snapshot.uid,
      sha256: '',
      md5: '',
      hashError: '',
      exeDeleted: snapshot.exeDeleted,
      observedAtMs: nowMs,
    });
    this.#byPid.delete(pid);
    this.#byPid.set(pid, { process });
    while (this.#byPid.size > this.#maxEntries) this.#byPid.delete(this.#byPid.keys().next().value as number);
    this.#queueHash(process, snapshot);
    return process;
  }

  #queueHash(process: ObservedProcess, snapshot: ProcessSnapshot): void {
    let hashes: Promise<FileHashes>;
    if (snapshot.path === '' && snapshot.imagePath === '') {
      hashes = Promise.resolve({ sha256: '', md5: '', hashError: snapshot.pathError || 'no executable path' });
    } else if (this.#hashing.size >= this.#maxPendingHashes) {
      hashes = Promise.resolve({ sha256: '', md5: '', hashError: 'hash queue full' });
    } else {
      hashes = this.#hasher
        .hash(snapshot.path, snapshot.imagePath === '' ? {} : { readFrom: snapshot.imagePath })
        .catch((err: unknown) => ({ sha256: '', md5: '', hashError: `hash failed: ${err instanceof Error ? err.message : String(err)}` }));
    }
    const job = hashes.then((result) => this.#announce(process, result));
    this.#hashing.add(job);
    void job.finally(() => this.#hashing.delete(job));
  }

  #announce(process: ObservedProcess, hashes: FileHashes): void {
    const hashed: ObservedProcess = Object.freeze({ ...process, sha256: hashes.sha256, md5: hashes.md5, hashError: hashes.hashError });
    const entry = this.#byPid.get(process.pid);
    if (entry !== undefined && entry.process.processGuid === process.processGuid) entry.process = hashed;
    try {
      this.#onNewProcess(hashed);
    } catch (err) {
      this.#log?.warn({ err, pid: process.pid, processGuid: process.processGuid }, 'onNewProcess threw');
    }
  }
}
