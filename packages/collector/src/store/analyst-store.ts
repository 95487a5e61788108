/**
 * The store's analyst half: API tokens, alert triage, live-response
 * commands, the audit log and retention. Part of `Store`; kept in its own
 * file because it is its own concern.
 */
export interface AnalystStore {
  createApiToken(input: NewApiToken): Promise<ApiTokenRow>;
  /** The live (not revoked) token with this hash, marking it used at `nowMs`. */
  useApiToken(tokenHash: string, nowMs: number): Promise<ApiTokenRow | null>;
  listApiTokens(): Promise<ApiTokenRow[]>;
  /** Revokes by name; false when no live token has that name. */
  revokeApiToken(name: string, nowMs: number): Promise<boolean>;

  /** Applies one triage step and records it; the alert's triage state after it. */
  triageAlert(alertId: number, step: TriageStep): Promise<AlertTriage>;
  getAlertTriage(alertId: number): Promise<AlertTriage | null>;

  insertCommand(command: NewLiveCommand): Promise<LiveCommandRow>;
  getCommand(id: string): Promise<LiveCommandRow | null>;
  /** Commands of a sensor still waiting for a result and not past their deadline at `nowMs`, oldest first. */
  listDeliverableCommands(sensorId: number, nowMs: number): Promise<LiveCommandRow[]>;
  markCommandSent(id: string, nowMs: number): Promise<void>;
  /** Records a result; false (and nothing changes) when the command already has one. */
  completeCommand(id: string, result: CommandOutcome, nowMs: number): Promise<boolean>;
  /** Marks every pending or sent command past its deadline as expired; returns them. */
  expireCommands(nowMs: number): Promise<LiveCommandRow[]>;
  listCommands(filter: { sensorId?: number; alertId?: number; limit?: number }): Promise<LiveCommandRow[]>;

  appendAudit(entry: NewAuditEntry): Promise<AuditRow>;
  listAudit(filter: { limit?: number; sensorId?: number; commandId?: string }): Promise<AuditRow[]>;
  /** Walks the hash chain; the first entry whose hash does not follow, or null when all do. */
  verifyAuditChain(): Promise<{ entries: number; brokenAt: number | null }>;

  /** Deletes telemetry older than `cutoffMs` except what `keep` pins; what was deleted. */
  pruneTelemetry(cutoffMs: number, keep: readonly PinnedSpan[]): Promise<PruneResult>;
}

export type Role = 'viewer' | 'responder' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'responder', 'admin'];

export interface NewApiToken {
  name: string;
  role: Role;
  tokenHash: string;
  createdBy: string;
  nowMs: number;
}

export interface ApiTokenRow {
  id: number;
  name: string;
  role: Role;
  createdAtMs: number;
  createdBy: string;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}

export type AlertStatus = 'new' | 'investigating' | 'closed-benign' | 'closed-malicious';
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'investigating', 'closed-benign', 'closed-malicious'];

export type TriageStep =
  | { action: 'status'; status: AlertStatus; author: string; note: string; nowMs: number }
  | { action: 'tag' | 'untag'; tag: string; author: string; note: string; nowMs: number }
  | { action: 'assign'; assignee: string; author: string; note: string; nowMs: number }
  | { action: 'note'; author: string; note: string; nowMs: number };

export interface TriageNote {
  at_ms: number;
  author: string;
  action: TriageStep['action'];
  value: string;
  note: string;
}

export interface AlertTriage {
  status: AlertStatus;
  assignee: string;
  tags: string[];
  notes: TriageNote[];
}

export type CommandState = 'pending' | 'sent' | 'done' | 'expired';

/** The fields an operator signed, kept as signed. */
export interface SignedCommandFields {
  id: string;
  sensorId: number;
  verb: string;
  args: string[];
  issuedBy: string;
  keyId: string;
  issuedAtMs: number;
  deadlineMs: number;
  /** base64 of the ed25519 signature. */
  signature: string;
}

export interface NewLiveCommand extends SignedCommandFields {
  /** The API token (name) that asked the collector to send it. */
  requestedBy: string;
  alertId: number | null;
}

export interface CommandOutcome {
  /** CommandStatus name without its prefix, lower case: ok, failed, timed_out, refused_… */
  status: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
  startedAtMs: number;
  finishedAtMs: number;
  message: string;
  outputSha256: string;
}

export interface LiveCommandRow extends NewLiveCommand {
  state: CommandState;
  sentAtMs: number | null;
  completedAtMs: number | null;
  result: CommandOutcome | null;
}

export interface NewAuditEntry {
  atMs: number;
  actor: string;
  action: string;
  sensorId?: number | null;
  commandId?: string | null;
  verb?: string | null;
  args?: readonly string[] | null;
  outcome?: string;
  outputSha256?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  atMs: number;
  actor: string;
  action: string;
  sensorId: number | null;
  commandId: string | null;
  verb: string | null;
  args: string[] | null;
  outcome: string;
  outputSha256: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  entryHash: string;
}

/** Telemetry of one sensor in one span that retention must keep (an alert's evidence). */
export interface PinnedSpan {
  sensorId: number;
  fromMs: number;
  toMs: number;
}

export interface PruneResult {
  netconns: number;
  seqLedger: number;
}
