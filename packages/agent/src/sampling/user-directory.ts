import { readFile } from 'node:fs/promises';

/** uid → user name from passwd(5) text. Malformed lines are skipped; the first entry for a uid wins, as getpwuid does. */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const fields = line.split(':');
    const name = fields[0];
    const uidText = fields[2];
    if (name === undefined || name === '' || uidText === undefined || !/^\d+$/.test(uidText)) continue;
    const uid = Number(uidText);
    if (!users.has(uid)) users.set(uid, name);
  }
  return users;
}

export interface UserDirectoryOptions {
  /** passwd file (default /etc/passwd). */
  path?: string;
  /** Least time between two re-reads caused by an unknown uid, ms (default 30 000). */
  reloadIntervalMs?: number;
  /** Clock, injectable for tests (default Date.now). */
  now?: () => number;
  readText?: (path: string) => Promise<string>;
}

/**
 * Names uids from /etc/passwd, read once and kept. An unknown uid re-reads
 * the file (a user added since), at most once per reloadIntervalMs so a
 * directory-service uid that is never in the file costs nothing. Names it
 * cannot find are the decimal uid, as ps prints them.
 */
export class UserDirectory {
  readonly #path: string;
  readonly #reloadIntervalMs: number;
  readonly #now: () => number;
  readonly #readText: (path: string) => Promise<string>;
  #users = new Map<number, string>();
  #loadedAtMs = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;

  constructor(options: UserDirectoryOptions = {}) {
    this.#path = options.path ?? '/etc/passwd';
    this.#reloadIntervalMs = options.reloadIntervalMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#readText = options.readText ?? ((path) => readFile(path, 'utf8'));
  }

  async username(uid: number): Promise<string> {
    const known = this.#users.get(uid);
    if (known !== undefined) return known;
    if (this.#now() - this.#loadedAtMs >= this.#reloadIntervalMs) await this.#reload();
    return this.#users.get(uid) ?? String(uid);
  }

  #reload(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        this.#users = parsePasswd(await this.#readText(this.#path));
      } catch {
        // Unreadable passwd: keep what we had; names fall back to numbers.
      } finally {
        this.#loadedAtMs = this.#now();
        this.#loading = null;
      }
    })();
    return this.#loading;
  }
}
