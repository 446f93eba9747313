// StrykerJS on the closed forms of src/flow: npx stryker run stryker/flow.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'flow',
  mutate: ['src/flow/gdClosedForm.ts', 'src/flow/linfClosedForm.ts', 'src/flow/l2Certificates.ts', 'src/flow/physicalTime.ts'],
});
