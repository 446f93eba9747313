/**
 * Inputs with more significant digits than the working precision: refused (UsageError naming the
 * field, exit 2) or, when the user asked for it (`--round-inputs`), rounded half-even to the precision
 * with one warning per field. Decimal strings are never rounded silently: the value computed with is
 * the value given.
 *
 * Main definitions:
 * - `significantDigits(s)`: digits of the shortest exact mantissa of a decimal string ("1.2300e5" → 3,
 *   "1000" → 1, "0.00012" → 2, "0" → 0).
 * - `InputPolicy`: {precision, round, warnings} shared by the fields of one command.
 * - `fitDigits(policy, field, s)`: s itself, its rounding (with a warning), or a UsageError.
 */
import { Decimal } from 'decimal.js';
import { UsageError } from './UsageError.ts';

export interface InputPolicy {
  readonly precision: number;
  /** round over-long inputs (with a warning) instead of refusing them */
  readonly round: boolean;
  /** warnings collected for stderr */
  readonly warnings: string[];
  /** what to do about it (default: raise --precision or pass --round-inputs) */
  readonly hint?: string;
}

export function significantDigits(s: string): number {
  const m = s
    .trim()
    .replace(/^[+-]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '');
  const t = m.replace(/^0+/, '').replace(/0+$/, '');
  return t.length;
}

export function fitDigits(policy: InputPolicy, field: string, s: string): string {
  const n = significantDigits(s);
  if (n <= policy.precision) return s;
  if (!policy.round) {
    const shown = s.length > 40 ? `${s.slice(0, 20)}...${s.slice(-12)}` : s;
    throw new UsageError(
      `${field} has ${n} significant digits, more than the working precision ${policy.precision}: ${shown} (${policy.hint ?? 'raise --precision, or pass --round-inputs to round it'})`,
    );
  }
  const D = Decimal.clone({ precision: policy.precision, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });
  const r = new D(s.trim()).toSignificantDigits(policy.precision).toString();
  policy.warnings.push(`${field} rounded from ${n} to ${policy.precision} significant digits: ${r}`);
  return r;
}

/** fitDigits over a vector / matrix. */
export function fitVector(policy: InputPolicy, field: string, v: readonly string[]): string[] {
  return v.map((s, i) => fitDigits(policy, `${field}[${i}]`, s));
}
export function fitMatrix(policy: InputPolicy, field: string, m: readonly (readonly string[])[]): string[][] {
  return m.map((row, i) => fitVector(policy, `${field}[${i}]`, row));
}
