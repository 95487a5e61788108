import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import { checkTimeRange } from '../input-checks.js';
import type { SessionEndpoint, SessionProcess, SessionRow, SessionSummary, SessionSummaryQuery } from '../store.js';
import { SESSION_COLUMNS, toSessionRow, type SessionDbRow } from './session-row.js';

export interface SessionSummaries {
  summariseSessions(sensorId: number, query: SessionSummaryQuery): SessionSummary;
  listEndpointSessions(sensorId: number, endpoint: SessionEndpoint, fromMs: number, toMs: number): SessionRow[];
}

/** Sessions the sensor opened: a push is asked for by an outbound session, never by one a local server accepted. */
const OPENED_HERE = "direction <> 'inbound'";

/**
 * Per (process, endpoint) counts over a range. SQLite counts a dense office
 * sensor's hour (~10,000 rows) in a few ms from netconns_sensor_opened,
 * which holds every column read here (migration 5); handing the same rows
 * to JS as objects costs ~55 ms.
 */
export const ENDPOINT_COUNTS_SQL = `SELECT process_guid, remote_ip, remote_port, COUNT(*) AS sessions FROM netconns
     WHERE sensor_id = @sensorId AND opened_at_ms >= @fromMs AND opened_at_ms <= @toMs AND ${OPENED_HERE}
     GROUP BY process_guid, remote_ip, remote_port`;

/** A process's start, from its ProcessInfo (the primary key's seek). */
export const PROCESS_START_SQL = 'SELECT start_time_ms FROM processes WHERE sensor_id = @sensorId AND process_guid = @processGuid';

/** The first outbound row in the range's index order: usually the first row read. */
export const SENSOR_FIRST_OPENED_SQL = `SELECT opened_at_ms FROM netconns
     WHERE sensor_id = @sensorId AND opened_at_ms >= @fromMs AND opened_at_ms <= @toMs AND ${OPENED_HERE}
     ORDER BY opened_at_ms LIMIT 1`;

/**
 * The same for one process, on netconns_process (sensor_id, process_guid,
 * opened_at_ms): without planner statistics SQLite would take the range
 * index and walk the sensor's rows until the process shows up.
 */
export const PROCESS_FIRST_OPENED_SQL = `SELECT opened_at_ms FROM netconns INDEXED BY netconns_process
     WHERE sensor_id = @sensorId AND process_guid = @processGuid AND opened_at_ms >= @fromMs AND opened_at_ms <= @toMs AND ${OPENED_HERE}
     ORDER BY opened_at_ms LIMIT 1`;

/** Openings in a narrow span (around the pushes), four columns and no join. */
export const OPENINGS_SQL = `SELECT process_guid, remote_ip, remote_port, opened_at_ms FROM netconns
     WHERE sensor_id = @sensorId AND opened_at_ms >= @fromMs AND opened_at_ms <= @toMs AND ${OPENED_HERE}
     ORDER BY opened_at_ms, id`;

/** One process's sessions to one endpoint, on netconns_process, already in (opened_at_ms, id) order. */
export const ENDPOINT_SESSIONS_SQL = `SELECT ${SESSION_COLUMNS}
     FROM netconns n INDEXED BY netconns_process
     LEFT JOIN processes p ON p.sensor_id = n.sensor_id AND p.process_guid = n.process_guid
     WHERE n.sensor_id = @sensorId AND n.process_guid = @processGuid AND n.opened_at_ms >= @fromMs AND n.opened_at_ms <= @toMs
       AND n.remote_ip = @remoteIp AND n.remote_port = @remotePort
     ORDER BY n.opened_at_ms, n.id`;

interface Range {
  sensorId: number;
  fromMs: number;
  toMs: number;
}

/**
 * The detector's aggregate reads of netconns (Store.summariseSessions and
 * listEndpointSessions). Scoring a burst needs, per candidate, a count of
 * its sessions over an hour or more but the sessions themselves only in
 * the pushes' minute-wide windows; reading every row of a busy NAT'd
 * office sensor's hour as objects was most of the ingest-to-alert latency.
 */
export function makeSessionSummaries(db: Database.Database): SessionSummaries {
  const endpointCounts = db.prepare<[Range], { process_guid: string; remote_ip: string; remote_port: number; sessions: number }>(
    ENDPOINT_COUNTS_SQL);
  const processStart = db.prepare<[{ sensorId: number; processGuid: string }], number>(PROCESS_START_SQL).pluck();
  const sensorFirst = db.prepare<[Range], number>(SENSOR_FIRST_OPENED_SQL).pluck();
  const processFirst = db.prepare<[Range & { processGuid: string }], number>(PROCESS_FIRST_OPENED_SQL).pluck();
  const openings = db.prepare<[Range], [string, string, number, number]>(OPENINGS_SQL).raw();
  const endpointSessions = db.prepare<[Range & SessionEndpoint], SessionDbRow>(ENDPOINT_SESSIONS_SQL);

  return {
    summariseSessions(sensorId, query) {
      checkQuery(query);
      const { fromMs, toMs } = query;
      const within = (from: number, to: number): Range => ({ sensorId, fromMs: Math.max(fromMs, from), toMs: Math.min(toMs, to) });

      const firstOpenedMs = sensorFirst.get({ sensorId, fromMs, toMs }) ?? null;
      const counting = within(query.countFromMs, query.countToMs);
      const endpoints = (counting.fromMs > counting.toMs ? [] : endpointCounts.all(counting))
        .map((r) => ({ processGuid: r.process_guid, remoteIp: r.remote_ip, remotePort: r.remote_port, sessions: r.sessions }));
      const spans = [...query.openingSpans].sort((a, b) => a[0] - b[0]);
      const opened: SessionSummary['openings'] = [];
      let readTo = -Infinity; // overlapping spans must not list a session twice
      for (const [from, to] of spans) {
        const range = within(Math.max(from, readTo + 1), to);
        if (range.fromMs > range.toMs) continue;
        for (const [processGuid, remoteIp, remotePort, openedAtMs] of openings.all(range)) {
          opened.push({ processGuid, remoteIp, remotePort, openedAtMs });
        }
        readTo = Math.max(readTo, to);
      }
      const processes: SessionProcess[] = [];
      for (const processGuid of new Set([...endpoints, ...opened].map((e) => e.processGuid))) {
        const startMs = processStart.get({ sensorId, processGuid });
        processes.push({
          processGuid,
          // 0 is the wire's "unknown", as in listSessions.
          startMs: startMs ? startMs : null,
          firstOpenedMs: processFirst.get({ sensorId, processGuid, fromMs, toMs })!,
        });
      }
      return { firstOpenedMs, endpoints, openings: opened, processes };
    },
    listEndpointSessions(sensorId, endpoint, fromMs, toMs) {
      checkTimeRange('listEndpointSessions', fromMs, toMs);
      const { processGuid, remoteIp, remotePort } = endpoint;
      return endpointSessions.all({ sensorId, processGuid, remoteIp, remotePort, fromMs, toMs }).map(toSessionRow);
    },
  };
}

function checkQuery(query: SessionSummaryQuery): void {
  checkTimeRange('summariseSessions', query.fromMs, query.toMs);
  checkTimeRange('summariseSessions (count)', query.countFromMs, query.countToMs);
  if (!Array.isArray(query.openingSpans)) {
    throw new CollectorError('COLLECTOR_E_STORE_REJECTED', 'summariseSessions: openingSpans must be an array of [fromMs, toMs]');
  }
  query.openingSpans.forEach(([from, to], i) => checkTimeRange(`summariseSessions (openingSpans[${i}])`, from, to));
}
