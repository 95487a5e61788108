// An agent that stops and starts again carries on from the connections it
// was tracking (state/conn-table-file.ts): one still open keeps its conn id
// and is not reported again, one that closed meanwhile is CLOSEd under its
// old id and owner, and after a reboot all of them are CLOSEd at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEnvelope, pb, type NetconnEvent } from '@pushtrace/proto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { NetconnReporter } from '../src/netconn-reporter.js';
import { ExecutableHasher } from '../src/sampling/hasher.js';
import { ProcessCatalog } from '../src/sampling/process-catalog.js';
import { ProcfsProcessReader } from '../src/sampling/procfs-process-reader.js';
import type { SocketRecord, SocketSampler } from '../src/sampling/types.js';
import { Spool } from '../src/spool/spool.js';
import { saveConnTable, takeConnTable } from '../src/state/conn-table-file.js';

const BOOT = 1_800_000_000_000;
const T0 = BOOT + 3_600_000;
const silent = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Sockets of this very process (so the catalog can name it), one per remote port. */
const socket = (remotePort: number, inode: number): SocketRecord => ({
  protocol: 'tcp', localIp: '127.0.0.1', localPort: 40_000 + remotePort, remoteIp: '127.0.0.1', remotePort,
  state: 'ESTABLISHED', pid: process.pid, inode,
});

/** One agent run on `stateDir`: a reporter over sockets the test sets, and what it spooled. */
function run(stateDir: string) {
  let sockets: SocketRecord[] = [];
  const sampler: SocketSampler = { sample: async () => sockets, close: async () => undefined };
  const spool = Spool.open(join(stateDir, 'spool'));
  const catalog = new ProcessCatalog({ source: new ProcfsProcessReader(), hasher: new ExecutableHasher(), installId: 'a'.repeat(32), onNewProcess: () => undefined });
  const reporter = new NetconnReporter(sampler, catalog, spool);
  return {
    reporter,
    set: (next: SocketRecord[]) => { sockets = next; },
    /** Spooled netconn batches since the last call: [sampledAtMs, events]. */
    // Acked, as a collector would: the next run's spool starts after them.
    spooled: (): Array<[number, NetconnEvent[]]> => {
      const entries = spool.lease(1000, 1 << 30);
      if (entries.length > 0) spool.ack(entries.at(-1)!.seq);
      return entries.flatMap(({ bytes }) => {
        const batch = decodeEnvelope(bytes).netconnBatch;
        return batch ? [[Number(batch.sampledAtMs), batch.events ?? []] as [number, NetconnEvent[]]] : [];
      });
    },
    stop: async (nowMs: number) => {
      await reporter.idle();
      const open = reporter.snapshot();
      if (open !== undefined) saveConnTable(stateDir, { ...open, bootTimeMs: BOOT, savedAtMs: nowMs });
      spool.close();
    },
  };
}

const summary = (events: NetconnEvent[]) => events.map((e) => [e.kind === pb.NetconnEvent.Kind.OPEN ? 'OPEN' : 'CLOSE', e.remotePort, e.connId]);

describe('NetconnReporter across an agent restart', () => {
  it('keeps the ids of connections still open and closes the others under their old ids and owners', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-restore-'));
    dirs.push(stateDir);
    const first = run(stateDir);
    first.set([socket(22, 1001), socket(443, 1002)]);
    await first.reporter.sampleOnce(T0);
    const opened = first.spooled()[0]![1];
    expect(summary(opened).map(([k, p]) => [k, p])).toEqual([['OPEN', 22], ['OPEN', 443]]);
    const idOf = (port: number) => opened.find((e) => e.remotePort === port)!.connId!;
    const guid = opened[0]!.processGuid;
    expect(guid).not.toBe('');
    await first.stop(T0 + 1000);

    const second = run(stateDir);
    const saved = takeConnTable(stateDir, silent)!;
    expect(saved.table.conns.size).toBe(2);
    // Consumed: a later start after a crash does not bring it back.
    expect(takeConnTable(stateDir, silent)).toBeUndefined();
    expect(second.reporter.restore(saved, BOOT)).toBe('carried-on');
    // The ssh session is still open (same inode); the HTTPS one closed; a new one opened.
    second.set([socket(22, 1001), socket(8443, 1003)]);
    await second.reporter.sampleOnce(T0 + 60_000);
    const events = second.spooled().flatMap(([, e]) => e);
    expect(summary(events)).toEqual([['CLOSE', 443, idOf(443)], ['OPEN', 8443, expect.any(String)]]);
    expect(events[0]).toMatchObject({ processGuid: guid, firstSeenMs: T0 });
    expect(events[1]!.connId).not.toBe(idOf(22));
    // And the ssh session closes under the id it opened with.
    second.set([socket(8443, 1003)]);
    await second.reporter.sampleOnce(T0 + 62_000);
    expect(summary(second.spooled().flatMap(([, e]) => e))).toEqual([['CLOSE', 22, idOf(22)]]);
    await second.stop(T0 + 63_000);
  });

  it('after a reboot, closes every saved connection at once, as of the save', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-restore-'));
    dirs.push(stateDir);
    const first = run(stateDir);
    first.set([socket(22, 1001), socket(443, 1002)]);
    await first.reporter.sampleOnce(T0);
    const ids = first.spooled()[0]![1].map((e) => e.connId);
    await first.stop(T0 + 1000);

    const second = run(stateDir);
    expect(second.reporter.restore(takeConnTable(stateDir, silent)!, BOOT + 86_400_000)).toBe('closed-after-reboot');
    const [[sampledAt, closed]] = second.spooled() as [[number, NetconnEvent[]]];
    expect(sampledAt).toBe(T0 + 1000);
    expect(summary(closed)).toEqual([['CLOSE', 22, ids[0]], ['CLOSE', 443, ids[1]]]);
    // Same inode and tuple after the reboot are a new connection.
    second.set([socket(22, 1001)]);
    await second.reporter.sampleOnce(T0 + 90_000_000);
    const [[, again]] = second.spooled() as [[number, NetconnEvent[]]];
    expect(summary(again).map(([k, p]) => [k, p])).toEqual([['OPEN', 22]]);
    expect(again[0]!.connId).not.toBe(ids[0]);
    await second.stop(T0 + 90_000_001);
  });

  it('ignores a saved table that does not read, with a warning, and starts afresh', () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-restore-'));
    dirs.push(stateDir);
    const warnings: unknown[] = [];
    const log = { warn: (obj: unknown, msg: string) => warnings.push([obj, msg]) } as never;
    writeFileSync(join(stateDir, 'open-connections.json'), '{"format": 1, "conns": [{"key": 7}]}');
    expect(takeConnTable(stateDir, log)).toBeUndefined();
    expect(warnings).toEqual([[expect.objectContaining({ reason: expect.any(String) }), 'the saved open connections do not read; starting afresh']]);
    // And it is gone, so the warning is not repeated at every start.
    expect(takeConnTable(stateDir, log)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('refuses to restore once sampling has started', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-restore-'));
    dirs.push(stateDir);
    const agent = run(stateDir);
    await agent.reporter.sampleOnce(T0);
    const empty = { table: { conns: new Map(), listeningTcpPorts: new Set<number>(), listeningUdpPorts: new Set<number>() }, ownerOf: new Map(), bootTimeMs: BOOT, savedAtMs: T0 };
    expect(() => agent.reporter.restore(empty, BOOT)).toThrow(/sampling has started/);
    await agent.stop(T0 + 1);
  });
});
