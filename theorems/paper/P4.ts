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
      kind: 'fixed',
      value: '1e-20',
      why: 'after escape tau -> tau_inf < infinity, so the off-leader ratios decay like exp(-2(|x_j|-|x_i|) s) as for GD; at s = 200 with gaps >= 0.25 they are below 1e-40',
    },
    discrete: {
      kind: 'fixed',
      value: '0.5',
      why: 'rate-aware: with the logistic loss the discrete clock s_t grows only like log log t, so no feasible run reaches a small 1 - cos; instead the discrete error e_t = 1 - cos(beta_t, sign(x_j) e_j) must track the flow prediction e_flow(s_t) (the tau reduction at the discrete clock) at every checkpoint, |e_t - e_flow(s_t)| <= 0.5 e_flow(s_t) (B11: states within O(eta s) of the flow; eta = 0.1, s_T <= 3). Monotone decrease of e is not demanded: the flow error itself can rise for a while (a growing minor coordinate). Together with the closed-form check (e_flow -> 0 exponentially in s) this is the evidence for the discrete limit',
    },
  },
  scope: ['single example only', 'only escaping starts (collapsing starts go to 0: a finding, see B4)', 'flow via the tau reduction; discrete runs finite'],
  basis: ['derivation', 'numerics'],
};
