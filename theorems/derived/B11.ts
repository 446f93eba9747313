/** B11 (derived): discrete trajectories stay within O(η) of the rescaled flow on bounded s-intervals. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B11: Claim = {
  id: 'B11',
  title: 'discrete runs indexed by s_t = sum eta g(z~_t) stay O(eta) close to the flow',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement: 'On bounded s-intervals the discrete trajectory, indexed by the clock s_t = sum eta g(z~_t), is within O(eta) of the rescaled flow.',
  latex: '\\sup_{s_t\\le S}\\|w_t - w(s_t)\\| = O(\\eta)',
  hypotheses: [depthIs(2), singleExample],
  measured: '|slope - 1| of log(error) against log(eta) for eta in {0.1, 0.05, 0.025, 0.0125}',
  tolerances: {
    'eta-slope': {
      kind: 'fixed',
      value: '0.15',
      why: 'first-order convergence: the fitted slope over one octave-spaced sweep must be within 0.15 of 1 (stated before measuring)',
    },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
    'step-by-definition': { kind: 'fixed', value: '1e-30', why: 'a few hundred Field operations at precision 40 on both sides: agreement to >= 30 digits' },
  },
  scope: ['depth 2, one example, l2-SAM and GD, one fixed start and s-interval'],
  basis: ['numerics'],
};
