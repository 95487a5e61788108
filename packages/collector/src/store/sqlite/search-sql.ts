import type Database from 'better-sqlite3';
import { ipInNetwork, networkTextRange, parseIpNetwork, type IpNetwork } from '../../query/ip-network.js';
import type { IpTest, NumberTest, Predicate, TextTest, TimeBound, TimeTest } from '../../query/predicate.js';

/**
 * Renders compiled query predicates (query/predicate.ts) as SQLite SQL.
 * User text only ever travels as bound parameters; the SQL text is built
 * from fixed fragments and column expressions chosen by the caller.
 *
 * Text matching is `LIKE ? ESCAPE '\'`, with the user's own %, _ and \
 * escaped and each wildcard * turned into %. LIKE rather than GLOB because
 * SQLite's LIKE is case-insensitive (ASCII), as Carbon Black's search is,
 * and can still seek an index declared COLLATE NOCASE for a pattern with a
 * fixed prefix (winscp*), where GLOB would need lower() on both sides and
 * lose the index; LIKE ... ESCAPE is also standard SQL (PostgreSQL: ILIKE
 * with the same pattern). Letters outside ASCII compare case-sensitively.
 */

/** SQL text with its positional (?) parameters, in order. */
export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** The leaf tests, what a search renders column by column. */
export type LeafTest<C extends string> = TextTest<C> | NumberTest<C> | TimeTest<C> | IpTest<C>;

export const ESCAPE = "ESCAPE '\\'";

/**
 * Renders and/or/not/all; `leaf` renders each test. `narrow` lets an AND
 * pass what all its items must satisfy (a sensor id, say) down to the
 * rendering of each item, so a subquery can be limited to it too.
 */
export function renderPredicate<C extends string, X>(
  pred: Predicate<C>, ctx: X, leaf: (test: LeafTest<C>, ctx: X) => Sql,
  narrow: (items: readonly Predicate<C>[], ctx: X) => X = (_items, c) => c,
): Sql {
  switch (pred.op) {
    case 'all':
      return { text: '1 = 1', params: [] };
    case 'not': {
      const inner = renderPredicate(pred.item, ctx, leaf, narrow);
      return { text: `NOT (${inner.text})`, params: inner.params };
    }
    case 'and':
    case 'or': {
      const inner = pred.op === 'and' ? narrow(pred.items, ctx) : ctx;
      return join(pred.items.map((item) => renderPredicate(item, inner, leaf, narrow)), pred.op === 'and' ? 'AND' : 'OR');
    }
    default:
      return leaf(pred, ctx);
  }
}

/** Fragments joined by AND or OR, each parenthesised. */
export function join(parts: readonly Sql[], op: 'AND' | 'OR'): Sql {
  if (parts.length === 1) return parts[0]!;
  return { text: parts.map((p) => `(${p.text})`).join(` ${op} `), params: parts.flatMap((p) => p.params) };
}

/** The LIKE pattern of a text test: user %, _ and \ escaped, wildcards as %. */
export function likePattern(parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%');
}

/** `expr LIKE ? ESCAPE '\'`: exact (case-insensitive) for one part, a pattern otherwise. */
export function textSql(expr: string, parts: readonly string[]): Sql {
  return { text: `${expr} LIKE ? ${ESCAPE}`, params: [likePattern(parts)] };
}

/** Whole-number bounds (inclusive). */
export function numberSql(expr: string, min: number | null, max: number | null): Sql {
  const parts: Sql[] = [];
  if (min !== null && min === max) return { text: `${expr} = ?`, params: [min] };
  if (min !== null) parts.push({ text: `${expr} >= ?`, params: [min] });
  if (max !== null) parts.push({ text: `${expr} <= ?`, params: [max] });
  return parts.length === 0 ? { text: '1 = 1', params: [] } : join(parts, 'AND');
}

/** Clock offsets of all sensors, lowest and highest: uncorrelated, so computed once per query. */
const LOWEST_OFFSET = '(SELECT MIN(COALESCE(clock_offset_ms, 0)) FROM sensors)';
const HIGHEST_OFFSET = '(SELECT MAX(COALESCE(clock_offset_ms, 0)) FROM sensors)';

/**
 * Time bounds (inclusive ms). `sensorNow`: for a column in the sensor's own
 * clock, the SQL of that sensor's clock offset (agent − collector), added to
 * bounds written relative to NOW. Such a bound depends on the row's sensor,
 * so an index on the column alone cannot seek it; `indexed` adds the same
 * bound widened to every sensor's offset, which can. `nullable`: a NULL
 * time matches no range (and so matches its NOT), rather than making the
 * whole test NULL.
 */
export function timeSql(expr: string, min: TimeBound | null, max: TimeBound | null,
  opts: { sensorNow?: string; indexed?: boolean; nullable?: boolean } = {}): Sql {
  const perSensor = (b: TimeBound): boolean => b.fromNow && opts.sensorNow !== undefined;
  const parts: Sql[] = [];
  if (opts.nullable) parts.push({ text: `${expr} IS NOT NULL`, params: [] });
  if (min !== null) {
    parts.push({ text: `${expr} >= ?${perSensor(min) ? ` + ${opts.sensorNow}` : ''}`, params: [min.ms] });
    if (perSensor(min) && opts.indexed) parts.push({ text: `${expr} >= ? + ${LOWEST_OFFSET}`, params: [min.ms] });
  }
  if (max !== null) {
    parts.push({ text: `${expr} <= ?${perSensor(max) ? ` + ${opts.sensorNow}` : ''}`, params: [max.ms] });
    if (perSensor(max) && opts.indexed) parts.push({ text: `${expr} <= ? + ${HIGHEST_OFFSET}`, params: [max.ms] });
  }
  return parts.length === 0 ? { text: '1 = 1', params: [] } : join(parts, 'AND');
}

/**
 * An address column in a network (null: any address). The exact test is
 * pt_ip_in_cidr (registered by registerSearchFunctions). `textRange`: the
 * column holds the agent's spelling of addresses, so a plain text range
 * ("10.1." <= ip < "10.1/") finds the candidates through an index on the
 * column instead of calling into JS for every row, and for a network on an
 * octet (hextet) boundary it is the whole answer.
 */
export function ipSql(expr: string, network: IpNetwork | null, opts: { textRange: boolean }): Sql {
  if (network === null) return { text: `${expr} <> ''`, params: [] };
  const exact: Sql = { text: `pt_ip_in_cidr(${expr}, ?, ?) = 1`, params: [network.address, network.prefix] };
  const range = opts.textRange ? networkTextRange(network) : null;
  if (range === null) return exact;
  if (range.kind === 'equal') return { text: `${expr} = ?`, params: [range.text] };
  // The prefix ends in '.' or ':'; the next character up bounds the range.
  const upper = range.text.slice(0, -1) + String.fromCharCode(range.text.charCodeAt(range.text.length - 1) + 1);
  const prefix: Sql = { text: `${expr} >= ? AND ${expr} < ?`, params: [range.text, upper] };
  return range.complete ? prefix : join([prefix, exact], 'AND');
}

/** Cache size for parsed networks of pt_ip_in_cidr: a query uses one or two. */
const NETWORK_CACHE = 64;

/**
 * Registers pt_ip_in_cidr(ip TEXT, network TEXT, prefix INTEGER) → 1/0 on
 * the connection: deterministic, so SQLite may use it anywhere an
 * expression may go. remote_ip is TEXT, and SQLite has no address type;
 * PostgreSQL would use `ip::inet <<= network::cidr` instead.
 */
export function registerSearchFunctions(db: Database.Database): void {
  const networks = new Map<string, IpNetwork | null>();
  // A query calls with the same network row after row: remember the last one without building a key.
  let lastAddress = '';
  let lastPrefix = -1;
  let last: IpNetwork | null = null;
  db.function('pt_ip_in_cidr', { deterministic: true, varargs: false }, (ip: unknown, address: unknown, prefixValue: unknown) => {
    if (typeof ip !== 'string' || typeof address !== 'string' || (typeof prefixValue !== 'number' && typeof prefixValue !== 'bigint')) return 0;
    const prefix = Number(prefixValue);
    if (address !== lastAddress || prefix !== lastPrefix) {
      const key = `${address}/${prefix}`;
      let network = networks.get(key);
      if (network === undefined) {
        const parsed = parseIpNetwork(key);
        network = typeof parsed === 'string' ? null : parsed;
        if (networks.size >= NETWORK_CACHE) networks.clear();
        networks.set(key, network);
      }
      [lastAddress, lastPrefix, last] = [address, prefix, network];
    }
    return last !== null && ipInNetwork(ip, last) ? 1 : 0;
  });
}
