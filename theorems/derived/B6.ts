/** B6 (derived): GD leader law for balanced starts: the largest x_i leads for every s > 0. */
import type { Claim } from '../../src/verify/Claim.ts';
import { balancedStart, depthIs, positiveCoordinates, singleExample } from '../../src/verify/hypotheses.ts';

export const B6: Claim = {
  id: 'B6',
  title: 'GD, balanced start: beta_i = alpha^2 e^{2 x_i s}; the largest x_i leads for all s > 0',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'Under GD from u = v = alpha 1, beta_i(s) = alpha^2 e^{2 x_i s}, so argmax_i beta_i(s) = argmax_i x_i for every s > 0; discrete GD keeps this order at every step.',
  latex: '\\beta_i(s)=\\alpha^2e^{2x_is}',
  hypotheses: [depthIs(2), singleExample, positiveCoordinates, balancedStart],
  measured: 'number of checkpoints (discrete GD) where the leader is not argmax x_i',
  tolerances: {
    'gd-leader': {
      kind: 'fixed',
      value: '0',
      why: 'the order is preserved exactly by the discrete map (p_{t+1} = p_t (1 + eta g x_i)); any mismatch is a counterexample',
    },
    'closed-vs-generic-flow': {
      kind: 'fixed',
      value: '1e-15',
      why: 'both sides at precision 30, the integrator at rtol 1e-18 over s <= 2 (growth e^{8} at most): 1e-15 leaves two digits of room',
    },
  },
  scope: ['balanced starts, x > 0, one example'],
  basis: ['derivation', 'numerics'],
};
