// StrykerJS on two integrated flows of src/flow, rescaledFlow.ts and linfFlow.ts (own incremental file and JSON report):
//   npx stryker run stryker/flowint.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/flow/rescaledFlow.ts', 'src/flow/linfFlow.ts'],
  concurrency: 2,
  incrementalFile: 'stryker/flowint.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/flowint.json' },
  tempDirName: '.stryker-tmp-flowint',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
