import { readdirSync, readlinkSync } from 'node:fs';

/**
 * Which process holds a socket inode, from the /proc/PID/fd symlinks
 * ("socket:[12345]"). Reading every link of every process each sample is what
 * makes `ss -p` and lsof expensive, so the links are cached per process and
 * only re-read when a socket in the sample has no known owner:
 *
 * 1. Owners are remembered per inode. A sample whose inodes are all known (the
 *    steady state) costs one readdir of the proc root (to notice owners that
 *    exited) and no readlink at all.
 * 2. An unknown inode triggers a scan. First each process's fd directory is
 *    listed and only fd numbers not seen before are read.
 * 3. A socket that reuses a closed fd number hides from (2): same name, new
 *    target. Any inode still missing makes the scan re-read cached links too,
 *    cheapest guesses first: fds that pointed at sockets which have since
 *    closed (the classic close-then-reconnect), then fds that were not
 *    sockets, then the rest. The scan stops as soon as nothing is missing.
 * 4. An inode still without owner after a full scan (a process this user may
 *    not read, or a socket in flight over a unix socket) gets pid 0 and is
 *    retried once more at the next sample, then left alone until it goes away,
 *    so one unreadable socket does not cost a full scan every sample.
 *
 * Inodes are unique while the socket lives, so a cached owner stays right
 * until the socket closes; the one thing it can miss is ownership moving to
 * another process (fork, then the parent closes), where the first owner is
 * kept, which is the process that opened it.
 */

/** The two calls the index makes; tests pass a counting wrapper. */
export interface ProcFs {
  readdirSync(path: string): string[];
  readlinkSync(path: string): string;
}

const nodeProcFs: ProcFs = {
  readdirSync: (path) => readdirSync(path),
  readlinkSync: (path) => readlinkSync(path),
};

/** Full scans an inode without owner may cause before it is left at pid 0. */
const MAX_UNRESOLVED_SCANS = 2;

const SOCKET_LINK_PREFIX = 'socket:[';

interface FdTable {
  /** fd number (as named in the directory) → socket inode, 0 for anything else. */
  links: Map<string, number>;
  /** Scan generation in which each link was last read. */
  readAt: Map<string, number>;
}

export class SocketInodeOwners {
  readonly #procRoot: string;
  readonly #fs: ProcFs;
  readonly #owners = new Map<number, number>();
  readonly #unresolvedScans = new Map<number, number>();
  readonly #fdTables = new Map<number, FdTable>();
  #generation = 0;

  constructor(procRoot = '/proc', fs: ProcFs = nodeProcFs) {
    this.#procRoot = procRoot.endsWith('/') ? procRoot.slice(0, -1) : procRoot;
    this.#fs = fs;
  }

  /**
   * Owners of `inodes` (the non-zero inodes of one sample), as a map from
   * inode to pid; an inode whose owner cannot be found maps to 0. Never throws
   * for unreadable or vanished processes.
   */
  resolve(inodes: ReadonlySet<number>): ReadonlyMap<number, number> {
    const livePids = this.#listPids();

    // Forget sockets that closed; remember who owned them (their fds are the likeliest to be reused).
    const closedOwners = new Set<number>();
    for (const [inode, pid] of this.#owners) {
      if (!inodes.has(inode)) {
        this.#owners.delete(inode);
        closedOwners.add(pid);
      } else if (!livePids.has(pid)) {
        this.#owners.delete(inode);
      }
    }
    for (const inode of this.#unresolvedScans.keys()) if (!inodes.has(inode)) this.#unresolvedScans.delete(inode);
    for (const pid of this.#fdTables.keys()) if (!livePids.has(pid)) this.#fdTables.delete(pid);

    const missing = new Set<number>();
    for (const inode of inodes) {
      if (inode === 0 || this.#owners.has(inode)) continue;
      if ((this.#unresolvedScans.get(inode) ?? 0) >= MAX_UNRESOLVED_SCANS) continue;
      missing.add(inode);
    }
    if (missing.size > 0) {
      const toRetry = new Set(missing);
      this.#scan(livePids, missing, inodes, closedOwners);
      for (const inode of toRetry) {
        if (missing.has(inode)) this.#unresolvedScans.set(inode, (this.#unresolvedScans.get(inode) ?? 0) + 1);
        else this.#unresolvedScans.delete(inode);
      }
    }

    const result = new Map<number, number>();
    for (const inode of inodes) result.set(inode, this.#owners.get(inode) ?? 0);
    return result;
  }

  #listPids(): Set<number> {
    const pids = new Set<number>();
    let names: string[];
    try {
      names = this.#fs.readdirSync(this.#procRoot);
    } catch {
      return pids;
    }
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 0x30 || c > 0x39) continue;
      const pid = Number(name);
      if (Number.isInteger(pid) && pid > 0) pids.add(pid);
    }
    return pids;
  }

  #scan(livePids: Set<number>, missing: Set<number>, wanted: ReadonlySet<number>, closedOwners: Set<number>): void {
    const generation = ++this.#generation;
    const listed: number[] = [];

    // (2) New fd numbers only.
    for (const pid of livePids) {
      let names: string[];
      try {
        names = this.#fs.readdirSync(`${this.#procRoot}/${pid}/fd`);
      } catch {
        this.#fdTables.delete(pid); // exited, or not ours to read
        continue;
      }
      listed.push(pid);
      const old = this.#fdTables.get(pid);
      const table: FdTable = { links: new Map(), readAt: new Map() };
      for (const name of names) {
        const cached = old?.links.get(name);
        if (cached !== undefined) {
          table.links.set(name, cached);
          table.readAt.set(name, old?.readAt.get(name) ?? 0);
          continue;
        }
        this.#readLink(pid, name, table, generation, missing, wanted);
      }
      this.#fdTables.set(pid, table);
      if (missing.size === 0) return;
    }

    // (3) Re-read cached links, cheapest guesses first.
    const order = [...listed].sort((a, b) => Number(closedOwners.has(b)) - Number(closedOwners.has(a)));
    const passes: Array<(inode: number) => boolean> = [
      (inode) => inode !== 0 && !wanted.has(inode), // socket that closed: its number is free for reuse
      (inode) => inode === 0, // was not a socket
      (inode) => inode !== 0 && wanted.has(inode), // dup()ed or shared socket fds
    ];
    for (const pass of passes) {
      for (const pid of order) {
        const table = this.#fdTables.get(pid);
        if (table === undefined) continue;
        for (const [name, inode] of table.links) {
          if (table.readAt.get(name) === generation || !pass(inode)) continue;
          this.#readLink(pid, name, table, generation, missing, wanted);
          if (missing.size === 0) return;
        }
      }
    }
  }

  #readLink(
    pid: number,
    name: string,
    table: FdTable,
    generation: number,
    missing: Set<number>,
    wanted: ReadonlySet<number>,
  ): void {
    let target: string;
    try {
      target = this.#fs.readlinkSync(`${this.#procRoot}/${pid}/fd/${name}`);
    } catch {
      table.links.delete(name); // closed between readdir and readlink
      table.readAt.delete(name);
      return;
    }
    const inode = parseSocketLink(target);
    table.links.set(name, inode);
    table.readAt.set(name, generation);
    if (inode === 0 || !wanted.has(inode) || this.#owners.has(inode)) return;
    this.#owners.set(inode, pid);
    missing.delete(inode);
  }
}

/** Inode of a "socket:[12345]" link target, 0 for any other target. */
export function parseSocketLink(target: string): number {
  if (!target.startsWith(SOCKET_LINK_PREFIX) || !target.endsWith(']')) return 0;
  const n = Number(target.slice(SOCKET_LINK_PREFIX.length, -1));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
