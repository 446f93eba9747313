/**
 * B5 cross-examination of the reported leader law: at every lead switch i → j found by
 * src/analysis/leaders.ts (balanced starts), the reported x*(s) = s/(2ρτ) must equal the midpoint
 * (|x_i| + |x_j|)/2 — the tie |β_i| = |β_j| of the derivation, computed here from x alone. Starts:
 * the non-monotone witness x = (0.5, 1, 2), ρ = 1, α = 0.5 (three switches) and random balanced
 * starts with α 2-30 % above the escape bracket ρ x_max/(√2‖x‖) (so the largest |x_i| leads at
 * the end and a switch occurs whenever another coordinate leads first).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { balancedStart, leaders } from '../../src/analysis/leaders.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
import { fieldFor, toleranceFor } from './context.ts';

export function xStarAtSwitches<T>(
  F: Field<T>,
  xs: readonly string[],
  rhoS: string,
  alphaFactor: string | null,
  alphaS?: string,
): { worst: T; switches: number } {
  const x = xs.map((s) => F.fromString(s));
  const rho = F.fromString(rhoS);
  let alpha: T;
  if (alphaS !== undefined) alpha = F.fromString(alphaS);
  else {
    let n2 = F.zero;
    let xmax = F.zero;
    for (const xi of x) {
      n2 = F.add(n2, F.mul(xi, xi));
      xmax = F.max(xmax, F.abs(xi));
    }
    alpha = F.mul(F.div(F.mul(rho, xmax), F.mul(F.sqrt(F.fromNumber(2)), F.sqrt(n2))), F.fromString(alphaFactor!));
  }
  const r = leaders(F, balancedStart(F, x, rho, alpha), { rtol: F.fromString('1e-18') });
  let worst = F.zero;
  for (const sw of r.switches) {
    const mid = F.div(F.add(F.abs(x[sw.from]!), F.abs(x[sw.leader]!)), F.fromNumber(2));
    worst = F.max(worst, F.div(F.abs(F.sub(sw.xStar, mid)), mid));
  }
  return { worst, switches: r.switches.length };
}

export const xStarInput = fc.oneof(
  fc.constant({ witness: true as const, x: ['0.5', '1', '2'], rho: '1', factor: '1', alpha: '0.5' }),
  fc.record({
    witness: fc.constant(false as const),
    x: distinctMagnitudes(3, { lo: 0.3, hi: 2.5, gap: 0.2 }),
    rho: hundredths(0.3, 1.5),
    factor: hundredths(1.02, 1.3),
    alpha: fc.constant(''),
  }),
);

export const b5XStarAtSwitches: CheckDef = {
  claimId: 'B5',
  name: 'x-star-at-switches',
  method: 'property',
  quantity: 'max over reported lead switches i -> j of |x*(s_switch) - (|x_i| + |x_j|)/2| / ((|x_i| + |x_j|)/2), balanced starts',
  run(ctx) {
    const tol = toleranceFor(ctx, 'x-star-at-switches');
    const F = fieldFor(ctx, 24);
    return propertyOutcome(
      ctx,
      xStarInput,
      (c) => {
        const r = c.witness ? xStarAtSwitches(F, c.x, c.rho, null, c.alpha) : xStarAtSwitches(F, c.x, c.rho, c.factor);
        if (r.switches === 0) return { margin: '0', skip: true };
        return { margin: F.toString(r.worst, 6), detail: { switches: r.switches } };
      },
      {
        claimInput: (c) => ({ depth: 2, n: 1, x: c.x, rho: c.rho, alpha: c.witness ? c.alpha : c.factor }),
        numRuns: ctx.quick ? 2 : 10,
        tolerance: tol,
        comparison: '<=',
        notes: ['independent path: the tie condition |beta_i| = |beta_j| <=> x* = (|x_i| + |x_j|)/2 from x alone'],
      },
    );
  },
};
