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
  measured:
    'direction error e(T) = sin angle(w_T, w_hat) against the error e_pred(T) predicted before the run (and, for one example, parallelism of w_T - w_0 with x)',
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
      value: '1',
      why: 'Predicted before the run from the data, eta, rho and the algorithm (Soudry et al. 2018, JMLR, Thm 3-4, mean loss): w_t = w_hat log t + w_tilde + v_t with z_k.w_tilde = log(eta s_k/(n alpha_k)) on the support vectors (alpha: KKT multipliers; s_k = 1 for GD, exp(rho z_k.w_hat/|w_hat|) for l2-SAM, exp(rho z_k.sign(w_hat)) for linf-SAM), so e_pred(T) = sin angle(w_hat log T + w_tilde, w_hat). The residual obeys dv/dlog t = -A v + forcing, A = sum alpha_k z_k z_k^T (lambda = lambda_min(A) <= 1), hence |v_T| <= D = K T^-mu (V0 + log T (F_log + F_disc + F_ns)) [+ the linf-SAM sign-settling term], mu = min(lambda, m_j - 1), and its component orthogonal to w_hat (modes of A other than w_hat, not resonant with the 1/t forcings) |P_perp v_T| <= D_perp = K [max T^-lambda V0 + sum_forcings F R(rate)], R(g) = max_lambda T^-min(lambda,g) min(log T, 1/|lambda - g|); K = 2 for the second-order terms the linearisation drops. Then |e(T) - e_pred(T)| <= (D_perp + e_pred D)/(|a| - D), a = w_hat log T + w_tilde. Margin = |e(T) - e_pred(T)| / that bound, pass when <= 1 (the constant 1 is the bound itself, fixed before any run; draws with D/|a| >= 1/2 are discarded as unresolved)',
    },
  },
  scope: [
    'discrete runs of finite length: convergence is inferred from the measured error matching the a-priori asymptotic prediction at T, not proven',
    'small random datasets (2 <= n <= 3, d <= 3), logistic loss; direction-rate only on non-degenerate data whose support vectors span the data (alpha_k > 0, non-support margins > 1, linf-SAM: no zero component of w_hat) and where the a-priori bound resolves the direction at T (D/|a| < 1/2); other draws are discarded',
    'the residual bound D(T) is a linearised asymptotic estimate with safety factor K = 2, not a proven inequality; the SAM limits of the perturbation (-rho w_hat/|w_hat|, -rho sign(w_hat)) are derived, not taken from the code',
  ],
  basis: ['numerics'],
};
