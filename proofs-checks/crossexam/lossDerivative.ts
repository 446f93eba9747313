/**
 * B1 cross-examination of the engine's foundations, each against a path written here from the
 * definitions (no src/ code beyond Field arithmetic):
 * - 'loss-derivative': g(z) = −ℓ'(z) of src/numeric/loss.ts against the central difference of the
 *   loss written out here (logistic log(1 + e^{−z}), exponential e^{−z}), and ℓ itself against it.
 * - 'gradient-fd': the exact model gradient of src/model/diagonalNetwork.ts (n ≥ 2 examples, depth
 *   1–4, unequal layers) against central differences of the empirical loss (1/n)Σ_k ℓ(y_k⟨β, x_k⟩),
 *   β = w_1 ⊙ … ⊙ w_L, written out here; the engine's loss value against the same formula.
 * Precision 40, difference step δ = 10^-13: truncation error ≤ δ²·max|ℓ'''|/6 ≈ 10^-26·scale and
 * rounding error ≈ 10^-40/δ = 10^-27·scale, so the fixed tolerance 10^-20 (relative to
 * max(1, |g|) or max(1, ‖∇𝓛‖_∞)) leaves six digits of room; a wrong constant, a sum for a mean or a
 * wrong layer product is off by O(1).
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { makeLoss, type LossName } from '../../src/numeric/loss.ts';
import { gradient, lossValue } from '../../src/model/diagonalNetwork.ts';
import { anyLoss, hundredths } from '../arbitraries.ts';

export const FD_PRECISION = 40;
const FD_STEP = '1e-13';

/** ℓ written from its definition (moderate |z| only: |z| ≤ 60 here). */
export function lossByDefinition<T>(F: Field<T>, name: LossName, z: T): T {
  return name === 'exponential' ? F.exp(F.neg(z)) : F.log(F.add(F.one, F.exp(F.neg(z))));
}

/** |g(z) + dℓ/dz| / max(1, |g|) and |ℓ_src(z) − ℓ(z)| / max(1, |ℓ|). */
export function lossDerivativeError<T>(F: Field<T>, name: LossName, z: T): T {
  const loss = makeLoss(F, name);
  const d = F.fromString(FD_STEP);
  const fd = F.div(F.sub(lossByDefinition(F, name, F.add(z, d)), lossByDefinition(F, name, F.sub(z, d))), F.mul(F.fromNumber(2), d));
  const g = loss.g(z);
  const e1 = F.div(F.abs(F.add(g, fd)), F.max(F.one, F.abs(g)));
  const l = lossByDefinition(F, name, z);
  const e2 = F.div(F.abs(F.sub(loss.value(z), l)), F.max(F.one, F.abs(l)));
  return F.max(e1, e2);
}

export interface GradientCase {
  readonly L: number;
  readonly X: string[][];
  readonly Y: (1 | -1)[];
  readonly W: string[][];
  readonly loss: LossName;
}

/** Empirical loss written out: (1/n) Σ_k ℓ(y_k Σ_j x_kj Π_l w_l[j]). */
function empiricalLoss<T>(F: Field<T>, name: LossName, X: T[][], Y: (1 | -1)[], W: T[][]): T {
  let acc = F.zero;
  for (let k = 0; k < X.length; k++) {
    let z = F.zero;
    for (let j = 0; j < X[k]!.length; j++) {
      let prod: T = X[k]![j]!;
      for (const layer of W) prod = F.mul(prod, layer[j]!);
      z = F.add(z, prod);
    }
    acc = F.add(acc, lossByDefinition(F, name, Y[k] === 1 ? z : F.neg(z)));
  }
  return F.div(acc, F.fromNumber(X.length));
}

/** max over parameters of |∂𝓛/∂w (engine) − central difference| / max(1, ‖∇𝓛‖_∞), and the loss value error. */
export function gradientFdError<T>(F: Field<T>, c: GradientCase): T {
  const X = c.X.map((r) => r.map((s) => F.fromString(s)));
  const W = c.W.map((r) => r.map((s) => F.fromString(s)));
  const loss = makeLoss(F, c.loss);
  const g = gradient(F, loss, { X, Y: c.Y }, W).grad;
  const d = F.fromString(FD_STEP);
  let gmax = F.zero;
  for (const row of g) for (const v of row) gmax = F.max(gmax, F.abs(v));
  let err = F.zero;
  for (let l = 0; l < W.length; l++) {
    for (let j = 0; j < W[l]!.length; j++) {
      const at = (delta: T) => {
        const Wd = W.map((r) => r.slice());
        Wd[l]![j] = F.add(Wd[l]![j]!, delta);
        return empiricalLoss(F, c.loss, X, c.Y, Wd);
      };
      const fd = F.div(F.sub(at(d), at(F.neg(d))), F.mul(F.fromNumber(2), d));
      err = F.max(err, F.abs(F.sub(g[l]![j]!, fd)));
    }
  }
  err = F.div(err, F.max(F.one, gmax));
  const lv = empiricalLoss(F, c.loss, X, c.Y, W);
  return F.max(err, F.div(F.abs(F.sub(lossValue(F, loss, { X, Y: c.Y }, W), lv)), F.max(F.one, lv)));
}

export const b1LossDerivative: CheckDef = {
  claimId: 'B1',
  name: 'loss-derivative',
  method: 'property',
  quantity:
    'max(|g(z) + dl/dz| / max(1, |g|), |l_engine(z) - l(z)| / max(1, l)), central difference (step 1e-13, precision 40) of the loss written from its definition',
  run(ctx) {
    const F = ctx.field(FD_PRECISION);
    const arb = fc.record({ z: hundredths(-40, 40), loss: anyLoss });
    return propertyOutcome(ctx, arb, (c) => ({ margin: F.toString(lossDerivativeError(F, c.loss, F.fromString(c.z)), 6) }), {
      numRuns: ctx.quick ? 40 : 200,
      comparison: '<=',
      notes: ['independent path: the loss written from its definition, differentiated numerically', "tests the loss the B1 rescaling divides by (g = -l')"],
    });
  },
};

export const gradientCase: fc.Arbitrary<GradientCase> = fc
  .record({
    L: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 2, max: 3 }),
    d: fc.integer({ min: 1, max: 3 }),
    vals: fc.array(hundredths(-1.5, 1.5), { minLength: 24, maxLength: 24 }),
    ys: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 3, maxLength: 3 }),
    loss: anyLoss,
  })
  .map(({ L, n, d, vals, ys, loss }) => {
    let k = 0;
    const next = () => vals[k++ % vals.length]!;
    const X = Array.from({ length: n }, () => Array.from({ length: d }, next));
    const W = Array.from({ length: L }, () => Array.from({ length: d }, next));
    return { L, X, Y: ys.slice(0, n), W, loss };
  });

export const b1GradientFd: CheckDef = {
  claimId: 'B1',
  name: 'gradient-fd',
  method: 'property',
  quantity:
    'max |dL/dw_l[j] (engine) - central difference of (1/n) sum_k l(y_k <w_1 * ... * w_L, x_k>)| / max(1, |grad|_inf), n in {2, 3}, L in 1..4 (unequal layers), and the engine loss value error',
  run(ctx) {
    const F = ctx.field(FD_PRECISION);
    return propertyOutcome(ctx, gradientCase, (c) => ({ margin: F.toString(gradientFdError(F, c), 6), detail: { L: c.L, n: c.X.length } }), {
      numRuns: ctx.quick ? 12 : 60,
      comparison: '<=',
      notes: [
        'independent path: the empirical loss written from its definition, differentiated numerically (n >= 2, unequal layers)',
        'deliberately wider than the claim (depth 2, one example): this cross-examines the engine gradient every B1 check relies on',
      ],
    });
  },
};
