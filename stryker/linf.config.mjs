// StrykerJS on src/linf only (own incremental file and JSON report, so per-module runs do not conflict):
//   npx stryker run stryker/linf.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/linf/**/*.ts'],
  concurrency: 1,
  incrementalFile: 'stryker/linf.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/linf.json' },
  tempDirName: '.stryker-tmp-linf',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
