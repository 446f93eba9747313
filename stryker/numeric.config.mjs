// Per-module StrykerJS run for src/numeric except bigfloatField.ts (that one is stryker/numeric-bigfloat.config.mjs),
// own incremental file and JSON report: npx stryker run stryker/numeric.config.mjs
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/numeric/**/*.ts', '!src/numeric/bigfloatField.ts'],
  concurrency: 1,
  // a bigfloat run may be under way in its own temp dir at the same time
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-bigfloat'],
  incrementalFile: 'stryker/numeric.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/numeric.json' },
};
