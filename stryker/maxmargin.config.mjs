// StrykerJS on src/maxmargin: npx stryker run stryker/maxmargin.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'maxmargin',
  mutate: ['src/maxmargin/**/*.ts'],
});
