/**
 * B5 witness: x*(s) need not be monotone, and neither is the lead. At x = (0.5, 1, 2),
 * α = 0.5, ρ = 1 the ℓ2-SAM leader (argmax β_i on the τ reduction, a grid of s) goes
 * 1 → 0 → 1 → 2: it steps DOWN once. The switch times located by `leaders` (x*(s) events) are
 * attached to the finding.
 */
import type { CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import { verdict } from '../../src/verify/judge.ts';
import { leaders, balancedStart } from '../../src/analysis/leaders.ts';
import { LEADER_PRECISION, leaderSequence, sGrid } from '../property/sequentialAmplification.ts';

export const NON_MONOTONE_START = { x: ['0.5', '1', '2'], alpha: '0.5', rho: '1' } as const;

export const b5NonMonotoneWitness: CheckDef = {
  claimId: 'B5',
  name: 'nonmonotone-witness',
  method: 'witness',
  quantity: 'leader step-downs (to a smaller x_i) along s for x = (0.5, 1, 2), alpha = 0.5, rho = 1',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const F = ctx.field(LEADER_PRECISION);
    const x = NON_MONOTONE_START.x.map((s) => F.fromString(s));
    const seq = leaderSequence(F, x, F.fromString(NON_MONOTONE_START.alpha), F.fromString(NON_MONOTONE_START.rho), sGrid(60, 60));
    if (seq === null) return { status: 'fail', margin: '0', tolerance: tol, comparison: '>=', reason: 'the witness start collapsed' };
    const compact = seq.filter((e, k) => k === 0 || e.leader !== seq[k - 1]!.leader);
    const downs = compact.filter((e, k) => k > 0 && F.cmp(x[e.leader]!, x[compact[k - 1]!.leader]!) < 0).length;
    const G = ctx.field(30);
    const lr = leaders(
      G,
      balancedStart(
        G,
        NON_MONOTONE_START.x.map((s) => G.fromString(s)),
        G.fromString(NON_MONOTONE_START.rho),
        G.fromString(NON_MONOTONE_START.alpha),
      ),
    );
    const switches = lr.switches.map((w) => ({ s: G.toString(w.s, 15), from: w.from, to: w.leader }));
    return verdict(String(downs), tol, '>=', {
      inputs: {
        start: NON_MONOTONE_START,
        grid_leaders: compact,
        located_switches: switches,
        x_star_turning_points: lr.xStarTurningPoints.map((p) => ({ s: G.toString(p.s, 12), x_star: G.toString(p.xStar, 12) })),
      },
      findings:
        downs > 0
          ? [
              {
                id: 'non-monotone-leader',
                summary: `l2-SAM lead is not monotone: x = (0.5, 1, 2), alpha = 0.5, rho = 1 gives leaders ${[lr.initialLeader, ...lr.switches.map((w) => w.leader)].map((i) => `x_${i + 1}`).join(' -> ')} (0-based indices ${[lr.initialLeader, ...lr.switches.map((w) => w.leader)].join(' -> ')}) with switches at s = ${switches.map((w) => w.s).join(', ')}`,
                data: { ...NON_MONOTONE_START, switches, reproduce: 'samcheck explore leaders --x 0.5,1,2 --alpha 0.5 --rho 1 --json' },
              },
            ]
          : [],
    });
  },
};
