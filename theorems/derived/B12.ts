/** B12 (derived): L = 1, one example: w_t = w_0 + c_t x with c_t increasing to ∞. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B12: Claim = {
  id: 'B12',
  title: 'L=1, one example: all three algorithms give w_t = w_0 + c_t x with c_t increasing',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement: 'For a linear model and one example, GD, l2-SAM and l_inf-SAM iterates satisfy w_t = w_0 + c_t x with c_t increasing to infinity.',
  latex: 'w_t = w_0 + c_t x,\\ c_t\\uparrow\\infty',
  hypotheses: [depthIs(1), singleExample],
  measured: 'max normalized 2x2 minor of (w_t - w_0, x); number of steps where c_t does not increase',
  tolerances: {
    parallel: { kind: 'belowPrecision', guardDigits: 10, why: 'exact parallelism up to rounding' },
    increasing: { kind: 'fixed', value: '0', why: 'grad L(w~) = -g(z~) x at L = 1, so c_{t+1} - c_t = eta g(z~_t) > 0: any non-increase is a counterexample' },
  },
  scope: ['finite runs: c_t -> infinity is inferred from c_t increasing with the loss -> 0, not proven'],
  basis: ['derivation', 'numerics'],
};
