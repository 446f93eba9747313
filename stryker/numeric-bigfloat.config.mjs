// Per-module StrykerJS run for src/numeric/bigfloatField.ts alone (the biggest file; the rest of src/numeric is
// stryker/numeric.config.mjs), own incremental file and JSON report: npx stryker run stryker/numeric-bigfloat.config.mjs
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/numeric/bigfloatField.ts'],
  // 1219 mutants: judged by the dedicated unit tests only (tests/numeric/), so the score is a lower bound of the
  // whole unit tier's and a run takes about an hour instead of several
  testFiles: ['tests/numeric/**/*.test.ts'],
  concurrency: 2,
  tempDirName: '.stryker-tmp-bigfloat',
  // a bigfloat run may be under way in its own temp dir at the same time
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-bigfloat'],
  incrementalFile: 'stryker/numeric-bigfloat.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/numeric-bigfloat.json' },
};
