import { crc32 } from './crc32.js';

/*
 * On-disk format of one spool segment file:
 *
 *   segment := magic record*
 *   magic   := "PTSPOOL1"                      (8 bytes)
 *   record  := crc32:u32le length:u32le seq:u64le body[length]
 *
 * crc32 covers length, seq and body, so a torn or zero-filled tail (length
 * field included) fails the check instead of being read as a record. All
 * integers are little-endian. The format is ours alone: no reader outside
 * this folder.
 */

export const SEGMENT_MAGIC = Buffer.from('PTSPOOL1', 'latin1');
export const RECORD_HEADER_BYTES = 16;

/** Bytes a record with a body of `bodyLength` takes on disk. */
export function recordSize(bodyLength: number): number {
  return RECORD_HEADER_BYTES + bodyLength;
}

/** Encodes one record (header and body) ready to be appended. */
export function encodeRecord(seq: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER_BYTES + body.length);
  out.writeUInt32LE(body.length, 4);
  out.writeBigUInt64LE(BigInt(seq), 8);
  out.set(body, RECORD_HEADER_BYTES);
  out.writeUInt32LE(crc32(out.subarray(4)), 0);
  return out;
}

/** A record header as read from disk, not yet checked against its body. */
export interface RecordHeader {
  crc: number;
  length: number;
  seq: number;
}

export function decodeHeader(header: Buffer): RecordHeader {
  const seq = header.readBigUInt64LE(8);
  return {
    crc: header.readUInt32LE(0),
    length: header.readUInt32LE(4),
    // Beyond 2^53 only garbage can live here; mapping it to NaN makes the
    // reader's "seq must increase" check reject it.
    seq: seq > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(seq),
  };
}

/** True when `record` (header and body, contiguous) is intact. */
export function recordIntact(record: Buffer, header: RecordHeader): boolean {
  return crc32(record.subarray(4, RECORD_HEADER_BYTES + header.length)) === header.crc;
}
