/**
 * B7 numeric: the ℓ∞-SAM rescaled velocity of coordinate i (from the engine's exact gradient)
 * does not change when every other coordinate is redrawn.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledVelocity } from '../../src/model/rescaledVelocity.ts';
import { anyLoss, hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

/** The state whose velocity is compared: x = a[0..3], u = a[3..6], v = a[6..9] (b redraws the others). */
function stateOf(c: { a: string[]; rho: string }) {
  return { X: [c.a.slice(0, 3)], W0: [c.a.slice(3, 6), c.a.slice(6, 9)], rho: c.rho };
}

export const b7Decoupling: CheckDef = {
  claimId: 'B7',
  name: 'decoupling',
  method: 'numeric',
  quantity: 'max |velocity_i(state) - velocity_i(state with other coordinates redrawn)| / (rho|x_i| + |x_i|(|u_i|+|v_i|))',
  async run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = fc.record({
      a: fc.array(hundredths(-2, 2), { minLength: 9, maxLength: 9 }),
      b: fc.array(hundredths(-2, 2), { minLength: 9, maxLength: 9 }),
      rho: hundredths(0.01, 1.5),
      loss: anyLoss,
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const run = stateOf(c);
        const d = run.X[0]!.length;
        const x = run.X[0]!.map((s) => F.fromString(s));
        if (x.some((xi) => F.isZero(xi))) return { margin: '0', skip: true };
        const rho = F.fromString(c.rho);
        const W1 = run.W0.map((r) => r.map((s) => F.fromString(s)));
        const v1 = rescaledVelocity(F, 'sam-linf', c.loss, { X: [x], Y: [1] }, W1, rho);
        let worst = F.zero;
        for (let i = 0; i < d; i++) {
          // Redraw every coordinate except i.
          const W2 = W1.map((row, l) => row.map((w, j) => (j === i ? w : F.fromString(c.b[3 * (l + 1) + j]!))));
          const v2 = rescaledVelocity(F, 'sam-linf', c.loss, { X: [x], Y: [1] }, W2, rho);
          const scale = F.add(F.mul(rho, F.abs(x[i]!)), F.mul(F.abs(x[i]!), F.add(F.abs(W1[0]![i]!), F.abs(W1[1]![i]!))));
          for (let l = 0; l < 2; l++) worst = F.max(worst, F.div(F.abs(F.sub(v1[l]![i]!, v2[l]![i]!)), scale));
        }
        return { margin: F.toString(worst, 6) };
      },
      { claimInput: (c) => runInput(stateOf(c)), draws: { full: 100, quick: 30 }, comparison: '<=' },
    );
  },
};
