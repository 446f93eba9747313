// Per-module StrykerJS run for src/optim (own incremental file and JSON report so that runs of other
// modules do not overwrite each other): npx stryker run stryker/optim.config.mjs
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/optim/**/*.ts'],
  concurrency: 1,
  // a bigfloat run may be under way in its own temp dir at the same time
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-bigfloat'],
  incrementalFile: 'stryker/optim.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/optim.json' },
};
