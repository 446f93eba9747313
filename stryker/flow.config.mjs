// StrykerJS on the closed forms of src/flow (gdClosedForm, linfClosedForm, l2Certificates, physicalTime) (own incremental file and JSON report, so per-module runs do not conflict):
//   npx stryker run stryker/flow.config.mjs
import base from '../stryker.config.mjs';
export default {
  ...base,
  mutate: ['src/flow/gdClosedForm.ts', 'src/flow/linfClosedForm.ts', 'src/flow/l2Certificates.ts', 'src/flow/physicalTime.ts'],
  concurrency: 1,
  incrementalFile: 'stryker/flow.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/flow.json' },
  tempDirName: '.stryker-tmp-flow',
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
};
