import type { MfaEvent } from '../ingest/mfa-event.js';

/**
 * Shapes of the detector. The detector is pure: the runner fetches what it
 * needs from the store, converts every agent time to the collector's clock
 * (subtracting the sensor's estimated clock offset), and passes it in; the
 * detector returns alert drafts. Same input, same output, whatever order the
 * data arrived in.
 */

export interface DetectionConfig {
  /** K: non-approved pushes for one user that make a burst (default 3). */
  burstMinPushes: number;
  /** M: the window those K pushes must fall in, ms (default 10 min). */
  burstWindowMs: number;
  /** A session may open this long before a push and still line up with it (default 60 s). */
  alignBeforeMs: number;
  /** ... or this long after it (default 5 s: log clocks and sampling are not exact). */
  alignAfterMs: number;
  /** How far back a candidate's background rate of opening sessions is measured (default 1 h). */
  baselineMs: number;
  /** N: sessions in a chain that make a reconnect loop (default 3). */
  loopMinSessions: number;
  /** W: the window of such a chain, ms (default 10 min). */
  loopWindowMs: number;
}

export const DEFAULT_DETECTION_CONFIG: DetectionConfig = Object.freeze({
  burstMinPushes: 3,
  burstWindowMs: 10 * 60_000,
  alignBeforeMs: 60_000,
  alignAfterMs: 5_000,
  baselineMs: 60 * 60_000,
  loopMinSessions: 3,
  loopWindowMs: 10 * 60_000,
});

/** Pushes of one user that together make a burst (or one fraud report). */
export interface Burst {
  user: string;
  /** Every push of the burst, oldest first (non-approved ones, plus approvals inside its span for the record). */
  pushes: MfaEvent[];
  firstPushMs: number;
  lastPushMs: number;
}

/** A sensor that held an IP: its public IP (OpenDNS) or one of its interface addresses. */
export interface IpSighting {
  sensorId: number;
  hostname: string;
  ip: string;
  kind: 'external' | 'interface';
  /** Collector clock. */
  fromMs: number;
  /** Collector clock; for the sensor's current IP, the time it was last heard from. */
  toMs: number;
}

/** One outbound session a sensor saw, with the process that opened it. Collector clock. */
export interface SessionRecord {
  sensorId: number;
  processGuid: string;
  pid: number;
  processName: string;
  processPath: string;
  processStartMs: number | null;
  sha256: string;
  remoteIp: string;
  remotePort: number;
  protocol: 'tcp' | 'udp' | 'unspecified';
  openedAtMs: number;
  closedAtMs: number | null;
}

export type Verdict = 'reconnect-loop' | 'unattributed' | 'sensor-no-process' | 'ambiguous';
export type Severity = 'low' | 'medium' | 'high';

/** One line of evidence: a push and the session that lined up with it (if any). */
export interface EvidenceItem {
  push_time: string;
  result: string;
  session_opened_at: string | null;
  lag_ms: number | null;
}

export interface AlertProcess {
  name: string;
  pid: number;
  path: string;
  start_time: string | null;
  sha256: string | null;
}

/** The alert JSON contract of DESIGN.md (snake_case as it goes out), minus the store-assigned id. */
export interface AlertDraft {
  verdict: Verdict;
  severity: Severity;
  user: string;
  application: string;
  access_ip: string | null;
  pushes_total: number;
  pushes_aligned: number;
  first_push: string;
  last_push: string;
  sensor_id: number | null;
  hostname: string | null;
  process: AlertProcess | null;
  destination: { ip: string; port: number } | null;
  evidence: EvidenceItem[];
  advice: string;
  /** For `ambiguous`: every process that lined up equally well. */
  candidates: Array<{ sensor_id: number; hostname: string; process: AlertProcess; destination: { ip: string; port: number }; pushes_aligned: number; score: number }>;
}

/** A reconnect loop found in telemetry alone (no MFA data needed). */
export interface ReconnectLoop {
  sensorId: number;
  hostname: string;
  processGuid: string;
  process: AlertProcess;
  destination: { ip: string; port: number };
  /** Opening times of the chain's sessions, collector clock, oldest first. */
  sessionsOpenedMs: number[];
  /** Distinct remote endpoints this process opened sessions to, in the sessions looked at. */
  processEndpoints: number;
  /** processEndpoints >= BUSY_PROCESS_ENDPOINTS: a browser-like process, whose chains are mostly connection reuse. */
  busy: boolean;
}

/** A stored alert as reconciliation sees it: the draft's content plus its id (a StoredAlert fits). */
export type ExistingAlert = AlertDraft & { id: number };

/** Save `draft` as a new alert (`id` null) or over the alert with that id. */
export interface AlertSave {
  id: number | null;
  draft: AlertDraft;
}

/**
 * A stored alert whose burst a late push joined to another's: it is folded
 * into stored alert `intoId`, which the draft covering both keeps.
 */
export interface AlertMerge {
  id: number;
  intoId: number;
}

/** What to do to the stored alerts so there is exactly one per burst: save these, fold those into the alert that took their burst. */
export interface AlertReconciliation {
  save: AlertSave[];
  remove: AlertMerge[];
}
