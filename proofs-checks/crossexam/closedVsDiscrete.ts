/**
 * B9 cross-examination: the ℓ∞-SAM closed form (src/flow/linfClosedForm.ts, exact planar pieces of
 * src/linf/planarExact.ts: quadrant centres, crossing times from the quadratic in e^σ, sliding
 * along the axes at speed ρ, absorption, the x < 0 reflection) against the independent discrete
 * ℓ∞-SAM map of ./linfEuler.ts with a small step h in the rescaled clock, at two times up to
 * σ = |x|_max s = 2.
 *
 * Tolerance (fixed in advance, stated in theorems/derived/B9.ts): the discrete map is a first-order
 * scheme of the piecewise-linear field (Lipschitz constant |x|_max in each piece, jumps of size
 * 2ρ|x| across the axes); its global error is at most C·h·e^{σ_max} with C = 8·|x|_max·max(1, ρ,
 * |state_0|) covering the local error (h²|x|²|y|/2 per step) and the O(ρ|x|h) overshoot at each of
 * the (≤ 4) axis crossings per coordinate. With h = 1/2000 and σ_max = 2 this is ≈ 0.03·C/|x|_max:
 * a wrong piece (centre, crossing time, slide speed or band, reflection) moves the state by O(ρ).
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';

import { linfEulerAt } from './linfEuler.ts';
import { probesThenDraws } from './linfProbes.ts';

export const CLOSED_VS_DISCRETE_STEP = '0.0005';

export interface ClosedVsDiscreteInput {
  readonly x: string[];
  readonly u0: string[];
  readonly v0: string[];
  readonly rho: string;
}

/** max_i |closed − discrete| / (C h e^{σ_max}) over both times (≤ 1 passes), with the raw error. */
export function closedVsDiscrete<T>(F: Field<T>, c: ClosedVsDiscreteInput, hStr = CLOSED_VS_DISCRETE_STEP): { ratio: T; err: T; bound: T } {
  const x = c.x.map((s) => F.fromString(s));
  const rho = F.fromString(c.rho);
  const u0 = c.u0.map((s) => F.mul(F.fromString(s), rho));
  const v0 = c.v0.map((s) => F.mul(F.fromString(s), rho));
  const h = F.fromString(hStr);
  let xmax = F.zero;
  let scale = F.max(F.one, rho);
  for (let i = 0; i < x.length; i++) {
    xmax = F.max(xmax, F.abs(x[i]!));
    scale = F.max(scale, F.max(F.abs(u0[i]!), F.abs(v0[i]!)));
  }
  const sigmaMax = F.fromNumber(2);
  const sEnd = F.div(sigmaMax, xmax);
  const bound = F.mul(F.mul(F.mul(F.fromNumber(8), xmax), scale), F.mul(h, F.exp(sigmaMax)));
  let err = F.zero;
  let u = u0.slice();
  let v = v0.slice();
  let sPrev = F.zero;
  for (const s of [F.div(sEnd, F.fromNumber(2)), sEnd]) {
    ({ u, v } = linfEulerAt(F, x, rho, h, u, v, F.sub(s, sPrev)));
    sPrev = s;
    const cf = linfClosedForm(F, x, u0, v0, rho, s);
    for (let i = 0; i < x.length; i++) err = F.max(err, F.max(F.abs(F.sub(cf.u[i]!, u[i]!)), F.abs(F.sub(cf.v[i]!, v[i]!))));
  }
  return { ratio: F.div(err, bound), err, bound };
}

export const b9ClosedVsDiscrete: CheckDef = {
  claimId: 'B9',
  name: 'closed-vs-discrete',
  method: 'property',
  quantity:
    'max_i |closed-form state - independent discrete l_inf-SAM state (h = 0.0005 in s)| at sigma_max = 1, 2, divided by the a-priori first-order bound 8 |x|_max max(1, rho, |state_0|) h e^2',
  run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(20);
    return probesThenDraws(
      ctx,
      tol,
      0.3,
      (c) => {
        const r = closedVsDiscrete(F, c);
        const error = F.toString(r.err, 4);
        const bound = F.toString(r.bound, 4);
        return { margin: F.toString(r.ratio, 6), detail: { error, bound }, explain: `error ${error} exceeds the first-order bound ${bound}` };
      },
      {
        numRuns: ctx.quick ? 16 : 60,
        note: 'u0, v0 in units of rho; independent path: discrete l_inf-SAM written from the algorithm (proofs-checks/crossexam/linfEuler.ts)',
      },
    );
  },
};
