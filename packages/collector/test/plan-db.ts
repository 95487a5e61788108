// A freshly migrated store file, opened read-only, for tests that pin
// SQLite's query plans (EXPLAIN QUERY PLAN) and schema.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

/** Call at the top of a test file; `plan` gives each step's detail, `db` the raw connection (after beforeAll). */
export function usePlanDb(params: Record<string, unknown>) {
  let dir = '';
  let raw: Database.Database | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushtrace-plans-'));
    const path = join(dir, 'plans.db');
    await (await openSqliteStore(path)).close();
    raw = new Database(path, { readonly: true });
  });
  afterAll(async () => {
    raw?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    db: () => raw!,
    plan: (sql: string) => raw!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((r) => (r as { detail: string }).detail),
  };
}
