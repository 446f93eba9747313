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
import { hundredths } from '../arbitraries.ts';

export const b10DiscreteFixedPoints: CheckDef = {
  claimId: 'B10',
  name: 'discrete-fixed-points',
  method: 'numeric',
  quantity: 'max |step(W*) - W*| / rho over the predicted fixed points',
  async run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(ctx.precision);
    const arb = fc.record({
      x: fc.array(hundredths(0.1, 3), { minLength: 3, maxLength: 3 }),
      rho: hundredths(0.05, 2),
      eta: hundredths(0.01, 0.5),
      k: fc.integer({ min: 0, max: 2 }),
      sgn: fc.constantFrom(1, -1),
      pattern: fc.array(fc.constantFrom(-1, 0, 1), { minLength: 3, maxLength: 3 }),
      algo: fc.constantFrom<AlgoName>('gd', 'sam-l2', 'sam-linf'),
      loss: fc.constantFrom('logistic' as const, 'exponential' as const),
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const x = c.x.map((s) => F.fromString(s));
        const rho = F.fromString(c.rho);
        let W: (typeof x)[] = [x.map(() => F.zero), x.map(() => F.zero)];
        let point = 'origin';
        if (c.algo === 'sam-linf') {
          W = [0, 1].map(() => c.pattern.map((p) => (p === 0 ? F.zero : p > 0 ? rho : F.neg(rho))));
          point = `per-coordinate pattern ${c.pattern.join(',')} (times rho)`;
        } else if (c.algo === 'sam-l2') {
          const a = F.div(rho, F.sqrt(F.fromNumber(2)));
          const ak = c.sgn > 0 ? a : F.neg(a);
          W = [0, 1].map(() => x.map((_, i) => (i === c.k ? ak : F.zero)));
          point = `u_k = v_k = ${c.sgn > 0 ? '+' : '-'}rho/sqrt2 at k = ${c.k}`;
        }
        const r = step(F, makeLoss(F, c.loss), { X: [x], Y: [1] }, { algo: c.algo, eta: F.fromString(c.eta), rho }, W);
        let worst = F.zero;
        for (let l = 0; l < 2; l++) for (let i = 0; i < 3; i++) worst = F.max(worst, F.abs(F.sub(r.W[l]![i]!, W[l]![i]!)));
        return { margin: F.toString(F.div(worst, rho), 6), detail: { point } };
      },
      { claimInput: () => ({ depth: 2, n: 1 }), draws: { full: 100, quick: 30 }, tolerance: tol, comparison: '<=' },
    );
  },
};
