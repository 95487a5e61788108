import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { CommandOutcome, CommandState, LiveCommandRow, NewLiveCommand } from '../analyst-store.js';

interface CommandDbRow {
  id: string;
  sensor_id: number;
  verb: string;
  args: string;
  issued_by: string;
  key_id: string;
  signature: string;
  issued_at_ms: number;
  deadline_ms: number;
  requested_by: string;
  alert_id: number | null;
  state: CommandState;
  sent_at_ms: number | null;
  status: string | null;
  exit_code: number | null;
  stdout: string | null;
  stderr: string | null;
  truncated: number | null;
  started_at_ms: number | null;
  finished_at_ms: number | null;
  message: string | null;
  output_sha256: string | null;
  completed_at_ms: number | null;
}

export interface LiveCommandTable {
  insert(command: NewLiveCommand): LiveCommandRow;
  get(id: string): LiveCommandRow | null;
  deliverable(sensorId: number, nowMs: number): LiveCommandRow[];
  markSent(id: string, nowMs: number): void;
  complete(id: string, result: CommandOutcome, nowMs: number): boolean;
  expire(nowMs: number): LiveCommandRow[];
  list(filter: { sensorId?: number; alertId?: number; limit?: number }): LiveCommandRow[];
}

export function makeLiveCommandTable(db: Database.Database): LiveCommandTable {
  const insert = db.prepare(
    `INSERT INTO live_commands (id, sensor_id, verb, args, issued_by, key_id, signature, issued_at_ms, deadline_ms, requested_by, alert_id, state)
     VALUES (@id, @sensorId, @verb, @args, @issuedBy, @keyId, @signature, @issuedAtMs, @deadlineMs, @requestedBy, @alertId, 'pending')`);
  const get = db.prepare<[string], CommandDbRow>('SELECT * FROM live_commands WHERE id = ?');
  const deliverable = db.prepare<[number, number], CommandDbRow>(
    `SELECT * FROM live_commands WHERE sensor_id = ? AND state IN ('pending', 'sent') AND deadline_ms > ?
     ORDER BY issued_at_ms, id`);
  const markSent = db.prepare<[number, string]>(
    "UPDATE live_commands SET state = 'sent', sent_at_ms = ? WHERE id = ? AND state IN ('pending', 'sent')");
  // A result ends a command whatever its state, even 'expired': the agent
  // ran it after all (its deadline check uses its own clock), and what ran
  // on a laptop must be on record.
  const complete = db.prepare(
    `UPDATE live_commands SET state = 'done', status = @status, exit_code = @exitCode, stdout = @stdout, stderr = @stderr,
       truncated = @truncated, started_at_ms = @startedAtMs, finished_at_ms = @finishedAtMs, message = @message,
       output_sha256 = @outputSha256, completed_at_ms = @nowMs
     WHERE id = @id AND status IS NULL`);
  const dueToExpire = db.prepare<[number], CommandDbRow>(
    "SELECT * FROM live_commands WHERE state IN ('pending', 'sent') AND deadline_ms <= ? ORDER BY deadline_ms, id");
  const expireOne = db.prepare<[number, string]>(
    "UPDATE live_commands SET state = 'expired', completed_at_ms = ? WHERE id = ? AND state IN ('pending', 'sent')");
  const listAll = db.prepare<[{ sensorId: number | null; alertId: number | null; limit: number }], CommandDbRow>(
    `SELECT * FROM live_commands
     WHERE (@sensorId IS NULL OR sensor_id = @sensorId) AND (@alertId IS NULL OR alert_id = @alertId)
     ORDER BY issued_at_ms DESC, id DESC LIMIT @limit`);

  const expire = db.transaction((nowMs: number): LiveCommandRow[] => {
    const due = dueToExpire.all(nowMs);
    for (const row of due) expireOne.run(nowMs, row.id);
    return due.map((row) => toRow({ ...row, state: 'expired', completed_at_ms: nowMs }));
  });

  return {
    insert(command) {
      if (get.get(command.id) !== undefined) {
        throw new CollectorError('COLLECTOR_E_CONFLICT', `a command with id ${command.id} already exists`);
      }
      insert.run({ ...command, args: JSON.stringify(command.args) });
      return toRow(get.get(command.id)!);
    },
    get(id) {
      const row = get.get(id);
      return row === undefined ? null : toRow(row);
    },
    deliverable: (sensorId, nowMs) => deliverable.all(sensorId, nowMs).map(toRow),
    markSent(id, nowMs) {
      markSent.run(nowMs, id);
    },
    complete(id, r, nowMs) {
      return complete.run({
        id, status: r.status, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, truncated: r.truncated ? 1 : 0,
        startedAtMs: r.startedAtMs, finishedAtMs: r.finishedAtMs, message: r.message, outputSha256: r.outputSha256, nowMs,
      }).changes > 0;
    },
    // Checked with a plain read first: this runs every second, and a write
    // transaction each time would queue behind (and hold up) telemetry commits.
    expire: (nowMs) => (dueToExpire.get(nowMs) === undefined ? [] : expire.immediate(nowMs)),
    list: (f) => listAll.all({ sensorId: f.sensorId ?? null, alertId: f.alertId ?? null, limit: f.limit ?? 1000 }).map(toRow),
  };
}

function toRow(r: CommandDbRow): LiveCommandRow {
  return {
    id: r.id, sensorId: r.sensor_id, verb: r.verb, args: JSON.parse(r.args) as string[], issuedBy: r.issued_by, keyId: r.key_id,
    signature: r.signature, issuedAtMs: r.issued_at_ms, deadlineMs: r.deadline_ms, requestedBy: r.requested_by, alertId: r.alert_id,
    state: r.state, sentAtMs: r.sent_at_ms, completedAtMs: r.completed_at_ms,
    result: r.status === null ? null : {
      status: r.status, exitCode: r.exit_code ?? 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '', truncated: r.truncated === 1,
      startedAtMs: r.started_at_ms ?? 0, finishedAtMs: r.finished_at_ms ?? 0, message: r.message ?? '', outputSha256: r.output_sha256 ?? '',
    },
  };
}
