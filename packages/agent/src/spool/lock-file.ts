import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AgentError } from '../errors.js';

/** Lock paths this process holds, so a second open in the same process fails too. */
const held = new Set<string>();

/**
 * Takes `path` as a pid lock file: two agents appending to one spool would
 * hand out the same seqs, and the collector would keep only one of each.
 * A lock left by a dead process (kill -9, power loss) is taken over. Node has
 * no portable advisory file lock without native code, so liveness is judged
 * by the pid; a reused pid can make a stale lock look held, which the error
 * message tells the operator how to clear.
 */
export function acquireLock(path: string): () => void {
  if (held.has(path)) {
    throw new AgentError('AGENT_E_SPOOL_LOCKED', `spool lock ${path} is already held by this process`);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new AgentError('AGENT_E_SPOOL_IO', `cannot create spool lock ${path}: ${(err as Error).message}`, { cause: err });
      }
      const owner = readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new AgentError('AGENT_E_SPOOL_LOCKED',
          `spool lock ${path} is held by pid ${owner}; if no other pushtrace-agent uses this state dir, delete the file`);
      }
      rmSync(path, { force: true });
    }
  }
  held.add(path);
  return () => {
    held.delete(path);
    rmSync(path, { force: true });
  };
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
