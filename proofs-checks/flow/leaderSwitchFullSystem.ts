/**
 * B5 cross-check (issue 4): every leader switch located on the τ reduction (src/flow/leaders.ts,
 * event x*(s) = (x_i + x_j)/2) is a tie |β_i| = |β_j| of the FULL 2d-dimensional ℓ2-SAM system
 * integrated independently (tauReduction.ts `fullL2Model`, no τ, no events) at that s.
 * Random balanced starts drawn so that a switch is due: x*(0) = N(0)/(2ρ) in the upper half of the
 * band between the collapse certificate (min x / 2) and the midpoint of the two largest x_i (the
 * first leader is then not the largest x_i, so an escaping run switches at least once; the lower
 * half collapses mostly without a switch); x with distinct entries.
 * Margin: max over switches of |log|β_i| − log|β_j|| from the full system (a tie ⇒ 0).
 * Only switches at s <= S_MAX = 40 are compared (leaders() stops at S_MAX): beyond, beta ~ 1e40 and
 * the full-system integration no longer resolves a tie to 1e-10 at any fixed rtol (measured at
 * x = (0.20, 0.76, 1.66), alpha = 0.504781: |log beta_1 - log beta_2| = 6e-10 at s = 93.5 with rtol
 * 1e-26, 3e-22 with rtol 1e-40; the error grows like e^{cs}); the claim's scope says so.
 * Tolerance: theorems/derived/B5.ts (1e-10, both integrations at rtol 1e-20, 30 digits).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { leaders } from '../../src/analysis/leaders.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { alphaInXStarBand, balancedPlanarStart, distinctMagnitudes, planarFieldStart, twoLargest } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

/** Precision and integrator tolerance (see the tolerance's reason in theorems/derived/B5.ts). */
const PRECISION = 30;
const RTOL = '1e-20';
/** Switches compared: those at s <= S_MAX. */
const S_MAX = '40';

export const b5SwitchesAreFullSystemTies: CheckDef = {
  claimId: 'B5',
  name: 'switches-are-full-system-ties',
  method: 'property',
  quantity: 'max over located switches at s <= 40 of |log|beta_i| - log|beta_j|| in the independently integrated full system',
  run(ctx) {
    const F = ctx.field(PRECISION);
    const rtol = F.fromString(RTOL);
    const xs = fc.integer({ min: 2, max: 3 }).chain((d) => distinctMagnitudes(d, { lo: 0.2, hi: 2.5, gap: 0.01 }));
    // lower half of the band: mostly collapsing starts without any switch (measured: 15 of 35 discarded)
    const arb = alphaInXStarBand(xs, (x) => {
      const lo = Math.min(...x) / 2;
      const hi = (twoLargest(x)[0] + twoLargest(x)[1]) / 2;
      return [(lo + hi) / 2, hi];
    }).map((c) => balancedPlanarStart(c.x, c.alpha, '1'));
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const st = planarFieldStart(F, c);
        const r = leaders(F, st, { rtol, sMax: F.fromString(S_MAX) });
        if (r.switches.length === 0) return { margin: '0', skip: true };
        const full = l2Flow(
          F,
          st,
          r.switches.map((w) => w.s),
          { rtol, method: 'full' },
        );
        let worst = F.zero;
        r.switches.forEach((w, k) => {
          const b = full.points[k]!.beta;
          worst = F.max(worst, F.abs(F.sub(F.log(F.abs(b[w.leader]!)), F.log(F.abs(b[w.from]!)))));
        });
        return { margin: F.toString(worst, 6), detail: { switches: r.switches.length, lead_monotone: r.leadMonotone } };
      },
      {
        claimInput: planarInput,
        draws: { full: 100, quick: 20 },
        comparison: '<=',
        notes: [
          `tau reduction events vs full-system ties, ${PRECISION} digits, rtol ${RTOL}, switches at s <= ${S_MAX}; starts drawn with x*(0) in the upper half of [min x / 2, midpoint of the two largest x_i] (a switch is due)`,
        ],
      },
    );
  },
};
