// StrykerJS on src/maxmargin only (own incremental file and JSON report, so per-module runs do not conflict):
//   npx stryker run stryker/maxmargin.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/maxmargin/**/*.ts'],
  concurrency: 1,
  incrementalFile: 'stryker/maxmargin.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/maxmargin.json' },
  tempDirName: '.stryker-tmp-maxmargin',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
