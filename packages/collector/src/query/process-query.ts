import { compileQuery } from './compile-query.js';
import { hexField, ipField, numberField, textField, timeField, type FieldTable } from './field-kinds.js';
import { parseQuery } from './parse-query.js';
import type { Predicate } from './predicate.js';
import { parseSort, type SortSpec } from './sort-spec.js';

/** What a process search can test; each is one field of the language. */
export type ProcessColumn =
  | 'sensor_id' | 'hostname' | 'process_name' | 'pid' | 'ppid' | 'username' | 'path' | 'cmdline' | 'sha256' | 'md5'
  | 'process_guid' | 'start' | 'last_update' | 'netconn_count' | 'ipaddr' | 'ipport';

const MAX_PID = 2 ** 32;

/**
 * Fields of `pushtrace query` / `GET /processes?q=`, Carbon Black's names.
 * hostname is the process's sensor's; ipaddr and ipport match when ANY
 * netconn of the process matches (two such terms may match two different
 * netconns); start is the process start time, last_update its latest
 * activity (newest netconn opened, or when the collector first heard of it).
 */
export const PROCESS_FIELDS: FieldTable<ProcessColumn> = Object.freeze({
  sensor_id: numberField<ProcessColumn>('sensor_id', 1, Number.MAX_SAFE_INTEGER),
  hostname: textField<ProcessColumn>('hostname'),
  process_name: textField<ProcessColumn>('process_name'),
  pid: numberField<ProcessColumn>('pid', 0, MAX_PID),
  ppid: numberField<ProcessColumn>('ppid', 0, MAX_PID),
  username: textField<ProcessColumn>('username'),
  path: textField<ProcessColumn>('path'),
  cmdline: textField<ProcessColumn>('cmdline'),
  sha256: hexField<ProcessColumn>('sha256', 64),
  md5: hexField<ProcessColumn>('md5', 32),
  process_guid: textField<ProcessColumn>('process_guid'),
  start: timeField<ProcessColumn>('start'),
  last_update: timeField<ProcessColumn>('last_update'),
  netconn_count: numberField<ProcessColumn>('netconn_count', 0, Number.MAX_SAFE_INTEGER),
  ipaddr: ipField<ProcessColumn>('ipaddr'),
  ipport: numberField<ProcessColumn>('ipport', 0, 65_535),
});

export interface ProcessQuery {
  /** The query as written. */
  readonly text: string;
  readonly where: Predicate<ProcessColumn>;
}

/** Parses and compiles a process query; NOW is `now()` read once. Throws QueryError. */
export function compileProcessQuery(text: string, opts: { now: () => number }): ProcessQuery {
  return { text, where: compileQuery(parseQuery(text), PROCESS_FIELDS, opts.now()) };
}

export const PROCESS_SORT_KEYS = [
  'start', 'last_update', 'netconn_count', 'process_name', 'hostname', 'sensor_id', 'pid', 'username',
] as const;
export type ProcessSortKey = (typeof PROCESS_SORT_KEYS)[number];
export type ProcessSort = SortSpec<ProcessSortKey>;

/** Largest page of a process search: a page is read whole into memory. */
export const MAX_SEARCH_LIMIT = 10_000;

/** Newest processes first. */
export const DEFAULT_PROCESS_SORT: ProcessSort = Object.freeze({ key: 'start', descending: true });

/** "-start", "netconn_count", ...; throws COLLECTOR_E_BAD_PARAM naming `what`. */
export function parseProcessSort(text: string, what: string): ProcessSort {
  return parseSort(text, PROCESS_SORT_KEYS, what);
}
