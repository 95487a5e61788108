import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** Digests of one executable, or why there are none (then both digests are ""). */
export interface FileHashes {
  sha256: string;
  md5: string;
  hashError: string;
}

/** The hashError strings, stable: the collector shows and searches them. */
export const HASH_ERROR = {
  tooLarge: 'too large',
  permissionDenied: 'permission denied',
  deleted: 'deleted',
  notRegularFile: 'not a regular file',
  noPath: 'no executable path',
} as const;

/** The two file operations the hasher needs; injectable so tests can count opens. */
export interface HasherFs {
  stat(path: string): Promise<Stats>;
  open(path: string): Promise<FileHandle>;
}

export interface ExecutableHasherOptions {
  /** Files larger than this are not hashed ("too large"), bytes (default 512 MiB). */
  maxBytes?: number;
  /** Files hashed at the same time (default 1: hashing competes with the user's own work). */
  concurrency?: number;
  /** Results remembered (default 4096). */
  maxCacheEntries?: number;
  /** Read size, bytes (default 1 MiB). */
  chunkBytes?: number;
  fs?: HasherFs;
}

export interface HashRequest {
  /**
   * Read the bytes from here instead of `path`: Linux's /proc/PID/exe, which
   * opens the image the process is actually running even when the file at
   * `path` was deleted or replaced after it started (and works across mount
   * namespaces). If it cannot be opened (the process exited), `path` is read.
   */
  readFrom?: string;
}

const defaultFs: HasherFs = { stat: (path) => stat(path), open: (path) => open(path, 'r') };

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function failure(hashError: string): FileHashes {
  return { sha256: '', md5: '', hashError };
}

/** An OS error → the hashError an analyst reads. */
export function hashErrorFor(err: unknown): string {
  switch (errnoCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ESRCH':
      return HASH_ERROR.deleted;
    case 'EACCES':
    case 'EPERM':
      return HASH_ERROR.permissionDenied;
    default: {
      const code = errnoCode(err);
      return `read failed: ${code ?? (err instanceof Error ? err.message : String(err))}`;
    }
  }
}

/** Errors after which the other candidate file may still work. */
function worthFallingBack(result: FileHashes): boolean {
  return result.hashError === HASH_ERROR.deleted || result.hashError === HASH_ERROR.permissionDenied;
}

/**
 * The identity of a file's content as far as stat can tell. `path` is the
 * executable's path, not /proc/PID/exe, so every process of one binary
 * shares one entry; dev+ino+size+mtime tell a replaced file from the old one.
 */
function cacheKey(path: string, st: Stats): string {
  return `${path}\0${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
}

/**
 * sha256 and md5 of executables in one streaming read each, cached by file
 * identity, a bounded number of files at a time. Never throws: failures come
 * back as hashError. Streaming in chunks keeps the event loop free while a
 * large file is read.
 */
export class ExecutableHasher {
  readonly #maxBytes: number;
  readonly #concurrency: number;
  readonly #maxCacheEntries: number;
  readonly #chunkBytes: number;
  readonly #fs: HasherFs;
  readonly #cache = new Map<string, FileHashes>();
  readonly #inFlight = new Map<string, Promise<FileHashes>>();
  readonly #waiting: Array<() => void> = [];
  #running = 0;

  constructor(options: ExecutableHasherOptions = {}) {
    this.#maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
    this.#concurrency = options.concurrency ?? 1;
    this.#maxCacheEntries = options.maxCacheEntries ?? 4096;
    this.#chunkBytes = options.chunkBytes ?? 1024 * 1024;
    this.#fs = options.fs ?? defaultFs;
    for (const [name, value] of [['maxBytes', this.#maxBytes], ['concurrency', this.#concurrency], ['maxCacheEntries', this.#maxCacheEntries], ['chunkBytes', this.#chunkBytes]] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`ExecutableHasher: ${name} must be a positive integer, got ${value}`);
    }
  }

  /** Results currently cached. */
  get cacheSize(): number {
    return this.#cache.size;
  }

  async hash(path: string, request: HashRequest = {}): Promise<FileHashes> {
    const candidates = [request.readFrom, path].filter((p): p is string => p !== undefined && p !== '');
    if (candidates.length === 0) return failure(HASH_ERROR.noPath);
    const keyPath = path !== '' ? path : candidates[0]!;
    let result = failure(HASH_ERROR.noPath);
    for (const source of candidates) {
      result = await this.#hashFile(source, keyPath);
      if (!worthFallingBack(result)) break;
    }
    return result;
  }

  async #hashFile(source: string, keyPath: string): Promise<FileHashes> {
    let st: Stats;
    try {
      st = await this.#fs.stat(source);
    } catch (err) {
      return failure(hashErrorFor(err));
    }
    if (!st.isFile()) return failure(HASH_ERROR.notRegularFile);
    if (st.size > this.#maxBytes) return failure(HASH_ERROR.tooLarge);
    const key = cacheKey(keyPath, st);
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    let pending = this.#inFlight.get(key);
    if (pending === undefined) {
      pending = this.#withSlot(() => this.#read(source, keyPath)).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  async #read(source: string, keyPath: string): Promise<FileHashes> {
    let handle: FileHandle;
    try {
      handle = await this.#fs.open(source);
    } catch (err) {
      return failure(hashErrorFor(err));
    }
    try {
      // The file may have changed between stat and open: key the result by what was actually opened.
      const st = await handle.stat();
      const key = cacheKey(keyPath, st);
      if (st.size > this.#maxBytes) return failure(HASH_ERROR.tooLarge);
      const sha256 = createHash('sha256');
      const md5 = createHash('md5');
      let bytes = 0;
      for await (const chunk of handle.createReadStream({ highWaterMark: this.#chunkBytes, autoClose: false, start: 0 }) as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > this.#maxBytes) return failure(HASH_ERROR.tooLarge);
        sha256.update(chunk);
        md5.update(chunk);
      }
      const result: FileHashes = { sha256: sha256.digest('hex'), md5: md5.digest('hex'), hashError: '' };
      this.#remember(key, result);
      return result;
    } catch (err) {
      return failure(hashErrorFor(err));
    } finally {
      await handle.close().catch(() => {});
    }
  }

  #remember(key: string, result: FileHashes): void {
    this.#cache.set(key, result);
    while (this.#cache.size > this.#maxCacheEntries) {
      const oldest = this.#cache.keys().next().value as string;
      this.#cache.delete(oldest);
    }
  }

  async #withSlot<T>(work: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a
    // newcomer cannot slip in between and exceed the limit.
    if (this.#running >= this.#concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#running--;
    }
  }
}
