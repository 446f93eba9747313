/**
 * P7 witnesses at depth 3 (one example, x = (1, 2)): starts where the MINOR coordinate wins,
 * under GD (a = (0.6, 0.2): B13 blow-up times 1/(x a) = 1.67 < 2.5) and under ℓ∞-SAM
 * (ρ = 0.1, a = (0.7, 0.3): 1/(x (a − ρ)) = 1.67 < 2.5). All three layers start equal.
 */
import type { CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import { verdict, maxDecimal } from '../../src/verify/judge.ts';
import { simulate } from '../../src/optim/simulate.ts';
import type { AlgoName } from '../../src/optim/algorithms.ts';
import { basisVector, oneMinusCos } from '../../src/verify/direction.ts';

export const P7_WITNESSES: readonly { algo: AlgoName; a: readonly string[]; rho: string }[] = [
  { algo: 'gd', a: ['0.6', '0.2'], rho: '0' },
  { algo: 'sam-linf', a: ['0.7', '0.3'], rho: '0.1' },
];
const X = ['1', '2'];
/** The example and the discrete runs of the witnesses (also drawn by `samcheck report`). */
export const P7_RUN = { x: X, eta: '0.05', steps: 2000, depth: 3 } as const;

export const p7WitnessDiscrete: CheckDef = {
  claimId: 'P7',
  name: 'witness-discrete',
  method: 'witness',
  quantity: 'max over {GD, l_inf-SAM} of 1 - cos(beta_T, e_0) where x_0 = 1 < x_1 = 2 (depth 3, 2000 steps, eta 0.05)',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const F = ctx.field(Math.min(ctx.precision, 30));
    const f = (s: string) => F.fromString(s);
    const margins: string[] = [];
    const witnesses: unknown[] = [];
    for (const w of P7_WITNESSES) {
      const r = simulate(F, {
        algo: w.algo,
        loss: 'logistic',
        eta: f(P7_RUN.eta),
        rho: f(w.rho),
        steps: P7_RUN.steps,
        data: { X: [X.map(f)], Y: [1] },
        W0: [0, 1, 2].map(() => w.a.map(f)),
      });
      const m = F.toString(oneMinusCos(F, r.beta, basisVector(F, 2, 0)), 6);
      margins.push(m);
      // B13 prediction of the blow-up times (flow): 1/((L-2) x_i (a_i - rho)^{L-2}) with L = 3.
      const sStar = w.a.map((a, i) => F.toString(F.div(F.one, F.mul(f(X[i]!), F.sub(f(a), f(w.rho)))), 8));
      witnesses.push({
        algo: w.algo,
        x: X,
        a: w.a,
        rho: w.rho,
        depth: 3,
        one_minus_cos: m,
        beta_T: r.beta.map((b) => F.toString(b, 8)),
        predicted_blowup_s: sStar,
      });
    }
    return verdict(maxDecimal(margins), tol, '<=', { inputs: { witnesses } });
  },
};
