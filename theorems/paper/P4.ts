/**
 * P4 (paper abstract): L = 2, one example, ℓ2-SAM: the limit direction is the ℓ1 max-margin
 * one, as for GD (for runs that escape; see B4 for the collapse alternative).
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { allCoordinatesNonzero, depthIs, radiusPositive, singleExample, uniqueMaxAbs } from '../../src/verify/hypotheses.ts';

export const P4: Claim = {
  id: 'P4',
  title: 'L=2, one example, l2-SAM: limit direction is the l1 max-margin one (escaping runs)',
  source: 'paper abstract',
  kind: 'universal',
  statement: 'Depth-2, one example, l2-SAM flow: every trajectory that escapes (N -> infinity) has limit direction sign(x_j) e_j, j = argmax |x_i|.',
  latex: '\\|\\beta\\|\\to\\infty \\Rightarrow \\beta/\\|\\beta\\| \\to \\operatorname{sign}(x_j)e_j',
  hypotheses: [depthIs(2), singleExample, allCoordinatesNonzero, uniqueMaxAbs, radiusPositive],
  measured: '1 - cos(beta(s), sign(x_j) e_j) at large rescaled time s on the tau reduction',
  tolerances: {
    'escaping-flow': {
      value: '1e-20',
      why: 'after escape tau -> tau_inf < infinity, so the off-leader ratios decay like exp(-2(|x_j|-|x_i|) s) as for GD; at s = 200 with gaps >= 0.25 they are below 1e-40',
    },
    discrete: {
      value: '1e-3',
      why: 'as for P2: a few thousand discrete steps reach s ~ 10-20',
    },
  },
  scope: ['single example only', 'only escaping starts (collapsing starts go to 0: a finding, see B4)', 'flow via the tau reduction; discrete runs finite'],
  basis: ['derivation', 'numerics'],
};
