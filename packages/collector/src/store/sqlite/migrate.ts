import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { CollectorError } from '../../errors.js';
import { SCHEMA_VERSION_TABLE, SQLITE_DIALECT, type Migration } from '../migrations/index.js';

/** Highest migration version recorded in the file, 0 for a new file. */
export function readSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/** Refuses a file written by a newer collector: its schema may mean things this build does not know. */
export function assertSchemaNotNewer(version: number, migrations: readonly Migration[], path: string): void {
  const known = latestVersion(migrations);
  if (version > known) {
    throw new CollectorError('COLLECTOR_E_STORE_SCHEMA_TOO_NEW',
      `${path} has schema version ${version}, this collector knows up to ${known}; run a newer collector`);
  }
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies every migration newer than the file's schema, each in its own
 * IMMEDIATE transaction together with its schema_version row, so a crash
 * leaves the file at a whole version. The version is re-read inside the
 * transaction: a second collector migrating the same file at the same time
 * waits on the write lock and then finds the work done.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[], opts: {
  path: string;
  now: () => number;
  log: Logger;
}): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order: position ${i} holds version ${m.version}`);
  });
  db.exec(SCHEMA_VERSION_TABLE);
  assertSchemaNotNewer(readSchemaVersion(db), migrations, opts.path);
  for (const migration of migrations) {
    const applied = db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return false;
      for (const sql of migration.statements(SQLITE_DIALECT)) db.exec(sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, opts.now());
      return true;
    });
    try {
      if (applied.immediate()) opts.log.info({ version: migration.version, name: migration.name }, 'store migration applied');
    } catch (cause) {
      throw new CollectorError('COLLECTOR_E_STORE_MIGRATION',
        `migration ${migration.version} (${migration.name}) failed on ${opts.path}: ${(cause as Error).message}`, { cause });
    }
  }
  return readSchemaVersion(db);
}
