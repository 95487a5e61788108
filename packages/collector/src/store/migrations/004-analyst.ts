import type { Migration } from './migration.js';

/**
 * The analyst surface: API tokens with roles, alert triage, live-response
 * commands and the audit log. Same conventions as migration 1.
 */
export const analystSchema: Migration = {
  version: 4,
  name: 'analyst: api tokens, alert triage, live-response commands, audit log',
  statements: (d) => [
    // Only the SHA-256 of a token is kept: a copy of the database hands out no
    // working credential. name is what audit entries and the CLI show.
    `CREATE TABLE api_tokens (
      id ${d.publicIdColumn},
      name TEXT NOT NULL UNIQUE CHECK (name <> ''),
      role TEXT NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
      token_hash TEXT NOT NULL UNIQUE,
      created_at_ms BIGINT NOT NULL,
      created_by TEXT NOT NULL DEFAULT '',
      last_used_at_ms BIGINT,
      revoked_at_ms BIGINT
    )`,
    // Seqs at or below this were stored once and their ledger rows pruned by
    // retention: the ledger can shrink without an old resend getting in again.
    'ALTER TABLE sensors ADD COLUMN seq_floor BIGINT NOT NULL DEFAULT 0',
    // Triage lives beside the detector's body, not in it: reconcile rewrites
    // the body as late data arrives and must not undo an analyst's work.
    `ALTER TABLE alerts ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
      CHECK (status IN ('new', 'investigating', 'closed-benign', 'closed-malicious'))`,
    "ALTER TABLE alerts ADD COLUMN assignee TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE alerts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    // Every triage step, in order: who changed what and why.
    `CREATE TABLE alert_notes (
      id ${d.rowIdColumn},
      alert_id BIGINT NOT NULL,
      at_ms BIGINT NOT NULL,
      author TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('note', 'status', 'tag', 'untag', 'assign')),
      value TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT ''
    )`,
    'CREATE INDEX alert_notes_alert ON alert_notes (alert_id, id)',
    // One row per live-response command, from issue to result or expiry.
    // The signed fields are kept exactly as signed so the command can be
    // (re)sent to an agent that was offline without anyone re-signing it.
    `CREATE TABLE live_commands (
      id TEXT PRIMARY KEY CHECK (id <> ''),
      sensor_id BIGINT NOT NULL REFERENCES sensors (id),
      verb TEXT NOT NULL CHECK (verb <> ''),
      args TEXT NOT NULL DEFAULT '[]',
      issued_by TEXT NOT NULL DEFAULT '',
      key_id TEXT NOT NULL DEFAULT '',
      signature TEXT NOT NULL DEFAULT '',
      issued_at_ms BIGINT NOT NULL,
      deadline_ms BIGINT NOT NULL,
      requested_by TEXT NOT NULL,
      alert_id BIGINT,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'done', 'expired')),
      sent_at_ms BIGINT,
      status TEXT,
      exit_code BIGINT,
      stdout TEXT,
      stderr TEXT,
      truncated SMALLINT,
      started_at_ms BIGINT,
      finished_at_ms BIGINT,
      message TEXT,
      output_sha256 TEXT,
      completed_at_ms BIGINT
    )`,
    'CREATE INDEX live_commands_sensor_state ON live_commands (sensor_id, state, issued_at_ms)',
    'CREATE INDEX live_commands_alert ON live_commands (alert_id)',
    // Append-only by design: the store has no statement that updates or
    // deletes a row, and each entry carries the hash of the one before it, so
    // an edit made behind the collector's back breaks the chain visibly.
    `CREATE TABLE audit_log (
      id ${d.rowIdColumn},
      at_ms BIGINT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action <> ''),
      sensor_id BIGINT,
      command_id TEXT,
      verb TEXT,
      args TEXT,
      outcome TEXT NOT NULL DEFAULT '',
      output_sha256 TEXT,
      detail TEXT NOT NULL DEFAULT '{}',
      prev_hash TEXT NOT NULL,
      entry_hash TEXT NOT NULL
    )`,
  ],
};
