import { defineConfig } from 'vitest/config';

/** End-to-end tier (`npm run test:e2e`): everything that spawns the CLI, full catalogue, corpora, browser. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
