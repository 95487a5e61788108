/**
 * Collects a stream's bytes up to a cap and remembers whether more came.
 * Keeps whole chunks until the cap, then the head of the chunk that crosses
 * it, so memory stays at the cap whatever a child writes.
 */
export class CappedOutput {
  readonly #cap: number;
  readonly #chunks: Buffer[] = [];
  #length = 0;
  #truncated = false;

  constructor(capBytes: number) {
    this.#cap = capBytes;
  }

  /** Adds a chunk; returns false once the cap has been exceeded. */
  push(chunk: Buffer): boolean {
    if (this.#truncated) return false;
    const room = this.#cap - this.#length;
    if (chunk.length > room) {
      if (room > 0) this.#chunks.push(chunk.subarray(0, room));
      this.#length = this.#cap;
      this.#truncated = true;
      return false;
    }
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    return true;
  }

  get truncated(): boolean {
    return this.#truncated;
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks, this.#length);
  }
}

/**
 * `text` as UTF-8, cut to at most `capBytes` without splitting a character,
 * for built-in verbs whose output is text.
 */
export function capText(text: string, capBytes: number): { bytes: Buffer; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= capBytes) return { bytes, truncated: false };
  let end = capBytes;
  // Back off continuation bytes (10xxxxxx) so the cut lands on a character start.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { bytes: bytes.subarray(0, end), truncated: true };
}
