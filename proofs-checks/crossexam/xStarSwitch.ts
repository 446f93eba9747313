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
import type { L2Start } from '../../src/flow/tauReduction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

/** The balanced start of a draw: the witness's α, or `factor` times the escape bracket ρ x_max/(√2‖x‖). */
export function xStarStart<T>(F: Field<T>, c: { x: readonly string[]; rho: string; factor: string; alpha: string; witness: boolean }): L2Start<T> {
  const x = c.x.map((s) => F.fromString(s));
  const rho = F.fromString(c.rho);
  let alpha: T;
  if (c.witness) alpha = F.fromString(c.alpha);
  else {
    let n2 = F.zero;
    let xmax = F.zero;
    for (const xi of x) {
      n2 = F.add(n2, F.mul(xi, xi));
      xmax = F.max(xmax, F.abs(xi));
    }
    alpha = F.mul(F.div(F.mul(rho, xmax), F.mul(F.sqrt(F.fromNumber(2)), F.sqrt(n2))), F.fromString(c.factor));
  }
  return balancedStart(F, x, rho, alpha);
}

/** Worst relative distance of the reported x*(s) at each lead switch from the midpoint of the two |x_i|. */
export function xStarAtSwitches<T>(F: Field<T>, st: L2Start<T>): { worst: T; switches: number } {
  const x = st.x;
  const r = leaders(F, st, { rtol: F.fromString('1e-18') });
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
    const F = ctx.field(24);
    return propertyOutcome(
      ctx,
      xStarInput,
      (c) => {
        const r = xStarAtSwitches(F, xStarStart(F, c));
        if (r.switches === 0) return { margin: '0', skip: true };
        return { margin: F.toString(r.worst, 6), detail: { switches: r.switches } };
      },
      {
        claimInput: (c) => {
          const st = xStarStart(F, c);
          return runInput({ X: [c.x], W0: [st.u0, st.v0], rho: c.rho, alpha: F.toString(st.u0[0]!, 20) });
        },
        numRuns: ctx.quick ? 2 : 10,
        comparison: '<=',
        notes: ['independent path: the tie condition |beta_i| = |beta_j| <=> x* = (|x_i| + |x_j|)/2 from x alone'],
      },
    );
  },
};
