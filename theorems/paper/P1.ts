/**
 * P1 (paper abstract): for depth L = 1, GD, ℓ∞-SAM and ℓ2-SAM all converge in direction to
 * the ℓ2 max-margin classifier.
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, separableData } from '../../src/verify/hypotheses.ts';

export const P1: Claim = {
  id: 'P1',
  title: 'L=1: GD, linf-SAM, l2-SAM converge in direction to the l2 max-margin classifier',
  source: 'paper abstract',
  kind: 'universal',
  statement:
    'For a linear model (L = 1) on separable data, GD, l_inf-SAM and l2-SAM iterates w_t satisfy w_t/|w_t| -> w_hat/|w_hat|, w_hat = argmin |w|_2 s.t. y_k <w, x_k> >= 1.',
  latex:
    '\\lim_{t\\to\\infty} \\frac{w_t}{\\|w_t\\|_2} = \\frac{\\hat w}{\\|\\hat w\\|_2},\\quad \\hat w = \\arg\\min_{y_k\\langle w,x_k\\rangle\\ge 1}\\|w\\|_2',
  hypotheses: [depthIs(1), separableData],
  measured: 'direction error e(T) = |w_T/|w_T| - w_hat/|w_hat||_2 (and, for one example, parallelism of w_T - w_0 with x)',
  tolerances: {
    'max-margin-kkt': {
      kind: 'fixed',
      value: '0',
      why: 'a certificate either exists (violation 0 up to 10^-(P/2)) or not; any violation beyond that is a counterexample',
    },
    'one-example': {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'B12: w_t - w_0 is exactly parallel to x, so the normalized 2x2 minors vanish up to rounding (10 guard digits)',
    },
    'direction-rate': {
      kind: 'fixed',
      value: '2',
      why: 'GD on separable logistic data satisfies w_t = w_hat log t + r_t with r_t bounded (Soudry et al. 2018, JMLR, Thm 3), i.e. direction error O(1/log t). We test exactly that law: the component of w_T orthogonal to w_hat must stay within a factor 2 of its largest value over the checkpoints up to T/10 (factor 2 allows the transient of r_t), while <w_t, w_hat> keeps growing. The margin reported is e(T) = sin angle(w_T, w_hat); its tolerance is 2 max_{t<=T/10} |P_perp w_t| / |w_T|',
    },
  },
  scope: [
    'discrete runs of finite length: convergence is inferred from the measured decay, not proven',
    'small random datasets (2 <= n <= 3, d <= 3), logistic loss',
    'the O(1/log t) rate is the GD rate; for SAM at L = 1 it is assumed to carry over',
  ],
  basis: ['numerics'],
};
