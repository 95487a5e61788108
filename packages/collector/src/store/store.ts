import type { AlertStatus, AnalystStore } from './analyst-store.js';
import type { Envelope } from '@pushtrace/proto';
import type { AlertDraft } from '../detect/types.js';
import type { MfaEvent } from '../ingest/mfa-event.js';
import type { Predicate } from '../query/predicate.js';
import type { ProcessColumn, ProcessSort } from '../query/process-query.js';
import type { SensorColumn } from '../query/sensor-query.js';

/** An alert's user and push span, for deciding what to judge again. */
export interface AlertSpan {
  user: string;
  firstPushMs: number;
  lastPushMs: number;
}

/**
 * The one storage interface of the collector. SQLite (embedded, default) and
 * later PostgreSQL implement it, and one contract test suite runs against
 * every implementation. Methods are async so a networked backend fits; all
 * times are Unix epoch milliseconds.
 */
export interface Store extends AnalystStore {
  /** Creates or upgrades the schema (numbered migrations, recorded in schema_version). */
  migrate(): Promise<void>;

  /** Registers a new sensor at enrollment and returns its id (1, 2, ...). */
  createSensor(input: NewSensor): Promise<number>;
  /** The sensor whose token hash this is, revoked or not; null if none. */
  findSensorByTokenHash(tokenHash: string): Promise<SensorAuthRow | null>;
  /** Marks a sensor's token revoked; its next connection is refused. */
  revokeSensor(sensorId: number, atMs: number): Promise<void>;

  /** Highest seq stored for the sensor, 0 if none. */
  lastStoredSeq(sensorId: number): Promise<number>;
  /**
   * Applies sequenced data messages (host info, process info, netconn batches,
   * external-IP observations) in ONE transaction. A (sensor, seq) already
   * stored is skipped, not applied again. Returns how many were new.
   * Throws (and stores nothing of the batch) if the transaction fails.
   */
  commitMessages(sensorId: number, messages: readonly SequencedMessage[], receivedAtMs: number): Promise<number>;
  /** Live heartbeat: last/next checkin, spool backlog, clock offset, current external IP's last-seen. */
  recordCheckin(sensorId: number, checkin: CheckinRecord): Promise<void>;
  /** Cumulative spool-drop totals; keeps the highest seen (reports may arrive out of order). */
  recordSpoolDrops(sensorId: number, drops: SpoolDropTotals): Promise<void>;

  listSensors(): Promise<SensorRow[]>;
  listProcesses(filter: ProcessFilter): Promise<ProcessRow[]>;
  /** Processes matching a compiled query (query/process-query.ts), one page, sorted. */
  searchProcesses(query: ProcessSearch): Promise<ProcessSearchPage>;
  /** Sensors matching a compiled query (query/sensor-query.ts), by sensor id. */
  searchSensors(query: SensorSearch): Promise<SensorRow[]>;
  /** IP history (external and interface) of every sensor, or of one. */
  listIpHistory(sensorId?: number): Promise<IpHistoryRow[]>;

  // ---- MFA events, detection, alerts (the detection issue) ----

  /**
   * Stores normalised MFA events; an event with the same (source, eventId,
   * timeMs) as a stored one is a duplicate and skipped (Duo repeats txids),
   * unless it reports fraud and the stored one does not: then it replaces
   * the stored one (the fraud report is the signal, as parsers rule within
   * one input). Returns the events that were new or replaced one, in input
   * order. A log without event ids (eventId "") dedupes on the time alone,
   * so its parser should give each record a stable synthetic id (a digest
   * of the record, say), or two users' pushes in the same second are taken
   * for one. One transaction: a malformed event (COLLECTOR_E_STORE_REJECTED,
   * naming its index) stores none.
   */
  insertMfaEvents(events: readonly MfaEvent[]): Promise<MfaEvent[]>;
  /** Push events (of one user, or of all) in [fromMs, toMs], oldest first; see MfaEventFilter.includeNonPush. */
  listMfaEvents(filter: MfaEventFilter): Promise<MfaEvent[]>;
  /**
   * Sightings of `ip` (external or interface) on any sensor whose span, in
   * the agent's clock, overlaps [fromMs, toMs]. For a sensor's current IP,
   * lastSeenMs is the latest of its last sighting and the sensor's last checkin.
   */
  listIpSightings(ip: string, fromMs: number, toMs: number): Promise<IpSightingRow[]>;
  /**
   * Sessions (netconns) of one sensor opened in [fromMs, toMs] (agent clock),
   * with their process; oldest first.
   */
  listSessions(sensorId: number, fromMs: number, toMs: number): Promise<SessionRow[]>;
  /** Distinct sensors with a session opened in [fromMs, toMs] (agent clock) — where late telemetry may change a verdict. */
  sensorsWithSessionsBetween(fromMs: number, toMs: number): Promise<number[]>;
  /**
   * What the detector's scoring needs from one sensor's sessions, without
   * reading every row: of the sessions the sensor opened (not inbound) in
   * [fromMs, toMs] (agent clock, as listSessions), how many each (process,
   * remote endpoint) opened in [countFromMs, countToMs] (an empty range
   * counts nothing), the openings inside `openingSpans` one by one, and
   * their processes' start and earliest opening (see SessionSummary).
   */
  summariseSessions(sensorId: number, query: SessionSummaryQuery): Promise<SessionSummary>;
  /** Sessions of one process to one remote endpoint opened in [fromMs, toMs] (agent clock), as listSessions gives them; oldest first. */
  listEndpointSessions(sensorId: number, endpoint: SessionEndpoint, fromMs: number, toMs: number): Promise<SessionRow[]>;

  /** Alerts of one user whose push span comes within `marginMs` of [fromMs, toMs], by first push. */
  findAlerts(user: string, fromMs: number, toMs: number, marginMs: number): Promise<StoredAlert[]>;
  /** Whose alerts, with what push spans, intersect [fromMs, toMs], of every user (no bodies read). */
  listAlertSpans(fromMs: number, toMs: number): Promise<AlertSpan[]>;
  /**
   * Creates an alert (id assigned, never reused) or, with `id`, replaces that
   * alert's content and bumps updated_at (COLLECTOR_E_NOT_FOUND if no such alert).
   */
  saveAlert(alert: AlertDraft, id: number | null, nowMs: number): Promise<StoredAlert>;
  /**
   * Folds alert `fromId` into `intoId` (a later push joined their bursts):
   * its triage notes and live-response commands move over, its tags join,
   * a note from "pushtrace" on the survivor records it, and `fromId` is
   * deleted. Returns the survivor; null when `fromId` is gone already.
   * COLLECTOR_E_NOT_FOUND when `intoId` does not exist.
   */
  mergeAlert(fromId: number, intoId: number, nowMs: number): Promise<StoredAlert | null>;
  getAlert(id: number): Promise<StoredAlert | null>;
  /** Most recently updated first. */
  listAlerts(filter: { limit?: number }): Promise<StoredAlert[]>;

  /** Small named state that must survive restarts (the Duo poller's next_offset checkpoint). */
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}

export interface MfaEventFilter {
  /** Only this user's events; all users' without it. */
  user?: string;
  /** Inclusive bounds on MfaEvent.timeMs. */
  fromMs: number;
  toMs: number;
  /** Also events whose factor is not a push (phone call, passcode, ...). Default false. */
  includeNonPush?: boolean;
  /** Only pushes the user did not approve (result other than success): what bursts are made of. Default false. */
  nonApprovedOnly?: boolean;
}

export interface IpSightingRow {
  sensorId: number;
  hostname: string;
  kind: 'external' | 'interface';
  ip: string;
  /** Agent clock. */
  firstSeenMs: number;
  /** Agent clock. */
  lastSeenMs: number;
  current: boolean;
  /** The sensor's estimated clock offset (agent − collector), ms; null before any checkin. */
  clockOffsetMs: number | null;
}

export interface SessionRow {
  sensorId: number;
  connId: string;
  processGuid: string;
  pid: number;
  /** "" when no ProcessInfo arrived for the GUID. */
  processName: string;
  processPath: string;
  processStartMs: number | null;
  sha256: string;
  protocol: 'tcp' | 'udp' | 'unspecified';
  direction: 'outbound' | 'inbound' | 'unspecified';
  remoteIp: string;
  remotePort: number;
  /** Agent clock. */
  openedAtMs: number;
  closedAtMs: number | null;
}

/** A process and the remote endpoint of its sessions: what the detector scores. */
export interface SessionEndpoint {
  processGuid: string;
  remoteIp: string;
  remotePort: number;
}

/** Agent clock, whole ms, bounds inclusive. */
export interface SessionSummaryQuery {
  /** The sessions looked at: opened in [fromMs, toMs]. */
  fromMs: number;
  toMs: number;
  /** Counted per endpoint: those of them opened in [countFromMs, countToMs] (none when countFromMs > countToMs). */
  countFromMs: number;
  countToMs: number;
  /** Listed one by one: those of them opened inside one of these [from, to] spans. */
  openingSpans: ReadonlyArray<readonly [number, number]>;
}

/** Agent clock. */
export interface SessionSummary {
  /** The earliest opening among the sessions looked at; null if there is none. */
  firstOpenedMs: number | null;
  /** Every (process, endpoint) with a counted session, and how many, in no particular order. */
  endpoints: Array<SessionEndpoint & { sessions: number }>;
  /** The sessions inside openingSpans, oldest first. */
  openings: Array<SessionEndpoint & { openedAtMs: number }>;
  /** Every process of those endpoints and openings, in no particular order. */
  processes: SessionProcess[];
}

export interface SessionProcess {
  processGuid: string;
  /** Its start, null when unknown (no ProcessInfo, or one that said 0). */
  startMs: number | null;
  /** Its earliest opening (to any endpoint) among the sessions looked at. */
  firstOpenedMs: number;
}

/** An alert as stored: the contract JSON plus identity and times. */
export interface StoredAlert extends AlertDraft {
  id: number;
  created_at: string;
  updated_at: string;
  /** Triage, set by analysts (migration 4); never by the detector. */
  status: AlertStatus;
  assignee: string;
  tags: string[];
}

export interface NewSensor {
  tokenHash: string;
  hostname: string;
  agentVersion: string;
  enrolledAtMs: number;
}

export interface SensorAuthRow {
  sensorId: number;
  revokedAtMs: number | null;
}

/** One decoded data message with its seq, as the gateway received it. */
export interface SequencedMessage {
  seq: number;
  envelope: Envelope;
}

export interface CheckinRecord {
  receivedAtMs: number;
  /** Envelope.sent_at_ms: with receivedAtMs gives a clock-offset sample. */
  sentAtMs: number;
  nextCheckinAtMs: number;
  agentUptimeS: number;
  spoolQueuedMessages: number;
  spoolQueuedBytes: number;
  externalIp: string;
}

export interface SpoolDropTotals {
  droppedMessages: number;
  droppedBytes: number;
  lastDroppedSeq: number;
}

export interface SensorRow {
  sensorId: number;
  hostname: string;
  osPlatform: string;
  osVersion: string;
  agentVersion: string;
  bootTimeMs: number | null;
  externalIp: string | null;
  interfaceIps: string[];
  loggedInUsers: string[];
  enrolledAtMs: number;
  lastCheckinMs: number | null;
  nextCheckinMs: number | null;
  /** Estimated agent clock minus collector clock, ms (null until a checkin). */
  clockOffsetMs: number | null;
  lastStoredSeq: number;
  droppedMessages: number;
  droppedBytes: number;
  /** Added by the SQLite store: highest seq the agent's spool ever dropped (0 if none). */
  lastDroppedSeq?: number;
  spoolQueuedMessages: number;
  spoolQueuedBytes: number;
  revokedAtMs: number | null;
}

export interface ProcessFilter {
  sensorId?: number;
  /**
   * Only processes with a netconn opened at or after this time (agent clock),
   * each listed with those netconns only. Without it: every process, with all
   * its netconns or none.
   */
  sinceMs?: number;
  /** At most this many processes, most recently active first (the order is the same without a limit). */
  limit?: number;
}

export interface ProcessSearch {
  /** compileProcessQuery(...).where: NOW already resolved. */
  where: Predicate<ProcessColumn>;
  /** Ties are broken by sensor id, then process GUID, so pages never overlap. */
  sort: ProcessSort;
  /** Rows per page, 0..10,000. */
  limit: number;
  /** Rows to skip, >= 0. */
  offset: number;
  /** Also count every match (one more pass over the matches). Default false: total is null. */
  countTotal?: boolean;
}

export interface ProcessSearchPage {
  rows: ProcessSearchRow[];
  /** More rows match after this page. */
  hasMore: boolean;
  /** Every match, when countTotal was asked for; else null. */
  total: number | null;
}

/** A process as search shows it: no netconn list, their count instead (a busy process has thousands). */
export interface ProcessSearchRow {
  sensorId: number;
  /** The sensor's current hostname. */
  hostname: string;
  processGuid: string;
  name: string;
  pid: number;
  ppid: number;
  path: string;
  cmdline: string;
  username: string;
  /** Agent clock; 0 when unknown. */
  startTimeMs: number;
  sha256: string;
  md5: string;
  exeDeleted: boolean;
  /** Every netconn stored for the process. */
  netconnCount: number;
  /** Latest activity, agent clock: its newest netconn's opening, or when the collector first heard of it. */
  lastUpdateMs: number;
}

export interface SensorSearch {
  /** compileSensorQuery(...).where. */
  where: Predicate<SensorColumn>;
}

export interface NetconnRow {
  connId: string;
  protocol: 'tcp' | 'udp' | 'unspecified';
  direction: 'outbound' | 'inbound' | 'unspecified';
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: string;
  openedAtMs: number;
  closedAtMs: number | null;
}

export interface ProcessRow {
  sensorId: number;
  processGuid: string;
  name: string;
  pid: number;
  ppid: number;
  path: string;
  cmdline: string;
  username: string;
  startTimeMs: number;
  sha256: string;
  md5: string;
  /** The executable was deleted or replaced after the process started (ProcessInfo.exe_deleted). */
  exeDeleted: boolean;
  netconns: NetconnRow[];
}

export interface IpHistoryRow {
  sensorId: number;
  kind: 'external' | 'interface';
  ip: string;
  /** Interface name for kind 'interface', "" for external. */
  iface: string;
  /** In the agent's clock, like netconn times (correct with SensorRow.clockOffsetMs). */
  firstSeenMs: number;
  lastSeenMs: number;
  /**
   * Added by the SQLite store: external — the latest stretch; interface —
   * still listed by the newest HostInfo (checkins keep extending it).
   */
  current?: boolean;
}
