/**
 * decimal.js backend for `Field`.
 *
 * Each call creates an isolated `Decimal.clone` constructor, so precision is a per-run
 * parameter and no global decimal.js state leaks between runs. The exponent range is
 * set to decimal.js's maximum so that e^{±10^6} neither overflows nor underflows.
 */
import { Decimal } from 'decimal.js';
import type { Field } from './Field.ts';

export const MIN_PRECISION = 10;
export const MAX_PRECISION = 1000;

/** A decimal string: optional sign, digits with optional point, optional exponent. */
const DECIMAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isDecimalString(s: unknown): s is string {
  return typeof s === 'string' && DECIMAL_RE.test(s.trim());
}

export type DecimalT = Decimal;

export function decimalField(precision: number): Field<Decimal> {
  if (!Number.isInteger(precision) || precision < MIN_PRECISION || precision > MAX_PRECISION) {
    throw new RangeError(`precision must be an integer in ${MIN_PRECISION}..${MAX_PRECISION}, got ${precision}`);
  }
  const D = Decimal.clone({
    precision,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -7,
    toExpPos: 21,
    maxE: 9e15,
    minE: -9e15,
    modulo: Decimal.ROUND_DOWN,
  });
  // A higher-precision twin for the few operations that need guard digits.
  const Dg = D.clone({ precision: precision + 10 });
  const zero = new D(0);
  const one = new D(1);
  const check = (r: Decimal, op: string): Decimal => {
    if (!r.isFinite()) throw new RangeError(`decimal ${op} produced a non-finite value`);
    return r;
  };
  const log1p = (a: Decimal): Decimal => {
    if (a.lte(-1)) throw new RangeError(`log1p argument must be > -1, got ${a.toString()}`);
    if (a.isZero()) return zero;
    // Results are computed with guard digits in Dg, then rounded to this run's precision.
    if (a.abs().gte(1e-3)) return new D(Dg.ln(new Dg(a).plus(1))).toSignificantDigits(precision);
    // log(1+a) = 2 atanh(t), t = a/(2+a); |t| < 5e-4, each term gains ~6.6 digits.
    const t = new Dg(a).div(new Dg(a).plus(2));
    const t2 = t.times(t);
    let term = t;
    let acc = t;
    const eps = new Dg(10).pow(-(precision + 8));
    for (let k = 3; ; k += 2) {
      term = term.times(t2);
      const c = term.div(k);
      acc = acc.plus(c);
      if (c.abs().lte(acc.abs().times(eps))) break;
    }
    return new D(acc.times(2)).toSignificantDigits(precision);
  };
  const field: Field<Decimal> = {
    name: 'decimal',
    precision,
    zero,
    one,
    fromString(s: string): Decimal {
      if (!isDecimalString(s)) throw new TypeError(`not a finite decimal number: ${JSON.stringify(s)}`);
      // An exponent beyond decimal.js's range parses to ±Infinity: refuse it here.
      return check(new D(s.trim()), 'fromString');
    },
    fromNumber(n: number): Decimal {
      if (!Number.isFinite(n)) throw new TypeError(`not a finite number: ${n}`);
      return new D(String(n));
    },
    toString(a: Decimal, digits = precision): string {
      check(a, 'toString');
      const r = a.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN);
      return r.toString();
    },
    toNumber: (a) => a.toNumber(),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => {
      if (b.isZero()) throw new RangeError('division by zero');
      return a.div(b);
    },
    neg: (a) => a.neg(),
    abs: (a) => a.abs(),
    sqrt: (a) => {
      if (a.isNeg() && !a.isZero()) throw new RangeError(`sqrt of negative ${a.toString()}`);
      return a.sqrt();
    },
    exp: (a) => {
      // e^a is never 0: below the exponent range (a < about −2·10^16) refuse rather than round to 0.
      const r = check(a.exp(), 'exp');
      if (r.isZero()) throw new RangeError(`decimal exp underflowed (argument ${a.toSignificantDigits(6).toString()})`);
      return r;
    },
    log: (a) => {
      if (!a.gt(0)) throw new RangeError(`log of non-positive ${a.toString()}`);
      return a.ln();
    },
    log1p,
    powInt: (a, n) => {
      if (!Number.isInteger(n)) throw new RangeError(`powInt needs an integer exponent, got ${n}`);
      return check(a.pow(n), 'pow');
    },
    cmp: (a, b) => a.cmp(b) as -1 | 0 | 1,
    sign: (a) => (a.isZero() ? 0 : a.isNeg() ? -1 : 1),
    isZero: (a) => a.isZero(),
    isFinite: (a) => a.isFinite(),
    max: (a, b) => (a.gte(b) ? a : b),
    min: (a, b) => (a.lte(b) ? a : b),
  };
  return field;
}
