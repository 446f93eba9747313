/**
 * B12 and P1 (one example): at depth 1 every algorithm moves along x: w_t = w_0 + c_t x with
 * c_t increasing. Shared measurement for the two claims.
 */
import fc from 'fast-check';
import type { CheckContext, CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { simulate } from '../../src/optim/simulate.ts';
import type { AlgoName } from '../../src/optim/algorithms.ts';
import { anyAlgo, hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

interface LineMeasure {
  /** max over t of the normalized 2x2 minors of (w_t − w_0, x) */
  minor: string;
  /** number of steps with c_{t+1} <= c_t */
  nonIncreasing: number;
}

function measureLine(ctx: CheckContext, c: { x: string[]; w0: string[]; eta: string; rho: string; algo: AlgoName; steps: number }): LineMeasure {
  const F = ctx.field(ctx.precision);
  const x = c.x.map((s) => F.fromString(s));
  const w0 = c.w0.map((s) => F.fromString(s));
  const steps = c.steps;
  const r = simulate(
    F,
    { algo: c.algo, loss: 'logistic', eta: F.fromString(c.eta), rho: F.fromString(c.rho), steps, data: { X: [x], Y: [1] }, W0: [w0] },
    { checkpoints: [...Array(steps + 1).keys()] },
  );
  let xx = F.zero;
  for (const xi of x) xx = F.add(xx, F.mul(xi, xi));
  let worst = F.zero;
  let prev: ReturnType<typeof F.fromNumber> | null = null;
  let nonInc = 0;
  for (const cp of r.trajectory) {
    const delta = cp.W[0]!.map((w, i) => F.sub(w, w0[i]!));
    let dn = F.zero;
    for (const di of delta) dn = F.add(dn, F.mul(di, di));
    const ct = F.div(
      delta.reduce((a, di, i) => F.add(a, F.mul(di, x[i]!)), F.zero),
      xx,
    );
    if (prev !== null && F.cmp(ct, prev) <= 0) nonInc++;
    prev = ct;
    if (F.isZero(dn)) continue;
    const scale = F.sqrt(F.mul(dn, xx));
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++) {
        worst = F.max(worst, F.div(F.abs(F.sub(F.mul(delta[i]!, x[j]!), F.mul(delta[j]!, x[i]!))), scale));
      }
  }
  return { minor: F.toString(worst, 6), nonIncreasing: nonInc };
}

const lineArb = fc.record({
  d: fc.integer({ min: 2, max: 4 }),
  x: fc.array(hundredths(-2, 2), { minLength: 4, maxLength: 4 }),
  w0: fc.array(hundredths(-1, 1), { minLength: 4, maxLength: 4 }),
  eta: hundredths(0.05, 1),
  rho: hundredths(0, 1),
  algo: anyAlgo,
});

/** The example x and the one-layer start w0 of a draw, cut to d coordinates. */
const cut = (c: { d: number; x: string[]; w0: string[] }) => ({ x: c.x.slice(0, c.d), w0: c.w0.slice(0, c.d) });

function lineProperty(ctx: CheckContext, which: 'minor' | 'increasing'): Promise<Outcome> {
  const steps = ctx.quick ? 30 : 60;
  return propertyOutcome(
    ctx,
    lineArb,
    (c) => {
      const { x, w0 } = cut(c);
      if (x.every((s) => Number(s) === 0)) return { margin: '0', skip: true };
      const m = measureLine(ctx, { x, w0, eta: c.eta, rho: c.rho, algo: c.algo, steps });
      return { margin: which === 'minor' ? m.minor : String(m.nonIncreasing), detail: { steps } };
    },
    { claimInput: (c) => runInput({ X: [cut(c).x], W0: [cut(c).w0] }), draws: { full: 100, quick: 20 }, comparison: '<=' },
  );
}

export const b12Parallel: CheckDef = {
  claimId: 'B12',
  name: 'parallel',
  method: 'property',
  quantity: 'max_t max_{i<j} |(w_t - w_0)_i x_j - (w_t - w_0)_j x_i| / (|w_t - w_0| |x|)',
  run: (ctx) => lineProperty(ctx, 'minor'),
};

export const b12Increasing: CheckDef = {
  claimId: 'B12',
  name: 'increasing',
  method: 'property',
  quantity: 'number of steps with c_{t+1} <= c_t, c_t = <w_t - w_0, x>/|x|^2',
  run: (ctx) => lineProperty(ctx, 'increasing'),
};

export const p1OneExample: CheckDef = {
  claimId: 'P1',
  name: 'one-example',
  method: 'property',
  quantity: 'max_t normalized 2x2 minor of (w_t - w_0, x) (one example: direction -> x/|x|, the l2 max-margin)',
  run: (ctx) => lineProperty(ctx, 'minor'),
};
