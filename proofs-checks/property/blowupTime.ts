/**
 * B13: depth L ≥ 3, balanced layers, GD rescaled flow: each coordinate a_i' = x_i a_i^{L−1}
 * blows up at s_i* = 1/((L−2) x_i a_i^{L−2}); the integrated flow (rescaledFlow, generic depth)
 * stops at the first blow-up, whose time must match min_i s_i*.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

/** The equal-layer start of a draw: L layers, each a. */
const layersOf = (c: { L: number; a: string[] }) => Array.from({ length: c.L }, () => c.a);

export const b13BlowupTime: CheckDef = {
  claimId: 'B13',
  name: 'blowup-time',
  method: 'property',
  quantity: '|s_blowup(integrated) - min_i 1/((L-2) x_i a_i^(L-2))| / min_i s_i*, GD, L in {3, 4}',
  run(ctx) {
    const F = ctx.field(24);
    const arb = fc.record({
      L: fc.integer({ min: 3, max: 4 }),
      x: fc.array(hundredths(0.2, 2), { minLength: 2, maxLength: 2 }),
      a: fc.array(hundredths(0.3, 1.5), { minLength: 2, maxLength: 2 }),
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const x = c.x.map((s) => F.fromString(s));
        const a = c.a.map((s) => F.fromString(s));
        const sStar = x.map((xi, i) => F.div(F.one, F.mul(F.fromNumber(c.L - 2), F.mul(xi, F.powInt(a[i]!, c.L - 2)))));
        const first = F.min(sStar[0]!, sStar[1]!);
        const r = rescaledFlow(
          F,
          'gd',
          x,
          F.zero,
          layersOf(c).map((layer) => layer.map((s) => F.fromString(s))),
          [F.mul(first, F.fromNumber(2))],
          { rtol: F.fromString('1e-16') },
        );
        if (r.status !== 'blowup' || r.blowupS === null) return { margin: '1', detail: { status: r.status } };
        return {
          margin: F.toString(F.div(F.abs(F.sub(r.blowupS, first)), first), 6),
          detail: { L: c.L, predicted: F.toString(first, 15), integrated: F.toString(r.blowupS, 15) },
        };
      },
      { claimInput: (c) => runInput({ X: [c.x], W0: layersOf(c) }), draws: { full: 100, quick: 20 }, comparison: '<=' },
    );
  },
};
