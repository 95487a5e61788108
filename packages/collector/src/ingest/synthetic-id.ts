import type { MfaEvent } from './mfa-event.js';

/**
 * Ids for records whose log has none (a Duo CSV export has no txid column).
 * The store dedupes on (source, eventId, timeMs), so an empty id would merge
 * two users' pushes in the same second; a digest of the event's content
 * keeps them apart and stays the same when the same file is loaded again.
 *
 * Identical rows do happen (two "No response" pushes in the same minute of a
 * minute-precision export) and are separate pushes: the n-th repeat of a
 * content within one input gets "#n". Re-loading the file, or a later export
 * that overlaps it, numbers them the same way, so nothing doubles.
 */
export class SyntheticIds {
  private readonly seen = new DigestCounts();

  constructor(private readonly prefix: string) {}

  /** The id for this event (eventId is ignored). */
  next(event: Omit<MfaEvent, 'eventId'>): string {
    const [lane1, lane2] = contentHash([String(event.timeMs), event.user, event.application, event.eventType, event.factor, event.result,
      event.reason, event.accessIp ?? '', event.authDevice ?? '']);
    const digest = hexDigest(lane2, lane1);
    const repeats = this.seen.bump(lane1, lane2);
    return repeats === 0 ? `${this.prefix}:${digest}` : `${this.prefix}:${digest}#${repeats}`;
  }
}

/**
 * How often each 64-bit digest (two 32-bit lanes) was seen: an
 * open-addressing table in typed arrays. A Map of 200,000 digest strings
 * cost more than hashing the rows; both lanes are compared, so every
 * content keeps its own count.
 */
class DigestCounts {
  #lane1 = new Uint32Array(1024);
  #lane2 = new Uint32Array(1024);
  /** Sightings; 0 marks an empty slot. */
  #count = new Uint32Array(1024);
  #size = 0;

  /** Counts one more sighting; returns how many there were before. */
  bump(lane1: number, lane2: number): number {
    if ((this.#size + 1) * 2 > this.#count.length) this.#grow();
    const i = this.#slot(lane1, lane2);
    const before = this.#count[i]!;
    if (before === 0) {
      this.#lane1[i] = lane1;
      this.#lane2[i] = lane2;
      this.#size++;
    }
    this.#count[i] = before + 1;
    return before;
  }

  /** The slot holding (lane1, lane2), or the empty one where it goes (linear probing; the table is never over half full). */
  #slot(lane1: number, lane2: number): number {
    const mask = this.#count.length - 1;
    let i = (lane1 ^ Math.imul(lane2, 0x9e3779b1)) & mask;
    while (this.#count[i] !== 0 && (this.#lane1[i] !== lane1 || this.#lane2[i] !== lane2)) i = (i + 1) & mask;
    return i;
  }

  #grow(): void {
    const [lane1, lane2, count] = [this.#lane1, this.#lane2, this.#count];
    this.#lane1 = new Uint32Array(count.length * 2);
    this.#lane2 = new Uint32Array(count.length * 2);
    this.#count = new Uint32Array(count.length * 2);
    for (let j = 0; j < count.length; j++) {
      if (count[j] === 0) continue;
      const i = this.#slot(lane1[j]!, lane2[j]!);
      this.#lane1[i] = lane1[j]!;
      this.#lane2[i] = lane2[j]!;
      this.#count[i] = count[j]!;
    }
  }
}

const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** `a` then `b` as 8 lower-case hex digits each, in one string (toString(16) + padStart twice cost three). */
function hexDigest(a: number, b: number): string {
  return String.fromCharCode(
    HEX[a >>> 28]!, HEX[(a >>> 24) & 15]!, HEX[(a >>> 20) & 15]!, HEX[(a >>> 16) & 15]!,
    HEX[(a >>> 12) & 15]!, HEX[(a >>> 8) & 15]!, HEX[(a >>> 4) & 15]!, HEX[a & 15]!,
    HEX[b >>> 28]!, HEX[(b >>> 24) & 15]!, HEX[(b >>> 20) & 15]!, HEX[(b >>> 16) & 15]!,
    HEX[(b >>> 12) & 15]!, HEX[(b >>> 8) & 15]!, HEX[(b >>> 4) & 15]!, HEX[b & 15]!,
  );
}

/** Separates the fields in the hashed text (unit separator). */
const SEP = 0x1f;

/**
 * 64 bits of a non-cryptographic hash (two 32-bit multiply-xorshift lanes,
 * the cyrb53 construction) of the fields joined by SEP — fed field by field
 * rather than joined first, which cost as much as the hashing — as its two
 * lanes, unsigned; the digest is lane 2 then lane 1 in hex. Not a secret,
 * only a name: two events collide only with the same time and the same 64
 * bits, and a cryptographic digest per CSV row cost a quarter of the parse
 * time.
 */
function contentHash(fields: readonly string[]): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let f = 0; f < fields.length; f++) {
    if (f > 0) {
      h1 = Math.imul(h1 ^ SEP, 2654435761);
      h2 = Math.imul(h2 ^ SEP, 1597334677);
    }
    const text = fields[f]!;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
