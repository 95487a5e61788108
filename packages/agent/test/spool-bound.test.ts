import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEnvelope } from '@pushtrace/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Spool, type SpoolOptions } from '../src/spool/spool.js';

let dir: string;
let spools: Spool[] = [];

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'pushtrace-spool-bound-')), 'spool');
});
afterEach(() => {
  for (const s of spools) s.close();
  spools = [];
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const BOUND: SpoolOptions = { maxBytes: 64 * 1024, segmentBytes: 8 * 1024, maxRecordBytes: 4096, syncIntervalMs: 0 };

function openSpool(): Spool {
  const s = Spool.open(dir, BOUND);
  spools.push(s);
  return s;
}

/** Enqueues one ~1 KiB message and returns its encoded size. */
function put(spool: Spool, sizes: Map<number, number>): number {
  let size = 0;
  const seq = spool.enqueue((s) => {
    const bytes = encodeEnvelope({ seq: s, externalIp: { ip: 'p'.repeat(1000) } });
    size = bytes.length;
    return bytes;
  });
  sizes.set(seq, size);
  return seq;
}

function diskBytes(): number {
  return readdirSync(dir).filter((f) => f.startsWith('seg-')).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function sumSizes(sizes: Map<number, number>, from: number, to: number): number {
  let n = 0;
  for (let s = from; s <= to; s++) n += sizes.get(s)!;
  return n;
}

describe('Spool byte bound', () => {
  it('never exceeds maxBytes on disk, drops oldest first and counts every dropped message', () => {
    const spool = openSpool();
    const sizes = new Map<number, number>();
    const reports: number[] = [];
    spool.on('drops', (t) => reports.push(t.messages));
    for (let i = 0; i < 300; i++) {
      put(spool, sizes);
      expect(diskBytes()).toBeLessThanOrEqual(BOUND.maxBytes!);
    }
    const stats = spool.stats();
    expect(stats.diskBytes).toBe(diskBytes());
    expect(stats.droppedMessages).toBeGreaterThan(200);
    // Dropped are exactly the oldest: 1..lastDroppedSeq; the rest is queued.
    expect(stats.droppedMessages).toBe(stats.lastDroppedSeq);
    expect(stats.droppedMessages + stats.queuedMessages).toBe(300);
    expect(stats.droppedBytes).toBe(sumSizes(sizes, 1, stats.lastDroppedSeq));
    expect(stats.unresolvedDrops).toBe(0);
    const left = spool.lease(1000, 1 << 30).map((e) => e.seq);
    expect(left[0]).toBe(stats.lastDroppedSeq + 1);
    expect(left.at(-1)).toBe(300);
    // One event per dropped segment, carrying the growing cumulative total.
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toBe(stats.droppedMessages);
  });

  it('persists the drop totals across reopen', () => {
    const a = openSpool();
    const sizes = new Map<number, number>();
    for (let i = 0; i < 120; i++) put(a, sizes);
    const before = a.stats();
    expect(before.droppedMessages).toBeGreaterThan(0);
    a.close();
    spools = [];
    const b = openSpool();
    expect(b.stats()).toMatchObject({
      droppedMessages: before.droppedMessages,
      droppedBytes: before.droppedBytes,
      lastDroppedSeq: before.lastDroppedSeq,
      queuedMessages: before.queuedMessages,
      nextSeq: 121,
    });
  });

  it('does not count acked messages of a dropped segment', () => {
    const spool = openSpool();
    const sizes = new Map<number, number>();
    for (let i = 0; i < 5; i++) put(spool, sizes);
    spool.lease(3, 1 << 30);
    spool.ack(3); // 1..3 stored; they share the first segment with 4..
    for (let i = 0; i < 70; i++) put(spool, sizes);
    const stats = spool.stats();
    expect(stats.lastDroppedSeq).toBeGreaterThan(5);
    expect(stats.droppedMessages).toBe(stats.lastDroppedSeq - 3);
    expect(stats.droppedBytes).toBe(sumSizes(sizes, 4, stats.lastDroppedSeq));
  });

  it('holds in-flight drops until an Ack or Welcome settles them, so nothing is counted twice or missed', () => {
    const spool = openSpool();
    const sizes = new Map<number, number>();
    for (let i = 0; i < 5; i++) put(spool, sizes);
    // Sent on the live connection, not acked yet.
    expect(spool.lease(5, 1 << 30).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 0; i < 70; i++) put(spool, sizes);
    let stats = spool.stats();
    const firstSegmentLast = stats.lastDroppedSeq;
    expect(stats.unresolvedDrops).toBe(5);
    expect(stats.droppedMessages).toBe(stats.lastDroppedSeq - 5);
    expect(stats.leasedMessages).toBe(0);

    // The live connection acks 1..2: those were stored, never counted.
    spool.ack(2);
    expect(spool.stats()).toMatchObject({ unresolvedDrops: 3, droppedMessages: firstSegmentLast - 5 });

    // Connection lost; the next Welcome says 3 was stored, 4 and 5 not.
    spool.rollback();
    spool.ack(5); // an ack after rollback belongs to no connection that sent them: ignored
    expect(spool.stats().unresolvedDrops).toBe(3);
    const reports: number[] = [];
    spool.on('drops', (t) => reports.push(t.messages));
    spool.discardThrough(3);
    stats = spool.stats();
    expect(stats.unresolvedDrops).toBe(0);
    expect(stats.droppedMessages).toBe(firstSegmentLast - 5 + 2);
    expect(stats.droppedBytes).toBe(sumSizes(sizes, 4, firstSegmentLast));
    expect(reports).toEqual([stats.droppedMessages]);
  });

  it('keeps unresolved drops across a restart and settles them at the next Welcome', () => {
    const a = openSpool();
    const sizes = new Map<number, number>();
    for (let i = 0; i < 4; i++) put(a, sizes);
    a.lease(4, 1 << 30);
    a.rollback(); // sent on a connection that died without acking
    for (let i = 0; i < 70; i++) put(a, sizes);
    const dropped = a.stats();
    expect(dropped.unresolvedDrops).toBe(4);
    a.close();
    spools = [];

    const b = openSpool();
    expect(b.stats()).toMatchObject({ unresolvedDrops: 4, droppedMessages: dropped.droppedMessages });
    b.discardThrough(0); // the collector had none of them
    expect(b.stats()).toMatchObject({ unresolvedDrops: 0, droppedMessages: dropped.droppedMessages + 4 });
    expect(b.stats().droppedBytes).toBe(sumSizes(sizes, 1, dropped.lastDroppedSeq));
  });
});
