import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEnvelope } from '@pushtrace/proto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../src/spool/record-format.js';
import { Spool, type SpoolOptions } from '../src/spool/spool.js';

let root: string;
let dir: string;
let spools: Spool[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pushtrace-spool-rec-'));
  dir = join(root, 'spool');
});
afterEach(() => {
  for (const s of spools) s.close();
  spools = [];
  rmSync(root, { recursive: true, force: true });
});

/** A logger that records the level of every line, so tests can see a warning happened. */
function levelsLogger(): { log: pino.Logger; levels: number[] } {
  const levels: number[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => levels.push(JSON.parse(line).level as number) });
  return { log, levels };
}

function openSpool(options: SpoolOptions = {}): Spool {
  const s = Spool.open(dir, { syncIntervalMs: 0, ...options });
  spools.push(s);
  return s;
}
function closeAll(): void {
  for (const s of spools) s.close();
  spools = [];
}
const ip = (n: number) => ({ externalIp: { ip: `198.51.100.${n}` } });
const segments = () => readdirSync(dir).filter((f) => f.startsWith('seg-')).sort();
const lastSegment = () => join(dir, segments().at(-1)!);

describe('Spool recovery of damaged files', () => {
  it('truncates a torn tail record, keeps every record before it, and continues the seqs', () => {
    const a = openSpool();
    for (let i = 1; i <= 10; i++) a.enqueue(ip(i));
    closeAll();
    const seg = lastSegment();
    const intactSize = statSync(seg).size;
    const torn = encodeRecord(11, Buffer.from('a body that never finished being written'));
    appendFileSync(seg, torn.subarray(0, torn.length - 7));

    const { log, levels } = levelsLogger();
    const b = openSpool({ log });
    expect(levels).toContain(40); // one warning about the damaged segment
    expect(statSync(seg).size).toBe(intactSize);
    const entries = b.lease(100, 1 << 20);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(entries.map((e) => decodeEnvelope(e.bytes).externalIp?.ip)).toEqual(
      Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}`));
    expect(b.enqueue(ip(11))).toBe(11);
    closeAll();
    expect(openSpool().stats().queuedMessages).toBe(11);
  });

  it('truncates at a record whose CRC fails and never reuses its seq', () => {
    const a = openSpool();
    for (let i = 1; i <= 10; i++) a.enqueue(ip(i));
    closeAll();
    const seg = lastSegment();
    const bytes = readFileSync(seg);
    bytes[bytes.length - 3]! ^= 0xff; // flip a byte in the body of record 10
    writeFileSync(seg, bytes);

    const { log, levels } = levelsLogger();
    const b = openSpool({ log });
    expect(levels).toContain(40);
    expect(b.lease(100, 1 << 20).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The collector may hold seq 10 already: it must not name another message.
    expect(b.enqueue(ip(11))).toBe(11);
  });

  it('truncates a zero-filled tail (what a power cut can leave)', () => {
    const a = openSpool();
    for (let i = 1; i <= 3; i++) a.enqueue(ip(i));
    closeAll();
    appendFileSync(lastSegment(), Buffer.alloc(4096));
    const b = openSpool();
    expect(b.lease(100, 1 << 20).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(b.enqueue(ip(4))).toBe(4);
  });

  it('removes a segment torn before its header was complete', () => {
    const a = openSpool();
    a.enqueue(ip(1));
    closeAll();
    writeFileSync(join(dir, 'seg-000000000099.log'), 'PTSP');
    const b = openSpool();
    expect(segments()).toEqual(['seg-000000000001.log']);
    expect(b.lease(100, 1 << 20).map((e) => e.seq)).toEqual([1]);
  });

  it('drops and counts a record damaged on disk after it was opened, serving the rest', () => {
    const a = openSpool({ maxBytes: 1 << 20, segmentBytes: 4096, maxRecordBytes: 2048 });
    for (let i = 1; i <= 40; i++) a.enqueue({ externalIp: { ip: 'x'.repeat(200) } });
    const first = join(dir, segments()[0]!);
    const bytes = readFileSync(first);
    bytes[8 + 16 + 5]! ^= 0x01; // inside the body of seq 1
    writeFileSync(first, bytes);
    const seqs = a.lease(100, 1 << 20).map((e) => e.seq);
    expect(seqs[0]).toBe(2);
    expect(seqs).toHaveLength(39);
    expect(a.stats()).toMatchObject({ droppedMessages: 1, lastDroppedSeq: 1, queuedMessages: 39 });
  });

  it('refuses a state file that does not parse, naming the file and the field', () => {
    closeAll();
    openSpool().enqueue(ip(1));
    closeAll();
    writeFileSync(join(dir, 'state.json'), '{"version":1,"nextSeq":"seven"}');
    expect(() => openSpool()).toThrow(expect.objectContaining({
      code: 'AGENT_E_SPOOL_CORRUPT', message: expect.stringMatching(/state\.json: nextSeq/),
    }));
    writeFileSync(join(dir, 'state.json'), '{"version":1,');
    expect(() => openSpool()).toThrow(expect.objectContaining({ code: 'AGENT_E_SPOOL_CORRUPT' }));
  });

  it('rebuilds the seq counter from the segments when the state file is gone', () => {
    const a = openSpool();
    for (let i = 1; i <= 7; i++) a.enqueue(ip(i));
    closeAll();
    rmSync(join(dir, 'state.json'));
    const b = openSpool();
    expect(b.stats()).toMatchObject({ queuedMessages: 7, nextSeq: 8 });
  });
});

describe('Spool under kill -9', () => {
  const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

  /** Runs the child until it reported `atLeast` enqueues, then SIGKILLs it mid-loop. */
  function runAndKill(atLeast: number, mode = 'ack'): Promise<{ enqueued: number[]; ackedThrough: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', './ts-loader.mjs', 'spool-kill-child.ts', dir, mode], {
        cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'],
      });
      const enqueued: number[] = [];
      let ackedThrough = 0;
      let buffered = '';
      let stderr = '';
      let killed = false;
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('E ')) enqueued.push(Number(line.slice(2)));
          else if (line.startsWith('A ')) ackedThrough = Number(line.slice(2));
        }
        if (!killed && enqueued.length >= atLeast) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}/${signal} before the kill: ${stderr}`));
        else resolve({ enqueued, ackedThrough });
      });
    });
  }

  it('loses no reported message, doubles none and reuses no seq across three kills', async () => {
    const reported: number[] = [];
    let ackedThrough = 0;
    for (const atLeast of [3000, 1500, 2500]) {
      const round = await runAndKill(atLeast);
      // Every round continues above everything reported before: no seq reused.
      if (reported.length > 0) expect(round.enqueued[0]).toBeGreaterThan(reported.at(-1)!);
      reported.push(...round.enqueued);
      ackedThrough = Math.max(ackedThrough, round.ackedThrough);
    }
    expect(ackedThrough).toBeGreaterThan(0);

    const { log, levels } = levelsLogger();
    const spool = openSpool({ log, maxBytes: 64 * 1024 * 1024, segmentBytes: 16 * 1024 });
    const entries = spool.lease(1_000_000, 1 << 30);
    const seqs = entries.map((e) => e.seq);
    // Exactly once and in order.
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    // Every reported, unacked message is there, intact, with its own content.
    const present = new Set(seqs);
    const missing = reported.filter((s) => s > ackedThrough && !present.has(s));
    expect(missing).toEqual([]);
    for (const e of entries) {
      const env = decodeEnvelope(e.bytes);
      expect(env.seq).toBe(e.seq);
      expect(env.externalIp?.observedAtMs).toBe(e.seq);
    }
    // A kill between two write() calls leaves no torn record to warn about.
    expect(levels).toEqual([]);
    expect(spool.stats().nextSeq).toBeGreaterThan(reported.at(-1)!);
  }, 60_000);

  it('resumes above every seq it may have sent even when a power cut took the newest records', async () => {
    const { enqueued } = await runAndKill(2500, 'no-ack');
    // What a power cut can do that kill -9 cannot: the unsynced end of the
    // file is gone, whole records and all.
    truncateSync(lastSegment(), 8);
    const spool = openSpool({ maxBytes: 64 * 1024 * 1024, segmentBytes: 16 * 1024 });
    expect(spool.stats().nextSeq).toBeGreaterThan(enqueued.at(-1)!);
  }, 30_000);
});
