import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createAddressFilter, type SocketFilter } from './address-filter.js';
import { collectProcNetInodes, parseProcNetTable } from './proc-net-table.js';
import { AgentError } from '../errors.js';
import { SocketInodeOwners } from './socket-inode-owners.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * One pass over /proc: the four socket tables, the address filter, then
 * inode → pid. It runs on the agent's main thread, so the split between
 * async and sync is about the event loop:
 *
 * - The table reads are async (libuv threadpool). Most of a pass is the
 *   kernel formatting /proc/net/{tcp,tcp6,udp,udp6} as text (about 19 of
 *   24 ms at 4,000 sockets); on the threadpool that time is not the loop's.
 * - Parsing and inode → pid resolution stay synchronous: a few ms of
 *   parsing, and the resolver's cache makes the fd scan nearly free once
 *   warm. Each table is parsed as it arrives, so the loop is held for one
 *   table's parse at a time.
 * - The rare "are these sockets still there?" re-read (socket-inode-owners.ts
 *   step 3) is synchronous: it sits inside the synchronous resolver and only
 *   runs when a full fd scan is about to, which holds the loop far longer
 *   (about 11 ms for a 4,000-socket /proc/net/tcp, against tens of ms of
 *   readlink for the scan it may save).
 *
 * Passes are serialised: a read() that starts while another runs waits for
 * it, then makes its own pass. Two interleaved passes would hand the inode
 * cache an older socket set after a newer one, forgetting owners it had just
 * learnt.
 */

export interface ProcSocketReaderOptions {
  /** Root of the proc filesystem. Default "/proc"; tests point it at a fake tree. */
  procRoot?: string;
  /** Drop sockets whose local or remote address is in one of these CIDRs. Default none. */
  excludeCidrs?: readonly string[];
  /**
   * Reads one socket table as text. Default: fs/promises readFile, latin1.
   * A rejection with code ENOENT for an IPv6 table means "IPv6 disabled";
   * any other rejection fails the pass. The still-present re-read does not
   * use it (it reads procRoot synchronously).
   */
  readText?: (path: string) => Promise<string>;
}

const TABLES: ReadonlyArray<{ file: string; protocol: SocketProtocol; family: 4 | 6 }> = [
  { file: 'tcp', protocol: 'tcp', family: 4 },
  { file: 'tcp6', protocol: 'tcp', family: 6 },
  { file: 'udp', protocol: 'udp', family: 4 },
  { file: 'udp6', protocol: 'udp', family: 6 },
];

const readLatin1 = (path: string): Promise<string> => readFile(path, 'latin1');

export class ProcSocketReader {
  readonly #procRoot: string;
  readonly #keep: SocketFilter;
  readonly #owners: SocketInodeOwners;
  readonly #readText: (path: string) => Promise<string>;
  /** The pass in progress (settled, never rejected), for the next read() to wait on. */
  #previous: Promise<unknown> = Promise.resolve();

  constructor(options: ProcSocketReaderOptions = {}) {
    this.#procRoot = options.procRoot ?? '/proc';
    this.#keep = createAddressFilter(options.excludeCidrs);
    this.#owners = new SocketInodeOwners(this.#procRoot);
    this.#readText = options.readText ?? readLatin1;
  }

  /**
   * Every socket with its pid (0 when unknown). Rejects with
   * AGENT_E_SAMPLER_FAILED when /proc/net/tcp (or an IPv6 table that exists)
   * is unreadable, AGENT_E_PARSE when a table does not parse.
   */
  read(): Promise<SocketRecord[]> {
    const pass = this.#previous.then(() => this.#pass());
    this.#previous = pass.catch(() => undefined);
    return pass;
  }

  async #pass(): Promise<SocketRecord[]> {
    // All four reads start at once; each table is parsed as soon as it is in.
    const texts = TABLES.map((table) => this.#readTable(`${this.#procRoot}/net/${table.file}`, table.family));
    // Settle every read even if one fails, so none is left rejecting unobserved.
    for (const text of texts) text.catch(() => undefined);

    const records: SocketRecord[] = [];
    const inodes = new Set<number>();
    /** Which table each wanted inode came from, to re-read only those when asked whether they still exist. */
    const tableOf = new Map<number, string>();
    for (const [i, table] of TABLES.entries()) {
      const path = `${this.#procRoot}/net/${table.file}`;
      const text = await texts[i]!;
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
  async #readTable(path: string, family: 4 | 6): Promise<string | null> {
    try {
      return await this.#readText(path);
    } catch (err) {
      if (family === 6 && (err as NodeJS.ErrnoException | null)?.code === 'ENOENT') return null;
      const reason = (err as NodeJS.ErrnoException | null)?.code ?? (err instanceof Error ? err.message : String(err));
      throw new AgentError('AGENT_E_SAMPLER_FAILED', `cannot read ${path}: ${reason}`, { cause: err });
    }
  }
}
