import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root, for spawning the built CLIs exactly as `pnpm exec` would. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COLLECTOR_BIN = join(REPO_ROOT, 'packages/collector/bin/pushtrace.js');
export const AGENT_BIN = join(REPO_ROOT, 'packages/agent/bin/pushtrace-agent.js');
