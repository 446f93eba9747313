/**
 * One Gragg–Bulirsch–Stoer step: the modified midpoint rule with n_j = 2j substeps for
 * j = 1..upTo, Aitken–Neville extrapolation in h² across the columns, and the embedded error
 * estimate T_{j,j} − T_{j,j−1} scaled by atol + rtol·max(|y|, |y⁺|).
 *
 * Main definitions:
 * - `Tableau`: the extrapolated value, its error, the columns used, and the controller's ideal
 *   step per column.
 * - `gbsStep(F, f, tol, stepFactor, s, y, f0, h, upTo, accFrom)`: accepts at the first column
 *   j ≥ accFrom with error ≤ 1; `ok` false when no column does. A trial point where f is not
 *   defined throws `StepRejected` (rhsEvaluation.ts).
 */
import type { Field } from '../numeric/Field.ts';
import type { Rhs } from './rhsEvaluation.ts';

export interface Tableau<T> {
  y: T[];
  err: T;
  cols: number;
  /** ideal step per column (index j = columns used) */
  H: T[];
  errs: T[];
  ok: boolean;
}

export interface ErrorTolerance<T> {
  readonly rtol: T;
  readonly atol: T;
}

export function gbsStep<T>(
  F: Field<T>,
  f: Rhs<T>,
  tol: ErrorTolerance<T>,
  stepFactor: (err: T, j: number) => T,
  s: T,
  y: readonly T[],
  f0: readonly T[],
  h: T,
  upTo: number,
  accFrom: number,
): Tableau<T> {
  const n = y.length;
  const two = F.fromNumber(2);
  const T_: T[][][] = [];
  const H: T[] = [];
  const errs: T[] = [];
  for (let j = 1; j <= upTo; j++) {
    const nj = 2 * j;
    const hs = F.div(h, F.fromNumber(nj));
    const h2 = F.mul(two, hs);
    let zPrev = y.slice();
    let z = y.map((yi, i) => F.add(yi, F.mul(hs, f0[i]!)));
    for (let m = 1; m < nj; m++) {
      const fz = f(F.add(s, F.mul(F.fromNumber(m), hs)), z);
      const zNext = zPrev.map((zp, i) => F.add(zp, F.mul(h2, fz[i]!)));
      zPrev = z;
      z = zNext;
    }
    // Aitken–Neville in h²: T_{j,k+1} = T_{j,k} + (T_{j,k} − T_{j−1,k}) / ((n_j/n_{j−k})² − 1)
    const row: T[][] = [z];
    for (let k = 1; k < j; k++) {
      const ratio = F.div(F.fromNumber(nj), F.fromNumber(2 * (j - k)));
      const denom = F.sub(F.mul(ratio, ratio), F.one);
      const a = row[k - 1]!;
      const b = T_[j - 2]![k - 1]!;
      row.push(a.map((ai, i) => F.add(ai, F.div(F.sub(ai, b[i]!), denom))));
    }
    T_.push(row);
    if (j >= 2) {
      const best = row[j - 1]!;
      const prev = row[j - 2]!;
      let err = F.zero;
      for (let i = 0; i < n; i++) {
        const sc = F.add(tol.atol, F.mul(tol.rtol, F.max(F.abs(y[i]!), F.abs(best[i]!))));
        const e = F.div(F.abs(F.sub(best[i]!, prev[i]!)), sc);
        if (F.cmp(e, err) > 0) err = e;
      }
      errs[j] = err;
      H[j] = F.mul(h, stepFactor(err, j));
      if (F.cmp(err, F.one) <= 0 && j >= accFrom) {
        return { y: best, err, cols: j, H, errs, ok: true };
      }
    }
  }
  const last = T_[upTo - 1]!;
  return { y: last[upTo - 1]!, err: errs[upTo]!, cols: upTo, H, errs, ok: false };
}
