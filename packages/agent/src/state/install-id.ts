import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentError } from '../errors.js';

/**
 * A random id made once per agent installation and kept in the state dir.
 * Process GUIDs derive from it (the sensor id only exists after enrollment,
 * and GUIDs are needed before).
 */
export function loadOrCreateInstallId(stateDir: string): string {
  const path = join(stateDir, 'install-id');
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    try {
      const existing = readFileSync(path, 'utf8').trim();
      if (/^[0-9a-f]{32}$/.test(existing)) return existing;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const id = randomBytes(16).toString('hex');
    writeFileSync(`${path}.tmp`, `${id}\n`, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return id;
  } catch (cause) {
    throw new AgentError('AGENT_E_STATE', `state dir ${stateDir}: cannot read or create install-id: ${(cause as Error).message}`, { cause });
  }
}
