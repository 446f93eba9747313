/**
 * Exact ℓ2 max-margin (hard-margin SVM without bias) for small datasets, in any Field.
 *
 * Main result:
 * - `l2MaxMargin(F, data)`: ŵ = argmin ‖w‖₂ s.t. y_k⟨w, x_k⟩ ≥ 1, or null when the data are
 *   not linearly separable (through the origin).
 *
 * Method: active-set enumeration of the KKT conditions. ŵ = Σ_{k∈S} λ_k y_k x_k with
 * y_k⟨ŵ, x_k⟩ = 1 on S, λ ≥ 0, and y_j⟨ŵ, x_j⟩ ≥ 1 off S. By Carathéodory an optimal S with
 * linearly independent rows exists, so enumerating the subsets whose Gram matrix is
 * non-singular finds it; the optimum is unique (strictly convex objective). Exponential in n:
 * meant for n ≤ 12.
 */
import { DomainError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';
import type { Dataset } from '../model/diagonalNetwork.ts';

export const MAX_MAX_MARGIN_EXAMPLES = 12;

/** Solve A x = b by Gaussian elimination with partial pivoting; null when (numerically) singular. */
export function solveLinear<T>(F: Field<T>, A: T[][], b: T[]): T[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  let scale = F.zero;
  for (const row of A) for (const a of row) scale = F.max(scale, F.abs(a));
  const tiny = F.mul(scale, F.fromString(`1e-${Math.max(5, F.precision - 8)}`));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) {
      // Stryker disable next-line EqualityOperator: `>=` takes the last of equally large pivots; any largest pivot is a valid partial pivot (results agree to the working precision)
      if (F.cmp(F.abs(M[r]![c]!), F.abs(M[piv]![c]!)) > 0) piv = r;
    }
    if (F.cmp(F.abs(M[piv]![c]!), tiny) <= 0) return null;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = F.div(M[r]![c]!, M[c]![c]!);
      // Stryker disable next-line ConditionalExpression: skipping a zero multiple is only a shortcut (subtracting 0 · row leaves the row unchanged)
      if (F.isZero(f)) continue;
      for (let k = c; k <= n; k++) M[r]![k] = F.sub(M[r]![k]!, F.mul(f, M[c]![k]!));
    }
  }
  return M.map((row, i) => F.div(row[n]!, row[i]!));
}

export interface MaxMarginResult<T> {
  readonly w: T[];
  /**
   * Indices of an active set S carrying ŵ = Σ_{k∈S} λ_k y_k x_k with λ ≥ 0 (support vectors). On
   * degenerate data several such sets exist (an example on the margin with multiplier 0); which one
   * is returned is unspecified: only ŵ is unique.
   */
  readonly support: number[];
  readonly lambda: T[];
}

export function l2MaxMargin<T>(F: Field<T>, data: Dataset<T>): MaxMarginResult<T> | null {
  const n = data.X.length;
  if (n > MAX_MAX_MARGIN_EXAMPLES) throw new DomainError(`l2MaxMargin: at most ${MAX_MAX_MARGIN_EXAMPLES} examples, got ${n}`);
  const d = data.X[0]!.length;
  const a = data.X.map((x, k) => x.map((v) => (data.Y[k] === 1 ? v : F.neg(v))));
  const dot = (p: readonly T[], q: readonly T[]) => p.reduce((acc, pi, i) => F.add(acc, F.mul(pi, q[i]!)), F.zero);
  const slack = F.fromString(`1e-${Math.max(5, F.precision - 10)}`);
  let best: MaxMarginResult<T> | null = null;
  let bestNorm: T | null = null;
  // Stryker disable next-line EqualityOperator: `<=` adds mask = 2^n, whose subset is empty: w = 0 violates every constraint and is rejected
  for (let mask = 1; mask < 1 << n; mask++) {
    const S = [...Array(n).keys()].filter((k) => mask & (1 << k));
    // Stryker disable next-line ConditionalExpression: more than d rows have a singular Gram matrix, which solveLinear rejects; the filter only saves that work
    if (S.length > d) continue;
    const G = S.map((i) => S.map((j) => dot(a[i]!, a[j]!)));
    const lam = solveLinear(
      F,
      G,
      S.map(() => F.one),
    );
    if (!lam) continue;
    // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator: weakening the λ ≥ 0 filter only admits feasible candidates of norm ≥ ‖ŵ‖ (ŵ, whose minimal support has λ > 0, is always a candidate), so the min-norm rule still returns ŵ
    if (lam.some((l) => F.sign(l) < 0)) continue;
    const w = Array.from({ length: d }, (_, j) => S.reduce((acc, k, idx) => F.add(acc, F.mul(lam[idx]!, a[k]![j]!)), F.zero));
    // Stryker disable next-line EqualityOperator: `<=` differs only when a margin equals 1 − slack exactly, never the optimum's (its margins are ≥ 1 up to rounding)
    if (a.some((ak) => F.cmp(dot(ak, w), F.sub(F.one, slack)) < 0)) continue;
    const nrm = dot(w, w);
    if (
      // Stryker disable next-line ConditionalExpression: keeping the last candidate instead is equivalent: every candidate that passed the λ ≥ 0 and feasibility filters is a KKT point, hence the unique optimum ŵ (support and λ are unspecified on degenerate data)
      bestNorm === null ||
      // Stryker disable next-line ConditionalExpression,EqualityOperator: as above (`<=`, `>=`, `false` keep another, equal ŵ)
      F.cmp(nrm, bestNorm) < 0
    ) {
      best = { w, support: S, lambda: lam };
      bestNorm = nrm;
    }
  }
  return best;
}
