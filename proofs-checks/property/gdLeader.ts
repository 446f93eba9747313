/**
 * B6: discrete GD from a balanced start u = v = α·1 (x > 0 distinct): the leader
 * argmax_i β_i is argmax_i x_i at every checkpoint (the discrete map multiplies p_i by
 * 1 + η g x_i, which preserves the order of β_i = p_i²/4 when q = 0).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { argmax } from '../../src/verify/direction.ts';
import { balancedPlanarStart, distinctMagnitudes, hundredths, planarFieldStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

/** The balanced GD start of a draw: x cut to its first d coordinates, u0 = v0 = α·1. */
const startOf = (c: { d: number; x: string[]; alpha: string }) => balancedPlanarStart(c.x.slice(0, c.d), c.alpha);

export const b6GdLeader: CheckDef = {
  claimId: 'B6',
  name: 'gd-leader',
  method: 'property',
  quantity: 'checkpoints (t >= 1) at which argmax_i beta_i != argmax_i x_i under discrete GD',
  run(ctx) {
    const steps = ctx.quick ? 60 : 200;
    const arb = fc.record({
      d: fc.integer({ min: 2, max: 4 }),
      x: distinctMagnitudes(4, { lo: 0.1, hi: 3, gap: 0.05 }),
      alpha: hundredths(0.01, 2),
      eta: hundredths(0.01, 0.3),
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const F = ctx.field(ctx.precision);
        const { x, u0, v0 } = planarFieldStart(F, startOf(c));
        const W0 = [u0, v0];
        const r = simulate(
          F,
          { algo: 'gd', loss: 'logistic', eta: F.fromString(c.eta), rho: F.zero, steps, data: { X: [x], Y: [1] }, W0 },
          { checkpoints: [...Array(steps + 1).keys()] },
        );
        const want = argmax(F, x);
        const mismatches = r.trajectory.filter((cp) => cp.step >= 1 && argmax(F, cp.beta) !== want).length;
        return { margin: String(mismatches), detail: { steps } };
      },
      { claimInput: (c) => planarInput(startOf(c)), draws: { full: 100, quick: 20 }, comparison: '<=' },
    );
  },
};
