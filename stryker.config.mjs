// StrykerJS (mutation testing) on the mathematical core: `npm run mutate` (all modules, hours on a
// cold start) or `npm run mutate -- --mutate 'src/linf/**/*.ts'` (one module). Not part of .ci/run.
// Pinned to the 9.x line (10.x needs Node 22). The incremental file is committed so that later runs
// only re-test mutants whose code or covering tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/numeric/**/*.ts', 'src/model/**/*.ts', 'src/optim/**/*.ts', 'src/flow/**/*.ts', 'src/linf/**/*.ts', 'src/maxmargin/**/*.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'stryker/incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 60000,
  dryRunTimeoutMinutes: 60,
  timeoutFactor: 2,
  ignorePatterns: ['reports', 'stryker', '.stryker-tmp', 'out', 'dist'],
  thresholds: { high: 90, low: 80, break: null },
};
