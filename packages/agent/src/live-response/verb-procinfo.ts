import { AgentError } from '../errors.js';
import { processGuid } from '../sampling/process-guid.js';
import { isoOrEmpty, socketLine, type VerbContext } from './verb-context.js';

/**
 * One process in detail: identity, path, command line, user, start time,
 * hashes of the running image (the agent's hasher, so they match the
 * telemetry's) and its current sockets, as JSON `{ "process": {...},
 * "connections": [SocketLine...] }`.
 */
export async function runProcinfo(ctx: VerbContext, pid: number, signal: AbortSignal): Promise<string> {
  const snapshot = await ctx.processes.read(pid);
  if (snapshot === null) throw new AgentError('AGENT_E_LIVE_RESPONSE', `no process with pid ${pid}`);
  signal.throwIfAborted();
  const hashes = snapshot.path === '' && snapshot.imagePath === ''
    ? { sha256: '', md5: '', hashError: snapshot.pathError || 'no executable path' }
    : await ctx.hasher.hash(snapshot.path, snapshot.imagePath === '' ? {} : { readFrom: snapshot.imagePath });
  signal.throwIfAborted();
  const sockets = (await ctx.sampler.sample()).filter((s) => s.pid === pid);
  const process = {
    pid,
    ppid: snapshot.ppid,
    name: snapshot.name,
    path: snapshot.path,
    argv: snapshot.argv,
    cmdline: snapshot.cmdline,
    user: snapshot.username,
    uid: snapshot.uid,
    start: isoOrEmpty(snapshot.startTimeMs),
    startTimeMs: snapshot.startTimeMs,
    processGuid: processGuid(ctx.installId, pid, snapshot.startTimeMs),
    sha256: hashes.sha256,
    md5: hashes.md5,
    hashError: hashes.hashError,
    exeDeleted: snapshot.exeDeleted,
  };
  const connections = sockets.map((s) => socketLine(s, snapshot.name));
  return `${JSON.stringify({ process, connections })}\n`;
}
