/**
 * Precision-loss detection: how many significant digits two results agree to.
 * Used by "rerun at higher precision" checks: a result computed at P digits is
 * compared with the same computation at a higher precision.
 */
import { Decimal } from 'decimal.js';

// Stryker disable next-line ObjectLiteral: decimal.js's defaults differ only in precision (20) and rounding, and the result goes through toNumber (float64) and a floor to 0.1, which no precision from 20 digits on can change
const Dx = Decimal.clone({ precision: 60, maxE: 9e15, minE: -9e15 });

/**
 * Agreeing significant digits of two decimal strings: −log10(|a − b| / max(|a|,|b|)),
 * capped at `cap`. Two exact zeros agree to `cap`; a zero against a non-zero counts by
 * absolute difference relative to `scale` (when given), else 0.
 */
export function agreeingDigits(a: string, b: string, cap: number, scale?: string): number {
  const A = new Dx(a);
  const B = new Dx(b);
  const diff = A.minus(B).abs();
  if (diff.isZero()) return cap;
  let ref = Dx.max(A.abs(), B.abs());
  if (scale !== undefined) ref = Dx.max(ref, new Dx(scale).abs());
  if (ref.isZero()) return 0;
  const d = -diff.div(ref).log(10).toNumber();
  return Math.max(0, Math.min(cap, Math.floor(d * 10) / 10));
}

/** Minimum agreement over paired lists of decimal strings. */
export function minAgreeingDigits(as: readonly string[], bs: readonly string[], cap: number, scale?: string): number {
  if (as.length !== bs.length) throw new RangeError('agreement: length mismatch');
  let m = cap;
  for (let i = 0; i < as.length; i++) m = Math.min(m, agreeingDigits(as[i]!, bs[i]!, cap, scale));
  return m;
}
