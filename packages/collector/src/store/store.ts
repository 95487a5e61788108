import type { Envelope } from '@pushtrace/proto';

/**
 * The one storage interface of the collector. SQLite (embedded, default) and
 * later PostgreSQL implement it, and one contract test suite runs against
 * every implementation. Methods are async so a networked backend fits; all
 * times are Unix epoch milliseconds.
 */
export interface Store {
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
  /** IP history (external and interface) of every sensor, or of one. */
  listIpHistory(sensorId?: number): Promise<IpHistoryRow[]>;

  close(): Promise<void>;
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
