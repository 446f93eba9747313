/**
 * P7 (secondary summary, existence): for L ≥ 3, ℓ∞-SAM's bias is even more sensitive to the
 * initialization and can favour minor features. Witnessed at L = 3 (also under GD: B13).
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const P7: Claim = {
  id: 'P7',
  title: 'L=3: a start where a MINOR coordinate wins, under linf-SAM and under GD (witnesses)',
  source: 'secondary summary',
  kind: 'witness',
  statement: 'At depth 3 there are initializations from which l_inf-SAM (and GD) converge in direction to a minor coordinate e_i with |x_i| < max |x|.',
  latex: '\\exists w_0:\\ \\beta/\\|\\beta\\| \\to e_i,\\ |x_i|<\\max_k|x_k|',
  hypotheses: [depthIs(3), singleExample],
  measured: '1 - cos(beta_T, e_minor) on discrete runs, and the predicted first blow-up (B13)',
  tolerances: {
    'witness-discrete': {
      kind: 'fixed',
      value: '1e-4',
      why: 'the first blow-up coordinate grows without bound while the other freezes (the discrete clock s_t stalls below the later blow-up time), so 1 - cos = O((beta_other/beta_first)^2); 1e-4 demands a 70:1 ratio, reached by 2000 steps with eta = 0.05 if the B13 prediction is right',
    },
  },
  scope: ['one example, d = 2, explicit starts only', 'discrete runs with small eta; the flow blows up in finite s while discrete runs do not'],
  basis: ['witnesses'],
};
