/** B9 (derived): ℓ∞-SAM limit direction from the escape set E. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, radiusPositive, singleExample, allCoordinatesNonzero } from '../../src/verify/hypotheses.ts';

export const B9: Claim = {
  id: 'B9',
  title: 'linf-SAM limit: sign(x_j) e_j, j = argmax_{i in E} |x_i| over escaping coordinates; 0 if E empty',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'With E the set of escaping coordinates, the l_inf-SAM limit direction is sign(x_j) e_j with j = argmax_{i in E} |x_i|; if E is empty beta hits 0 in finite time and stays there.',
  latex: 'j=\\arg\\max_{i\\in E}|x_i|',
  hypotheses: [depthIs(2), singleExample, allCoordinatesNonzero, radiusPositive],
  measured: '1 - cos(beta(s), predicted limit) on the exact piecewise flow at large s (|beta| for E empty)',
  tolerances: {
    'basin-rule': {
      kind: 'fixed',
      value: '1e-20',
      why: 'non-escaping coordinates are exactly 0 after absorption and escaping ones separate like e^{(|x_j|-|x_i|) s}; at s = 300 with gaps >= 0.25 the residual is below 1e-30',
    },
    'rule-vs-flow': {
      kind: 'fixed',
      value: '1e-20',
      why: 'when the rule is right the predicted coordinate dominates by e^{-60}: 1 - cos <= e^{-120}; the integrator adds ~1e-20 relative at precision 30; absorbed coordinates are exactly 0',
    },
    'closed-vs-discrete': {
      kind: 'fixed',
      value: '1',
      why: 'the margin is the error divided by the a-priori first-order bound 8 |x|_max max(1, rho, |state_0|) h e^{sigma_max}; passing means within the bound',
    },
  },
  scope: ['depth 2, one example, flow (not discrete)', 'ties in |x_i| among escaping coordinates are excluded (init-dependent mix)'],
  basis: ['derivation', 'numerics'],
};
