/** B7 (derived): ℓ∞-SAM decouples coordinate-wise; x_i only rescales time. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B7: Claim = {
  id: 'B7',
  title: 'linf-SAM decouples: each coordinate is an autonomous planar system; x_i rescales time',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'In rescaled time the l_inf-SAM flow of coordinate i depends only on (u_i, v_i, x_i, rho); (u_i, sgn(x_i) v_i) in time |x_i| s follows the x = 1 system, so escape depends on (u_i(0), v_i(0))/rho only.',
  latex: "u_i'=x_iv_i-\\rho|x_i|\\operatorname{sgn}u_i,\\ v_i'=x_iu_i-\\rho|x_i|\\operatorname{sgn}v_i",
  hypotheses: [depthIs(2), singleExample],
  measured: 'max difference of coordinate i of the engine rescaled right-hand side when all other coordinates are changed',
  tolerances: {
    decoupling: { kind: 'belowPrecision', guardDigits: 10, why: 'exact independence: only rounding may differ' },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
    'flow-vs-closed': {
      kind: 'fixed',
      value: '1e-12',
      why: 'both methods resolve every piece to ~P - 10 digits at precision 30 (relative error with scale max(1, |state|)); a status disagreement counts 1',
    },
  },
  scope: ['depth 2, one example'],
  basis: ['derivation', 'numerics'],
};
