import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { waitFor } from './wait-for.js';

/** A spawned process whose output lines are kept for assertions and for failure messages. */
export interface Spawned {
  proc: ChildProcess;
  /** stdout lines parsed as JSON where they are JSON (pino logs), else skipped. */
  logs: Array<Record<string, unknown>>;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for a JSON log line matching `match` (by msg or predicate). */
  waitForLog(match: string | ((line: Record<string, unknown>) => boolean), timeoutMs?: number): Promise<Record<string, unknown>>;
  /** SIGTERM, then SIGKILL if it has not exited within graceMs. */
  stop(graceMs?: number): Promise<void>;
  kill9(): Promise<void>;
}

export function spawnTracked(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const proc = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Array<Record<string, unknown>> = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    stdout.push(line);
    if (line.startsWith('{')) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line; kept in stdout
      }
    }
  });
  createInterface({ input: proc.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const waitForLog: Spawned['waitForLog'] = (match, timeoutMs = 20_000) => {
    const predicate = typeof match === 'string' ? (l: Record<string, unknown>) => l.msg === match : match;
    return waitFor(`log line ${typeof match === 'string' ? JSON.stringify(match) : 'matching predicate'} from ${args[0] ?? command}` +
      ` (stderr tail: ${stderr.slice(-3).join(' | ')})`, () => {
      const hit = logs.find(predicate);
      if (hit) return hit;
      if (done) throw new Error(`process exited; stderr: ${stderr.slice(-5).join(' | ')}`);
      return undefined;
    }, { timeoutMs });
  };

  return {
    proc,
    logs,
    stdout,
    stderr,
    exited,
    waitForLog,
    async stop(graceMs = 10_000) {
      if (done) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (done) return;
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
