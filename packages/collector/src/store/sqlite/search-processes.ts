import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { Predicate } from '../../query/predicate.js';
import { MAX_SEARCH_LIMIT, type ProcessColumn, type ProcessSortKey } from '../../query/process-query.js';
import type { ProcessSearch, ProcessSearchPage, ProcessSearchRow } from '../store.js';
import { ipSql, join, numberSql, registerSearchFunctions, renderPredicate, textSql, timeSql, type LeafTest, type Sql } from './search-sql.js';

/** The netconns of the row's process; seeks netconns_process (sensor_id, process_guid, opened_at_ms). */
const OF_PROCESS = 'n.sensor_id = p.sensor_id AND n.process_guid = p.process_guid';
const NETCONN_COUNT = `(SELECT COUNT(*) FROM netconns n WHERE ${OF_PROCESS})`;
/** One backward seek in the same index: the newest netconn's opening. */
const NEWEST_NETCONN = `(SELECT n.opened_at_ms FROM netconns n WHERE ${OF_PROCESS} ORDER BY n.opened_at_ms DESC LIMIT 1)`;
const LAST_UPDATE = `CASE WHEN COALESCE(${NEWEST_NETCONN}, 0) > p.first_seen_ms THEN ${NEWEST_NETCONN} ELSE p.first_seen_ms END`;
/** The sensor's clock offset: bounds relative to NOW move into the sensor's clock. */
const SENSOR_NOW = 'COALESCE(s.clock_offset_ms, 0)';

const TEXT_COLUMNS: Partial<Record<ProcessColumn, string>> = {
  hostname: 's.hostname', process_name: 'p.name', username: 'p.username', path: 'p.path', cmdline: 'p.cmdline',
  sha256: 'p.sha256', md5: 'p.md5', process_guid: 'p.process_guid',
};
const NUMBER_COLUMNS: Partial<Record<ProcessColumn, string>> = { sensor_id: 'p.sensor_id', pid: 'p.pid', ppid: 'p.ppid' };
const TIME_COLUMNS: Partial<Record<ProcessColumn, string>> = { start: 'p.start_time_ms', last_update: LAST_UPDATE };

const SORT_EXPR: Record<ProcessSortKey, string> = {
  start: 'p.start_time_ms',
  last_update: LAST_UPDATE,
  netconn_count: NETCONN_COUNT,
  process_name: 'p.name COLLATE NOCASE',
  hostname: 's.hostname COLLATE NOCASE',
  sensor_id: 'p.sensor_id',
  pid: 'p.pid',
  username: 'p.username COLLATE NOCASE',
};

/** What an AND's items all require, passed down to subqueries. */
interface Scope {
  /** Every match is on this sensor: a netconn subquery may look at its rows only. */
  sensorId: number | null;
}

/**
 * A process matches a netconn term (ipaddr, ipport) when any of its
 * netconns does. Rendered as a row-value IN over netconns, not as a
 * correlated EXISTS: the subquery runs once, through the index on
 * remote_ip when the term has one, instead of once per candidate process.
 */
function anyNetconn(condition: Sql, scope: Scope): Sql {
  const bySensor = scope.sensorId === null ? '' : ' AND n.sensor_id = ?';
  return {
    text: `(p.sensor_id, p.process_guid) IN (SELECT n.sensor_id, n.process_guid FROM netconns n WHERE ${condition.text}${bySensor})`,
    params: scope.sensorId === null ? condition.params : [...condition.params, scope.sensorId],
  };
}

/**
 * netconn_count in [min, max] without counting: "at least min" is whether
 * a min-th netconn exists (EXISTS ... OFFSET min-1), "at most max" whether
 * no (max+1)-th does. Each reads at most that many index entries of the
 * process; [1 TO *], the common case, is one seek.
 */
function netconnCountSql(min: number | null, max: number | null): Sql {
  const nth = (offset: number): string =>
    `EXISTS (SELECT 1 FROM netconns n WHERE ${OF_PROCESS}${offset > 0 ? ' LIMIT 1 OFFSET ?' : ''})`;
  const parts: Sql[] = [];
  if (min !== null && min > 0) parts.push({ text: nth(min - 1), params: min > 1 ? [min - 1] : [] });
  if (max !== null) parts.push({ text: `NOT ${nth(max)}`, params: max > 0 ? [max] : [] });
  return parts.length === 0 ? { text: '1 = 1', params: [] } : join(parts, 'AND');
}

function leaf(test: LeafTest<ProcessColumn>, scope: Scope): Sql {
  switch (test.op) {
    case 'text':
      return textSql(column(TEXT_COLUMNS, test.column), test.parts);
    case 'number':
      if (test.column === 'netconn_count') return netconnCountSql(test.min, test.max);
      if (test.column === 'ipport') return anyNetconn(numberSql('n.remote_port', test.min, test.max), scope);
      return numberSql(column(NUMBER_COLUMNS, test.column), test.min, test.max);
    case 'time':
      return timeSql(column(TIME_COLUMNS, test.column), test.min, test.max, { sensorNow: SENSOR_NOW, indexed: test.column === 'start' });
    case 'ip':
      if (test.column !== 'ipaddr') throw wrongColumn(test.column);
      return anyNetconn(ipSql('n.remote_ip', test.network, { textRange: true }), scope);
  }
}

function narrow(items: readonly Predicate<ProcessColumn>[], scope: Scope): Scope {
  for (const item of items) {
    if (item.op === 'number' && item.column === 'sensor_id' && item.min !== null && item.min === item.max) return { sensorId: item.min };
  }
  return scope;
}

function column(map: Partial<Record<ProcessColumn, string>>, name: ProcessColumn): string {
  const expr = map[name];
  if (expr === undefined) throw wrongColumn(name);
  return expr;
}

function wrongColumn(name: string): CollectorError {
  return new CollectorError('COLLECTOR_E_INTERNAL', `searchProcesses: predicate uses ${name} in a way the SQLite store does not render`);
}

interface SearchDbRow {
  sensor_id: number;
  process_guid: string;
  hostname: string;
  name: string;
  pid: number;
  ppid: number;
  path: string;
  cmdline: string;
  username: string;
  start_time_ms: number;
  sha256: string;
  md5: string;
  exe_deleted: number;
  netconn_count: number;
  last_update_ms: number;
}

const FROM = 'FROM sensors s JOIN processes p ON p.sensor_id = s.id';

/** The page query and the count query of one search, SQL and parameters. */
export function processSearchSql(search: ProcessSearch): { page: Sql; count: Sql } {
  const where = renderPredicate(search.where, { sensorId: null }, leaf, narrow);
  const dir = search.sort.descending ? 'DESC' : 'ASC';
  // The page's keys first (sorted, limited), then the columns of those rows
  // only: netconn counts of every match would cost as much as the matches'
  // netconns, and only a page is shown.
  const page: Sql = {
    text: `WITH page AS (
      SELECT p.sensor_id AS sid, p.process_guid AS guid, ${SORT_EXPR[search.sort.key]} AS k ${FROM}
      WHERE ${where.text}
      ORDER BY k ${dir}, sid, guid LIMIT ? OFFSET ?)
    SELECT p.sensor_id, p.process_guid, s.hostname, p.name, p.pid, p.ppid, p.path, p.cmdline, p.username, p.start_time_ms,
      p.sha256, p.md5, p.exe_deleted, ${NETCONN_COUNT} AS netconn_count, ${LAST_UPDATE} AS last_update_ms
    FROM page JOIN processes p ON p.sensor_id = page.sid AND p.process_guid = page.guid JOIN sensors s ON s.id = p.sensor_id
    ORDER BY page.k ${dir}, page.sid, page.guid`,
    // One row more than asked tells whether another page exists.
    params: [...where.params, search.limit + 1, search.offset],
  };
  const count: Sql = { text: `SELECT COUNT(*) AS total ${FROM} WHERE ${where.text}`, params: where.params };
  return { page, count };
}

/** Statements prepared per query shape; the same shape (other values) reuses one. */
const STATEMENT_CACHE = 100;

/** Returns searchProcesses for one database. */
export function makeProcessSearcher(db: Database.Database): (search: ProcessSearch) => ProcessSearchPage {
  registerSearchFunctions(db);
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string): Database.Statement => {
    let st = statements.get(text);
    if (st === undefined) {
      st = db.prepare(text);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      statements.set(text, st);
    }
    return st;
  };
  // One read transaction: the page and the total describe the same data.
  const run = db.transaction((search: ProcessSearch): ProcessSearchPage => {
    const sql = processSearchSql(search);
    const rows = prepared(sql.page.text).all(...sql.page.params) as SearchDbRow[];
    const hasMore = rows.length > search.limit;
    if (hasMore) rows.pop();
    const total = search.countTotal ? (prepared(sql.count.text).get(...sql.count.params) as { total: number }).total : null;
    return { rows: rows.map(toRow), hasMore, total };
  });
  return (search) => {
    checkPage(search);
    return run(search);
  };
}

function checkPage(search: ProcessSearch): void {
  if (!Number.isSafeInteger(search.limit) || search.limit < 0 || search.limit > MAX_SEARCH_LIMIT) {
    throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `searchProcesses: limit must be a whole number from 0 to ${MAX_SEARCH_LIMIT}, got ${search.limit}`);
  }
  if (!Number.isSafeInteger(search.offset) || search.offset < 0) {
    throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `searchProcesses: offset must be a whole number >= 0, got ${search.offset}`);
  }
}

function toRow(r: SearchDbRow): ProcessSearchRow {
  return {
    sensorId: r.sensor_id, hostname: r.hostname, processGuid: r.process_guid, name: r.name, pid: r.pid, ppid: r.ppid, path: r.path,
    cmdline: r.cmdline, username: r.username, startTimeMs: r.start_time_ms, sha256: r.sha256, md5: r.md5,
    exeDeleted: r.exe_deleted === 1, netconnCount: r.netconn_count, lastUpdateMs: r.last_update_ms,
  };
}
