/**
 * B6 cross-examination: the GD closed form for balanced starts, β_i(s) = α² e^{2 x_i s} (written
 * here from docs/derivation.md B6), against the generic depth-L GD rescaled flow at L = 2
 * (src/flow/rescaledFlow.ts, integrated from u_i = v_i = α); and the leader argmax_i β_i of the
 * integrated flow must be argmax_i x_i at every sampled s > 0.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { balancedPlanarStart, distinctMagnitudes, hundredths, planarFieldStart, type PlanarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export function gdBalancedError<T>(F: Field<T>, start: PlanarStart & { readonly alpha: string }): { err: T; leaderMismatches: number } {
  const { x, u0, v0 } = planarFieldStart(F, start);
  const a = F.fromString(start.alpha);
  const targets = ['0.1', '0.5', '1', '2'].map((s) => F.fromString(s));
  const r = rescaledFlow(F, 'gd', x, F.zero, [u0, v0], targets, { rtol: F.fromString('1e-18') });
  let err = F.zero;
  let leaderMismatches = 0;
  let iMax = 0;
  x.forEach((xi, i) => (F.cmp(xi, x[iMax]!) > 0 ? (iMax = i) : 0));
  r.points.forEach((p) => {
    let lead = 0;
    p.beta.forEach((b, i) => {
      const want = F.mul(F.mul(a, a), F.exp(F.mul(F.fromNumber(2), F.mul(x[i]!, p.s))));
      err = F.max(err, F.div(F.abs(F.sub(b, want)), want));
      if (F.cmp(b, p.beta[lead]!) > 0) lead = i;
    });
    if (lead !== iMax) leaderMismatches++;
  });
  return { err, leaderMismatches };
}

export const b6GdBalancedFlow: CheckDef = {
  claimId: 'B6',
  name: 'closed-vs-generic-flow',
  method: 'property',
  quantity: 'max relative |beta_i(s) of the generic GD flow (L = 2) - alpha^2 e^{2 x_i s}| at s in {0.1, 0.5, 1, 2}; a leader other than argmax x_i counts 1',
  run(ctx) {
    const F = ctx.field(30);
    const arb = fc
      .record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2, gap: 0.05 }), alpha: hundredths(0.05, 1.5) })
      .map((c) => balancedPlanarStart(c.x, c.alpha));
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const r = gdBalancedError(F, c);
        return { margin: r.leaderMismatches > 0 ? '1' : F.toString(r.err, 6), detail: { leaderMismatches: r.leaderMismatches } };
      },
      {
        claimInput: planarInput,
        numRuns: ctx.quick ? 4 : 16,
        comparison: '<=',
        notes: ['independent path: the B6 closed form written here vs the generic depth-L GD field integrated at L = 2 (precision 30, rtol 1e-18)'],
      },
    );
  },
};
