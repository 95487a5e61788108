import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEnvelope, encodeEnvelope } from '@pushtrace/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Spool, type SpoolOptions } from '../src/spool/spool.js';

let root: string;
const open: Spool[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pushtrace-spool-'));
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(root, { recursive: true, force: true });
});

function openSpool(options: SpoolOptions = {}, dir = join(root, 'spool')): Spool {
  const s = Spool.open(dir, { syncIntervalMs: 0, now: () => 1_700_000_000_000, ...options });
  open.push(s);
  return s;
}

function closeSpool(s: Spool): void {
  s.close();
  open.splice(open.indexOf(s), 1);
}

const ip = (n: number) => ({ externalIp: { ip: `192.0.2.${n % 256}`, resolver: 'test', observedAtMs: n } });

describe('Spool enqueue / lease / ack / rollback', () => {
  it('assigns seqs from 1, encodes the Envelope and leases in seq order', () => {
    const spool = openSpool();
    expect([spool.enqueue(ip(1)), spool.enqueue(ip(2)), spool.enqueue(ip(3))]).toEqual([1, 2, 3]);
    const first = spool.lease(2, 1 << 20);
    expect(first.map((e) => e.seq)).toEqual([1, 2]);
    const env = decodeEnvelope(first[0]!.bytes);
    expect(env.seq).toBe(1);
    expect(env.sensorId).toBe(0);
    expect(env.sentAtMs).toBe(1_700_000_000_000);
    expect(env.body).toBe('externalIp');
    expect(env.externalIp?.ip).toBe('192.0.2.1');
    expect(spool.lease(10, 1 << 20).map((e) => e.seq)).toEqual([3]);
    expect(spool.lease(10, 1 << 20)).toEqual([]);
    expect(spool.stats()).toMatchObject({ queuedMessages: 3, leasedMessages: 3, nextSeq: 4 });
  });

  it('ack deletes only leased messages at or below through_seq', () => {
    const spool = openSpool();
    for (let i = 1; i <= 5; i++) spool.enqueue(ip(i));
    spool.lease(2, 1 << 20);
    // The collector can only ack what this connection sent: 3..5 were never leased.
    expect(spool.ack(10)).toBe(2);
    expect(spool.stats()).toMatchObject({ queuedMessages: 3, leasedMessages: 0 });
    expect(spool.lease(10, 1 << 20).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(spool.ack(3)).toBe(1);
    expect(spool.stats().queuedMessages).toBe(2);
  });

  it('rollback hands leased messages out again, in order, after a disconnect', () => {
    const spool = openSpool();
    for (let i = 1; i <= 4; i++) spool.enqueue(ip(i));
    spool.lease(3, 1 << 20);
    spool.ack(1);
    spool.rollback();
    expect(spool.stats().leasedMessages).toBe(0);
    expect(spool.lease(10, 1 << 20).map((e) => e.seq)).toEqual([2, 3, 4]);
  });

  it('lease respects the byte window but never starves a message bigger than it', () => {
    const spool = openSpool();
    const big = 'b'.repeat(5000);
    spool.enqueue({ externalIp: { ip: big } });
    spool.enqueue(ip(2));
    spool.enqueue(ip(3));
    expect(spool.lease(10, 100).map((e) => e.seq)).toEqual([1]);
    const small = spool.lease(10, 1 << 20);
    expect(small.map((e) => e.seq)).toEqual([2, 3]);
    spool.rollback();
    const one = spool.lease(10, 5000);
    expect(one.map((e) => e.seq)).toEqual([1]);
  });

  it('emits enqueued with the seq', () => {
    const spool = openSpool();
    const seen: number[] = [];
    spool.on('enqueued', (seq) => seen.push(seq));
    spool.enqueue(ip(1));
    spool.enqueue(ip(2));
    expect(seen).toEqual([1, 2]);
  });
});

describe('Spool input checks', () => {
  it('refuses control bodies, empty bodies and two bodies', () => {
    const spool = openSpool();
    expect(() => spool.enqueue({ checkin: { agentUptimeS: 1 } })).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    expect(() => spool.enqueue({ spoolDrops: { droppedMessages: 1 } })).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    expect(() => spool.enqueue({})).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    expect(() => spool.enqueue({ ...ip(1), hostInfo: { hostname: 'h' } }))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    // Nothing was assigned by the failed calls.
    expect(spool.enqueue(ip(1))).toBe(1);
  });

  it('checks what an encoder callback returns', () => {
    const spool = openSpool();
    expect(() => spool.enqueue((seq) => encodeEnvelope({ seq: seq + 1, externalIp: { ip: 'x' } })))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA', message: expect.stringContaining('seq 2') }));
    expect(() => spool.enqueue((seq) => encodeEnvelope({ seq, ack: { throughSeq: 1 } })))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    expect(() => spool.enqueue(() => new Uint8Array([0xff, 0xff, 0xff])))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_NOT_DATA' }));
    expect(spool.enqueue((seq) => encodeEnvelope({ seq, hostInfo: { hostname: 'h' } }))).toBe(1);
  });

  it('refuses a message bigger than maxRecordBytes, naming both sizes', () => {
    const spool = openSpool({ maxRecordBytes: 1000 });
    expect(() => spool.enqueue({ externalIp: { ip: 'x'.repeat(2000) } }))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_RECORD_TOO_LARGE', message: expect.stringMatching(/20\d\d bytes.*1000/) }));
  });

  it('refuses options that cannot work, naming the field', () => {
    expect(() => openSpool({ maxBytes: 1000 })).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('maxBytes') }));
    expect(() => openSpool({ maxBytes: 1 << 20, segmentBytes: 1 << 20 }))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('segmentBytes') }));
    expect(() => openSpool({ maxBytes: 1 << 20 }))
      .toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('maxRecordBytes') }));
  });

  it('fails with AGENT_E_SPOOL_CLOSED after close', () => {
    const spool = openSpool();
    closeSpool(spool);
    expect(() => spool.enqueue(ip(1))).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_CLOSED' }));
    spool.close(); // idempotent
  });
});

describe('Spool lock', () => {
  it('refuses a second open of the same directory while the first is open', () => {
    openSpool();
    expect(() => openSpool()).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_LOCKED' }));
  });

  it('takes over a lock left by a dead process', () => {
    const dir = join(root, 'spool');
    closeSpool(openSpool({}, dir));
    // A pid far above pid_max is never alive.
    writeFileSync(join(dir, 'spool.lock'), '999999999\n');
    const spool = openSpool({}, dir);
    expect(spool.enqueue(ip(1))).toBe(1);
  });

  it('refuses a lock held by another live process, naming its pid', () => {
    const dir = join(root, 'spool');
    closeSpool(openSpool({}, dir));
    writeFileSync(join(dir, 'spool.lock'), `${process.ppid}\n`);
    expect(() => openSpool({}, dir)).toThrow(expect.objectContaining({
      code: 'AGENT_E_SPOOL_LOCKED', message: expect.stringContaining(String(process.ppid)),
    }));
    rmSync(join(dir, 'spool.lock'));
  });
});

describe('Spool persistence', () => {
  it('keeps unacked messages and the seq counter across close and reopen; leases do not persist', () => {
    const dir = join(root, 'spool');
    const a = openSpool({}, dir);
    for (let i = 1; i <= 5; i++) a.enqueue(ip(i));
    a.lease(3, 1 << 20);
    a.ack(2);
    closeSpool(a);

    const b = openSpool({}, dir);
    expect(b.stats()).toMatchObject({ queuedMessages: 3, leasedMessages: 0, nextSeq: 6 });
    const entries = b.lease(10, 1 << 20);
    expect(entries.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(entries.map((e) => decodeEnvelope(e.bytes).externalIp?.ip)).toEqual(['192.0.2.3', '192.0.2.4', '192.0.2.5']);
    expect(b.enqueue(ip(6))).toBe(6);
  });

  it('deletes fully acked segments and never reuses their seqs after reopen', () => {
    const dir = join(root, 'spool');
    const a = openSpool({ maxBytes: 1 << 20, segmentBytes: 4096, maxRecordBytes: 2048 }, dir);
    for (let i = 1; i <= 200; i++) a.enqueue({ externalIp: { ip: 'x'.repeat(100) } });
    const segmentsBefore = readdirSync(dir).filter((f) => f.startsWith('seg-')).length;
    expect(segmentsBefore).toBeGreaterThan(4);
    const leased = a.lease(1000, 1 << 30);
    expect(leased).toHaveLength(200);
    a.ack(200);
    const segmentsAfter = readdirSync(dir).filter((f) => f.startsWith('seg-'));
    // Only the segment still being written may stay.
    expect(segmentsAfter.length).toBeLessThanOrEqual(1);
    expect(a.stats()).toMatchObject({ queuedMessages: 0, queuedBytes: 0 });
    expect(a.stats().diskBytes).toBeLessThanOrEqual(4096);
    closeSpool(a);

    const b = openSpool({ maxBytes: 1 << 20, segmentBytes: 4096, maxRecordBytes: 2048 }, dir);
    expect(b.stats().queuedMessages).toBe(0);
    expect(b.enqueue(ip(1))).toBe(201);
  });
});

describe('Spool Welcome handling', () => {
  it('discardThrough drops what the collector already stored; ensureSeqAbove moves the counter', () => {
    const dir = join(root, 'spool');
    const a = openSpool({}, dir);
    for (let i = 1; i <= 5; i++) a.enqueue(ip(i));
    a.lease(5, 1 << 20);
    a.rollback();
    expect(a.discardThrough(3)).toBe(3);
    a.ensureSeqAbove(3);
    expect(a.lease(10, 1 << 20).map((e) => e.seq)).toEqual([4, 5]);
    a.ensureSeqAbove(41);
    expect(a.stats().nextSeq).toBe(42);
    closeSpool(a); // ensureSeqAbove is durable by itself; close also flushes
    const b = openSpool({}, dir);
    expect(b.enqueue(ip(1))).toBe(42);
    expect(b.lease(10, 1 << 20).map((e) => e.seq)).toEqual([4, 5, 42]);
  });

  it('a Welcome beyond everything spooled empties the queue and later seqs survive reopen', () => {
    const dir = join(root, 'spool');
    const a = openSpool({}, dir);
    for (let i = 1; i <= 3; i++) a.enqueue(ip(i));
    a.discardThrough(100);
    a.ensureSeqAbove(100);
    expect(a.stats().queuedMessages).toBe(0);
    expect(a.enqueue(ip(1))).toBe(101);
    closeSpool(a);
    const b = openSpool({}, dir);
    expect(b.lease(10, 1 << 20).map((e) => e.seq)).toEqual([101]);
  });

  it('ensureSeqAbove below the counter changes nothing', () => {
    const spool = openSpool();
    spool.enqueue(ip(1));
    spool.enqueue(ip(2));
    spool.ensureSeqAbove(1);
    expect(spool.enqueue(ip(3))).toBe(3);
  });
});
