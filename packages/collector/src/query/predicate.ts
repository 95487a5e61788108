import type { IpNetwork } from './ip-network.js';

/**
 * A compiled query: a small predicate tree over a search's logical columns
 * (`process_name`, `ipaddr`, ...), with every value typed and every date
 * resolved to epoch ms. No SQL: each store backend renders it in its own
 * dialect (store/sqlite/search-sql.ts for SQLite; a PostgreSQL store would
 * map `text` to ILIKE, `ip` to inet's `<<=`, the rest one to one), so user
 * text reaches a database only as bound parameters.
 */
export type Predicate<C extends string> =
  | { readonly op: 'and'; readonly items: readonly Predicate<C>[] }
  | { readonly op: 'or'; readonly items: readonly Predicate<C>[] }
  | { readonly op: 'not'; readonly item: Predicate<C> }
  /** Matches every row (`pid:*`, `start:[* TO *]`). */
  | { readonly op: 'all' }
  | TextTest<C>
  | NumberTest<C>
  | TimeTest<C>
  | IpTest<C>;

/**
 * Case-insensitive text match. `parts` is the value cut at each wildcard:
 * one part is an exact match of the whole text, ['', 'laptop', ''] is
 * "contains laptop". Parts hold the user's text as is (no escaping).
 */
export interface TextTest<C extends string> {
  readonly op: 'text';
  readonly column: C;
  readonly parts: readonly string[];
}

/** Whole numbers in [min, max] (inclusive; null = open). */
export interface NumberTest<C extends string> {
  readonly op: 'number';
  readonly column: C;
  readonly min: number | null;
  readonly max: number | null;
}

/** Times in [min, max] (inclusive epoch ms; null = open). */
export interface TimeTest<C extends string> {
  readonly op: 'time';
  readonly column: C;
  readonly min: TimeBound | null;
  readonly max: TimeBound | null;
}

export interface TimeBound {
  readonly ms: number;
  /**
   * The bound was written relative to NOW (NOW-10MINUTES, -10m). A column
   * in a sensor's own clock then compares against that sensor's now (the
   * collector's now plus the sensor's clock offset), so a laptop whose
   * clock is an hour off still answers "the last 10 minutes" correctly.
   * Absolute ISO times compare as written, like the times the API shows.
   */
  readonly fromNow: boolean;
}

/** An address in the network; network null = any address at all. */
export interface IpTest<C extends string> {
  readonly op: 'ip';
  readonly column: C;
  readonly network: IpNetwork | null;
}
