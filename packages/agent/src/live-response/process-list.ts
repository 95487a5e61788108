import { readdir } from 'node:fs/promises';
import { systemInformation } from '../sampling/systeminformation-loader.js';

/**
 * Pids that exist now: /proc's numeric entries on Linux, systeminformation's
 * process list elsewhere (the same list the systeminformation process source
 * reads each pid from, so `ps` costs one listing there).
 */
export function createPidLister(platform: NodeJS.Platform = process.platform, procRoot = '/proc'): () => Promise<number[]> {
  if (platform === 'linux') {
    return async () => (await readdir(procRoot)).filter((name) => /^\d+$/.test(name)).map(Number);
  }
  return async () => (await (await systemInformation()).processes()).list.map((p) => p.pid);
}
