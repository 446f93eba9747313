/**
 * B2 numeric: the exact one-step identity of discrete GD at depth 2, one example:
 * p_{t+1} q_{t+1} = p_t q_t (1 − η² g_t² x_i²), with g_t = g(z_t) at the current point.
 * (Derivation: u' = u + η g x v, v' = v + η g x u, so p' = p(1 + η g x), q' = q(1 − η g x).)
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step } from '../../src/optim/algorithms.ts';
import { beta, margins } from '../../src/model/diagonalNetwork.ts';
import { anyLoss, hundredths, planarFieldStart, planarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const b2DiscreteIdentity: CheckDef = {
  claimId: 'B2',
  name: 'discrete-identity',
  method: 'numeric',
  quantity: 'max_i |p_{t+1}q_{t+1} - p_t q_t (1 - eta^2 g^2 x_i^2)| / (|p_t q_t| + |p_{t+1} q_{t+1}|)',
  async run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = fc.record({
      start: planarStart({ d: [1, 3], x: hundredths(-2, 2), layer: hundredths(-2, 2) }),
      eta: hundredths(0.01, 0.5),
      loss: anyLoss,
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, u0: u, v0: v } = planarFieldStart(F, c.start);
        const eta = F.fromString(c.eta);
        const data = { X: [x], Y: [1 as const] };
        const loss = makeLoss(F, c.loss);
        const g = loss.g(margins(F, data, beta(F, [u, v]))[0]!);
        const r = step(F, loss, data, { algo: 'gd', eta, rho: F.zero }, [u, v]);
        let worst = F.zero;
        for (let i = 0; i < x.length; i++) {
          const pq = F.mul(F.add(u[i]!, v[i]!), F.sub(u[i]!, v[i]!));
          const pq1 = F.mul(F.add(r.W[0]![i]!, r.W[1]![i]!), F.sub(r.W[0]![i]!, r.W[1]![i]!));
          const egx = F.mul(F.mul(eta, g), x[i]!);
          const pred = F.mul(pq, F.sub(F.one, F.mul(egx, egx)));
          const scale = F.add(F.abs(pq), F.abs(pq1));
          if (F.isZero(scale)) continue;
          worst = F.max(worst, F.div(F.abs(F.sub(pq1, pred)), scale));
        }
        return { margin: F.toString(worst, 6) };
      },
      { claimInput: (c) => planarInput(c.start), draws: { full: 100, quick: 30 }, comparison: '<=' },
    );
  },
};
