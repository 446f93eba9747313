/**
 * B1 numeric: the engine's −∇𝓛(w̃)/g(z̃) (exact model gradient, both losses, all three
 * algorithms) equals the B1 loss-independent right-hand sides at random states.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledVelocity } from '../../src/model/rescaledVelocity.ts';
import { anyAlgo, anyLoss, hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const b1EngineRhs: CheckDef = {
  claimId: 'B1',
  name: 'engine-rhs',
  method: 'numeric',
  quantity: 'max relative difference |engine velocity - B1 formula| / (|B1 formula| + rho|x|^2)',
  async run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = fc.record({
      start: planarStart({ d: [1, 4], x: hundredths(-2, 2), layer: hundredths(-2, 2), rho: hundredths(0.01, 1.5) }),
      algo: anyAlgo,
      loss: anyLoss,
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, rho, u0: u, v0: v } = planarFieldStart(F, c.start);
        if (x.some((xi) => F.isZero(xi)) || u.some((a) => F.isZero(a)) || v.some((a) => F.isZero(a))) return { margin: '0', skip: true };
        const vel = rescaledVelocity(F, c.algo, c.loss, { X: [x], Y: [1] }, [u, v], rho);
        // B1 formulas, written independently of the engine's gradient code.
        let N2 = F.zero;
        for (let i = 0; i < x.length; i++) N2 = F.add(N2, F.mul(F.mul(x[i]!, x[i]!), F.add(F.mul(u[i]!, u[i]!), F.mul(v[i]!, v[i]!))));
        const N = F.sqrt(N2);
        let worst = F.zero;
        for (let i = 0; i < x.length; i++) {
          const xi = x[i]!;
          let du = F.mul(xi, v[i]!);
          let dv = F.mul(xi, u[i]!);
          if (c.algo === 'sam-l2') {
            const k = F.div(F.mul(rho, F.mul(xi, xi)), N);
            du = F.sub(du, F.mul(k, u[i]!));
            dv = F.sub(dv, F.mul(k, v[i]!));
          } else if (c.algo === 'sam-linf') {
            const k = F.mul(rho, F.abs(xi));
            du = F.sub(du, F.mul(k, F.fromNumber(F.sign(u[i]!))));
            dv = F.sub(dv, F.mul(k, F.fromNumber(F.sign(v[i]!))));
          }
          const scale = F.add(F.add(F.abs(du), F.abs(dv)), F.mul(rho, F.mul(xi, xi)));
          worst = F.max(worst, F.div(F.add(F.abs(F.sub(vel[0]![i]!, du)), F.abs(F.sub(vel[1]![i]!, dv))), scale));
        }
        return { margin: F.toString(worst, 6) };
      },
      { claimInput: (c) => planarInput(c.start), draws: { full: 150, quick: 40 }, comparison: '<=' },
    );
  },
};
