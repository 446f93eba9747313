import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit tier (`npm test`): library unit and property tests with small budgets, under a minute idle
 * on 2 cores. Anything that spawns the CLI, runs the whole catalogue, a corpus or a browser
 * belongs in tests/e2e/ (`npm run test:e2e`, vitest.e2e.config.ts).
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // one fork per core: vitest's default leaves a core idle (cores − 1), which on CI's 2 cores ran
    // the files one at a time (62 s; 38 s with both cores)
    maxWorkers: availableParallelism(),
    reporters: ['default'],
  },
});
