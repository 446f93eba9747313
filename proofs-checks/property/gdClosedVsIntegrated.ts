/**
 * B2: the GD closed form p = p0 e^{xs}, q = q0 e^{−xs} against the integrated rescaled GD flow
 * (GBS extrapolation, no closed form inside), depth 2, one example.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { gdClosedForm } from '../../src/flow/gdClosedForm.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { stateDistance } from '../../src/verify/direction.ts';
import { hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const b2ClosedVsIntegrated: CheckDef = {
  claimId: 'B2',
  name: 'closed-vs-integrated',
  method: 'property',
  quantity: 'max over s in {1, 2, 3} of |(u,v)_closed - (u,v)_integrated| / max(1, |(u,v)|)',
  run(ctx) {
    const F = ctx.field(Math.max(ctx.precision, 40));
    const arb = planarStart({ d: [1, 3], x: hundredths(-2, 2), layer: hundredths(-2, 2) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, u0, v0 } = planarFieldStart(F, c);
        const targets = [1, 2, 3].map((k) => F.fromNumber(k));
        const r = rescaledFlow(F, 'gd', x, F.zero, [u0, v0], targets, { rtol: F.fromString('1e-30') });
        let worst = F.zero;
        r.points.forEach((p, k) => {
          const cf = gdClosedForm(F, x, u0, v0, targets[k]!);
          worst = F.max(worst, stateDistance(F, [cf.u, cf.v], p.W));
        });
        return { margin: F.toString(worst, 6) };
      },
      { claimInput: planarInput, draws: { full: 100, quick: 20 }, comparison: '<=', notes: ['integrator rtol 1e-30'] },
    );
  },
};
