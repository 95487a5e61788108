import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTracked, type Spawned } from './child-process.js';
import { AGENT_BIN } from './paths.js';

export interface AgentHandle extends Spawned {
  stateDir: string;
}

export interface AgentOptions {
  collectorUrl: string;
  enrollSecret: string;
  /** Reuse a state dir to restart the same sensor. */
  stateDir?: string;
  /** host:port of the local DNS responder; the agent must never ask OpenDNS in tests. */
  resolver: string;
  interval?: number;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Starts a real `pushtrace-agent` process. */
export function startAgent(options: AgentOptions): AgentHandle {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'pushtrace-e2e-agent-'));
  const spawned = spawnTracked(process.execPath, [
    AGENT_BIN,
    '--collector', options.collectorUrl,
    '--enroll-secret', options.enrollSecret,
    '--state-dir', stateDir,
    '--resolver', options.resolver,
    '--resolver-timeout-ms', '500',
    '--interval', String(options.interval ?? 1),
    ...(options.extraArgs ?? []),
  ], options.env);
  return Object.assign(spawned, { stateDir });
}
