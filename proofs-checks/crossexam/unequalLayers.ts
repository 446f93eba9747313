/**
 * B13 cross-examination with layers that are NOT all equal (L ∈ {3, 4}): the generic GD rescaled
 * flow (src/flow/rescaledFlow.ts) must conserve every w_k[j]² − w_l[j]² (d/ds w_k[j]² = 2 x_j Π_n
 * w_n[j] is the same for every layer k), written here from the field's definition. A layer-indexing
 * error (a product over the wrong layers) breaks the conservation at once. The run stops at
 * s = 1/(2(L−2)|x|_max M^{L−2}) with M = max |w_k[j](0)|, half the earliest possible blow-up
 * (M' ≤ |x| M^{L−1}), so the flow is smooth on [0, s].
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

export function layerInvariantDrift<T>(F: Field<T>, L: number, xs: string[], Ws: string[][]): T {
  const x = xs.map((s) => F.fromString(s));
  const W0 = Ws.map((r) => r.map((s) => F.fromString(s)));
  let M = F.zero;
  let xmax = F.zero;
  for (const r of W0) for (const w of r) M = F.max(M, F.abs(w));
  for (const xi of x) xmax = F.max(xmax, F.abs(xi));
  const sEnd = F.div(F.one, F.mul(F.fromNumber(2 * (L - 2)), F.mul(xmax, F.powInt(M, L - 2))));
  const targets = [F.div(sEnd, F.fromNumber(2)), sEnd];
  const r = rescaledFlow(F, 'gd', x, F.zero, W0, targets, { rtol: F.fromString('1e-16') });
  if (r.status !== 'running') return F.one;
  let drift = F.zero;
  for (const p of r.points) {
    for (let j = 0; j < x.length; j++) {
      for (let k = 1; k < L; k++) {
        const now = F.sub(F.mul(p.W[k]![j]!, p.W[k]![j]!), F.mul(p.W[0]![j]!, p.W[0]![j]!));
        const then = F.sub(F.mul(W0[k]![j]!, W0[k]![j]!), F.mul(W0[0]![j]!, W0[0]![j]!));
        const scale = F.max(F.one, F.max(F.mul(p.W[k]![j]!, p.W[k]![j]!), F.mul(p.W[0]![j]!, p.W[0]![j]!)));
        drift = F.max(drift, F.div(F.abs(F.sub(now, then)), scale));
      }
    }
  }
  return drift;
}

export const unequalLayersInput = fc.record({
  L: fc.integer({ min: 3, max: 4 }),
  d: fc.integer({ min: 1, max: 3 }),
  x: fc.array(hundredths(0.1, 2), { minLength: 3, maxLength: 3 }),
  w: fc.array(hundredths(-1.5, 1.5), { minLength: 12, maxLength: 12 }),
});

/** The start of a draw: L layers, layer l from w[3l .. 3l + d]. */
const layersOf = (c: { L: number; d: number; w: string[] }) => Array.from({ length: c.L }, (_, l) => c.w.slice(l * 3, l * 3 + c.d));

export const b13UnequalLayers: CheckDef = {
  claimId: 'B13',
  name: 'unequal-layers',
  method: 'property',
  quantity: 'max over s, j, k of |(w_k[j]^2 - w_1[j]^2)(s) - (w_k[j]^2 - w_1[j]^2)(0)| / max(1, w^2), generic GD rescaled flow, L in {3, 4}, unequal layers',
  run(ctx) {
    const F = ctx.field(24);
    return propertyOutcome(
      ctx,
      unequalLayersInput,
      (c) => {
        const Ws = layersOf(c);
        if (Ws.every((r) => r.every((s, j) => s === Ws[0]![j]))) return { margin: '0', skip: true };
        if (c.x.slice(0, c.d).every((s) => Number(s) === 0)) return { margin: '0', skip: true };
        return { margin: F.toString(layerInvariantDrift(F, c.L, c.x.slice(0, c.d), Ws), 6), detail: { L: c.L } };
      },
      {
        claimInput: (c) => runInput({ X: [c.x.slice(0, c.d)], W0: layersOf(c) }),
        numRuns: ctx.quick ? 4 : 16,
        comparison: '<=',
        notes: ['independent path: the conservation law of the GD field, written from its definition'],
      },
    );
  },
};
