import type { ProcessSnapshot } from '../sampling/process-source.js';
import { isoOrEmpty, type VerbContext } from './verb-context.js';

/** Processes read at once; /proc reads go through the threadpool, which has 4 threads. */
const READ_PARALLELISM = 8;

/** One line of `ps`. */
export interface PsLine {
  pid: number;
  ppid: number;
  user: string;
  name: string;
  path: string;
  /** ISO start time, "" when unknown. */
  start: string;
  startTimeMs: number;
  cmdline: string;
}

/** Every process, by pid, as JSON `{ "processes": [PsLine...] }`. */
export async function runPs(ctx: VerbContext, signal: AbortSignal): Promise<string> {
  const processes = await readAll(ctx, await ctx.listPids(), signal);
  const lines: PsLine[] = processes.map((p) => ({
    pid: p.pid,
    ppid: p.ppid,
    user: p.username,
    name: p.name,
    path: p.path,
    start: isoOrEmpty(p.startTimeMs),
    startTimeMs: p.startTimeMs,
    cmdline: p.cmdline,
  }));
  return `${JSON.stringify({ processes: lines })}\n`;
}

/** Snapshots of `pids`, sorted by pid; those that vanished meanwhile are left out. */
export async function readAll(ctx: VerbContext, pids: readonly number[], signal: AbortSignal): Promise<ProcessSnapshot[]> {
  const sorted = [...pids].sort((a, b) => a - b);
  const out: ProcessSnapshot[] = [];
  for (let i = 0; i < sorted.length; i += READ_PARALLELISM) {
    signal.throwIfAborted();
    const batch = await Promise.all(sorted.slice(i, i + READ_PARALLELISM).map((pid) => ctx.processes.read(pid).catch(() => null)));
    for (const snapshot of batch) if (snapshot !== null) out.push(snapshot);
  }
  return out;
}
