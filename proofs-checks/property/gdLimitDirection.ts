/**
 * P2 on the B2 closed form: depth 2, one example, GD, any start whose growing coefficient of
 * j = argmax|x_i| is non-zero: 1 − cos(β(1000), sign(x_j)e_j) is astronomically small.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { gdClosedForm } from '../../src/flow/gdClosedForm.ts';
import { alignedComponents } from '../../src/flow/l2Certificates.ts';
import { argmax, basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const p2ClosedForm: CheckDef = {
  claimId: 'P2',
  name: 'closed-form',
  method: 'property',
  quantity: '1 - cos(beta(s = 1000), sign(x_j) e_j) on the GD closed form (B2)',
  run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = planarStart({ d: [2, 6], x: { lo: 0.1, hi: 3, gap: 0.1, mixedSigns: true }, layer: hundredths(-2, 2) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, u0, v0 } = planarFieldStart(F, c);
        const j = argmax(
          F,
          x.map((xi) => F.abs(xi)),
        );
        const sj: 1 | -1 = F.sign(x[j]!) < 0 ? -1 : 1;
        const growing = alignedComponents(F, x, u0, v0)[j]!;
        if (F.isZero(growing)) return { margin: '0', skip: true }; // hypothesis of P2
        const st = gdClosedForm(F, x, u0, v0, F.fromNumber(1000));
        return { margin: F.toString(oneMinusCos(F, st.beta, basisVector(F, x.length, j, sj)), 6) };
      },
      { claimInput: planarInput, draws: { full: 200, quick: 50 }, comparison: '<=' },
    );
  },
};
