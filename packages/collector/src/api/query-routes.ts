import { CollectorError } from '../errors.js';
import { compileProcessQuery, DEFAULT_PROCESS_SORT, MAX_SEARCH_LIMIT, parseProcessSort } from '../query/process-query.js';
import type { QueryError } from '../query/query-error.js';
import { compileSensorQuery } from '../query/sensor-query.js';
import { formatSort } from '../query/sort-spec.js';
import type { ProcessSearchRow } from '../store/store.js';
import type { RouteInput } from './api-handler.js';
import { isoOrNull, toSensorView } from './sensor-view.js';

type Handler = (input: RouteInput) => Promise<unknown>;

/** Processes per page when `limit` is not given. */
export const DEFAULT_SEARCH_LIMIT = 100;

/** One process as `GET /processes?q=` and `pushtrace query --json` show it (ProcessView's names where they overlap). */
export interface ProcessSearchView {
  sensor_id: number;
  hostname: string;
  name: string;
  pid: number;
  ppid: number;
  path: string;
  cmdline: string;
  user: string;
  start_time: string | null;
  /** Newest netconn opened, or when the collector first heard of the process (agent clock). */
  last_update: string | null;
  sha256: string | null;
  md5: string | null;
  netconn_count: number;
  process_guid: string;
  exe_deleted: boolean;
}

export function toProcessSearchView(row: ProcessSearchRow): ProcessSearchView {
  return {
    sensor_id: row.sensorId,
    hostname: row.hostname,
    name: row.name,
    pid: row.pid,
    ppid: row.ppid,
    path: row.path,
    cmdline: row.cmdline,
    user: row.username,
    start_time: isoOrNull(row.startTimeMs),
    last_update: isoOrNull(row.lastUpdateMs),
    sha256: row.sha256 || null,
    md5: row.md5 || null,
    netconn_count: row.netconnCount,
    process_guid: row.processGuid,
    exe_deleted: row.exeDeleted,
  };
}

/**
 * GET /processes?q=QUERY[&sort=-start][&limit=100][&offset=0] — processes
 * matching a query, one page, with the total. A bad query throws
 * QueryError: answer it with queryErrorBody (400, code and column).
 */
export async function searchProcessesRoute({ ctx, query }: RouteInput): Promise<unknown> {
  const q = requiredQuery(query);
  for (const name of ['sensor', 'since']) {
    if (query.has(name)) {
      throw new CollectorError('COLLECTOR_E_BAD_PARAM',
        `query parameter ${name} cannot be combined with q; say it in the query (sensor_id:7, start:-10m)`);
    }
  }
  const sortText = query.get('sort');
  const sort = sortText === null ? DEFAULT_PROCESS_SORT : parseProcessSort(sortText, 'query parameter sort');
  const limit = wholeNumber(query, 'limit', DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT);
  const offset = wholeNumber(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const compiled = compileProcessQuery(q, { now: ctx.now });
  const page = await ctx.store.searchProcesses({ where: compiled.where, sort, limit, offset, countTotal: true });
  return {
    query: q,
    sort: formatSort(sort),
    offset,
    limit,
    total: page.total,
    has_more: page.hasMore,
    processes: page.rows.map(toProcessSearchView),
  };
}

/** GET /sensors?q=QUERY — sensors matching a query, in the same shape as GET /sensors. */
export async function searchSensorsRoute({ ctx, query }: RouteInput): Promise<unknown> {
  const q = requiredQuery(query);
  const nowMs = ctx.now();
  const compiled = compileSensorQuery(q, { now: () => nowMs });
  const rows = await ctx.store.searchSensors({ where: compiled.where });
  return {
    now: new Date(nowMs).toISOString(),
    query: q,
    sensors: rows.map((row) => toSensorView(row, { nowMs, offlineGraceMs: ctx.offlineGraceMs, connected: ctx.isConnected(row.sensorId) })),
  };
}

/**
 * One route serving both the plain list and the search: with `q` the
 * search, without it the list as before. Parameters only the search
 * understands (`searchOnly`) are refused without `q`, not ignored.
 */
export function withSearch(search: Handler, list: Handler, searchOnly: readonly string[]): Handler {
  return (input) => {
    if (input.query.has('q')) return search(input);
    const stray = searchOnly.find((name) => input.query.has(name));
    if (stray !== undefined) {
      return Promise.reject(new CollectorError('COLLECTOR_E_BAD_PARAM', `query parameter ${stray} needs q (a query to search with)`));
    }
    return list(input);
  };
}

/** The API's answer to a query error (HTTP 400): the one error shape plus the 1-based column. */
export function queryErrorBody(err: QueryError): { error: { code: QueryError['code']; message: string; column: number } } {
  return { error: { code: err.code, message: err.message, column: err.column } };
}

function requiredQuery(query: URLSearchParams): string {
  const q = query.get('q');
  if (q === null) throw new CollectorError('COLLECTOR_E_BAD_PARAM', 'query parameter q is missing');
  return q;
}

function wholeNumber(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  if (!/^\d{1,16}$/.test(text) || Number(text) > max) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `query parameter ${name}: "${text}" is not a whole number from 0 to ${max}`);
  }
  return Number(text);
}
