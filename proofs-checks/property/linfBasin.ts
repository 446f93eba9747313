/**
 * B8: the exact ℓ∞-SAM planar escape rule (all four quadrants) against an independent
 * discrete simulation (engine `step`, depth 2, d = 1, x = 1, ρ = 1, η = 0.002), away from a
 * band of relative width 0.02 around the boundary.
 * B9: the predicted limit from the basin rule against the exact piecewise flow at s = 300.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step } from '../../src/optim/algorithms.ts';
import { linfEscapeCondition, linfEscapeMargin, type PlanarFate } from '../../src/linf/planarExact.ts';
import { linfPredictedLimit } from '../../src/linf/predictedLimit.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';
import { basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput, runInput } from '../drawnRun.ts';

/** Relative distance of a start from the basin boundary in the exact rule. */
function boundaryDistance<T>(F: Field<T>, u: T, v: T, rho: T): T {
  const m = linfEscapeMargin(F, u, v, rho);
  return F.div(F.abs(F.sub(m.lhs, m.rhs)), m.rhs);
}

/** Fate by discrete ℓ∞-SAM: escape once uv > 0 and |u+v| > 3ρ; absorb once max(|u|,|v|) < 0.05ρ. */
export function discreteFate<T>(F: Field<T>, u0: T, v0: T, rho: T, eta: T, maxSteps: number): PlanarFate | 'undecided' {
  const loss = makeLoss(F, 'logistic');
  const data = { X: [[F.one]], Y: [1 as const] };
  let W = [[u0], [v0]];
  const three = F.mul(F.fromNumber(3), rho);
  const small = F.mul(F.fromString('0.05'), rho);
  for (let t = 0; t < maxSteps; t++) {
    const u = W[0]![0]!;
    const v = W[1]![0]!;
    if (F.sign(u) * F.sign(v) > 0 && F.cmp(F.abs(F.add(u, v)), three) > 0) return 'escape';
    if (F.cmp(F.max(F.abs(u), F.abs(v)), small) < 0) return 'absorb';
    W = step(F, loss, data, { algo: 'sam-linf', eta, rho }, W).W;
  }
  return 'undecided';
}

/** The discrete run B8 compares the exact rule with (also drawn by `samcheck report`). */
export const B8_DISCRETE = { rho: '1', eta: '0.002', maxSteps: 40000 } as const;

export const b8BasinVsDiscrete: CheckDef = {
  claimId: 'B8',
  name: 'basin-vs-discrete',
  method: 'property',
  quantity: 'starts (all four quadrants, outside the 2% boundary band) whose exact-rule fate differs from discrete l_inf-SAM (eta 0.002)',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, 30));
    const rho = F.fromString(B8_DISCRETE.rho);
    const eta = F.fromString(B8_DISCRETE.eta);
    const arb = fc.record({ u: hundredths(-3, 3), v: hundredths(-3, 3) });
    const counts: Record<string, number> = {};
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const u = F.fromString(c.u);
        const v = F.fromString(c.v);
        if (F.cmp(boundaryDistance(F, u, v, rho), F.fromString('0.02')) < 0) return { margin: '0', skip: true };
        const exact = linfEscapeCondition(F, u, v, rho);
        const sim = discreteFate(F, u, v, rho, eta, B8_DISCRETE.maxSteps);
        const q = `${F.sign(u) >= 0 ? '+' : '-'}${F.sign(v) >= 0 ? '+' : '-'}`;
        counts[q] = (counts[q] ?? 0) + 1;
        return { margin: exact === sim ? '0' : '1', detail: { exact, discrete: sim, quadrant: q, counts: { ...counts } } };
      },
      {
        claimInput: (c) => runInput({ X: [['1']], W0: [[c.u], [c.v]], rho: B8_DISCRETE.rho }),
        draws: { full: 100, quick: 20 },
        comparison: '<=',
        notes: ['rho = 1, x = 1, eta = 0.002; escape = same-sign |u+v| > 3 rho, absorb = max(|u|,|v|) < 0.05 rho'],
      },
    );
  },
};

export const b9BasinRule: CheckDef = {
  claimId: 'B9',
  name: 'basin-rule',
  method: 'property',
  quantity: '1 - cos(beta(300), sign(x_j) e_j) with j from the basin rule (|beta(300)|_inf when no coordinate escapes)',
  run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = planarStart({ d: [2, 4], x: { lo: 0.2, hi: 3, gap: 0.25, mixedSigns: true }, layer: hundredths(-2.5, 2.5), rho: hundredths(0.1, 1.5) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, rho, u0, v0 } = planarFieldStart(F, c, true);
        const st = linfClosedForm(F, x, u0, v0, rho, F.fromNumber(300));
        const fates = st.fates;
        if (fates.includes('saddle')) return { margin: '0', skip: true };
        const limit = linfPredictedLimit(F, x, fates);
        const margin =
          limit === null ? st.beta.reduce((a, b) => F.max(a, F.abs(b)), F.zero) : oneMinusCos(F, st.beta, basisVector(F, x.length, limit.index, limit.sign));
        return { margin: F.toString(margin, 6), detail: { fates, predicted: limit } };
      },
      { claimInput: planarInput, draws: { full: 150, quick: 40 }, comparison: '<=' },
    );
  },
};
