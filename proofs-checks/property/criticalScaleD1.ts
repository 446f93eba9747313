/**
 * B4, d = 1: the certified enclosure [lo, hi] of the balanced critical scale α_c (bisection on
 * B4 certificates, src/flow/criticalScale.ts) contains ρ/√2 (the B10 fixed point), for random
 * x and ρ; its width is reported.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { criticalScale } from '../../src/analysis/criticalScale.ts';
import { balancedStart } from '../../src/analysis/leaders.ts';
import { hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

export const b4CriticalScaleD1: CheckDef = {
  claimId: 'B4',
  name: 'critical-scale-d1',
  method: 'property',
  quantity: 'distance of rho/sqrt2 from the certified enclosure [lo, hi] of alpha_c (d = 1)',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, 30));
    const arb = fc.record({ x: hundredths(-3, 3).filter((s) => Number(s) !== 0), rho: hundredths(0.05, 2) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const rho = F.fromString(c.rho);
        const r = criticalScale(F, [F.fromString(c.x)], rho, { tol: F.fromString('1e-8') });
        const want = F.div(rho, F.sqrt(F.fromNumber(2)));
        const dist = F.cmp(want, r.lo) < 0 ? F.sub(r.lo, want) : F.cmp(want, r.hi) > 0 ? F.sub(want, r.hi) : F.zero;
        return {
          margin: F.toString(dist, 6),
          detail: { lo: F.toString(r.lo, 15), hi: F.toString(r.hi, 15), width_over_rho: F.toString(F.div(F.sub(r.hi, r.lo), rho), 3) },
        };
      },
      {
        // the balanced start at the predicted critical scale alpha = rho/sqrt2: the family criticalScale searches
        claimInput: (c) => {
          const rho = F.fromString(c.rho);
          const st = balancedStart(F, [F.fromString(c.x)], rho, F.div(rho, F.sqrt(F.fromNumber(2))));
          return runInput({ X: [[c.x]], W0: [st.u0, st.v0], rho: c.rho });
        },
        draws: { full: 100, quick: 20 },
        comparison: '<=',
      },
    );
  },
};
