/**
 * Depth-L diagonal linear network β(w) = w_1 ⊙ … ⊙ w_L and its empirical margin loss.
 *
 * Main definitions:
 * - `beta`, `margins`, `lossValue`: β(w), z_k = y_k⟨β, x_k⟩, 𝓛(w) = (1/n)Σ_k ℓ(z_k).
 * - `gradient`: the exact ∇𝓛 with respect to every layer,
 *   ∂𝓛/∂w_l[j] = −(1/n) Σ_k g(z_k) y_k x_kj Π_{m≠l} w_m[j]
 *   (products over the other layers by prefix/suffix products: no division, exact at zeros).
 */
import type { Field } from '../numeric/Field.ts';
import type { Loss } from '../numeric/loss.ts';

/** n examples in R^d with labels ±1. */
export interface Dataset<T> {
  readonly X: readonly (readonly T[])[];
  readonly Y: readonly (1 | -1)[];
}

/** L layers, each a vector in R^d. */
export type Weights<T> = T[][];

export function depth<T>(W: Weights<T>): number {
  return W.length;
}

export function beta<T>(F: Field<T>, W: Weights<T>): T[] {
  const d = W[0]!.length;
  // Stryker disable next-line ArrayDeclaration: every index 0..d−1 is assigned below before the array is read, so a pre-sized and an empty array end up identical
  const b: T[] = new Array(d);
  for (let j = 0; j < d; j++) {
    let p: T = W[0]![j]!;
    for (let l = 1; l < W.length; l++) p = F.mul(p, W[l]![j]!);
    b[j] = p;
  }
  return b;
}

export function margins<T>(F: Field<T>, data: Dataset<T>, b: readonly T[]): T[] {
  return data.X.map((x, k) => {
    let z = F.zero;
    for (let j = 0; j < b.length; j++) z = F.add(z, F.mul(b[j]!, x[j]!));
    return data.Y[k] === 1 ? z : F.neg(z);
  });
}

export function lossValue<T>(F: Field<T>, loss: Loss<T>, data: Dataset<T>, W: Weights<T>): T {
  const z = margins(F, data, beta(F, W));
  let acc = F.zero;
  for (const zk of z) acc = F.add(acc, loss.value(zk));
  return F.div(acc, F.fromNumber(z.length));
}

export interface GradientResult<T> {
  readonly grad: Weights<T>;
  /** Margins z_k at W. */
  readonly z: T[];
  /** g(z_k). */
  readonly gz: T[];
}

export function gradient<T>(F: Field<T>, loss: Loss<T>, data: Dataset<T>, W: Weights<T>): GradientResult<T> {
  const L = W.length;
  const d = W[0]!.length;
  const n = data.X.length;
  const z = margins(F, data, beta(F, W));
  const gz = z.map((zk) => loss.g(zk));
  const nT = F.fromNumber(n);
  // c_j = −(1/n) Σ_k g(z_k) y_k x_kj  (= ∂𝓛/∂β_j)
  // Stryker disable next-line ArrayDeclaration: every index 0..d−1 is assigned below before the array is read, so a pre-sized and an empty array end up identical
  const c: T[] = new Array(d);
  for (let j = 0; j < d; j++) {
    let acc = F.zero;
    for (let k = 0; k < n; k++) {
      const t = F.mul(gz[k]!, data.X[k]![j]!);
      acc = data.Y[k] === 1 ? F.add(acc, t) : F.sub(acc, t);
    }
    c[j] = F.neg(F.div(acc, nT));
  }
  // Stryker disable next-line ArrayDeclaration: every index 0..d−1 is assigned below before the array is read, so a pre-sized and an empty array end up identical
  const grad: Weights<T> = Array.from({ length: L }, () => new Array<T>(d));
  for (let j = 0; j < d; j++) {
    // prefix[l] = Π_{m<l} w_m[j], suffix[l] = Π_{m>l} w_m[j]
    // Stryker disable next-line ArrayDeclaration: every index 0..L−1 is assigned below before the array is read, so a pre-sized and an empty array end up identical
    const prefix: T[] = new Array(L);
    // Stryker disable next-line ArrayDeclaration: every index 0..L−1 is assigned below before the array is read, so a pre-sized and an empty array end up identical
    const suffix: T[] = new Array(L);
    prefix[0] = F.one;
    for (let l = 1; l < L; l++) prefix[l] = F.mul(prefix[l - 1]!, W[l - 1]![j]!);
    suffix[L - 1] = F.one;
    for (let l = L - 2; l >= 0; l--) suffix[l] = F.mul(suffix[l + 1]!, W[l + 1]![j]!);
    for (let l = 0; l < L; l++) grad[l]![j] = F.mul(c[j]!, F.mul(prefix[l]!, suffix[l]!));
  }
  return { grad, z, gz };
}
