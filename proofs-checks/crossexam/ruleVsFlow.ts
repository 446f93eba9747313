/**
 * B9 cross-examination: the limit predicted by the basin rule (exact fates of
 * src/linf/planarExact.ts, argmax over escaping coordinates by src/linf/predictedLimit.ts) against
 * the INTEGRATED ℓ∞-SAM Filippov flow (src/flow/linfFlow.ts, which never evaluates the basin
 * rule) at s = 30/gap, gap = the smallest difference of distinct |x_i|: there the predicted
 * coordinate dominates the other escapers by e^{-60} or less, so 1 − cos(β, sign(x_j) e_j) ≤ 1e-20
 * when the prediction is right; when no coordinate escapes, every coordinate must have been
 * absorbed exactly (β = 0 by s = 30/|x|_min, absorption times are O(1/|x_i|)).
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { linfEscapeCondition } from '../../src/linf/planarExact.ts';
import { linfPredictedLimit } from '../../src/linf/predictedLimit.ts';
import { hundredths, planarFieldStart, planarStart, type PlanarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

/** The predicted limit against the integrated flow from a start whose layers are in units of ρ. */
export function ruleVsFlow<T>(F: Field<T>, c: PlanarStart): { margin: T; predicted: string; skip: boolean } {
  const { x, rho, u0, v0 } = planarFieldStart(F, c, true);
  const d = x.length;
  const fates = x.map((xi, i) => linfEscapeCondition(F, u0[i]!, F.sign(xi) < 0 ? F.neg(v0[i]!) : v0[i]!, rho));
  if (fates.includes('saddle')) return { margin: F.zero, predicted: 'saddle', skip: true };
  const limit = linfPredictedLimit(F, x, fates);
  let gap: T | null = null;
  let xmin: T | null = null;
  for (let i = 0; i < d; i++) {
    const ai = F.abs(x[i]!);
    if (xmin === null || F.cmp(ai, xmin) < 0) xmin = ai;
    for (let j = 0; j < i; j++) {
      const g = F.abs(F.sub(ai, F.abs(x[j]!)));
      if (gap === null || F.cmp(g, gap) < 0) gap = g;
    }
  }
  const sEnd = F.div(F.fromNumber(30), F.min(gap ?? F.one, xmin!));
  const r = linfFlow(F, x, rho, [u0, v0], [sEnd]);
  const b = r.points[0]!.beta;
  if (limit === null) {
    let m = F.zero;
    for (const bi of b) m = F.max(m, F.abs(bi));
    return { margin: m, predicted: '0', skip: false };
  }
  let nrm = F.zero;
  for (const bi of b) nrm = F.add(nrm, F.mul(bi, bi));
  const cos = F.isZero(nrm) ? F.zero : F.div(limit.sign > 0 ? b[limit.index]! : F.neg(b[limit.index]!), F.sqrt(nrm));
  return { margin: F.sub(F.one, cos), predicted: `${limit.sign > 0 ? '+' : '-'}e${limit.index + 1}`, skip: false };
}

export const b9RuleVsFlow: CheckDef = {
  claimId: 'B9',
  name: 'rule-vs-flow',
  method: 'property',
  quantity: '1 - cos(beta of the integrated Filippov flow at s = 30/gap, sign(x_j) e_j) with j from the basin rule (|beta|_inf when no coordinate escapes)',
  run(ctx) {
    const F = ctx.field(30);
    const arb = planarStart({
      d: [2, 3],
      x: { lo: 0.3, hi: 2, gap: 0.25, mixedSigns: true },
      layer: hundredths(-2.5, 2.5),
      rho: hundredths(0.2, 1.5),
      stride: 4,
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const r = ruleVsFlow(F, c);
        if (r.skip) return { margin: '0', skip: true };
        return { margin: F.toString(r.margin, 6), detail: { predicted: r.predicted } };
      },
      {
        claimInput: planarInput,
        numRuns: ctx.quick ? 3 : 20,
        comparison: '<=',
        notes: ['independent path: prediction from the exact fates, measurement from the integrated Filippov flow (linfFlow never evaluates the basin rule)'],
      },
    );
  },
};
