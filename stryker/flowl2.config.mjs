// StrykerJS on the ℓ2-SAM τ reduction of src/flow, tauReduction.ts and l2FlowDriver.ts (own incremental file and JSON report):
//   npx stryker run stryker/flowl2.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/flow/tauReduction.ts', 'src/flow/l2FlowDriver.ts'],
  concurrency: 2,
  incrementalFile: 'stryker/flowl2.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/flowl2.json' },
  tempDirName: '.stryker-tmp-flowl2',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
