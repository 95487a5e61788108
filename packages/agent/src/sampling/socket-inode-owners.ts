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
 *    listed and only fd numbers not seen before are read; then fds that
 *    pointed at sockets which have since closed (the classic
 *    close-then-reconnect reuses that number: same name, new target).
 * 3. Still missing: before re-reading every cached link on the machine, ask
 *    the caller whether the socket still exists. A short-lived socket that
 *    closed between reading /proc/net and scanning fds is the common cause
 *    on a busy machine, and re-reading a /proc/net table is far cheaper than
 *    a full scan.
 * 4. Then the full scan, cheapest guesses first: fds that were not sockets
 *    (a file closed, a socket took its number), processes that own sockets
 *    before those that do not, and last dup()ed socket fds. It stops as soon
 *    as nothing is missing.
 * 5. An inode still without owner (a process this user may not read, or a
 *    socket in flight over a unix socket) gets pid 0 and is retried once more
 *    at the next sample, then left alone until it goes away, so one
 *    unreadable socket does not cost a full scan every sample.
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

/** Of these inodes, the ones still present in the socket tables. */
export type StillPresent = (inodes: ReadonlySet<number>) => ReadonlySet<number>;

const nodeProcFs: ProcFs = {
  readdirSync: (path) => readdirSync(path),
  readlinkSync: (path) => readlinkSync(path),
};

/** Full scans an inode without owner may cause before it is left at pid 0. */
const MAX_UNRESOLVED_SCANS = 2;

/** Below this many links to re-read, a full scan is cheaper than asking whether the sockets still exist. */
const RECHECK_ABOVE_LINKS = 64;

const SOCKET_LINK_PREFIX = 'socket:[';

/** One /proc/PID/fd/N link as last read. */
interface FdLink {
  /** Socket inode it pointed at, 0 for anything else. */
  inode: number;
  /** Scan in which the link was last read. */
  readIn: number;
  /** Scan in which the fd was last seen in its directory listing. */
  listedIn: number;
}

/** fd number (as named in the directory) → link. */
type FdTable = Map<string, FdLink>;

interface Owner {
  pid: number;
  fd: string;
}

interface Scan {
  id: number;
  missing: Set<number>;
  wanted: ReadonlySet<number>;
}

export class SocketInodeOwners {
  readonly #procRoot: string;
  readonly #fs: ProcFs;
  readonly #owners = new Map<number, Owner>();
  readonly #unresolvedScans = new Map<number, number>();
  readonly #fdTables = new Map<number, FdTable>();
  #scanId = 0;

  constructor(procRoot = '/proc', fs: ProcFs = nodeProcFs) {
    this.#procRoot = procRoot.endsWith('/') ? procRoot.slice(0, -1) : procRoot;
    this.#fs = fs;
  }

  /**
   * Owners of `inodes` (the non-zero inodes of one sample), as a map from
   * inode to pid; an inode whose owner cannot be found maps to 0. Never throws
   * for unreadable or vanished processes. `stillPresent`, when given, is
   * asked before a full scan (step 3 above).
   */
  resolve(inodes: ReadonlySet<number>, stillPresent?: StillPresent): ReadonlyMap<number, number> {
    const livePids = this.#listPids();

    // Forget sockets that closed, keeping their fds: the likeliest place for a new socket.
    const freedFds: Owner[] = [];
    for (const [inode, owner] of this.#owners) {
      if (!inodes.has(inode)) {
        this.#owners.delete(inode);
        freedFds.push(owner);
      } else if (!livePids.has(owner.pid)) {
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
      const searched = new Set(missing);
      this.#scan(livePids, { id: ++this.#scanId, missing, wanted: inodes }, freedFds, stillPresent);
      for (const inode of searched) {
        if (this.#owners.has(inode)) this.#unresolvedScans.delete(inode);
        else this.#unresolvedScans.set(inode, (this.#unresolvedScans.get(inode) ?? 0) + 1);
      }
    }

    const result = new Map<number, number>();
    for (const inode of inodes) result.set(inode, this.#owners.get(inode)?.pid ?? 0);
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

  #scan(livePids: Set<number>, scan: Scan, freedFds: readonly Owner[], stillPresent: StillPresent | undefined): void {
    const { missing } = scan;

    // Fds whose socket closed since the last sample (close, then reconnect on the same number).
    for (const { pid, fd } of freedFds) {
      const table = this.#fdTables.get(pid);
      if (table?.has(fd) !== true) continue;
      this.#readLink(pid, fd, table, scan);
      if (missing.size === 0) return;
    }

    // New fd numbers, in processes that just closed sockets or own some first.
    const active = new Set<number>();
    for (const { pid } of freedFds) active.add(pid);
    const owning = new Set<number>();
    for (const { pid } of this.#owners.values()) owning.add(pid);
    const rank = (pid: number): number => (active.has(pid) ? 0 : owning.has(pid) ? 1 : 2);
    const order = [...livePids].sort((a, b) => rank(a) - rank(b));
    const listed: number[] = [];
    for (const pid of order) {
      if (this.#listFds(pid, scan)) listed.push(pid);
      if (missing.size === 0) return;
    }

    if (stillPresent !== undefined && this.#linksLeftToRead(listed, scan) > RECHECK_ABOVE_LINKS) {
      const present = stillPresent(missing);
      for (const inode of [...missing]) if (!present.has(inode)) missing.delete(inode);
      if (missing.size === 0) return;
    }

    // Full scan: links that were not sockets (a file closed, a socket took its number), then dup()ed sockets.
    if (this.#rereadLinks(listed, scan, false)) return;
    this.#rereadLinks(listed, scan, true);
  }

  /** Lists one process's fds, reading links it has not seen; false if the directory is unreadable. */
  #listFds(pid: number, scan: Scan): boolean {
    let names: string[];
    try {
      names = this.#fs.readdirSync(`${this.#procRoot}/${pid}/fd`);
    } catch {
      this.#fdTables.delete(pid); // exited, or not ours to read
      return false;
    }
    let table = this.#fdTables.get(pid);
    if (table === undefined) {
      table = new Map();
      this.#fdTables.set(pid, table);
    }
    for (const name of names) {
      const link = table.get(name);
      if (link !== undefined) link.listedIn = scan.id;
      else this.#readLink(pid, name, table, scan);
    }
    for (const [name, link] of table) if (link.listedIn !== scan.id) table.delete(name);
    return true;
  }

  /** Re-reads cached links not read in this scan, non-socket or socket ones; true once nothing is missing. */
  #rereadLinks(pids: readonly number[], scan: Scan, sockets: boolean): boolean {
    for (const pid of pids) {
      const table = this.#fdTables.get(pid);
      if (table === undefined) continue;
      for (const [name, link] of table) {
        if (link.readIn === scan.id || (link.inode !== 0) !== sockets) continue;
        this.#readLink(pid, name, table, scan);
        if (scan.missing.size === 0) return true;
      }
    }
    return false;
  }

  #linksLeftToRead(pids: readonly number[], scan: Scan): number {
    let n = 0;
    for (const pid of pids) for (const link of this.#fdTables.get(pid)?.values() ?? []) if (link.readIn !== scan.id) n++;
    return n;
  }

  #readLink(pid: number, name: string, table: FdTable, scan: Scan): void {
    let target: string;
    try {
      target = this.#fs.readlinkSync(`${this.#procRoot}/${pid}/fd/${name}`);
    } catch {
      table.delete(name); // closed between readdir and readlink
      return;
    }
    const inode = parseSocketLink(target);
    table.set(name, { inode, readIn: scan.id, listedIn: scan.id });
    if (inode === 0 || !scan.wanted.has(inode) || this.#owners.has(inode)) return;
    this.#owners.set(inode, { pid, fd: name });
    scan.missing.delete(inode);
  }
}

/** Inode of a "socket:[12345]" link target, 0 for any other target. */
export function parseSocketLink(target: string): number {
  if (!target.startsWith(SOCKET_LINK_PREFIX) || !target.endsWith(']')) return 0;
  const n = Number(target.slice(SOCKET_LINK_PREFIX.length, -1));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
