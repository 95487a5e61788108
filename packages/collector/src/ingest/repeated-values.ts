/**
 * A pure function of a text, remembered for the texts a log repeats. A
 * column such as Result or Second Factor holds a handful of values over
 * 200,000 records, and reading each (regular expressions, lower-casing,
 * label tables) cost more than splitting the record. One instance per
 * parse: nothing outlives the input. Once `limit` distinct texts are held,
 * new ones are computed without being kept (a column of mostly unique
 * values, such as access IPs, must not grow without bound).
 */
export class RepeatedValues<T> {
  readonly #read: (text: string) => T;
  readonly #limit: number;
  readonly #seen = new Map<string, T>();

  constructor(read: (text: string) => T, limit = 10_000) {
    this.#read = read;
    this.#limit = limit;
  }

  get(text: string): T {
    const known = this.#seen.get(text);
    if (known !== undefined || this.#seen.has(text)) return known as T;
    const value = this.#read(text);
    if (this.#seen.size < this.#limit) this.#seen.set(text, value);
    return value;
  }
}
