/**
 * Unit tier of the metamorphic properties (derivations in ./symmetries.ts): every flow / explore
 * library entry point under (u, v, ρ) → c(u, v, ρ), x → c x, x_i → −x_i, permutations, with scales
 * c from 1e-30 to 1e30, small budgets. The end-to-end tier (tests/e2e/metamorphic.test.ts) runs the
 * same properties with full budgets and through the CLI.
 */
import { describe, it } from 'vitest';
import * as M from './symmetries.ts';

const B: M.Budget = { runs: 1, P: 24, seed: 20261129 };

describe('metamorphic symmetries (unit budgets)', () => {
  it('l2Flow tau reduction', () => M.all(() => M.l2FlowProperties(B, 'tau')));
  it('l2Flow full system', () => M.all(() => M.l2FlowProperties(B, 'full')));
  it('GD closed form and integrated flows', () => M.all(() => M.gdProperties({ ...B, runs: 2 })));
  it('l_inf closed form, planar fates, Filippov flow', () => M.all(() => M.linfProperties({ ...B, runs: 3 })));
  it('critical scale', () => M.all(() => M.criticalScaleProperties({ ...B, runs: 1, P: 22 }, '1e-2')));
  it('leaders', () => M.all(() => M.leadersProperties({ ...B, P: 22 })));
  it('evaluateFlow (flow command engine), every algo and method', () => M.all(() => M.evaluateFlowProperties({ ...B, runs: 2 })));
  it('discrete maps', () => M.all(() => M.discreteProperties({ ...B, runs: 4 })));
});
