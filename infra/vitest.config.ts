import { defineConfig } from 'vitest/config'

// Synthesizing a stack set takes seconds on a 2-core machine: one process for all files
// (isolate: false) so each (env, compute) app is synthesized once, not once per file.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    fileParallelism: false,
  },
})
