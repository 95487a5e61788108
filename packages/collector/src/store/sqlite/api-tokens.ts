import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { ApiTokenRow, NewApiToken, Role } from '../analyst-store.js';

interface TokenDbRow {
  id: number;
  name: string;
  role: Role;
  created_at_ms: number;
  created_by: string;
  last_used_at_ms: number | null;
  revoked_at_ms: number | null;
}

export interface ApiTokenTable {
  create(input: NewApiToken): ApiTokenRow;
  use(tokenHash: string, nowMs: number): ApiTokenRow | null;
  list(): ApiTokenRow[];
  revoke(name: string, nowMs: number): boolean;
}

const COLUMNS = 'id, name, role, created_at_ms, created_by, last_used_at_ms, revoked_at_ms';

export function makeApiTokenTable(db: Database.Database): ApiTokenTable {
  const insert = db.prepare<[NewApiToken], TokenDbRow>(
    `INSERT INTO api_tokens (name, role, token_hash, created_at_ms, created_by)
     VALUES (@name, @role, @tokenHash, @nowMs, @createdBy) RETURNING ${COLUMNS}`);
  const byName = db.prepare<[string], { id: number }>('SELECT id FROM api_tokens WHERE name = ?');
  // last_used is written at most once a minute per token: a busy dashboard
  // would otherwise turn every read request into a write.
  const use = db.prepare<[{ hash: string; nowMs: number }], TokenDbRow>(
    `UPDATE api_tokens SET last_used_at_ms = @nowMs
     WHERE token_hash = @hash AND revoked_at_ms IS NULL AND (last_used_at_ms IS NULL OR last_used_at_ms < @nowMs - 60000)
     RETURNING ${COLUMNS}`);
  const live = db.prepare<[string], TokenDbRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at_ms IS NULL`);
  const list = db.prepare<[], TokenDbRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`);
  const revoke = db.prepare<[number, string]>('UPDATE api_tokens SET revoked_at_ms = ? WHERE name = ? AND revoked_at_ms IS NULL');

  return {
    create(input) {
      if (byName.get(input.name) !== undefined) {
        throw new CollectorError('COLLECTOR_E_CONFLICT', `an API token named "${input.name}" already exists (names stay taken after revocation, so audit entries stay unambiguous)`);
      }
      return toRow(insert.get(input)!);
    },
    use(tokenHash, nowMs) {
      const row = use.get({ hash: tokenHash, nowMs }) ?? live.get(tokenHash);
      return row === undefined ? null : toRow(row);
    },
    list: () => list.all().map(toRow),
    revoke: (name, nowMs) => revoke.run(nowMs, name).changes > 0,
  };
}

function toRow(r: TokenDbRow): ApiTokenRow {
  return {
    id: r.id, name: r.name, role: r.role, createdAtMs: r.created_at_ms, createdBy: r.created_by,
    lastUsedAtMs: r.last_used_at_ms, revokedAtMs: r.revoked_at_ms,
  };
}
