// StrykerJS on src/numeric except bigfloatField.ts: npx stryker run stryker/numeric.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'numeric',
  mutate: ['src/numeric/**/*.ts', '!src/numeric/bigfloatField.ts'],
});
