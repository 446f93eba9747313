// StrykerJS on src/optim: npx stryker run stryker/optim.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'optim',
  mutate: ['src/optim/**/*.ts'],
});
