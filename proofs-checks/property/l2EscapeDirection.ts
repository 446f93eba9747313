/**
 * P4: escaping ℓ2-SAM runs (depth 2, one example) end with the ℓ1 max-margin direction
 * sign(x_j) e_j, j = argmax |x_i| — measured on the τ reduction at s = 200.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { argmax, basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';
import { FLOW_PRECISION } from './tauVsFull.ts';

export const p4EscapingFlow: CheckDef = {
  claimId: 'P4',
  name: 'escaping-flow',
  method: 'property',
  quantity: '1 - cos(beta(200), sign(x_j) e_j), j = argmax |x_i|, over escaping l2-SAM flows',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, FLOW_PRECISION));
    const arb = planarStart({ d: [2, 4], x: { lo: 0.2, hi: 2.5, gap: 0.25, mixedSigns: true }, layer: hundredths(-2, 2), rho: hundredths(0.05, 1) });
    let collapsed = 0;
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const st = planarFieldStart(F, c);
        const x = st.x;
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
        const m = oneMinusCos(F, p.beta, basisVector(F, x.length, j, F.sign(x[j]!) < 0 ? -1 : 1));
        // the growing coefficient p_j(0) (x_j > 0) / q_j(0) (x_j < 0) must be non-zero for the claim
        return { margin: F.toString(m, 6), detail: { j, tau_200: p.tau && F.toString(p.tau, 12), collapsed_so_far: collapsed } };
      },
      {
        claimInput: planarInput,
        draws: { full: 100, quick: 20 },
        comparison: '<=',
        notes: [`tau reduction at ${Math.min(ctx.precision, FLOW_PRECISION)} digits, s = 200`],
      },
    );
  },
};
