/**
 * B4 scaling: (u, v, ρ) → (λu, λv, λρ) maps ℓ2-SAM trajectories onto trajectories at the same s
 * (N scales by λ, ρ/N is invariant), compared on the τ reduction.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { stateDistance } from '../../src/verify/direction.ts';
import { hundredths, l2SamStart, planarFieldStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const b4Scaling: CheckDef = {
  claimId: 'B4',
  name: 'scaling',
  method: 'property',
  quantity: 'at s = 0.5, |lambda (u,v)(s) - (u~,v~)(s)| / max(1, |(u~,v~)|), before collapse',
  run(ctx) {
    const F = ctx.field(36);
    const arb = fc.record({ start: l2SamStart, lambda: hundredths(0.1, 5) });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, rho, u0, v0 } = planarFieldStart(F, c.start);
        const lam = F.fromString(c.lambda);
        const targets = [F.fromString('0.5')];
        const rtol = F.fromString('1e-29');
        const a = l2Flow(F, { x, rho, u0, v0 }, targets, { method: 'tau', rtol });
        const b = l2Flow(F, { x, rho: F.mul(lam, rho), u0: u0.map((w) => F.mul(lam, w)), v0: v0.map((w) => F.mul(lam, w)) }, targets, { method: 'tau', rtol });
        let worst = F.zero;
        let compared = 0;
        a.points.forEach((pa, k) => {
          const pb = b.points[k]!;
          if (pa.status === 'collapsed' || pb.status === 'collapsed') return;
          compared++;
          worst = F.max(worst, stateDistance(F, [pa.u, pa.v], [pb.u, pb.v], lam));
        });
        if (compared === 0) return { margin: '0', skip: true };
        return { margin: F.toString(worst, 6), detail: { compared } };
      },
      {
        claimInput: (c) => planarInput(c.start),
        draws: { full: 100, quick: 20 },
        comparison: '<=',
        notes: ['tau reduction at 36 digits, rtol 1e-29'],
      },
    );
  },
};
