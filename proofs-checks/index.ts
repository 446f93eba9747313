/**
 * Registry of every executable check (code), keyed to claims (data, theorems/) by claimId.
 */
import type { CheckDef } from '../src/verify/CheckDef.ts';
import { b1EngineRhs } from './numeric/engineRhs.ts';

export const allChecks: readonly CheckDef[] = [b1EngineRhs];
