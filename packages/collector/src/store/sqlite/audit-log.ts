import type Database from 'better-sqlite3';
import type { AuditRow, NewAuditEntry } from '../analyst-store.js';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditHashInput } from '../audit-chain.js';

interface AuditDbRow {
  id: number;
  at_ms: number;
  actor: string;
  action: string;
  sensor_id: number | null;
  command_id: string | null;
  verb: string | null;
  args: string | null;
  outcome: string;
  output_sha256: string | null;
  detail: string;
  prev_hash: string;
  entry_hash: string;
}

export interface AuditLogTable {
  append(entry: NewAuditEntry): AuditRow;
  list(filter: { limit?: number; sensorId?: number; commandId?: string }): AuditRow[];
  verify(): { entries: number; brokenAt: number | null };
}

/** The audit log: insert and read only; nothing here updates or deletes a row. */
export function makeAuditLogTable(db: Database.Database): AuditLogTable {
  const last = db.prepare<[], { entry_hash: string }>('SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare<[Record<string, unknown>], AuditDbRow>(
    `INSERT INTO audit_log (at_ms, actor, action, sensor_id, command_id, verb, args, outcome, output_sha256, detail, prev_hash, entry_hash)
     VALUES (@atMs, @actor, @action, @sensorId, @commandId, @verb, @args, @outcome, @outputSha256, @detail, @prevHash, @entryHash)
     RETURNING *`);
  const list = db.prepare<[{ limit: number; sensorId: number | null; commandId: string | null }], AuditDbRow>(
    `SELECT * FROM (SELECT * FROM audit_log
       WHERE (@sensorId IS NULL OR sensor_id = @sensorId) AND (@commandId IS NULL OR command_id = @commandId)
       ORDER BY id DESC LIMIT @limit) ORDER BY id`);
  const all = db.prepare<[], AuditDbRow>('SELECT * FROM audit_log ORDER BY id');

  // Reading the last hash and inserting after it must be one step, or two
  // writers could both follow the same predecessor.
  const append = db.transaction((entry: NewAuditEntry): AuditRow => {
    const fields: AuditHashInput = {
      atMs: entry.atMs, actor: entry.actor, action: entry.action, sensorId: entry.sensorId ?? null, commandId: entry.commandId ?? null,
      verb: entry.verb ?? null, args: entry.args === undefined || entry.args === null ? null : [...entry.args], outcome: entry.outcome ?? '',
      outputSha256: entry.outputSha256 ?? null, detail: entry.detail ?? {},
    };
    const prevHash = last.get()?.entry_hash ?? AUDIT_GENESIS_HASH;
    const row = insert.get({
      ...fields, args: fields.args === null ? null : JSON.stringify(fields.args), detail: JSON.stringify(fields.detail),
      prevHash, entryHash: auditEntryHash(prevHash, fields),
    })!;
    return toRow(row);
  });

  return {
    append: (entry) => append.immediate(entry),
    list: (f) => list.all({ limit: f.limit ?? 1000, sensorId: f.sensorId ?? null, commandId: f.commandId ?? null }).map(toRow),
    verify() {
      let prev = AUDIT_GENESIS_HASH;
      let entries = 0;
      for (const row of all.iterate()) {
        const r = toRow(row);
        if (r.prevHash !== prev || auditEntryHash(prev, r) !== r.entryHash) return { entries, brokenAt: r.id };
        prev = r.entryHash;
        entries++;
      }
      return { entries, brokenAt: null };
    },
  };
}

function toRow(r: AuditDbRow): AuditRow {
  return {
    id: r.id, atMs: r.at_ms, actor: r.actor, action: r.action, sensorId: r.sensor_id, commandId: r.command_id, verb: r.verb,
    args: r.args === null ? null : (JSON.parse(r.args) as string[]), outcome: r.outcome, outputSha256: r.output_sha256,
    detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, entryHash: r.entry_hash,
  };
}
