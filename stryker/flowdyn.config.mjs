// StrykerJS on the integrated flows of src/flow (so far physicalFlow.ts only) (own incremental file and JSON report, so per-module runs do not conflict):
//   npx stryker run stryker/flowdyn.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/flow/physicalFlow.ts'],
  concurrency: 1,
  incrementalFile: 'stryker/flowdyn.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/flowdyn.json' },
  tempDirName: '.stryker-tmp-flowdyn',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
