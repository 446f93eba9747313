/**
 * B13: at depth 3 with unequal (per-coordinate balanced) starts, the coordinate with the
 * first predicted blow-up s_i* (GD: 1/((L−2) x_i a_i^{L−2}); ℓ∞-SAM: 1/((L−2) x_i (a_i−ρ)^{L−2}),
 * a_i > ρ) wins on discrete runs, whether or not it has the largest x_i.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { simulate } from '../../src/optim/simulate.ts';
import type { AlgoName } from '../../src/optim/algorithms.ts';
import { argmax } from '../../src/verify/direction.ts';
import { hundredths } from '../arbitraries.ts';

export const b13FirstBlowupWins: CheckDef = {
  claimId: 'B13',
  name: 'first-blowup-wins',
  method: 'property',
  quantity: 'runs (depth 3, 1500 steps, eta 0.05) whose final leader is not argmin_i s_i*',
  run(ctx) {
    const tol = ctx.tolerance;
    const L = 3;
    const arb = fc.record({
      x: fc.array(hundredths(0.3, 2), { minLength: 2, maxLength: 2 }),
      a: fc.array(hundredths(0.2, 1.2), { minLength: 2, maxLength: 2 }),
      algo: fc.constantFrom<AlgoName>('gd', 'sam-linf'),
      rho: hundredths(0.02, 0.15),
    });
    return propertyOutcome(ctx, arb, (c) => {
      const F = ctx.field(Math.min(ctx.precision, 30));
      const f = (s: string) => F.fromString(s);
      const x = c.x.map(f);
      const rho = c.algo === 'gd' ? F.zero : f(c.rho);
      const gap = c.a.map((a) => F.sub(f(a), rho));
      if (gap.some((g) => F.sign(g) <= 0)) return { margin: '0', skip: true }; // l_inf: a_i > rho needed to escape
      const sStar = gap.map((g, i) => F.div(F.one, F.mul(F.fromNumber(L - 2), F.mul(x[i]!, F.powInt(g, L - 2)))));
      const ratio = F.div(F.max(sStar[0]!, sStar[1]!), F.min(sStar[0]!, sStar[1]!));
      if (F.cmp(ratio, f('1.3')) < 0 || F.cmp(F.min(sStar[0]!, sStar[1]!), f('8')) > 0) return { margin: '0', skip: true }; // near-ties or very late blow-ups excluded
      const first = F.cmp(sStar[0]!, sStar[1]!) < 0 ? 0 : 1;
      const r = simulate(F, { algo: c.algo, loss: 'logistic', eta: f('0.05'), rho, steps: 1500, data: { X: [x], Y: [1] }, W0: [0, 1, 2].map(() => c.a.map(f)) });
      const leader = argmax(F, r.beta.map((b) => F.abs(b)));
      return { margin: leader === first ? '0' : '1', detail: { s_star: sStar.map((s) => F.toString(s, 8)), first, leader, largest_x: argmax(F, x) } };
    }, { claimInput: (c) => ({ depth: 3, n: 1, x: c.x }), numRuns: ctx.quick ? 6 : 16, tolerance: tol, comparison: '<=' });
  },
};
