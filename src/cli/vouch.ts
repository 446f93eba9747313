/**
 * "Print only digits we can vouch for": a result computed at P digits is compared with the same
 * computation rerun at a higher precision (and a tighter tolerance); every decimal string is cut to
 * the significant digits on which the two runs agree (at least 1), as `simulate` does with
 * `digits_agreed`.
 *
 * Main definitions:
 * - `referencePrecision(P)`: P + max(10, ⌈P/2⌉), capped at 1000 (null when no higher precision exists).
 * - `vouch(a, b, cap, keys)`: walks two results of the same shape; for the listed top-level keys, every decimal
 *   string of `a` is rounded (half-even) to one digit fewer than it shares with `b` (so the last printed
 *   digit is within one unit of the reference also across a rounding boundary). Returns the rounded copy,
 *   the smallest digit count and the paths where the two runs disagree structurally (e.g. a status).
 */
import { Decimal } from 'decimal.js';
import { MAX_PRECISION } from '../numeric/decimalField.ts';
import { agreeingDigits } from '../numeric/agreement.ts';
import { significantDigits } from '../io/inputDigits.ts';

const Dr = Decimal.clone({ precision: MAX_PRECISION, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function referencePrecision(P: number): number | null {
  const r = Math.min(MAX_PRECISION, P + Math.max(10, Math.ceil(P / 2)));
  return r > P ? r : null;
}

export interface Vouched<V> {
  readonly value: V;
  /** smallest number of agreeing significant digits over the compared numbers (cap if none) */
  readonly digits: number;
  /** paths whose non-numeric values (or presence) differ between the runs */
  readonly mismatches: string[];
}

export function vouch<V>(a: V, b: unknown, cap: number, keys?: ReadonlySet<string>): Vouched<V> {
  let digits = cap;
  const mismatches: string[] = [];
  const walk = (x: unknown, y: unknown, path: string, active: boolean, top = false): unknown => {
    if (typeof x === 'string' && active && NUM.test(x)) {
      if (typeof y !== 'string' || !NUM.test(y)) {
        mismatches.push(path);
        return x;
      }
      const agree = agreeingDigits(x, y, cap);
      if (agree >= cap) return significantDigits(x) <= cap ? x : new Dr(x).toSignificantDigits(cap).toString();
      // agreement to `agree` digits bounds the error by 10^{-agree} relative; one digit fewer keeps the
      // last printed digit within one unit of the truth also across a rounding boundary
      const d = Math.max(1, Math.floor(agree) - 1);
      digits = Math.min(digits, d);
      // toPrecision keeps vouched trailing zeros (8.85800, not 8.858)
      return new Dr(x).toPrecision(d);
    }
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || y.length !== x.length) {
        if (active) mismatches.push(path);
        return x;
      }
      return x.map((e, i) => walk(e, y[i], `${path}[${i}]`, active));
    }
    if (x !== null && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      const yo = (y ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(x)) o[k] = walk(v, yo[k], path ? `${path}.${k}` : k, top ? active || !keys || keys.has(k) : active);
      return o;
    }
    if (active && x !== y && !(typeof x === 'string' && NUM.test(x))) mismatches.push(path);
    return x;
  };
  const value = walk(a, b, '', !keys, true) as V;
  return { value, digits, mismatches };
}
