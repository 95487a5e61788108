import { AgentError } from '../errors.js';
import type { VerbContext } from './verb-context.js';

/**
 * Ends a process at once (SIGKILL; TerminateProcess on Windows): live
 * response is for stopping something that should not run, which a SIGTERM
 * it may ignore does not do. Reads the process first, so the answer names
 * what was killed and a pid that is gone fails plainly.
 */
export async function runKill(ctx: VerbContext, pid: number): Promise<string> {
  const snapshot = await ctx.processes.read(pid);
  if (snapshot === null) throw new AgentError('AGENT_E_LIVE_RESPONSE', `no process with pid ${pid}`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') throw new AgentError('AGENT_E_LIVE_RESPONSE', `pid ${pid} (${snapshot.name}) exited before it could be killed`);
    if (code === 'EPERM') throw new AgentError('AGENT_E_LIVE_RESPONSE', `not permitted to kill pid ${pid} (${snapshot.name}, user ${snapshot.username || snapshot.uid})`);
    throw new AgentError('AGENT_E_LIVE_RESPONSE', `kill ${pid} failed: ${code ?? (err as Error).message}`, { cause: err });
  }
  return `killed pid ${pid} (${snapshot.name}${snapshot.path ? `, ${snapshot.path}` : ''})\n`;
}
