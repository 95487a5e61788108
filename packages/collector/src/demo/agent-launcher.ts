import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { CollectorError } from '../errors.js';

/**
 * Where the pushtrace-agent launcher is. The collector never imports the
 * agent; the demo runs it as its own process, found the way a shell would:
 * PUSHTRACE_AGENT_BIN, then PATH (pnpm exec puts the workspace's bins
 * there), then node_modules/.bin above the working directory.
 */
export function findAgentBin(env: NodeJS.ProcessEnv): string {
  const candidates = [
    env.PUSHTRACE_AGENT_BIN,
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'pushtrace-agent')),
  ];
  for (let dir = resolve('.'); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules', '.bin', 'pushtrace-agent'));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((path) => path !== undefined && existsSync(path));
  if (found === undefined) {
    throw new CollectorError('COLLECTOR_E_CONFIG',
      'cannot find pushtrace-agent: run the demo from the pushtrace workspace (pnpm demo) or set PUSHTRACE_AGENT_BIN');
  }
  return found;
}

/** Starts an agent process whose JSON log goes to `logFile`. */
export function launchAgent(bin: string, args: string[], logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  return spawn(bin, args, { stdio: ['ignore', out, out] });
}
