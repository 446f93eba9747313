/**
 * B2: the GD closed form p = p0 e^{xs}, q = q0 e^{−xs} against the integrated rescaled GD flow
 * (GBS extrapolation, no closed form inside), depth 2, one example.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { gdClosedForm } from '../../src/flow/gdClosedForm.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { stateDistance } from '../../src/verify/direction.ts';
import { hundredths } from '../arbitraries.ts';

export const b2ClosedVsIntegrated: CheckDef = {
  claimId: 'B2',
  name: 'closed-vs-integrated',
  method: 'property',
  quantity: 'max over s in {1, 2, 3} of |(u,v)_closed - (u,v)_integrated| / max(1, |(u,v)|)',
  run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(Math.max(ctx.precision, 40));
    const arb = fc.record({ d: fc.integer({ min: 1, max: 3 }), vals: fc.array(hundredths(-2, 2), { minLength: 9, maxLength: 9 }) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const x = c.vals.slice(0, c.d).map((s) => F.fromString(s));
        const u0 = c.vals.slice(3, 3 + c.d).map((s) => F.fromString(s));
        const v0 = c.vals.slice(6, 6 + c.d).map((s) => F.fromString(s));
        const targets = [1, 2, 3].map((k) => F.fromNumber(k));
        const r = rescaledFlow(F, 'gd', x, F.zero, [u0, v0], targets, { rtol: F.fromString('1e-30') });
        let worst = F.zero;
        r.points.forEach((p, k) => {
          const cf = gdClosedForm(F, x, u0, v0, targets[k]!);
          worst = F.max(worst, stateDistance(F, [cf.u, cf.v], p.W));
        });
        return { margin: F.toString(worst, 6) };
      },
      { claimInput: () => ({ depth: 2, n: 1 }), draws: { full: 100, quick: 20 }, tolerance: tol, comparison: '<=', notes: ['integrator rtol 1e-30'] },
    );
  },
};
