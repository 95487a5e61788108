import { readFile } from 'node:fs/promises';
import { uptime } from 'node:os';
import { AgentError } from '../errors.js';

/** Seconds since the epoch at boot, from the `btime` line of /proc/stat. */
export function parseProcStatBtime(text: string, source = '/proc/stat'): number {
  const match = /^btime\s+(\d+)\s*$/m.exec(text);
  if (match === null) throw new AgentError('AGENT_E_PARSE', `${source}: no "btime" line`);
  return Number(match[1]);
}

export interface BootTimeDeps {
  platform: NodeJS.Platform;
  readText: (path: string) => Promise<string>;
  now: () => number;
  uptimeSeconds: () => number;
}

const defaultDeps: BootTimeDeps = {
  platform: process.platform,
  readText: (path) => readFile(path, 'utf8'),
  now: Date.now,
  uptimeSeconds: uptime,
};

/**
 * Boot time in epoch ms. Linux reads the kernel's own figure, which does not
 * move between reads (process start times are computed from it, so it must
 * not); elsewhere now − uptime, rounded to the second to damp jitter.
 */
export async function readBootTimeMs(deps: Partial<BootTimeDeps> = {}): Promise<number> {
  const d = { ...defaultDeps, ...deps };
  if (d.platform === 'linux') {
    try {
      return parseProcStatBtime(await d.readText('/proc/stat')) * 1000;
    } catch {
      // No /proc (a sandbox, an unusual mount): fall through to the portable estimate.
    }
  }
  return Math.round((d.now() - d.uptimeSeconds() * 1000) / 1000) * 1000;
}
