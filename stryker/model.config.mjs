// Per-module StrykerJS run for src/model (own incremental file and JSON report so that runs of other
// modules do not overwrite each other): npx stryker run stryker/model.config.mjs
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/model/**/*.ts'],
  concurrency: 1,
  // a bigfloat run may be under way in its own temp dir at the same time
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-bigfloat'],
  incrementalFile: 'stryker/model.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/model.json' },
};
