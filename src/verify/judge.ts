/**
 * Turning a measured margin and a stated tolerance into a verdict, exactly (decimal
 * comparison, no float64 rounding of margins like 3e-412).
 */
import type { CheckStatus } from './CheckResult.ts';
import type { Outcome } from './CheckDef.ts';
import type { Field } from '../numeric/Field.ts';
import { makeField } from '../numeric/fieldFactory.ts';

/**
 * The comparison field: the decimal backend whatever the run's backend, because verdicts compare
 * decimal STRINGS and decimal parsing keeps every digit (a binary backend would round "0.1").
 */
const CMP: Field<unknown> = makeField('decimal', 40);

/** Exact comparison of two decimal strings: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  return CMP.cmp(CMP.fromString(a), CMP.fromString(b));
}

/** Compare exactly: pass when margin <= tol (or >= for '>='). */
export function judge(margin: string, tol: string, comparison: '<=' | '>=' = '<='): CheckStatus {
  const c = compareDecimal(margin, tol);
  return (comparison === '<=' ? c <= 0 : c >= 0) ? 'pass' : 'fail';
}

/** Short scientific form of a decimal string for tables (the JSON keeps the full string): "1.23e-30", "5.00e-1". */
export function shortNumber(s: string | null, digits = 3): string {
  if (s === null) return '-';
  const d = CMP.fromString(s);
  if (CMP.isZero(d)) return '0';
  const m = /^(-?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(CMP.toString(d, digits));
  if (!m) return s;
  const [, sign = '', int = '', frac = '', e = '0'] = m;
  const all = int + frac;
  const lead = all.search(/[1-9]/);
  const mant = (all.slice(lead) + '0'.repeat(digits)).slice(0, digits);
  const exp = Number(e) + int.length - 1 - lead;
  return `${sign}${mant[0]}${digits > 1 ? `.${mant.slice(1)}` : ''}e${exp}`;
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
  return xs.reduce((a, b) => (compareDecimal(b, a) > 0 ? b : a));
}
