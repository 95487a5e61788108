import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { NetconnRow, ProcessFilter, ProcessRow } from '../store.js';

/** What listProcesses shows for netconns whose owner the agent could not tell, or never described. */
export const UNKNOWN_PROCESS_NAME = '(unknown)';

interface GroupDbRow {
  sensor_id: number;
  process_guid: string;
  netconn_pid: number;
  known: number | null;
  name: string | null;
  pid: number | null;
  ppid: number | null;
  path: string | null;
  cmdline: string | null;
  username: string | null;
  start_time_ms: number | null;
  sha256: string | null;
  md5: string | null;
  exe_deleted: number | null;
}

interface NetconnDbRow {
  sensor_id: number;
  process_guid: string;
  conn_id: string;
  protocol: NetconnRow['protocol'];
  direction: NetconnRow['direction'];
  local_ip: string;
  local_port: number;
  remote_ip: string;
  remote_port: number;
  state: string;
  opened_at_ms: number;
  closed_at_ms: number | null;
}

interface Plan {
  groups: Database.Statement<[Record<string, number>], GroupDbRow>;
  netconns: Database.Statement<[Record<string, number>], NetconnDbRow>;
}

/**
 * Selects the (sensor, process_guid) groups to show, most recently active
 * first, as a CTE both queries share: one query reads the groups with their
 * process rows (LEFT JOIN, so netconns of a process never described still
 * show), the other all their netconns in order. Two queries whatever the
 * number of processes, in one read transaction so they agree.
 */
function selectionSql(bySensor: boolean, bySince: boolean): string {
  const sensorAnd = bySensor ? 'AND sensor_id = @sensorId' : '';
  if (bySince) {
    // Driven from sensors so that every sensor's slice is one range seek in
    // (sensor_id, opened_at_ms), rather than a scan of all netconns or an
    // extra index on opened_at_ms that every insert would pay for.
    return `sel AS (
      SELECT n.sensor_id, n.process_guid, MAX(n.opened_at_ms) AS active_ms, MAX(n.pid) AS netconn_pid
      FROM sensors s JOIN netconns n ON n.sensor_id = s.id AND n.opened_at_ms >= @sinceMs
      ${bySensor ? 'WHERE s.id = @sensorId' : ''}
      GROUP BY n.sensor_id, n.process_guid
      ORDER BY active_ms DESC, n.sensor_id, n.process_guid LIMIT @limit)`;
  }
  // Without a time filter every process counts, with netconns or without.
  return `act AS (
      SELECT sensor_id, process_guid, first_seen_ms AS active_ms, 0 AS netconn_pid FROM processes WHERE 1 = 1 ${sensorAnd}
      UNION ALL
      SELECT sensor_id, process_guid, MAX(opened_at_ms), MAX(pid) FROM netconns WHERE 1 = 1 ${sensorAnd}
      GROUP BY sensor_id, process_guid),
    sel AS (
      SELECT sensor_id, process_guid, MAX(active_ms) AS active_ms, MAX(netconn_pid) AS netconn_pid
      FROM act GROUP BY sensor_id, process_guid
      ORDER BY active_ms DESC, sensor_id, process_guid LIMIT @limit)`;
}

function preparePlan(db: Database.Database, bySensor: boolean, bySince: boolean): Plan {
  const sel = selectionSql(bySensor, bySince);
  return {
    groups: db.prepare(`WITH ${sel}
      SELECT sel.sensor_id, sel.process_guid, sel.netconn_pid, p.first_seen_ms AS known, p.name, p.pid, p.ppid,
        p.path, p.cmdline, p.username, p.start_time_ms, p.sha256, p.md5, p.exe_deleted
      FROM sel LEFT JOIN processes p ON p.sensor_id = sel.sensor_id AND p.process_guid = sel.process_guid
      ORDER BY sel.active_ms DESC, sel.sensor_id, sel.process_guid`),
    netconns: db.prepare(`WITH ${sel}
      SELECT n.sensor_id, n.process_guid, n.conn_id, n.protocol, n.direction, n.local_ip, n.local_port,
        n.remote_ip, n.remote_port, n.state, n.opened_at_ms, n.closed_at_ms
      FROM sel JOIN netconns n ON n.sensor_id = sel.sensor_id AND n.process_guid = sel.process_guid
      ${bySince ? 'WHERE n.opened_at_ms >= @sinceMs' : ''}
      ORDER BY n.sensor_id, n.process_guid, n.opened_at_ms, n.id`),
  };
}

/** Returns listProcesses for one database; its four query shapes are prepared on first use, once each. */
export function makeProcessLister(db: Database.Database): (filter: ProcessFilter) => ProcessRow[] {
  const plans = new Map<string, Plan>();
  const run = db.transaction((plan: Plan, params: Record<string, number>): ProcessRow[] => {
    const byGroup = new Map<string, ProcessRow>();
    const rows: ProcessRow[] = [];
    for (const g of plan.groups.all(params)) {
      const row = toProcessRow(g);
      byGroup.set(`${g.sensor_id}\u0000${g.process_guid}`, row);
      rows.push(row);
    }
    for (const n of plan.netconns.all(params)) {
      byGroup.get(`${n.sensor_id}\u0000${n.process_guid}`)?.netconns.push(toNetconnRow(n));
    }
    return rows;
  });

  return (filter) => {
    const params: Record<string, number> = { limit: checkedLimit(filter.limit) };
    const bySensor = filter.sensorId !== undefined;
    const bySince = filter.sinceMs !== undefined;
    if (bySensor) params.sensorId = filter.sensorId!;
    if (bySince) params.sinceMs = filter.sinceMs!;
    const key = `${bySensor}/${bySince}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = preparePlan(db, bySensor, bySince);
      plans.set(key, plan);
    }
    return run(plan, params);
  };
}

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `listProcesses: limit must be a whole number >= 0, got ${limit}`);
  }
  return limit;
}

function toProcessRow(g: GroupDbRow): ProcessRow {
  if (g.known === null) {
    // Never described by a ProcessInfo: shown anyway, so no netconn is hidden.
    return {
      sensorId: g.sensor_id, processGuid: g.process_guid, name: UNKNOWN_PROCESS_NAME,
      pid: g.process_guid === '' ? 0 : g.netconn_pid, ppid: 0, path: '', cmdline: '', username: '',
      startTimeMs: 0, sha256: '', md5: '', exeDeleted: false, netconns: [],
    };
  }
  return {
    sensorId: g.sensor_id, processGuid: g.process_guid, name: g.name ?? '', pid: g.pid ?? 0, ppid: g.ppid ?? 0,
    path: g.path ?? '', cmdline: g.cmdline ?? '', username: g.username ?? '', startTimeMs: g.start_time_ms ?? 0,
    sha256: g.sha256 ?? '', md5: g.md5 ?? '', exeDeleted: g.exe_deleted === 1, netconns: [],
  };
}

function toNetconnRow(n: NetconnDbRow): NetconnRow {
  return {
    connId: n.conn_id, protocol: n.protocol, direction: n.direction, localIp: n.local_ip, localPort: n.local_port,
    remoteIp: n.remote_ip, remotePort: n.remote_port, state: n.state, openedAtMs: n.opened_at_ms, closedAtMs: n.closed_at_ms,
  };
}
