import { initialSchema } from './001-initial.js';
import { detectionSchema } from './002-detection.js';
import { searchSchema } from './003-search.js';
import { analystSchema } from './004-analyst.js';
import { timeKeysSchema } from './005-time-keys.js';
import type { Migration } from './migration.js';

/** Every migration, in version order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([initialSchema, detectionSchema, searchSchema, analystSchema, timeKeysSchema]);

export { SQLITE_DIALECT, POSTGRES_DIALECT, SCHEMA_VERSION_TABLE } from './migration.js';
export type { Migration, SqlDialect } from './migration.js';
