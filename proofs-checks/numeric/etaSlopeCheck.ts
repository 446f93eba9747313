/**
 * B11: discrete runs approach the rescaled flow at matched clock s with error O(η): the
 * least-squares slope of log(error) against log(η), η ∈ {0.1, 0.05, 0.025, 0.0125}, is ≈ 1
 * (src/analysis/etaSlope.ts), for GD and ℓ2-SAM from a fixed start, compared at s = 0.5.
 */
import type { CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import { verdict, maxDecimal } from '../../src/verify/judge.ts';
import { etaSlopeFromStart } from '../../src/analysis/etaSlope.ts';

export const B11_START = { x: ['0.5', '1', '2'], u0: ['0.3', '0.2', '0.1'], v0: ['0.3', '0.1', '0.1'], rho: '0.1', s: '0.5' };

export const b11EtaSlope: CheckDef = {
  claimId: 'B11',
  name: 'eta-slope',
  method: 'numeric',
  quantity: 'max over {GD, l2-SAM} of |slope - 1|, slope of log err vs log eta at s = 0.5',
  run(ctx): Outcome {
    const tol = ctx.tolerance;
    const F = ctx.field(Math.min(ctx.precision, 30));
    const margins: string[] = [];
    const runs: unknown[] = [];
    for (const algo of ['gd', 'sam-l2'] as const) {
      const r = etaSlopeFromStart(F, algo, B11_START);
      margins.push(F.toString(F.abs(F.sub(r.slope, F.one)), 6));
      runs.push({
        algo,
        slope: F.toString(r.slope, 6),
        points: r.points.map((p) => ({ eta: F.toString(p.eta, 6), steps: p.steps, s: F.toString(p.s, 8), err: F.toString(p.err, 6) })),
      });
    }
    return verdict(maxDecimal(margins), tol, '<=', { inputs: { start: B11_START, runs } });
  },
};
