// src/ingest/synthetic-id.ts as it was before the ingest speed work (commit ee8c50a,
// verbatim but for this header and import paths): an oracle the
// ingest-*-equivalence tests hold the new code to. Do not "fix" it.
import type { MfaEvent } from '../src/ingest/mfa-event.js';

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
  private readonly seen = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  /** The id for this event (eventId is ignored). */
  next(event: Omit<MfaEvent, 'eventId'>): string {
    const sep = '\u001f';
    const digest = contentHash(`${event.timeMs}${sep}${event.user}${sep}${event.application}${sep}${event.eventType}`
      + `${sep}${event.factor}${sep}${event.result}${sep}${event.reason}${sep}${event.accessIp ?? ''}${sep}${event.authDevice ?? ''}`);
    const repeats = this.seen.get(digest) ?? 0;
    this.seen.set(digest, repeats + 1);
    return repeats === 0 ? `${this.prefix}:${digest}` : `${this.prefix}:${digest}#${repeats}`;
  }
}

/**
 * 64 bits of a non-cryptographic hash (two 32-bit multiply-xorshift lanes,
 * the cyrb53 construction), as 16 hex digits. Not a secret, only a name:
 * two events collide only with the same time and the same 64 bits, and a
 * cryptographic digest per CSV row cost a quarter of the parse time.
 */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
