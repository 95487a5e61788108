import type { ProcessSource } from './process-source.js';
import { ProcfsProcessReader, type ProcfsProcessReaderOptions } from './procfs-process-reader.js';
import { SystemInfoProcessSource, type SystemInfoProcessSourceOptions } from './systeminfo-process-source.js';

/** The process source for this platform: /proc on Linux, systeminformation elsewhere. */
export function createProcessSource(
  platform: NodeJS.Platform = process.platform,
  options: { procfs?: ProcfsProcessReaderOptions; systemInfo?: SystemInfoProcessSourceOptions } = {},
): ProcessSource {
  return platform === 'linux' ? new ProcfsProcessReader(options.procfs) : new SystemInfoProcessSource({ platform, ...options.systemInfo });
}
