/**
 * B3: the scalar τ reduction of ℓ2-SAM reproduces the integrated 2d-dimensional flow.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { stateDistance } from '../../src/verify/direction.ts';
import { l2SamStart, planarFieldStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const FLOW_PRECISION = 30;

export const b3TauVsFull: CheckDef = {
  claimId: 'B3',
  name: 'tau-vs-full',
  method: 'property',
  quantity: 'max over s in {0.25, 0.5, 1} of |(u,v)_tau - (u,v)_full| / max(1, |(u,v)_full|), before collapse',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, FLOW_PRECISION) + 5);
    const rtol = F.fromString('1e-24');
    return propertyOutcome(
      ctx,
      l2SamStart,
      (c) => {
        const st = planarFieldStart(F, c);
        const targets = ['0.25', '0.5', '1'].map((s) => F.fromString(s));
        const a = l2Flow(F, st, targets, { method: 'tau', rtol });
        const b = l2Flow(F, st, targets, { method: 'full', rtol });
        let worst = F.zero;
        let compared = 0;
        for (let k = 0; k < targets.length; k++) {
          const pa = a.points[k]!;
          const pb = b.points[k]!;
          if (pa.status === 'collapsed' || pb.status === 'collapsed') continue;
          compared++;
          worst = F.max(worst, stateDistance(F, [pa.u, pa.v], [pb.u, pb.v]));
        }
        if (compared === 0) return { margin: '0', skip: true };
        return {
          margin: F.toString(worst, 6),
          detail: { compared, collapse_s_tau: a.collapseS && F.toString(a.collapseS, 12), collapse_s_full: b.collapseS && F.toString(b.collapseS, 12) },
        };
      },
      {
        claimInput: planarInput,
        draws: { full: 100, quick: 20 },
        comparison: '<=',
        notes: ['both integrations at rtol 1e-24'],
      },
    );
  },
};
