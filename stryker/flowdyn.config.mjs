// StrykerJS on src/flow/physicalFlow.ts (W(t) in physical time): npx stryker run stryker/flowdyn.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'flowdyn',
  mutate: ['src/flow/physicalFlow.ts'],
});
