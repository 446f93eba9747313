/**
 * Turning a measured margin and a stated tolerance into a verdict, exactly (decimal
 * comparison, no float64 rounding of margins like 3e-412).
 */
import type { CheckStatus } from './CheckResult.ts';
import type { Outcome } from './CheckDef.ts';
import type { Field } from '../numeric/Field.ts';
import { DEFAULT_BACKEND, makeField } from '../numeric/fieldFactory.ts';

/** The comparison field: parsing a decimal string keeps all its digits, so comparisons are exact. */
const CMP: Field<unknown> = makeField(DEFAULT_BACKEND, 40);

/** Compare exactly: pass when margin <= tol (or >= for '>='). */
export function judge(margin: string, tol: string, comparison: '<=' | '>=' = '<=', F: Field<unknown> = CMP): CheckStatus {
  const c = F.cmp(F.fromString(margin), F.fromString(tol));
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
  return xs.reduce((a, b) => (CMP.cmp(CMP.fromString(b), CMP.fromString(a)) > 0 ? b : a));
}
