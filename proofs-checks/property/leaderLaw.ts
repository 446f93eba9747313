/**
 * B5: for balanced starts, the leading coordinate of the integrated 2d-dimensional ℓ2-SAM flow is
 * the x_i nearest x*(s) = s/(2ρτ(s)) (τ integrated alongside), and x*(0+) = N(0)/(2ρ).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { l2N } from '../../src/flow/l2Certificates.ts';
import { argmax } from '../../src/verify/direction.ts';
import { balancedPlanarStart, distinctMagnitudes, hundredths, planarFieldStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';
import { FLOW_PRECISION } from './tauVsFull.ts';

/** Balanced ℓ2-SAM starts on three distinct positive x_i, α ∈ [alphaLo, 2], ρ ∈ [0.2, 1.5]. */
const balancedStarts = (alphaLo: number) =>
  fc
    .record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.1 }), alpha: hundredths(alphaLo, 2), rho: hundredths(0.2, 1.5) })
    .map((c) => balancedPlanarStart(c.x, c.alpha, c.rho));

const S_GRID = ['0.05', '0.1', '0.2', '0.4', '0.7', '1', '1.5', '2', '3'];

export const b5LeaderLaw: CheckDef = {
  claimId: 'B5',
  name: 'leader-law',
  method: 'property',
  quantity: 'sampled s (9 per start) where argmax_i beta_i (full flow) != the x_i nearest s/(2 rho tau(s))',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, FLOW_PRECISION));
    return propertyOutcome(
      ctx,
      balancedStarts(0.3),
      (c) => {
        const st = planarFieldStart(F, c);
        const { x, rho } = st;
        const r = l2Flow(
          F,
          st,
          S_GRID.map((s) => F.fromString(s)),
          { method: 'full' },
        );
        let mismatches = 0;
        let compared = 0;
        const leaders: number[] = [];
        for (const p of r.points) {
          if (p.status === 'collapsed' || p.tau === null) continue;
          const xStar = F.div(p.s, F.mul(F.mul(F.fromNumber(2), rho), p.tau));
          const dist = x.map((xi) => F.abs(F.sub(xi, xStar)));
          const sorted = [...dist].sort((p1, p2) => F.cmp(p1, p2));
          if (F.cmp(F.sub(sorted[1]!, sorted[0]!), F.fromString('1e-12')) < 0) continue; // at a switch instant
          const nearest = dist.findIndex((d) => F.cmp(d, sorted[0]!) === 0);
          const leader = argmax(F, p.beta);
          leaders.push(leader);
          compared++;
          if (leader !== nearest) mismatches++;
        }
        if (compared === 0) return { margin: '0', skip: true };
        return { margin: String(mismatches), detail: { compared, leaders } };
      },
      { claimInput: planarInput, draws: { full: 100, quick: 20 }, comparison: '<=' },
    );
  },
};

export const b5XStarAtZero: CheckDef = {
  claimId: 'B5',
  name: 'x-star-at-0',
  method: 'property',
  quantity: '|x*(1e-25) - N(0)/(2 rho)| / (N(0)/(2 rho)) with tau from the tau reduction',
  run(ctx) {
    const F = ctx.field(ctx.precision);
    return propertyOutcome(
      ctx,
      balancedStarts(0.1),
      (c) => {
        const st = planarFieldStart(F, c);
        const { x, rho, u0, v0 } = st;
        const s = F.fromString('1e-25');
        const r = l2Flow(F, st, [s], { method: 'tau' });
        const p = r.points[0]!;
        if (p.tau === null) return { margin: '0', skip: true };
        const xStar = F.div(s, F.mul(F.mul(F.fromNumber(2), rho), p.tau));
        const want = F.div(l2N(F, x, u0, v0), F.mul(F.fromNumber(2), rho));
        return { margin: F.toString(F.div(F.abs(F.sub(xStar, want)), want), 6) };
      },
      { claimInput: planarInput, draws: { full: 100, quick: 20 }, comparison: '<=' },
    );
  },
};
