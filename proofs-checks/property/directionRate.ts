/**
 * P1 with n > 1: at depth 1, GD, ℓ2-SAM and ℓ∞-SAM on random separable data converge in
 * direction to the ℓ2 max-margin ŵ (exact active-set solver, src/maxmargin) at the rate of
 * Soudry et al. (2018): w_t = ŵ log t + r_t with r_t bounded, i.e. direction error O(1/log t).
 *
 * Measured: e(T) = sin∠(w_T, ŵ). Rate-aware tolerance: 2·max_{t ≤ T/10}‖P⊥w_t‖ / ‖w_T‖ (the
 * orthogonal residual must stay bounded), and ⟨w_t, ŵ⟩ must increase across checkpoints.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { ALGO_NAMES } from '../../src/optim/algorithms.ts';
import { l2MaxMargin } from '../../src/maxmargin/l2MaxMargin.ts';
import { dot, orthogonalNorm, norm2, sinAngle } from '../../src/verify/direction.ts';
import { hundredths } from '../arbitraries.ts';

/** Precision of these long direction runs: directions need few digits, runs need many steps. */
const RUN_PRECISION = 30;
/** The depth-1 runs of the check (also drawn by `samcheck report`). */
export const P1_RUN = { eta: '1', rho: '0.1', steps: { quick: 1500, full: 3000 } } as const;

export const p1DirectionRate: CheckDef = {
  claimId: 'P1',
  name: 'direction-rate',
  method: 'property',
  quantity: 'sin angle(w_T, w_hat) minus its rate-aware bound 2 max_{t<=T/10}|P_perp w_t|/|w_T| (pass when <= 0)',
  async run(ctx) {
    const factor = ctx.tolerance;
    const F = ctx.field(Math.min(ctx.precision, RUN_PRECISION));
    const T = ctx.quick ? P1_RUN.steps.quick : P1_RUN.steps.full;
    const checkpoints = [T / 100, T / 30, T / 10, T].map(Math.round);
    const arb = fc.record({
      n: fc.integer({ min: 2, max: 3 }),
      d: fc.integer({ min: 2, max: 3 }),
      X: fc.array(hundredths(-1.5, 1.5), { minLength: 9, maxLength: 9 }),
      Y: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 3, maxLength: 3 }),
      algo: fc.constantFrom(...ALGO_NAMES),
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const X = Array.from({ length: c.n }, (_, k) => c.X.slice(3 * k, 3 * k + c.d).map((s) => F.fromString(s)));
        const Y = c.Y.slice(0, c.n);
        const data = { X, Y };
        const mm = l2MaxMargin(F, data);
        if (!mm) return { margin: '0', skip: true }; // not separable: hypothesis unmet
        const what = mm.w;
        const r = simulate(
          F,
          { algo: c.algo, loss: 'logistic', eta: F.fromString(P1_RUN.eta), rho: F.fromString(P1_RUN.rho), steps: T, data, W0: [X[0]!.map(() => F.zero)] },
          { checkpoints },
        );
        const traj = r.trajectory;
        const wT = traj[traj.length - 1]!.W[0]!;
        let bound = F.zero;
        for (const cp of traj) if (cp.step <= T / 10) bound = F.max(bound, orthogonalNorm(F, cp.W[0]!, what));
        const tolT = F.div(F.mul(F.fromString(factor), bound), norm2(F, wT));
        // the O(1/log t) law describes the asymptotic regime: every example's margin y_k<w_T, x_k> >= 3
        // (loss in its exponential tail); a run that has not reached it by T (tiny data) says nothing
        const minMargin = X.reduce((m, x, k) => F.min(m, Y[k] === 1 ? dot(F, wT, x) : F.neg(dot(F, wT, x))), F.fromNumber(1e9));
        if (F.cmp(minMargin, F.fromNumber(3)) < 0) return { margin: '0', skip: true };
        const e = sinAngle(F, wT, what);
        const par = traj.map((cp) => dot(F, cp.W[0]!, what));
        const increasing = par.every((p, i) => i === 0 || F.cmp(p, par[i - 1]!) > 0);
        // margin = e(T) - bound (pass when <= 0); a non-increasing <w_t, w_hat> is a failure too.
        const margin = increasing ? F.sub(e, tolT) : F.one;
        return {
          margin: F.toString(margin, 6),
          detail: {
            e_T: F.toString(e, 6),
            bound: F.toString(tolT, 6),
            steps: T,
            eta: '1',
            rho: '0.1',
            w_hat: what.map((w) => F.toString(w, 12)),
            parallel_increasing: increasing,
          },
        };
      },
      {
        claimInput: (c) => ({ depth: 1, n: c.n, X: Array.from({ length: c.n }, (_, k) => c.X.slice(3 * k, 3 * k + c.d)), Y: c.Y.slice(0, c.n) }),
        draws: { full: 100, quick: 20 },
        tolerance: `1e-${Math.min(ctx.precision, RUN_PRECISION) - 10}`, // 0 up to rounding (e(T) and its bound can both be rounding-level)
        comparison: '<=',
        notes: [
          `runs at ${Math.min(ctx.precision, RUN_PRECISION)} digits, eta = 1, rho = 0.1, T = ${T} steps, checkpoints ${checkpoints.join(', ')}`,
          'rate: Soudry et al. 2018 (JMLR), w_t = w_hat log t + bounded residual, direction error O(1/log t)',
        ],
      },
    );
  },
};
