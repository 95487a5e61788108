import { defineConfig } from 'vitest/config';

// One run covers every package. Unit tests live beside their package
// (packages/*/test, proto/test); cross-process tests in test/. The e2e
// project spawns the built CLIs, so `pnpm test` builds first.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'proto', include: ['proto/test/**/*.test.ts'] } },
      { test: { name: 'agent', include: ['packages/agent/test/**/*.test.ts'] } },
      { test: { name: 'collector', include: ['packages/collector/test/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Real processes on a 2-core machine: one file at a time keeps
          // timings honest and ports free.
          fileParallelism: false,
        },
      },
    ],
  },
});
