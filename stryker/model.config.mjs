// StrykerJS on src/model: npx stryker run stryker/model.config.mjs
import { perModule } from './perModule.mjs';

export default perModule({
  name: 'model',
  mutate: ['src/model/**/*.ts'],
});
