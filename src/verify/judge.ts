/**
 * Turning a measured margin and a stated tolerance into a verdict, exactly (decimal
 * comparison, no float64 rounding of margins like 3e-412).
 */
import { Decimal } from 'decimal.js';
import type { CheckStatus } from './CheckResult.ts';
import type { Outcome } from './CheckDef.ts';

const D = Decimal.clone({ precision: 40, maxE: 9e15, minE: -9e15 });

/** Compare exactly: pass when margin <= tol (or >= for '>='). */
export function judge(margin: string, tol: string, comparison: '<=' | '>=' = '<='): CheckStatus {
  const m = new D(margin);
  const t = new D(tol);
  return (comparison === '<=' ? m.lte(t) : m.gte(t)) ? 'pass' : 'fail';
}

/** Short scientific form of a decimal string for tables (the JSON keeps the full string). */
export function shortNumber(s: string | null, digits = 3): string {
  if (s === null) return '-';
  const d = new D(s);
  if (d.isZero()) return '0';
  return d.toExponential(digits - 1).replace('e+', 'e');
}

/** An Outcome from a margin/tolerance pair, with a reason when it fails. */
export function verdict(
  margin: string,
  tolerance: string,
  comparison: '<=' | '>=',
  extra: Omit<Outcome, 'status' | 'margin' | 'tolerance' | 'comparison'> = {},
): Outcome {
  const status = judge(margin, tolerance, comparison);
  return {
    status,
    margin,
    tolerance,
    comparison,
    ...extra,
    reason: status === 'fail' ? (extra.reason ?? `margin ${shortNumber(margin)} violates ${comparison} ${shortNumber(tolerance)}`) : extra.reason,
  };
}

/** Max of decimal strings (exact). */
export function maxDecimal(xs: readonly string[]): string {
  return xs.reduce((a, b) => (new D(b).gt(new D(a)) ? b : a));
}
