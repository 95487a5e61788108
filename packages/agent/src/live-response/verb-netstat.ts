import { socketLine, type SocketLine, type VerbContext } from './verb-context.js';

/**
 * Current sockets from the agent's own sampler, each with its owning pid and
 * process name, as JSON `{ "sockets": [SocketLine...] }`.
 */
export async function runNetstat(ctx: VerbContext, signal: AbortSignal): Promise<string> {
  const sockets = await ctx.sampler.sample();
  signal.throwIfAborted();
  const names = new Map<number, string>();
  const now = ctx.now();
  for (const pid of new Set(sockets.map((s) => s.pid))) {
    if (pid <= 0) continue;
    names.set(pid, (await ctx.catalog.resolve(pid, now))?.name ?? '');
  }
  const lines: SocketLine[] = sockets.map((s) => socketLine(s, names.get(s.pid) ?? ''));
  lines.sort((a, b) => a.pid - b.pid || a.localPort - b.localPort || a.remotePort - b.remotePort);
  return `${JSON.stringify({ sockets: lines })}\n`;
}
