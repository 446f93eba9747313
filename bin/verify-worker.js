// Worker-thread entry for `samcheck verify --jobs N`: loads the TypeScript worker through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/verify/workerMain.ts');
