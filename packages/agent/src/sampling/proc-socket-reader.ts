import { readFileSync } from 'node:fs';
import { createAddressFilter, type SocketFilter } from './address-filter.js';
import { collectProcNetInodes, parseProcNetTable } from './proc-net-table.js';
import { AgentError } from '../errors.js';
import { SocketInodeOwners } from './socket-inode-owners.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * One synchronous pass over /proc: the four socket tables, the address
 * filter, then inode → pid. Synchronous on purpose: it runs inside the
 * sampler's worker thread (linux-socket-sampler-worker.ts), where blocking
 * costs nothing and avoids a promise per file and per fd link.
 */

export interface ProcSocketReaderOptions {
  /** Root of the proc filesystem. Default "/proc"; tests point it at a fake tree. */
  procRoot?: string;
  /** Drop sockets whose local or remote address is in one of these CIDRs. Default none. */
  excludeCidrs?: readonly string[];
}

const TABLES: ReadonlyArray<{ file: string; protocol: SocketProtocol; family: 4 | 6 }> = [
  { file: 'tcp', protocol: 'tcp', family: 4 },
  { file: 'tcp6', protocol: 'tcp', family: 6 },
  { file: 'udp', protocol: 'udp', family: 4 },
  { file: 'udp6', protocol: 'udp', family: 6 },
];

export class ProcSocketReader {
  readonly #procRoot: string;
  readonly #keep: SocketFilter;
  readonly #owners: SocketInodeOwners;

  constructor(options: ProcSocketReaderOptions = {}) {
    this.#procRoot = options.procRoot ?? '/proc';
    this.#keep = createAddressFilter(options.excludeCidrs);
    this.#owners = new SocketInodeOwners(this.#procRoot);
  }

  /** Every socket with its pid (0 when unknown). Throws AGENT_E_SAMPLER_FAILED when /proc/net/tcp is unreadable. */
  read(): SocketRecord[] {
    const records: SocketRecord[] = [];
    const inodes = new Set<number>();
    /** Which table each wanted inode came from, to re-read only those when asked whether they still exist. */
    const tableOf = new Map<number, string>();
    for (const table of TABLES) {
      const path = `${this.#procRoot}/net/${table.file}`;
      const text = this.#readTable(path, table.family);
      if (text === null) continue; // IPv6 disabled
      for (const record of parseProcNetTable(text, { protocol: table.protocol, family: table.family, source: path })) {
        if (!this.#keep(record)) continue;
        records.push(record);
        if (record.inode !== 0) {
          inodes.add(record.inode);
          tableOf.set(record.inode, path);
        }
      }
    }

    const stillPresent = (missing: ReadonlySet<number>): ReadonlySet<number> => {
      const paths = new Set<string>();
      for (const inode of missing) {
        const path = tableOf.get(inode);
        if (path !== undefined) paths.add(path);
      }
      const present = new Set<number>();
      for (const path of paths) {
        let text: string;
        try {
          text = readFileSync(path, 'latin1');
        } catch {
          continue; // read a moment ago; if it is gone now, so are its sockets
        }
        for (const inode of collectProcNetInodes(text)) if (missing.has(inode)) present.add(inode);
      }
      return present;
    };
    const owners = this.#owners.resolve(inodes, stillPresent);
    for (const record of records) if (record.inode !== 0) record.pid = owners.get(record.inode) ?? 0;
    return records;
  }

  /** A table's text; null for an absent IPv6 table (IPv6 disabled). No procfs at all is an error. */
  #readTable(path: string, family: 4 | 6): string | null {
    try {
      return readFileSync(path, 'latin1');
    } catch (err) {
      if (family === 6 && (err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AgentError('AGENT_E_SAMPLER_FAILED', `cannot read ${path}`, { cause: err });
    }
  }
}
