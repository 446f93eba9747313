/**
 * P4: escaping ℓ2-SAM runs (depth 2, one example) end with the ℓ1 max-margin direction
 * sign(x_j) e_j, j = argmax |x_i| — measured on the τ reduction at s = 200.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { argmax, basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
import { FLOW_PRECISION } from './tauVsFull.ts';

export const p4EscapingFlow: CheckDef = {
  claimId: 'P4',
  name: 'escaping-flow',
  method: 'property',
  quantity: '1 - cos(beta(200), sign(x_j) e_j), j = argmax |x_i|, over escaping l2-SAM flows',
  run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(Math.min(ctx.precision, FLOW_PRECISION));
    const arb = fc.record({
      d: fc.integer({ min: 2, max: 4 }),
      x: distinctMagnitudes(4, { lo: 0.2, hi: 2.5, gap: 0.25, mixedSigns: true }),
      uv: fc.array(hundredths(-2, 2), { minLength: 8, maxLength: 8 }),
      rho: hundredths(0.05, 1),
    });
    let collapsed = 0;
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const x = c.x.slice(0, c.d).map((s) => F.fromString(s));
        const st = { x, rho: F.fromString(c.rho), u0: c.uv.slice(0, c.d).map((s) => F.fromString(s)), v0: c.uv.slice(4, 4 + c.d).map((s) => F.fromString(s)) };
        const r = l2Flow(F, st, [F.fromNumber(200)], { method: 'tau' });
        const p = r.points[0]!;
        if (p.status !== 'escaped') {
          collapsed++;
          return { margin: '0', skip: true, detail: { status: p.status } }; // P4 is about escaping runs
        }
        const j = argmax(
          F,
          x.map((xi) => F.abs(xi)),
        );
        const m = oneMinusCos(F, p.beta, basisVector(F, c.d, j, F.sign(x[j]!) < 0 ? -1 : 1));
        // the growing coefficient p_j(0) (x_j > 0) / q_j(0) (x_j < 0) must be non-zero for the claim
        return { margin: F.toString(m, 6), detail: { j, tau_200: p.tau && F.toString(p.tau, 12), collapsed_so_far: collapsed } };
      },
      {
        claimInput: (c) => ({ depth: 2, n: 1, x: c.x.slice(0, c.d), rho: c.rho }),
        draws: { full: 100, quick: 20 },
        tolerance: tol,
        comparison: '<=',
        notes: [`tau reduction at ${Math.min(ctx.precision, FLOW_PRECISION)} digits, s = 200`],
      },
    );
  },
};
