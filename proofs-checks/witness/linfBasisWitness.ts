/**
 * P3 witnesses on DISCRETE ℓ∞-SAM (depth 2, one example): for every k a start whose limit
 * direction is sign(x_k)e_k (coordinate k at u = v·sign(x_k) = 1.2ρ, others at 0.2ρ), and a
 * start (all at 0.2ρ) whose predictor is absorbed at 0 (up to the O(ηρ|x|) chatter).
 */
import type { CheckDef, CheckContext, Outcome } from '../../src/verify/CheckDef.ts';
import { verdict, maxDecimal } from '../../src/verify/judge.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';

export const P3_WITNESS_XS: readonly (readonly string[])[] = [
  ['0.5', '1', '2'],
  ['-1.5', '0.7', '1.1'],
];
export const P3_RHO = '0.5';
const ETA = '0.01';
const STEPS = 2000;
const RUN_PRECISION = 30;

/** Start: coordinate k (or none, k = -1) at 1.2ρ, the others at 0.2ρ; v_i carries sign(x_i). */
export function p3Start(x: readonly string[], k: number, rho = P3_RHO): { u0: string[]; v0: string[] } {
  const r = Number(rho);
  const mag = x.map((_, i) => (i === k ? 1.2 * r : 0.2 * r).toFixed(4));
  return { u0: mag, v0: mag.map((m, i) => (x[i]!.startsWith('-') ? `-${m}` : m)) };
}

function runDiscrete(ctx: CheckContext, x: readonly string[], k: number) {
  const F = ctx.field(Math.min(ctx.precision, RUN_PRECISION));
  const f = (s: string) => F.fromString(s);
  const { u0, v0 } = p3Start(x, k);
  const r = simulate(F, {
    algo: 'sam-linf',
    loss: 'logistic',
    eta: f(ETA),
    rho: f(P3_RHO),
    steps: STEPS,
    data: { X: [x.map(f)], Y: [1] },
    W0: [u0.map(f), v0.map(f)],
  });
  return { F, r, u0, v0 };
}

export const p3WitnessDiscrete: CheckDef = {
  claimId: 'P3',
  name: 'witness-discrete',
  method: 'witness',
  quantity: 'max over k and two x of 1 - cos(beta_T, sign(x_k) e_k) for the k-th witness start (discrete l_inf-SAM)',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const margins: string[] = [];
    const witnesses: unknown[] = [];
    for (const x of P3_WITNESS_XS) {
      for (let k = 0; k < x.length; k++) {
        ctx.progress(`P3 witness x = (${x.join(', ')}), k = ${k}`);
        const { F, r, u0, v0 } = runDiscrete(ctx, x, k);
        const m = F.toString(oneMinusCos(F, r.beta, basisVector(F, x.length, k, x[k]!.startsWith('-') ? -1 : 1)), 6);
        margins.push(m);
        witnesses.push({ x, k, u0, v0, rho: P3_RHO, eta: ETA, steps: STEPS, one_minus_cos: m, beta_T: r.beta.map((b) => F.toString(b, 8)) });
      }
    }
    return verdict(maxDecimal(margins), tol, '<=', {
      inputs: { witnesses },
      notes: [`discrete l_inf-SAM, ${STEPS} steps, eta ${ETA}, rho ${P3_RHO}, ${Math.min(ctx.precision, RUN_PRECISION)} digits`],
    });
  },
};

export const p3ZeroDiscrete: CheckDef = {
  claimId: 'P3',
  name: 'zero-discrete',
  method: 'witness',
  quantity: '|beta_T|_inf for the all-below-threshold start (discrete l_inf-SAM)',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const margins: string[] = [];
    const witnesses: unknown[] = [];
    for (const x of P3_WITNESS_XS) {
      const { F, r, u0, v0 } = runDiscrete(ctx, x, -1);
      const m = F.toString(
        r.beta.reduce((a, b) => F.max(a, F.abs(b)), F.zero),
        6,
      );
      margins.push(m);
      witnesses.push({ x, u0, v0, rho: P3_RHO, eta: ETA, steps: STEPS, beta_inf: m });
    }
    return verdict(maxDecimal(margins), tol, '<=', { inputs: { witnesses } });
  },
};

/** The same witnesses on the exact piecewise flow (B7-B9) at s = 400. */
export const p3WitnessFlow: CheckDef = {
  claimId: 'P3',
  name: 'witness-flow',
  method: 'witness',
  quantity: 'max over k, x of 1 - cos(beta(400), sign(x_k) e_k), and |beta(400)|_inf for the zero witness (exact l_inf-SAM flow)',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const F = ctx.field(ctx.precision);
    const margins: string[] = [];
    const witnesses: unknown[] = [];
    for (const x of P3_WITNESS_XS) {
      for (let k = -1; k < x.length; k++) {
        const { u0, v0 } = p3Start(x, k);
        const st = linfClosedForm(
          F,
          x.map((s) => F.fromString(s)),
          u0.map((s) => F.fromString(s)),
          v0.map((s) => F.fromString(s)),
          F.fromString(P3_RHO),
          F.fromNumber(400),
        );
        const m =
          k < 0 ? st.beta.reduce((a, b) => F.max(a, F.abs(b)), F.zero) : oneMinusCos(F, st.beta, basisVector(F, x.length, k, x[k]!.startsWith('-') ? -1 : 1));
        margins.push(F.toString(m, 6));
        witnesses.push({ x, k: k < 0 ? 'zero' : k, u0, v0, rho: P3_RHO, s: '400', margin: F.toString(m, 6), fates: st.fates, status: st.status });
      }
    }
    return verdict(maxDecimal(margins), tol, '<=', { inputs: { witnesses } });
  },
};
