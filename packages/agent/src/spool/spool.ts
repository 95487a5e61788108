import { EventEmitter } from 'node:events';
import {
  closeSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmSync, writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AgentError } from '../errors.js';
import { fsyncDir } from './atomic-write.js';
import { DropLedger, type DropTotals } from './drop-ledger.js';
import { acquireLock } from './lock-file.js';
import { encodeRecord, recordSize, SEGMENT_MAGIC } from './record-format.js';
import { readRecord, scanSegment, segmentFileName, segmentIdOf } from './segment-file.js';
import { resolveSpoolOptions, type SpoolOptions } from './spool-options.js';
import { checkEncoded, encodeSpoolBody, type SpoolBody } from './spool-body.js';
import { initialState, readState, writeState, type SpoolState } from './state-file.js';

/**
 * Seqs reserved per state write. A crash costs at most this gap in the seq
 * space (gaps are harmless: seqs are unique, not contiguous); a bigger block
 * means fewer state writes.
 */
const SEQ_BLOCK = 1000;

export type { SpoolOptions };

/** A leased message: the encoded Envelope, ready to send as one binary frame. */
export interface SpoolEntry {
  seq: number;
  bytes: Buffer;
}

export interface SpoolStats {
  /** Messages not yet acked (leased or not). */
  queuedMessages: number;
  /** Their encoded bytes. */
  queuedBytes: number;
  /** Messages leased and not yet acked or rolled back. */
  leasedMessages: number;
  /** What the segment files take on disk (bounded by maxBytes). */
  diskBytes: number;
  nextSeq: number;
  droppedMessages: number;
  droppedBytes: number;
  lastDroppedSeq: number;
  /** Dropped after being sent, fate known at the next Ack or Welcome; not in droppedMessages yet. */
  unresolvedDrops: number;
  /** Seqs never assigned because a crash abandoned their reservation (cumulative); not loss. */
  skippedSeqs: number;
}

export type SpoolEvents = {
  /** A message was appended; a connected transport should pump. */
  enqueued: [seq: number];
  /** The cumulative drop totals grew; a connected transport reports them. */
  drops: [totals: DropTotals];
};

interface Segment {
  id: number;
  path: string;
  fd: number;
  size: number;
  /** Highest seq in the file (0 when it holds none). */
  lastSeq: number;
  /** Written since the last fsync. */
  dirty: boolean;
}

/** A record not yet acked. */
interface Pending {
  seq: number;
  seg: Segment;
  offset: number;
  bodyLength: number;
}

/**
 * Disk outbox of data messages (Velociraptor's enqueue / lease / commit /
 * rollback). Each message gets the next per-sensor seq, is appended to a
 * segment file, handed out by lease() in seq order, and deleted only when
 * acked; a disconnect rolls leases back for replay. Bounded in bytes: when
 * full the oldest segment is dropped and its unacked records are counted
 * (see DropLedger). Single writer: the directory is locked by pid.
 *
 * Durability: every enqueue is written to the file with one write() before it
 * returns, so a kill -9 of the agent loses nothing (the kernel holds the
 * page). fsync runs every syncIntervalMs (default 1 s) rather than per
 * message: at a few messages a second per-message fsync would cost little,
 * but it buys protection only against a power cut, where losing the last
 * second of samples is the least of the host's problems; recovery truncates
 * the torn tail such a cut can leave. Seqs are never reused, power cut
 * included: they are reserved in blocks in the state file (atomic replace
 * with fsync) before use, and the state is also saved before any segment is
 * deleted.
 */
export class Spool extends EventEmitter<SpoolEvents> {
  readonly dir: string;
  readonly #maxBytes: number;
  readonly #segmentBytes: number;
  readonly #maxRecordBytes: number;
  readonly #syncIntervalMs: number;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #statePath: string;
  readonly #releaseLock: () => void;
  readonly #ledger: DropLedger;
  #state: SpoolState;
  #stateDirty = false;
  #segments: Segment[] = [];
  #nextSegmentId: number;
  #queue: Pending[] = [];
  #head = 0;
  #leased = 0;
  #queuedBytes = 0;
  #diskBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  /** Opens (creating or recovering) the spool in `dir`. */
  static open(dir: string, options: SpoolOptions = {}): Spool {
    return new Spool(dir, options);
  }

  private constructor(dir: string, options: SpoolOptions) {
    super();
    this.dir = dir;
    const o = resolveSpoolOptions(options);
    this.#maxBytes = o.maxBytes;
    this.#segmentBytes = o.segmentBytes;
    this.#maxRecordBytes = o.maxRecordBytes;
    this.#syncIntervalMs = o.syncIntervalMs;
    this.#log = o.log;
    this.#now = o.now;
    this.#statePath = join(dir, 'state.json');

    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw ioError(`cannot create spool directory ${dir}`, err);
    }
    this.#releaseLock = acquireLock(join(dir, 'spool.lock'));
    try {
      rmSync(`${this.#statePath}.tmp`, { force: true });
      this.#state = readState(this.#statePath) ?? initialState();
      this.#ledger = new DropLedger(this.#state.drops);
      this.#nextSegmentId = this.#recover();
      this.#saveState();
    } catch (err) {
      for (const seg of this.#segments) closeSync(seg.fd);
      this.#releaseLock();
      throw err;
    }
    if (this.#syncIntervalMs > 0) {
      this.#timer = setInterval(() => this.#flushQuietly(), this.#syncIntervalMs);
      this.#timer.unref();
    }
  }

  /**
   * Appends one data message and returns its seq. `body` is one data body
   * (`{ netconnBatch: … }`), or a callback that encodes a whole Envelope for
   * the seq it is given. May drop the oldest records to stay within maxBytes.
   */
  enqueue(body: SpoolBody | ((seq: number) => Uint8Array)): number {
    this.#checkOpen();
    const seq = this.#state.nextSeq;
    let bytes: Uint8Array;
    if (typeof body === 'function') {
      bytes = body(seq);
      checkEncoded(bytes, seq);
    } else {
      bytes = encodeSpoolBody(body, seq, this.#now());
    }
    if (bytes.length > this.#maxRecordBytes) {
      throw new AgentError('AGENT_E_SPOOL_RECORD_TOO_LARGE',
        `message of ${bytes.length} bytes exceeds the spool's limit of ${this.#maxRecordBytes} bytes`);
    }
    const size = recordSize(bytes.length);
    if (seq > this.#state.reservedThrough) {
      this.#state.reservedThrough = seq + SEQ_BLOCK - 1;
      this.#saveState();
    }
    this.#makeRoom(size);
    const seg = this.#writableSegment(size);
    const record = encodeRecord(seq, bytes);
    try {
      let off = 0;
      while (off < record.length) off += writeSync(seg.fd, record, off, record.length - off, seg.size + off);
    } catch (err) {
      // Leave no half record behind for the next append to follow.
      try { ftruncateSync(seg.fd, seg.size); } catch { /* the scan on open truncates it instead */ }
      throw ioError(`cannot append to spool segment ${seg.path}`, err);
    }
    this.#queue.push({ seq, seg, offset: seg.size, bodyLength: bytes.length });
    seg.size += size;
    seg.lastSeq = seq;
    this.#diskBytes += size;
    this.#queuedBytes += bytes.length;
    this.#state.nextSeq = seq + 1;
    if (this.#syncIntervalMs === 0) fdatasyncSync(seg.fd);
    else seg.dirty = true;
    this.emit('enqueued', seq);
    return seq;
  }

  /**
   * Hands out the next not-yet-leased messages in seq order: at most
   * `maxMessages`, and at most `maxBytes` unless a single message is bigger
   * (it still goes alone, or nothing would ever move it).
   */
  lease(maxMessages: number, maxBytes: number): SpoolEntry[] {
    this.#checkOpen();
    const out: SpoolEntry[] = [];
    let bytes = 0;
    while (out.length < maxMessages && this.#head + this.#leased < this.#queue.length) {
      const p = this.#queue[this.#head + this.#leased]!;
      if (out.length > 0 && bytes + p.bodyLength > maxBytes) break;
      const body = this.#read(p);
      if (body === undefined) continue; // unreadable: dropped and counted by #read
      out.push({ seq: p.seq, bytes: body });
      bytes += p.bodyLength;
      this.#leased += 1;
      if (p.seq > this.#state.sentThrough) {
        this.#state.sentThrough = p.seq;
        this.#stateDirty = true;
      }
    }
    return out;
  }

  /** The collector stored every leased message with seq <= throughSeq: delete them. */
  ack(throughSeq: number): number {
    this.#checkOpen();
    let n = 0;
    while (this.#leased > 0 && this.#queue[this.#head]!.seq <= throughSeq) {
      this.#shift();
      this.#leased -= 1;
      n += 1;
    }
    const unresolved = this.#ledger.unresolvedCount();
    this.#ledger.acked(throughSeq);
    if (this.#ledger.unresolvedCount() !== unresolved) this.#stateDirty = true;
    if (n > 0) this.#deleteAckedSegments();
    return n;
  }

  /** The connection is gone: every leased message goes back to pending, to be sent again. */
  rollback(): void {
    this.#leased = 0;
    this.#ledger.connectionLost();
  }

  /**
   * Welcome said the collector holds everything up to `seq`: discard those
   * (their ack was lost) and settle drops whose fate was unknown.
   */
  discardThrough(seq: number): number {
    this.#checkOpen();
    let n = 0;
    while (this.#head < this.#queue.length && this.#queue[this.#head]!.seq <= seq) {
      this.#shift();
      if (this.#leased > 0) this.#leased -= 1;
      n += 1;
    }
    // Recovery skips records at or below ackedThrough, so it must never pass
    // a seq this spool has not assigned yet (ensureSeqAbove moves nextSeq).
    const through = Math.min(seq, this.#state.nextSeq - 1);
    if (through > this.#state.ackedThrough) this.#state.ackedThrough = through;
    if (this.#ledger.resolve(seq)) this.#dropsChanged();
    this.#stateDirty = true;
    this.#deleteAckedSegments();
    return n;
  }

  /** Never assign `seq` or anything below it again (Welcome.last_stored_seq). Durable on return. */
  ensureSeqAbove(seq: number): void {
    this.#checkOpen();
    if (this.#state.nextSeq > seq) return;
    this.#log.warn({ nextSeq: this.#state.nextSeq, lastStoredSeq: seq }, 'collector holds seqs beyond the spool; skipping ahead');
    this.#state.nextSeq = seq + 1;
    if (seq > this.#state.reservedThrough) this.#state.reservedThrough = seq;
    this.#saveState();
  }

  stats(): SpoolStats {
    const drops = this.#ledger.totals();
    return {
      queuedMessages: this.#queue.length - this.#head,
      queuedBytes: this.#queuedBytes,
      leasedMessages: this.#leased,
      diskBytes: this.#diskBytes,
      nextSeq: this.#state.nextSeq,
      droppedMessages: drops.messages,
      droppedBytes: drops.bytes,
      lastDroppedSeq: drops.lastSeq,
      unresolvedDrops: this.#ledger.unresolvedCount(),
      skippedSeqs: this.#state.skippedSeqs,
    };
  }

  /** Cumulative drop totals, as SpoolDropReport carries them. */
  dropTotals(): DropTotals {
    return this.#ledger.totals();
  }

  /** fsyncs pending writes and the state now. */
  flush(): void {
    this.#checkOpen();
    for (const seg of this.#segments) {
      if (seg.dirty) {
        fdatasyncSync(seg.fd);
        seg.dirty = false;
      }
    }
    if (this.#stateDirty) this.#saveState();
  }

  close(): void {
    if (this.#closed) return;
    clearInterval(this.#timer);
    try {
      this.flush();
      // A clean close knows exactly which seqs were used: give the rest back.
      this.#state.reservedThrough = this.#state.nextSeq - 1;
      this.#saveState();
    } finally {
      this.#closed = true;
      for (const seg of this.#segments) closeSync(seg.fd);
      this.#segments = [];
      this.#releaseLock();
    }
  }

  // ---- internals ----

  /** Scans the segments on disk and rebuilds the queue; returns the next segment id. */
  #recover(): number {
    const ids = readdirSync(this.dir).map(segmentIdOf).filter((id): id is number => id !== undefined).sort((a, b) => a - b);
    let lastSeq = 0;
    for (const id of ids) {
      const path = join(this.dir, segmentFileName(id));
      const fd = openSync(path, 'r+');
      const seg: Segment = { id, path, fd, size: 0, lastSeq: 0, dirty: false };
      const scan = scanSegment(fd, fstatSync(fd).size, lastSeq, this.#maxRecordBytes);
      if (scan.problem) {
        const dropped = fstatSync(fd).size - scan.validBytes;
        this.#log.warn({ segment: path, keptRecords: scan.records.length, truncatedBytes: dropped },
          `spool segment damaged (${scan.problem}); truncated after the last intact record`);
        if (scan.validBytes === 0) {
          closeSync(fd);
          rmSync(path);
          continue;
        }
        ftruncateSync(fd, scan.validBytes);
      }
      seg.size = scan.validBytes;
      for (const r of scan.records) {
        seg.lastSeq = r.seq;
        if (r.seq > this.#state.ackedThrough) {
          this.#queue.push({ seq: r.seq, seg, offset: r.offset, bodyLength: r.bodyLength });
          this.#queuedBytes += r.bodyLength;
        }
      }
      if (seg.lastSeq > lastSeq) lastSeq = seg.lastSeq;
      this.#segments.push(seg);
      this.#diskBytes += seg.size;
    }
    // After a crash the newest seqs may be missing from the files (a power
    // cut loses unsynced pages) yet known to the collector: resume above the
    // reservation, never below.
    const assignedThrough = Math.max(this.#state.nextSeq - 1, lastSeq, this.#state.ackedThrough);
    if (this.#state.reservedThrough > assignedThrough) {
      // Counted so that a gap in the collector's seqs can be told apart from loss.
      this.#state.skippedSeqs += this.#state.reservedThrough - assignedThrough;
      this.#log.info({ from: assignedThrough + 1, through: this.#state.reservedThrough },
        'spool resumes above an abandoned seq reservation (unclean stop)');
    }
    this.#state.nextSeq = Math.max(assignedThrough + 1, this.#state.reservedThrough + 1);
    const nextId = (ids.at(-1) ?? 0) + 1;
    this.#saveState();
    this.#deleteAckedSegments();
    return nextId;
  }

  /** Drops oldest segments until a record of `size` fits within maxBytes. */
  #makeRoom(size: number): void {
    while (this.#segments.length > 0) {
      const needsNew = this.#needsNewSegment(size);
      if (this.#diskBytes + size + (needsNew ? SEGMENT_MAGIC.length : 0) <= this.#maxBytes) return;
      this.#dropOldestSegment();
    }
  }

  #needsNewSegment(size: number): boolean {
    const last = this.#segments.at(-1);
    return last === undefined || (last.size > SEGMENT_MAGIC.length && last.size + size > this.#segmentBytes);
  }

  #writableSegment(size: number): Segment {
    if (!this.#needsNewSegment(size)) return this.#segments.at(-1)!;
    const prev = this.#segments.at(-1);
    if (prev?.dirty) {
      // A sealed segment is never written again: make it durable once, now.
      fdatasyncSync(prev.fd);
      prev.dirty = false;
    }
    const id = this.#nextSegmentId++;
    const path = join(this.dir, segmentFileName(id));
    let fd: number;
    try {
      fd = openSync(path, 'wx+', 0o600);
      writeSync(fd, SEGMENT_MAGIC, 0, SEGMENT_MAGIC.length, 0);
    } catch (err) {
      throw ioError(`cannot create spool segment ${path}`, err);
    }
    fsyncDir(this.dir);
    const seg: Segment = { id, path, fd, size: SEGMENT_MAGIC.length, lastSeq: 0, dirty: true };
    this.#segments.push(seg);
    this.#diskBytes += seg.size;
    // The previous segment may have been fully acked while it was the write target.
    this.#deleteAckedSegments();
    return seg;
  }

  #dropOldestSegment(): void {
    const seg = this.#segments[0]!;
    let count = 0;
    let totalsChanged = false;
    while (this.#head < this.#queue.length && this.#queue[this.#head]!.seg === seg) {
      const p = this.#queue[this.#head]!;
      const fate = this.#leased > 0 ? 'in-flight' : p.seq <= this.#state.sentThrough ? 'sent-earlier' : 'unsent';
      if (this.#ledger.drop(p.seq, p.bodyLength, fate)) totalsChanged = true;
      this.#shift();
      if (this.#leased > 0) this.#leased -= 1;
      count += 1;
    }
    this.#log.warn({ segment: seg.path, droppedRecords: count, maxBytes: this.#maxBytes },
      'spool full: dropped the oldest segment');
    this.#removeSegment(seg);
    if (totalsChanged) this.#dropsChanged();
  }

  /** Deletes segments whose records are all acked, except the one being written. */
  #deleteAckedSegments(): void {
    const writable = this.#segments.at(-1);
    const oldestPending = this.#queue[this.#head]?.seg;
    for (const seg of [...this.#segments]) {
      if (seg === oldestPending) break;
      if (seg === writable && seg.size < this.#segmentBytes) break;
      this.#removeSegment(seg);
    }
  }

  /** Unlinks a segment. The state goes first, so its seqs stay accounted for. */
  #removeSegment(seg: Segment): void {
    this.#saveState();
    closeSync(seg.fd);
    rmSync(seg.path, { force: true });
    this.#segments.splice(this.#segments.indexOf(seg), 1);
    this.#diskBytes -= seg.size;
  }

  /** Reads one record; a record damaged on disk since the scan is dropped and counted. */
  #read(p: Pending): Buffer | undefined {
    let body: Buffer | undefined;
    try {
      body = readRecord(p.seg.fd, p.offset, p.seq, p.bodyLength);
    } catch (err) {
      throw ioError(`cannot read spool segment ${p.seg.path}`, err);
    }
    if (body) return body;
    this.#log.error({ segment: p.seg.path, offset: p.offset, seq: p.seq }, 'spool record damaged on disk; dropped');
    // Only the un-leased front of the queue is read, so this is the record at head + leased.
    this.#queue.splice(this.#head + this.#leased, 1);
    this.#queuedBytes -= p.bodyLength;
    if (this.#ledger.drop(p.seq, p.bodyLength, p.seq <= this.#state.sentThrough ? 'sent-earlier' : 'unsent')) this.#dropsChanged();
    this.#stateDirty = true;
    return undefined;
  }

  #shift(): void {
    const p = this.#queue[this.#head]!;
    this.#queuedBytes -= p.bodyLength;
    if (p.seq > this.#state.ackedThrough) this.#state.ackedThrough = p.seq;
    this.#head += 1;
    this.#stateDirty = true;
    // Reclaim the consumed front now and then rather than shifting on every ack.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #dropsChanged(): void {
    this.#saveState();
    this.emit('drops', this.#ledger.totals());
  }

  #saveState(): void {
    this.#state.drops = this.#ledger.state();
    writeState(this.#statePath, this.#state);
    this.#stateDirty = false;
  }

  #flushQuietly(): void {
    try {
      this.flush();
    } catch (err) {
      this.#log.error({ err, dir: this.dir }, 'spool fsync failed; will retry');
    }
  }

  #checkOpen(): void {
    if (this.#closed) throw new AgentError('AGENT_E_SPOOL_CLOSED', `spool ${this.dir} is closed`);
  }
}

function ioError(what: string, err: unknown): AgentError {
  return new AgentError('AGENT_E_SPOOL_IO', `${what}: ${(err as Error).message}`, { cause: err });
}
