// `pnpm bench`: every benchmark, one after another (they share two cores and
// must not disturb each other), each printing figures and ratios against a
// baseline measured in the same run. Nothing is asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// agent-idle first: the others leave thousands of sockets in TIME_WAIT, and an
// idle agent is to be measured on an idle host.
const benches = ['agent-idle.js', 'sampler.js', 'detection.js', 'query.js'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== bench/${bench} ===`);
  // --expose-gc: a bench may collect one part's garbage before timing the next.
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL(bench, import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`bench/${bench} exited ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
