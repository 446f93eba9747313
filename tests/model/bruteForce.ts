/**
 * Test-only brute-force helpers for the diagonal network (random problems, central differences,
 * the loss with the product over layers written out), shared by tests/model and tests/optim.
 *
 * Main definitions: `problemArb`, `Problem`, `load`, `fdGradient`, `bruteLoss`.
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss, type LossName } from '../../src/numeric/loss.ts';
import type { Dataset, Weights } from '../../src/model/diagonalNetwork.ts';

/** A random problem: L layers, d coordinates, n examples, entries k/1000 in [−2, 2]. */
export const problemArb = fc
  .record({ L: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ L, d, n }) =>
    fc.record({
      W: fc.array(fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: d, maxLength: d }), { minLength: L, maxLength: L }),
      X: fc.array(fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      Y: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: n, maxLength: n }),
      loss: fc.constantFrom<LossName>('logistic', 'exponential'),
    }),
  )
  .map(({ W, X, Y, loss }) => ({
    W: W.map((r) => r.map((k) => (k / 1000).toString())),
    X: X.map((r) => r.map((k) => (k / 1000).toString())),
    Y,
    loss,
  }));

export type Problem = { W: string[][]; X: string[][]; Y: (1 | -1)[]; loss: LossName };

export function load<T>(F: Field<T>, p: Problem): { W: Weights<T>; data: Dataset<T> } {
  return { W: p.W.map((r) => r.map((s) => F.fromString(s))), data: { X: p.X.map((r) => r.map((s) => F.fromString(s))), Y: p.Y } };
}

/** Central-difference gradient of the engine-independent loss evaluation `lossAt`. */
export function fdGradient<T>(F: Field<T>, lossAt: (W: Weights<T>) => T, W: Weights<T>, h: T): Weights<T> {
  return W.map((row, l) =>
    row.map((_, j) => {
      const plus = W.map((r) => r.slice());
      const minus = W.map((r) => r.slice());
      plus[l]![j] = F.add(W[l]![j]!, h);
      minus[l]![j] = F.sub(W[l]![j]!, h);
      return F.div(F.sub(lossAt(plus), lossAt(minus)), F.add(h, h));
    }),
  );
}

/** Loss by brute force: the product over layers and the margin written out here, ℓ from makeLoss. */
export function bruteLoss<T>(F: Field<T>, name: LossName, data: Dataset<T>, W: Weights<T>): T {
  const loss = makeLoss(F, name);
  let acc = F.zero;
  data.X.forEach((x, k) => {
    let z = F.zero;
    x.forEach((xj, j) => {
      let p = xj;
      for (const row of W) p = F.mul(p, row[j]!);
      z = F.add(z, p);
    });
    acc = F.add(acc, loss.value(data.Y[k] === 1 ? z : F.neg(z)));
  });
  return F.div(acc, F.fromNumber(data.X.length));
}
