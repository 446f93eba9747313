/**
 * P3 (paper abstract, existence): L = 2, one example, ℓ∞-SAM: the limit depends on the
 * initialization; it can be 0 or ANY standard basis vector. Settled by explicit witnesses.
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { allCoordinatesNonzero, depthIs, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const P3: Claim = {
  id: 'P3',
  title: 'L=2, one example, linf-SAM: limit can be 0 or ANY standard basis vector (witnesses)',
  source: 'paper abstract',
  kind: 'witness',
  statement: 'For every k there is an initialization whose l_inf-SAM limit direction is sign(x_k) e_k, and there is one whose predictor becomes 0.',
  latex: '\\forall k\\ \\exists w_0:\\ \\beta/\\|\\beta\\|\\to\\operatorname{sign}(x_k)e_k;\\quad \\exists w_0:\\ \\beta\\equiv 0 \\text{ eventually}',
  hypotheses: [depthIs(2), singleExample, allCoordinatesNonzero, radiusPositive],
  measured: '1 - cos(beta, sign(x_k) e_k) for the e_k witnesses; |beta| after absorption for the 0 witness',
  tolerances: {
    'witness-flow': {
      kind: 'fixed',
      value: '1e-30',
      why: 'exact piecewise flow at s = 400: non-escaping coordinates are exactly 0 after absorption, so 1 - cos is exactly 0 up to rounding; 1e-30 is far above rounding at >= 40 digits',
    },
    'witness-discrete': {
      kind: 'fixed',
      value: '1e-6',
      why: 'discrete l_inf-SAM (eta = 0.01, rho = 0.5) chatters at O(eta rho |x|) around the absorbed origin, so non-escaping coordinates keep |beta_i| <= 1e-4 while the escaping one grows past 0.3; then 1 - cos <= (d - 1)(1e-4/0.3)^2/2 < 1e-6. Witness starts: coordinate k at u = v = 1.2 rho (escapes), the others at u = v = 0.2 rho (absorbed quickly, before the clock s_t stalls)',
    },
    'zero-discrete': {
      kind: 'fixed',
      value: '1e-3',
      why: 'discrete l_inf-SAM with eta = 0.01, rho = 0.5, max|x| = 2 chatters around the absorbed origin with |u_i|, |v_i| <= eta rho |x_i| (one step of size eta g |x| rho), so |beta|_inf <= 4 (eta rho max|x|)^2 = 4e-4 <= 1e-3',
    },
  },
  scope: [
    'single example, d = 3, x = (0.5, 1, 2) and x = (-1.5, 0.7, 1.1) (mixed signs)',
    'witnesses, not a characterization; B9 tests the basin rule on random starts',
  ],
  basis: ['witnesses', 'derivation'],
};
