import type { FileHashes, HashRequest } from '../sampling/hasher.js';
import type { ObservedProcess } from '../sampling/process-catalog.js';
import type { ProcessSource } from '../sampling/process-source.js';
import type { SocketRecord } from '../sampling/types.js';

/**
 * What the built-in verbs read from: the agent's own sampling parts, so a
 * live-response answer is what the telemetry would say, not a second
 * opinion from other code.
 */
export interface VerbContext {
  /** The platform process reader (/proc or systeminformation). */
  processes: ProcessSource;
  /** Pids that exist now. */
  listPids: () => Promise<number[]>;
  /** The agent's process catalog, to name socket owners cheaply. */
  catalog: { resolve(pid: number, nowMs: number): Promise<ObservedProcess | null> };
  /** The agent's socket sampler. */
  sampler: { sample(): Promise<SocketRecord[]> };
  /** The agent's executable hasher (cached by path, size and mtime). */
  hasher: { hash(path: string, request?: HashRequest): Promise<FileHashes> };
  /** GUID namespace, so procinfo's process_guid matches the telemetry's. */
  installId: string;
  /** The agent's configured external-IP resolvers and their deadline. */
  resolvers: readonly string[];
  resolverTimeoutMs: number;
  /** The agent's own pid: never a kill target. */
  agentPid: number;
  now: () => number;
}

/** A socket as the netstat and procinfo verbs print it. */
export interface SocketLine {
  protocol: string;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: string;
  pid: number;
  process: string;
}

export function socketLine(s: SocketRecord, processName: string): SocketLine {
  return {
    protocol: s.protocol,
    localIp: s.localIp,
    localPort: s.localPort,
    remoteIp: s.remoteIp,
    remotePort: s.remotePort,
    state: s.state,
    pid: s.pid,
    process: processName,
  };
}

/** Epoch ms → ISO text, "" for 0 (unknown). */
export function isoOrEmpty(ms: number): string {
  return ms > 0 ? new Date(ms).toISOString() : '';
}
