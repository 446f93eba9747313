/**
 * B5 cross-check (issue 4): every leader switch located on the τ reduction (src/flow/leaders.ts,
 * event x*(s) = (x_i + x_j)/2) is a tie |β_i| = |β_j| of the FULL 2d-dimensional ℓ2-SAM system
 * integrated independently (tauReduction.ts `fullL2Model`, no τ, no events) at that s.
 * Random balanced starts α between the collapse-certificate bound and 1, x with distinct entries.
 * Margin: max over switches of |log|β_i| − log|β_j|| from the full system (a tie ⇒ 0).
 * Tolerance: theorems/derived/B5.ts (1e-10, both integrations at rtol 1e-20, 30 digits).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { leaders, balancedStart } from '../../src/analysis/leaders.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { hundredths } from '../arbitraries.ts';

export const b5SwitchesAreFullSystemTies: CheckDef = {
  claimId: 'B5',
  name: 'switches-are-full-system-ties',
  method: 'property',
  quantity: 'max over located switches of |log|beta_i| - log|beta_j|| in the independently integrated full system',
  run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(30);
    const rtol = F.fromString('1e-20');
    const arb = fc.record({ x: fc.uniqueArray(hundredths(0.2, 2.5), { minLength: 2, maxLength: 3, selector: (s) => s }), alpha: hundredths(0.2, 1) });
    return propertyOutcome(ctx, arb, (c) => {
      const x = c.x.map((s) => F.fromString(s));
      const st = balancedStart(F, x, F.one, F.fromString(c.alpha));
      const r = leaders(F, st, { rtol });
      if (r.switches.length === 0) return { margin: '0', skip: true };
      const full = l2Flow(F, st, r.switches.map((w) => w.s), { rtol, method: 'full' });
      let worst = F.zero;
      r.switches.forEach((w, k) => {
        const b = full.points[k]!.beta;
        worst = F.max(worst, F.abs(F.sub(F.log(F.abs(b[w.leader]!)), F.log(F.abs(b[w.from]!)))));
      });
      return { margin: F.toString(worst, 6), detail: { switches: r.switches.length, lead_monotone: r.leadMonotone } };
    }, { claimInput: (c) => ({ depth: 2, n: 1, x: c.x, alpha: c.alpha, rho: '1' }), numRuns: ctx.quick ? 2 : 4, tolerance: tol, comparison: '<=', notes: ['tau reduction events vs full-system ties, 30 digits, rtol 1e-20'] });
  },
};
