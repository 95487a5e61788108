import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { CollectorError } from '../errors.js';

/** The admin token the API accepts, as a hash, and whether it was just created. */
export interface AdminTokenSetup {
  /** SHA-256 (hex) of the admin token. */
  readonly hash: string;
  /** The token itself, only when it was created right now (to be shown once). */
  readonly createdToken: string | null;
  /** Where the hash is kept, null when the token came from the configuration. */
  readonly hashFile: string | null;
}

/** Where the hash of a generated admin token lives: next to the database. */
export function adminTokenHashFile(dbPath: string): string {
  return `${dbPath}.admin-token.sha256`;
}

/**
 * A configured token wins (and nothing is written). Otherwise the hash kept
 * next to the database is used, and at first start a new token is created,
 * its hash written (mode 0600) and the token returned once for display.
 * The Store interface has no place for API tokens yet; when roles arrive
 * they move into the database and this file becomes the bootstrap only.
 */
export async function resolveAdminToken(configured: string | null, dbPath: string): Promise<AdminTokenSetup> {
  if (configured !== null) {
    return { hash: sha256Hex(configured), createdToken: null, hashFile: null };
  }
  const file = adminTokenHashFile(dbPath);
  let stored: string | null = null;
  try {
    stored = (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CollectorError('COLLECTOR_E_CONFIG', `admin token hash file ${file}: ${(err as Error).message}`, { cause: err });
    }
  }
  if (stored !== null) {
    if (!/^[0-9a-f]{64}$/.test(stored)) {
      throw new CollectorError('COLLECTOR_E_CONFIG',
        `admin token hash file ${file}: expected 64 lower-case hex characters (a SHA-256); delete it to create a new token`);
    }
    return { hash: stored, createdToken: null, hashFile: file };
  }
  const token = randomBytes(32).toString('base64url');
  const hash = sha256Hex(token);
  try {
    await writeFile(file, `${hash}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_CONFIG', `admin token hash file ${file}: cannot create: ${(err as Error).message}`, { cause: err });
  }
  return { hash, createdToken: token, hashFile: file };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
