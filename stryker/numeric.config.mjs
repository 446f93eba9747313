// Per-module StrykerJS run for src/numeric (own incremental file and JSON report so that runs of other
// modules do not overwrite each other): npx stryker run stryker/numeric.config.mjs
import base from '../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/numeric/**/*.ts'],
  concurrency: 1,
  incrementalFile: 'stryker/numeric.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/numeric.json' },
};
