// StrykerJS on two integrated flows, rescaledFlow.ts and linfFlow.ts, and the target check they share (targets.ts):
//   npx stryker run stryker/flowint.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'flowint',
  mutate: ['src/flow/rescaledFlow.ts', 'src/flow/linfFlow.ts', 'src/flow/targets.ts'],
});
