// StrykerJS on src/numeric/bigfloatField.ts, judged by tests/numeric only (so the score is a lower bound of the unit tier's and a run takes minutes, not hours): npx stryker run stryker/numeric-bigfloat.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'numeric-bigfloat',
  mutate: ['src/numeric/bigfloatField.ts'],
  testFiles: ['tests/numeric/**/*.test.ts'],
});
