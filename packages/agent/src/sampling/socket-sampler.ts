import { AgentError } from '../errors.js';
import { createLinuxSocketSampler, type LinuxSocketSamplerOptions } from './linux-socket-sampler.js';
import { createSystemInformationSocketSampler } from './systeminfo-socket-sampler.js';
import type { SocketSampler } from './types.js';

export interface SocketSamplerOptions extends LinuxSocketSamplerOptions {
  /** Platform to sample for. Default process.platform. */
  platform?: NodeJS.Platform;
}

/** Platforms where systeminformation's networkConnections() reports sockets with pids. */
const SYSTEMINFORMATION_PLATFORMS: ReadonlySet<NodeJS.Platform> = new Set(['win32', 'darwin', 'freebsd', 'openbsd', 'netbsd']);

/**
 * The socket sampler for this platform: Linux reads /proc (tables through the threadpool);
 * Windows, macOS and the BSDs go through systeminformation. Throws
 * AGENT_E_CONFIG for a platform neither covers, or for a bad excludeCidrs entry.
 */
export function createSocketSampler(options: SocketSamplerOptions = {}): SocketSampler {
  const { platform = process.platform, ...rest } = options;
  if (platform === 'linux') return createLinuxSocketSampler(rest);
  if (SYSTEMINFORMATION_PLATFORMS.has(platform)) {
    return createSystemInformationSocketSampler({ excludeCidrs: rest.excludeCidrs });
  }
  throw new AgentError('AGENT_E_CONFIG', `no socket sampler for platform "${platform}"`);
}
