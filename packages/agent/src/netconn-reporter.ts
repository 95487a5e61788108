import { randomUUID } from 'node:crypto';
import type { Spool } from './spool/spool.js';
import { diffSockets, type NetconnDiff } from './sampling/netconn-diff.js';
import type { ProcessCatalog } from './sampling/process-catalog.js';
import type { SocketSampler } from './sampling/types.js';
import { toNetconnEvent } from './wire-mapping.js';

/**
 * Events per NetconnBatch. The first pass reports every open connection of
 * the host at once; splitting keeps frames small (~60 KiB) and lets the
 * collector ack in steps.
 */
const MAX_EVENTS_PER_BATCH = 500;

/**
 * One sampling pass: sockets → open/close events → owning process GUIDs →
 * spooled NetconnBatches. Keeps the previous sample's table and which GUID
 * each open connection was attributed to, so a CLOSE names the same process
 * as its OPEN even after that process exited.
 */
export class NetconnReporter {
  readonly #sampler: SocketSampler;
  readonly #catalog: ProcessCatalog;
  readonly #spool: Spool;
  #table: NetconnDiff['table'] | undefined;
  readonly #ownerOf = new Map<string, string>();

  constructor(sampler: SocketSampler, catalog: ProcessCatalog, spool: Spool) {
    this.#sampler = sampler;
    this.#catalog = catalog;
    this.#spool = spool;
  }

  /** Runs one pass; returns how many events it spooled. */
  async sampleOnce(nowMs: number): Promise<number> {
    const sockets = await this.#sampler.sample();
    // conn ids must stay unique across agent restarts: the collector pairs
    // OPEN and CLOSE by them.
    const { events, table } = diffSockets(this.#table, sockets, nowMs, randomUUID);
    this.#table = table;
    if (events.length === 0) return 0;

    const wire = [];
    for (const event of events) {
      let guid: string;
      if (event.kind === 'open') {
        guid = event.pid > 0 ? (await this.#catalog.resolve(event.pid, nowMs))?.processGuid ?? '' : '';
        this.#ownerOf.set(event.connId, guid);
      } else {
        guid = this.#ownerOf.get(event.connId) ?? '';
        this.#ownerOf.delete(event.connId);
      }
      wire.push(toNetconnEvent(event, guid));
    }
    for (let i = 0; i < wire.length; i += MAX_EVENTS_PER_BATCH) {
      this.#spool.enqueue({ netconnBatch: { sampledAtMs: nowMs, events: wire.slice(i, i + MAX_EVENTS_PER_BATCH) } });
    }
    return wire.length;
  }
}
