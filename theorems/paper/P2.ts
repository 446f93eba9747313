/**
 * P2 (paper abstract): L = 2, one example, GD: the limit direction is sign(x_j) e_j with
 * j = argmax |x_i| (the ℓ1 max-margin direction).
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { allCoordinatesNonzero, depthIs, singleExample, uniqueMaxAbs } from '../../src/verify/hypotheses.ts';

export const P2: Claim = {
  id: 'P2',
  title: 'L=2, one example, GD: limit direction sign(x_j) e_j, j = argmax|x_i| (l1 max-margin)',
  source: 'paper abstract',
  kind: 'universal',
  statement:
    'Depth-2 diagonal network, one example, GD: beta(t)/|beta(t)| -> sign(x_j) e_j, j = argmax_i |x_i|, whenever the growing coefficient of coordinate j is non-zero.',
  latex: '\\beta(t)/\\|\\beta(t)\\| \\to \\operatorname{sign}(x_j)e_j,\\ j=\\arg\\max_i|x_i|',
  hypotheses: [depthIs(2), singleExample, allCoordinatesNonzero, uniqueMaxAbs],
  measured: '1 - cos(beta, sign(x_j) e_j)',
  tolerances: {
    'closed-form': {
      kind: 'fixed',
      value: '1e-30',
      why: 'by B2 the off-leader ratios decay like exp(-2(|x_j|-|x_i|) s); at s = 1000 with gaps >= 0.1 they are below 1e-80, so 1e-30 leaves room for any start drawn',
    },
    discrete: {
      kind: 'fixed',
      value: '0.5',
      why: 'rate-aware: with the logistic loss the discrete clock s_t grows only like log log t, so no feasible run reaches a small 1 - cos; instead the discrete error e_t = 1 - cos(beta_t, sign(x_j) e_j) must track the flow prediction e_flow(s_t) (the B2 closed form at the discrete clock) at every checkpoint, |e_t - e_flow(s_t)| <= 0.5 e_flow(s_t) (B11: states within O(eta s) of the flow; eta = 0.1, s_T <= 3). Monotone decrease of e is not demanded: the flow error itself can rise for a while (a growing minor coordinate). Together with the closed-form check (e_flow -> 0 exponentially in s) this is the evidence for the discrete limit',
    },
  },
  scope: ['single example only', 'closed form is the rescaled flow (B2); discrete runs are finite'],
  basis: ['derivation', 'numerics'],
};
