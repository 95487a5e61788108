import Database from 'better-sqlite3';
import { pino, type Logger } from 'pino';
import type { AlertDraft } from '../../detect/types.js';
import { CollectorError } from '../../errors.js';
import type { MfaEvent } from '../../ingest/mfa-event.js';
import { addClockOffsetSample, parseClockOffsetSamples } from '../clock-offset.js';
import { MIGRATIONS } from '../migrations/index.js';
import type {
  CheckinRecord, IpHistoryRow, IpSightingRow, MfaEventFilter, NewSensor, ProcessFilter, ProcessRow, SensorAuthRow, SensorRow,
  SequencedMessage, SessionRow, SpoolDropTotals, Store, StoredAlert,
} from '../store.js';
import { normaliseIp } from '../wire-values.js';
import type { AlertSpan, SessionEndpoint, SessionSummary, SessionSummaryQuery } from '../store.js';
import type { AnalystStore } from '../analyst-store.js';
import { makeAlertMerger } from './alert-merge.js';
import { makeAlertTable, type AlertTable } from './alerts.js';
import { makeAnalystTables } from './analyst-tables.js';
import { applyMessage, type MessageHooks } from './apply-messages.js';
import { makeCollectorStateTable, type CollectorStateTable } from './collector-state.js';
import { confirmOnCheckin } from './ip-history.js';
import { makeIpSightingLister } from './ip-sightings.js';
import { makeProcessLister } from './list-processes.js';
import { makeProcessSearcher } from './search-processes.js';
import { makeSensorSearcher } from './search-sensors.js';
import type { ProcessSearch, ProcessSearchPage, SensorSearch } from '../store.js';
import { makeMfaEventTable, type MfaEventTable } from './mfa-events.js';
import { assertSchemaNotNewer, latestVersion, migrateSqlite, readSchemaVersion } from './migrate.js';
import { makeSessionReader, type SessionReader } from './sessions.js';
import { prepareStatements, type IpHistoryDbRow, type Statements } from './statements.js';
import { storeError } from './store-error.js';

export interface SqliteStoreOptions {
  /** Apply pending migrations while opening. Default true; migrate() stays callable and idempotent. */
  migrate?: boolean;
  /** How long a write waits for another connection's lock before failing, ms. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * 'NORMAL' (default): with WAL, a commit survives a crash of the process
   * (kill -9) but the last commits may be lost if the machine loses power.
   * 'FULL': fsync on every commit, slower.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Most MiB of database pages this connection keeps in memory. Default 64.
   * SQLite's own default (2 MiB) cannot hold the pages a 200,000-record Duo
   * file touches in the mfa_events indexes (keyed by random txid and by
   * user), so pages were written out and read back mid-transaction: at
   * 2 MiB that insert took 1.5–1.8× as long as at 64 MiB (bench/detection.js).
   */
  cacheMiB?: number;
  /** Logs migrations. Default: silent. */
  logger?: Logger;
  /** Clock for schema_version.applied_at_ms. Default Date.now. */
  now?: () => number;
}

/**
 * Opens (creating if needed) the collector's SQLite store at `path`.
 * better-sqlite3 is synchronous; the async methods keep the Store interface
 * one that a networked backend can also implement.
 */
export async function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Promise<Store> {
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new CollectorError('COLLECTOR_E_STORE_OPEN', `openSqliteStore: busyTimeoutMs must be a whole number >= 0, got ${busyTimeoutMs}`);
  }
  const synchronous = opts.synchronous ?? 'NORMAL';
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new CollectorError('COLLECTOR_E_STORE_OPEN', `openSqliteStore: synchronous must be 'NORMAL' or 'FULL', got ${String(synchronous)}`);
  }
  const cacheMiB = opts.cacheMiB ?? 64;
  if (!Number.isSafeInteger(cacheMiB) || cacheMiB < 1) {
    throw new CollectorError('COLLECTOR_E_STORE_OPEN', `openSqliteStore: cacheMiB must be a whole number >= 1, got ${cacheMiB}`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // A negative cache_size is KiB rather than pages.
    db.pragma(`cache_size = ${-cacheMiB * 1024}`);
  } catch (cause) {
    db?.close();
    throw new CollectorError('COLLECTOR_E_STORE_OPEN', `cannot open SQLite store ${path}: ${(cause as Error).message}`, { cause });
  }
  const store = new SqliteStore(db, path, opts.logger ?? pino({ level: 'silent' }), opts.now ?? Date.now);
  try {
    if (opts.migrate ?? true) await store.migrate();
    else store.prepareIfCurrent();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

// The AnalystStore methods are assigned in the constructor (analyst-tables.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
interface SqliteStore extends AnalystStore {}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #log: Logger;
  readonly #now: () => number;
  #st: Statements | null = null;
  #listProcesses: ((filter: ProcessFilter) => ProcessRow[]) | null = null;
  #search: { processes: (query: ProcessSearch) => ProcessSearchPage; sensorIds: (query: SensorSearch) => number[] } | null = null;
  #detection: DetectionTables | null = null;
  #closed = false;
  #hooks: MessageHooks = {};
  #seqFloor: (sensorId: number) => number = () => 0;

  constructor(db: Database.Database, path: string, log: Logger, now: () => number) {
    this.#db = db;
    this.#path = path;
    this.#log = log;
    this.#now = now;
    const analyst = makeAnalystTables(() => {
      this.#ready();
      return this.#db;
    }, (doing, fn) => this.#wrap(doing, fn));
    Object.assign(this, analyst.store);
    this.#hooks = { commandResult: analyst.applyCommandResult };
    this.#seqFloor = analyst.seqFloor;
  }

  /** Prepares statements when the file's schema is already the latest, so no migrate() is needed. */
  prepareIfCurrent(): void {
    const version = this.#wrap('reading schema version', () => readSchemaVersion(this.#db));
    assertSchemaNotNewer(version, MIGRATIONS, this.#path);
    if (version === latestVersion(MIGRATIONS)) this.#prepare();
  }

  async migrate(): Promise<void> {
    this.#assertOpen();
    migrateSqlite(this.#db, MIGRATIONS, { path: this.#path, now: this.#now, log: this.#log });
    this.#prepare();
  }

  async createSensor(input: NewSensor): Promise<number> {
    const st = this.#ready();
    return this.#wrap(`createSensor (${input.hostname})`, () => st.insertSensor.get({
      tokenHash: input.tokenHash, hostname: input.hostname, agentVersion: input.agentVersion, enrolledAtMs: input.enrolledAtMs,
    })!.id);
  }

  async findSensorByTokenHash(tokenHash: string): Promise<SensorAuthRow | null> {
    const st = this.#ready();
    const row = this.#wrap('findSensorByTokenHash', () => st.sensorByToken.get(tokenHash));
    return row === undefined ? null : { sensorId: row.id, revokedAtMs: row.revoked_at_ms };
  }

  async revokeSensor(sensorId: number, atMs: number): Promise<void> {
    const changes = this.#wrap(`revokeSensor ${sensorId}`, () => this.#ready().revokeSensor.run(atMs, sensorId).changes);
    if (changes === 0) throw unknownSensor(sensorId, 'revokeSensor');
  }

  async lastStoredSeq(sensorId: number): Promise<number> {
    const st = this.#ready();
    const row = this.#wrap(`lastStoredSeq ${sensorId}`, () => st.lastStoredSeq.get(sensorId));
    if (row === undefined) throw unknownSensor(sensorId, 'lastStoredSeq');
    return row.last_stored_seq;
  }

  async commitMessages(sensorId: number, messages: readonly SequencedMessage[], receivedAtMs: number): Promise<number> {
    const st = this.#ready();
    messages.forEach((m, i) => {
      if (!Number.isSafeInteger(m.seq) || m.seq < 1) {
        throw new CollectorError('COLLECTOR_E_STORE_REJECTED',
          `commitMessages: message ${i} of sensor ${sensorId} has seq ${m.seq}; data messages have whole seqs from 1`);
      }
    });
    const commit = this.#db.transaction((): number => {
      if (st.lastStoredSeq.get(sensorId) === undefined) throw unknownSensor(sensorId, 'commitMessages');
      let stored = 0;
      let highest = 0;
      const floor = this.#seqFloor(sensorId);
      for (const m of messages) {
        if (m.seq <= floor) continue;
        try {
          if (!applyMessage(st, sensorId, m, receivedAtMs, this.#hooks)) continue;
        } catch (cause) {
          throw storeError(cause, `commitMessages: sensor ${sensorId} seq ${m.seq} (${m.envelope.body ?? 'no body'})`);
        }
        stored += 1;
        highest = Math.max(highest, m.seq);
      }
      if (stored > 0) st.raiseLastStoredSeq.run({ sensorId, seq: highest });
      return stored;
    });
    return this.#wrap(`commitMessages: sensor ${sensorId}`, () => commit.immediate());
  }

  async recordCheckin(sensorId: number, checkin: CheckinRecord): Promise<void> {
    const st = this.#ready();
    const record = this.#db.transaction(() => {
      const row = st.clockOffsetSamples.get(sensorId);
      if (row === undefined) throw unknownSensor(sensorId, 'recordCheckin');
      const { receivedAtMs, sentAtMs, nextCheckinAtMs } = checkin;
      const hasSentAt = sentAtMs > 0;
      const estimate = hasSentAt ? addClockOffsetSample(parseClockOffsetSamples(row.clock_offset_samples), sentAtMs - receivedAtMs) : null;
      st.recordCheckin.run({
        sensorId,
        receivedAtMs,
        // The agent names its next checkin in its own clock; kept as the same
        // interval after this receipt, in the collector's clock, so "overdue"
        // compares like with like.
        nextCheckinMs: nextCheckinAtMs > 0 ? (hasSentAt ? receivedAtMs + (nextCheckinAtMs - sentAtMs) : nextCheckinAtMs) : null,
        offsetMs: estimate?.offsetMs ?? null,
        samples: estimate ? JSON.stringify(estimate.samples) : null,
        uptimeS: checkin.agentUptimeS,
        queuedMessages: checkin.spoolQueuedMessages,
        queuedBytes: checkin.spoolQueuedBytes,
      });
      // IP history is in the agent's clock, like everything else the sensor reports.
      confirmOnCheckin(st, sensorId, normaliseIp(checkin.externalIp), hasSentAt ? sentAtMs : receivedAtMs);
    });
    this.#wrap(`recordCheckin: sensor ${sensorId}`, () => record.immediate());
  }

  async recordSpoolDrops(sensorId: number, drops: SpoolDropTotals): Promise<void> {
    const changes = this.#wrap(`recordSpoolDrops: sensor ${sensorId}`, () => this.#ready().recordSpoolDrops.run({
      sensorId, messages: drops.droppedMessages, bytes: drops.droppedBytes, lastSeq: drops.lastDroppedSeq,
    }).changes);
    if (changes === 0) throw unknownSensor(sensorId, 'recordSpoolDrops');
  }

  async listSensors(): Promise<SensorRow[]> {
    const st = this.#ready();
    const read = this.#db.transaction((): SensorRow[] => {
      const interfaceIps = new Map<number, string[]>();
      for (const r of st.allCurrentInterfaceIps.all()) {
        const list = interfaceIps.get(r.sensor_id) ?? [];
        if (!list.includes(r.ip)) list.push(r.ip);
        interfaceIps.set(r.sensor_id, list);
      }
      return st.listSensors.all().map((s) => ({
        sensorId: s.id,
        hostname: s.hostname,
        osPlatform: s.os_platform,
        osVersion: s.os_version,
        agentVersion: s.agent_version,
        bootTimeMs: s.boot_time_ms,
        externalIp: s.external_ip,
        interfaceIps: interfaceIps.get(s.id) ?? [],
        loggedInUsers: parseStringList(s.logged_in_users),
        enrolledAtMs: s.enrolled_at_ms,
        lastCheckinMs: s.last_checkin_ms,
        nextCheckinMs: s.next_checkin_ms,
        clockOffsetMs: s.clock_offset_ms,
        lastStoredSeq: s.last_stored_seq,
        droppedMessages: s.dropped_messages,
        droppedBytes: s.dropped_bytes,
        lastDroppedSeq: s.last_dropped_seq,
        spoolQueuedMessages: s.spool_queued_messages,
        spoolQueuedBytes: s.spool_queued_bytes,
        revokedAtMs: s.revoked_at_ms,
      }));
    });
    return this.#wrap('listSensors', () => read());
  }

  async listProcesses(filter: ProcessFilter): Promise<ProcessRow[]> {
    this.#ready();
    return this.#wrap('listProcesses', () => this.#listProcesses!(filter));
  }

  async searchProcesses(query: ProcessSearch): Promise<ProcessSearchPage> {
    this.#ready();
    return this.#wrap('searchProcesses', () => this.#search!.processes(query));
  }

  async searchSensors(query: SensorSearch): Promise<SensorRow[]> {
    this.#ready();
    const ids = new Set(this.#wrap('searchSensors', () => this.#search!.sensorIds(query)));
    return (await this.listSensors()).filter((s) => ids.has(s.sensorId));
  }

  async listIpHistory(sensorId?: number): Promise<IpHistoryRow[]> {
    const st = this.#ready();
    const rows = this.#wrap('listIpHistory', () => (sensorId === undefined ? st.ipHistoryAll.all() : st.ipHistoryOfSensor.all(sensorId)));
    return rows.map(toIpHistoryRow);
  }

  async insertMfaEvents(events: readonly MfaEvent[]): Promise<MfaEvent[]> {
    const { mfaEvents } = this.#tables();
    return this.#wrap(`insertMfaEvents (${events.length} events)`, () => mfaEvents.insert(events));
  }

  async listMfaEvents(filter: MfaEventFilter): Promise<MfaEvent[]> {
    const { mfaEvents } = this.#tables();
    return this.#wrap('listMfaEvents', () => mfaEvents.list(filter));
  }

  async listIpSightings(ip: string, fromMs: number, toMs: number): Promise<IpSightingRow[]> {
    const { ipSightings } = this.#tables();
    return this.#wrap(`listIpSightings ${ip}`, () => ipSightings(ip, fromMs, toMs));
  }

  async listSessions(sensorId: number, fromMs: number, toMs: number): Promise<SessionRow[]> {
    const { sessions } = this.#tables();
    return this.#wrap(`listSessions: sensor ${sensorId}`, () => sessions.listSessions(sensorId, fromMs, toMs));
  }

  async sensorsWithSessionsBetween(fromMs: number, toMs: number): Promise<number[]> {
    const { sessions } = this.#tables();
    return this.#wrap('sensorsWithSessionsBetween', () => sessions.sensorsWithSessionsBetween(fromMs, toMs));
  }

  async summariseSessions(sensorId: number, query: SessionSummaryQuery): Promise<SessionSummary> {
    const { sessions } = this.#tables();
    return this.#wrap(`summariseSessions: sensor ${sensorId}`, () => sessions.summariseSessions(sensorId, query));
  }

  async listEndpointSessions(sensorId: number, endpoint: SessionEndpoint, fromMs: number, toMs: number): Promise<SessionRow[]> {
    const { sessions } = this.#tables();
    return this.#wrap(`listEndpointSessions: sensor ${sensorId}`, () => sessions.listEndpointSessions(sensorId, endpoint, fromMs, toMs));
  }

  async findAlerts(user: string, fromMs: number, toMs: number, marginMs: number): Promise<StoredAlert[]> {
    const { alerts } = this.#tables();
    return this.#wrap(`findAlerts ${user}`, () => alerts.find(user, fromMs, toMs, marginMs));
  }

  async listAlertSpans(fromMs: number, toMs: number): Promise<AlertSpan[]> {
    const { alerts } = this.#tables();
    return this.#wrap('listAlertSpans', () => alerts.spans(fromMs, toMs));
  }

  async saveAlert(alert: AlertDraft, id: number | null, nowMs: number): Promise<StoredAlert> {
    const { alerts } = this.#tables();
    return this.#wrap(`saveAlert ${id ?? '(new)'}`, () => alerts.save(alert, id, nowMs));
  }

  async mergeAlert(fromId: number, intoId: number, nowMs: number): Promise<StoredAlert | null> {
    const { mergeAlert } = this.#tables();
    return this.#wrap(`mergeAlert ${fromId} into ${intoId}`, () => mergeAlert(fromId, intoId, nowMs));
  }

  async getAlert(id: number): Promise<StoredAlert | null> {
    const { alerts } = this.#tables();
    return this.#wrap(`getAlert ${id}`, () => alerts.get(id));
  }

  async listAlerts(filter: { limit?: number }): Promise<StoredAlert[]> {
    const { alerts } = this.#tables();
    return this.#wrap('listAlerts', () => alerts.list(filter.limit));
  }

  async getState(key: string): Promise<string | null> {
    const { state } = this.#tables();
    return this.#wrap(`getState ${key}`, () => state.get(key));
  }

  async setState(key: string, value: string): Promise<void> {
    const { state } = this.#tables();
    this.#wrap(`setState ${key}`, () => state.set(key, value));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      // Cheap, and keeps the planner's statistics fresh for the next start;
      // not worth failing a close over.
      if (this.#st !== null) this.#db.pragma('optimize');
    } catch (err) {
      this.#log.debug({ err }, 'PRAGMA optimize failed at close');
    }
    this.#db.close();
  }

  #prepare(): void {
    if (this.#st !== null) return;
    this.#st = prepareStatements(this.#db);
    this.#listProcesses = makeProcessLister(this.#db);
    this.#search = { processes: makeProcessSearcher(this.#db), sensorIds: makeSensorSearcher(this.#db) };
    this.#detection = {
      mfaEvents: makeMfaEventTable(this.#db),
      ipSightings: makeIpSightingLister(this.#db),
      sessions: makeSessionReader(this.#db),
      alerts: makeAlertTable(this.#db),
      mergeAlert: makeAlertMerger(this.#db),
      state: makeCollectorStateTable(this.#db),
    };
  }

  #assertOpen(): void {
    if (this.#closed) throw new CollectorError('COLLECTOR_E_STORE_CLOSED', `SQLite store ${this.#path} is closed`);
  }

  #ready(): Statements {
    this.#assertOpen();
    if (this.#st === null) {
      throw new CollectorError('COLLECTOR_E_STORE_NOT_MIGRATED', `SQLite store ${this.#path} has an older schema; call migrate() first`);
    }
    return this.#st;
  }

  #tables(): DetectionTables {
    this.#ready();
    return this.#detection!;
  }

  #wrap<T>(doing: string, fn: () => T): T {
    try {
      return fn();
    } catch (cause) {
      throw storeError(cause, doing);
    }
  }
}

/** The detection issue's tables and reads, each prepared once with the rest. */
interface DetectionTables {
  mfaEvents: MfaEventTable;
  ipSightings: (ip: string, fromMs: number, toMs: number) => IpSightingRow[];
  sessions: SessionReader;
  alerts: AlertTable;
  mergeAlert: ReturnType<typeof makeAlertMerger>;
  state: CollectorStateTable;
}

function unknownSensor(sensorId: number, doing: string): CollectorError {
  return new CollectorError('COLLECTOR_E_UNKNOWN_SENSOR', `${doing}: no sensor ${sensorId}`);
}

function toIpHistoryRow(r: IpHistoryDbRow): IpHistoryRow {
  return {
    sensorId: r.sensor_id, kind: r.kind, ip: r.ip, iface: r.iface,
    firstSeenMs: r.first_seen_ms, lastSeenMs: r.last_seen_ms, current: r.is_current === 1,
  };
}

function parseStringList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
