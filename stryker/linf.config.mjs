// StrykerJS on src/linf: npx stryker run stryker/linf.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'linf',
  mutate: ['src/linf/**/*.ts'],
});
