import { readFileSync } from 'node:fs';
import { createAddressFilter, type SocketFilter } from './address-filter.js';
import { parseProcNetTable } from './proc-net-table.js';
import { SamplerError } from './sampler-error.js';
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
    for (const table of TABLES) {
      const path = `${this.#procRoot}/net/${table.file}`;
      let text: string;
      try {
        text = readFileSync(path, 'latin1');
      } catch (err) {
        // tcp6/udp6 are absent when IPv6 is disabled; no tcp at all means no procfs.
        if (table.family === 6 && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new SamplerError('AGENT_E_SAMPLER_FAILED', `cannot read ${path}`, { cause: err });
      }
      for (const record of parseProcNetTable(text, { protocol: table.protocol, family: table.family, source: path })) {
        if (this.#keep(record)) records.push(record);
      }
    }

    const inodes = new Set<number>();
    for (const record of records) if (record.inode !== 0) inodes.add(record.inode);
    const owners = this.#owners.resolve(inodes);
    for (const record of records) if (record.inode !== 0) record.pid = owners.get(record.inode) ?? 0;
    return records;
  }
}
