import { makeStandInExecutable } from '@pushtrace/collector';
import { spawnTracked, type Spawned } from './child-process.js';

export { RECONNECT_SCRIPT } from '@pushtrace/collector';

export interface Standin extends Spawned {
  exePath: string;
  sha256: string;
}

/** Runs `script` in a copy of node named `name` (see makeStandInExecutable). */
export function startStandin(name: string, script: string, args: string[] = []): Standin {
  const { exePath, sha256 } = makeStandInExecutable(name);
  const spawned = spawnTracked(exePath, ['-e', script, '--', ...args]);
  return Object.assign(spawned, { exePath, sha256 });
}
