/**
 * B10 numeric: the discrete maps share the flow's fixed points. For random x, ρ, η:
 * GD at the origin; ℓ∞-SAM with every coordinate at (ρ,ρ), (−ρ,−ρ) or (0,0) (x_i > 0);
 * ℓ2-SAM at u_k = v_k = ±ρ/√2 (x_k > 0), other coordinates 0. One engine step must not move.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step, type AlgoName } from '../../src/optim/algorithms.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { anyAlgo, anyLoss, hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

/** The B10 fixed point of the drawn algorithm (depth 2, one example): the origin (GD), u_k = v_k = ±ρ/√2 (ℓ2-SAM), a pattern in {−ρ, 0, ρ} (ℓ∞-SAM). */
function predictedFixedPoint<T>(
  F: Field<T>,
  c: { x: string[]; rho: string; k: number; sgn: number; pattern: number[]; algo: AlgoName },
): { W: T[][]; point: string } {
  const rho = F.fromString(c.rho);
  if (c.algo === 'sam-linf')
    return {
      W: [0, 1].map(() => c.pattern.map((p) => (p === 0 ? F.zero : p > 0 ? rho : F.neg(rho)))),
      point: `per-coordinate pattern ${c.pattern.join(',')} (times rho)`,
    };
  if (c.algo === 'sam-l2') {
    const a = F.div(rho, F.sqrt(F.fromNumber(2)));
    const ak = c.sgn > 0 ? a : F.neg(a);
    return { W: [0, 1].map(() => c.x.map((_, i) => (i === c.k ? ak : F.zero))), point: `u_k = v_k = ${c.sgn > 0 ? '+' : '-'}rho/sqrt2 at k = ${c.k}` };
  }
  return { W: [c.x.map(() => F.zero), c.x.map(() => F.zero)], point: 'origin' };
}

export const b10DiscreteFixedPoints: CheckDef = {
  claimId: 'B10',
  name: 'discrete-fixed-points',
  method: 'numeric',
  quantity: 'max |step(W*) - W*| / rho over the predicted fixed points',
  async run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = fc.record({
      x: fc.array(hundredths(0.1, 3), { minLength: 3, maxLength: 3 }),
      rho: hundredths(0.05, 2),
      eta: hundredths(0.01, 0.5),
      k: fc.integer({ min: 0, max: 2 }),
      sgn: fc.constantFrom(1, -1),
      pattern: fc.array(fc.constantFrom(-1, 0, 1), { minLength: 3, maxLength: 3 }),
      algo: anyAlgo,
      loss: anyLoss,
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const x = c.x.map((s) => F.fromString(s));
        const rho = F.fromString(c.rho);
        const { W, point } = predictedFixedPoint(F, c);
        const r = step(F, makeLoss(F, c.loss), { X: [x], Y: [1] }, { algo: c.algo, eta: F.fromString(c.eta), rho }, W);
        let worst = F.zero;
        for (let l = 0; l < 2; l++) for (let i = 0; i < 3; i++) worst = F.max(worst, F.abs(F.sub(r.W[l]![i]!, W[l]![i]!)));
        return { margin: F.toString(F.div(worst, rho), 6), detail: { point } };
      },
      {
        claimInput: (c) => runInput({ X: [c.x], W0: predictedFixedPoint(F, c).W, rho: c.rho }),
        draws: { full: 100, quick: 30 },
        comparison: '<=',
      },
    );
  },
};
