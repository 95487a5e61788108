import { randomUUID } from 'node:crypto';
import type { Spool } from './spool/spool.js';
import { closeAll, diffSockets, type NetconnDiff } from './sampling/netconn-diff.js';
import type { ProcessCatalog } from './sampling/process-catalog.js';
import type { SocketSampler } from './sampling/types.js';
import type { SavedConnTable } from './state/conn-table-file.js';
import { toNetconnEvent } from './wire-mapping.js';

/**
 * Events per NetconnBatch. The first pass reports every open connection of
 * the host at once; splitting keeps frames small (~60 KiB) and lets the
 * collector ack in steps.
 */
const MAX_EVENTS_PER_BATCH = 500;
/** Two boot times this close are one boot. */
const BOOT_TIME_SLACK_MS = 2_000;

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
  #pass: Promise<unknown> = Promise.resolve();

  constructor(sampler: SocketSampler, catalog: ProcessCatalog, spool: Spool) {
    this.#sampler = sampler;
    this.#catalog = catalog;
    this.#spool = spool;
  }

  /**
   * Carries on from the table a previous run saved at its stop
   * (conn-table-file.ts): connections still open keep their conn ids, and
   * those that closed meanwhile are CLOSEd by the next pass. If the host
   * booted since, none can still be open: all are CLOSEd now, as of the
   * save. Call before the first pass. Says which it was.
   */
  restore(saved: SavedConnTable, bootTimeMs: number): 'carried-on' | 'closed-after-reboot' {
    if (this.#table !== undefined) throw new Error('NetconnReporter.restore: sampling has started');
    // Off-Linux the boot time is estimated to the second (boot-time.ts).
    if (Math.abs(saved.bootTimeMs - bootTimeMs) > BOOT_TIME_SLACK_MS) {
      this.#spoolEvents(closeAll(saved.table).map((event) => toNetconnEvent(event, saved.ownerOf.get(event.connId) ?? '')), saved.savedAtMs);
      return 'closed-after-reboot';
    }
    this.#table = saved.table;
    for (const [connId, guid] of saved.ownerOf) this.#ownerOf.set(connId, guid);
    return 'carried-on';
  }

  /** What restore() takes back: the open connections and their owners, as of the last pass. */
  snapshot(): Pick<SavedConnTable, 'table' | 'ownerOf'> | undefined {
    if (this.#table === undefined) return undefined;
    return { table: this.#table, ownerOf: new Map(this.#ownerOf) };
  }

  /** Resolves once no pass is running (stop: snapshot() after this sees the last pass whole). */
  async idle(): Promise<void> {
    await this.#pass.catch(() => undefined);
  }

  /** Runs one pass; returns how many events it spooled. */
  sampleOnce(nowMs: number): Promise<number> {
    const pass = this.#sampleOnce(nowMs);
    this.#pass = pass;
    return pass;
  }

  async #sampleOnce(nowMs: number): Promise<number> {
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
    this.#spoolEvents(wire, nowMs);
    return wire.length;
  }

  #spoolEvents(wire: ReturnType<typeof toNetconnEvent>[], sampledAtMs: number): void {
    for (let i = 0; i < wire.length; i += MAX_EVENTS_PER_BATCH) {
      this.#spool.enqueue({ netconnBatch: { sampledAtMs, events: wire.slice(i, i + MAX_EVENTS_PER_BATCH) } });
    }
  }
}
