/**
 * P6 (mechanism) numeric: at coordinate-balanced states (u_i = v_i > 0, x > 0) the engine's
 * ℓ2-SAM velocity gives d log β_i/ds = u_i'/u_i + v_i'/v_i = 2 x_i (1 − ρ x_i/N): the 1/N
 * normalization penalises large x_i while N is small. The fastest-growing coordinate is the
 * x_i nearest N/(2ρ) (vertex of the parabola 2x − 2ρx²/N).
 */
import fc from 'fast-check';
import type { CheckDef, CheckContext } from '../../src/verify/CheckDef.ts';
import { propertyOutcome, type CaseResult } from '../../src/verify/propertyCheck.ts';
import { rescaledVelocity } from '../../src/model/rescaledVelocity.ts';
import { argmax } from '../../src/verify/direction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

const arb = fc.record({
  x: distinctMagnitudes(3, { lo: 0.2, hi: 3, gap: 0.1 }),
  a: fc.array(hundredths(0.01, 3), { minLength: 3, maxLength: 3 }),
  rho: hundredths(0.05, 2),
});

/** The state whose growth rates are measured: one example x, u = v = a (entrywise). */
function stateOf(c: { x: string[]; a: string[]; rho: string }) {
  return { X: [c.x], W0: [c.a, c.a], rho: c.rho };
}

function measure(ctx: CheckContext, c: { x: string[]; a: string[]; rho: string }): { rel: string; mismatch: number; skip: boolean } {
  const F = ctx.field(ctx.precision);
  const run = stateOf(c);
  const x = run.X[0]!.map((s) => F.fromString(s));
  const a = c.a.map((s) => F.fromString(s));
  const rho = F.fromString(c.rho);
  const vel = rescaledVelocity(
    F,
    'sam-l2',
    'logistic',
    { X: run.X.map((r) => r.map((s) => F.fromString(s))), Y: [1] },
    run.W0.map((r) => r.map((s) => F.fromString(s))),
    rho,
  );
  let N2 = F.zero;
  for (let i = 0; i < 3; i++) N2 = F.add(N2, F.mul(F.mul(x[i]!, x[i]!), F.mul(F.fromNumber(2), F.mul(a[i]!, a[i]!))));
  const N = F.sqrt(N2);
  const rates = x.map((_, i) => F.add(F.div(vel[0]![i]!, a[i]!), F.div(vel[1]![i]!, a[i]!)));
  let rel = F.zero;
  x.forEach((xi, i) => {
    const pred = F.mul(F.mul(F.fromNumber(2), xi), F.sub(F.one, F.div(F.mul(rho, xi), N)));
    rel = F.max(rel, F.div(F.abs(F.sub(rates[i]!, pred)), F.add(F.abs(pred), F.mul(F.fromNumber(2), xi))));
  });
  const target = F.div(N, F.mul(F.fromNumber(2), rho));
  const dist = x.map((xi) => F.abs(F.sub(xi, target)));
  const sorted = [...dist].sort((p, q) => F.cmp(p, q));
  // skip near-ties of the nearest coordinate (the argmax is then decided by rounding)
  const skip = F.cmp(F.sub(sorted[1]!, sorted[0]!), F.fromString('1e-6')) < 0;
  const nearest = dist.findIndex((d) => F.cmp(d, sorted[0]!) === 0);
  return { rel: F.toString(rel, 6), mismatch: argmax(F, rates) === nearest ? 0 : 1, skip };
}

export const p6GrowthRate: CheckDef = {
  claimId: 'P6',
  name: 'growth-rate',
  method: 'numeric',
  quantity: 'max_i |engine d log beta_i/ds - 2x_i(1 - rho x_i/N)| / (|2x_i(1 - rho x_i/N)| + 2x_i)',
  run(ctx) {
    return propertyOutcome(ctx, arb, (c): CaseResult => ({ margin: measure(ctx, c).rel }), {
      claimInput: (c) => runInput(stateOf(c)),
      draws: { full: 150, quick: 40 },
      comparison: '<=',
    });
  },
};

export const p6FastestIsNearest: CheckDef = {
  claimId: 'P6',
  name: 'fastest-is-nearest',
  method: 'property',
  quantity: 'mismatches between argmax_i d log beta_i/ds and the x_i nearest N/(2 rho)',
  run(ctx) {
    return propertyOutcome(
      ctx,
      arb,
      (c): CaseResult => {
        const m = measure(ctx, c);
        return m.skip ? { margin: '0', skip: true } : { margin: String(m.mismatch) };
      },
      { claimInput: (c) => runInput(stateOf(c)), draws: { full: 150, quick: 40 }, comparison: '<=' },
    );
  },
};
