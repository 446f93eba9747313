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
    reporters: ['default'],
  },
});
