/**
 * Direction measures computed without cancellation, in any Field.
 *
 * - `oneMinusCos(a, b)` = ‖â − b̂‖²/2 (equal to 1 − cos ∠(a, b), exact formula, no cancellation).
 * - `sinAngle(a, b)` = ‖a − (⟨a, b̂⟩) b̂‖/‖a‖.
 * - `basisVector`, `norm2`, `dot`.
 */
import type { Field } from '../numeric/Field.ts';
import { DomainError } from '../numeric/errors.ts';

export function dot<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  let acc = F.zero;
  for (let i = 0; i < a.length; i++) acc = F.add(acc, F.mul(a[i]!, b[i]!));
  return acc;
}

export function norm2<T>(F: Field<T>, a: readonly T[]): T {
  return F.sqrt(dot(F, a, a));
}

export function normalize<T>(F: Field<T>, a: readonly T[]): T[] {
  const n = norm2(F, a);
  if (F.isZero(n)) throw new DomainError('cannot normalize the zero vector');
  return a.map((x) => F.div(x, n));
}

export function oneMinusCos<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  const A = normalize(F, a);
  const B = normalize(F, b);
  let acc = F.zero;
  for (let i = 0; i < A.length; i++) {
    const d = F.sub(A[i]!, B[i]!);
    acc = F.add(acc, F.mul(d, d));
  }
  return F.div(acc, F.fromNumber(2));
}

/** ‖P⊥ a‖ where P⊥ projects orthogonally to b. */
export function orthogonalNorm<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  const B = normalize(F, b);
  const c = dot(F, a, B);
  return norm2(
    F,
    a.map((x, i) => F.sub(x, F.mul(c, B[i]!))),
  );
}

export function sinAngle<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  return F.div(orthogonalNorm(F, a, b), norm2(F, a));
}

export function basisVector<T>(F: Field<T>, d: number, k: number, sign: 1 | -1 = 1): T[] {
  return Array.from({ length: d }, (_, i) => (i === k ? (sign === 1 ? F.one : F.neg(F.one)) : F.zero));
}

/** Index of the largest entry (ties: first). */
export function argmax<T>(F: Field<T>, a: readonly T[]): number {
  let k = 0;
  for (let i = 1; i < a.length; i++) if (F.cmp(a[i]!, a[k]!) > 0) k = i;
  return k;
}

/**
 * Normwise relative distance of two states (lists of vectors):
 * max_i |a_i − b_i| / max(1, max_i |b_i|), with `scale` applied to `a` first (default 1).
 */
export function stateDistance<T>(F: Field<T>, a: readonly (readonly T[])[], b: readonly (readonly T[])[], scale?: T): T {
  let nrm = F.one;
  for (const row of b) for (const w of row) nrm = F.max(nrm, F.abs(w));
  let worst = F.zero;
  a.forEach((row, l) =>
    row.forEach((w, i) => {
      const aw = scale === undefined ? w : F.mul(scale, w);
      worst = F.max(worst, F.abs(F.sub(aw, b[l]![i]!)));
    }),
  );
  return F.div(worst, nrm);
}
