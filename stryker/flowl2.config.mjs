// StrykerJS on the l2-SAM flow driver, tauReduction.ts and l2FlowDriver.ts: npx stryker run stryker/flowl2.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'flowl2',
  mutate: ['src/flow/tauReduction.ts', 'src/flow/l2FlowDriver.ts'],
});
