import { readSync } from 'node:fs';
import { decodeHeader, RECORD_HEADER_BYTES, recordIntact, SEGMENT_MAGIC } from './record-format.js';

const NAME = /^seg-(\d{12})\.log$/;

export function segmentFileName(id: number): string {
  return `seg-${String(id).padStart(12, '0')}.log`;
}

/** The segment id in a file name, or undefined for files that are not segments. */
export function segmentIdOf(name: string): number | undefined {
  const m = NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** One intact record found by a scan. */
export interface ScannedRecord {
  seq: number;
  /** Offset of the record header in the file. */
  offset: number;
  bodyLength: number;
}

export interface ScanResult {
  records: ScannedRecord[];
  /** Bytes from the start of the file that hold the magic and intact records. */
  validBytes: number;
  /** Why the scan stopped before the end of the file, if it did. */
  problem?: string;
}

/**
 * Reads a whole segment (segments are a few MiB, so one read) and returns its
 * intact records in order. Stops at the first record that is torn (shorter
 * than its length field), fails its CRC, is longer than `maxBodyBytes` or
 * does not carry a seq above `afterSeq` and the records before it: everything
 * from there on is untrustworthy, everything before it is kept.
 */
export function scanSegment(fd: number, fileBytes: number, afterSeq: number, maxBodyBytes: number): ScanResult {
  const data = Buffer.allocUnsafe(fileBytes);
  let got = 0;
  while (got < fileBytes) {
    const n = readSync(fd, data, got, fileBytes - got, got);
    if (n === 0) break;
    got += n;
  }
  const records: ScannedRecord[] = [];
  if (got < SEGMENT_MAGIC.length || !data.subarray(0, SEGMENT_MAGIC.length).equals(SEGMENT_MAGIC)) {
    return { records, validBytes: 0, problem: got < SEGMENT_MAGIC.length ? 'torn segment header' : 'not a spool segment (bad magic)' };
  }
  let offset = SEGMENT_MAGIC.length;
  let lastSeq = afterSeq;
  while (offset < got) {
    if (got - offset < RECORD_HEADER_BYTES) {
      return { records, validBytes: offset, problem: `torn record header at offset ${offset}` };
    }
    const header = decodeHeader(data.subarray(offset, offset + RECORD_HEADER_BYTES));
    if (header.length > maxBodyBytes) {
      return { records, validBytes: offset, problem: `record length ${header.length} at offset ${offset} exceeds ${maxBodyBytes}` };
    }
    if (got - offset - RECORD_HEADER_BYTES < header.length) {
      return { records, validBytes: offset, problem: `torn record at offset ${offset} (${header.length} body bytes announced)` };
    }
    if (!recordIntact(data.subarray(offset), header)) {
      return { records, validBytes: offset, problem: `CRC mismatch at offset ${offset}` };
    }
    if (!(header.seq > lastSeq)) {
      return { records, validBytes: offset, problem: `seq ${header.seq} at offset ${offset} does not follow ${lastSeq}` };
    }
    records.push({ seq: header.seq, offset, bodyLength: header.length });
    lastSeq = header.seq;
    offset += RECORD_HEADER_BYTES + header.length;
  }
  return { records, validBytes: offset };
}

/**
 * Reads the record at `offset` and checks it again (CRC, seq, length): the
 * disk may have changed since the scan. Undefined when it is damaged.
 */
export function readRecord(fd: number, offset: number, seq: number, bodyLength: number): Buffer | undefined {
  const buf = Buffer.allocUnsafe(RECORD_HEADER_BYTES + bodyLength);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, offset + got);
    if (n === 0) break;
    got += n;
  }
  if (got !== buf.length) return undefined;
  const header = decodeHeader(buf);
  if (header.seq !== seq || header.length !== bodyLength || !recordIntact(buf, header)) return undefined;
  return buf.subarray(RECORD_HEADER_BYTES);
}
