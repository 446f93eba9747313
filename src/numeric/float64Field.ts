/**
 * float64 backend for `Field`: only for benchmarks and quick previews. It is never a
 * silent fallback: callers choose it explicitly, and it throws on non-finite results.
 */
import type { Field } from './Field.ts';
import { isDecimalString } from './decimalField.ts';

export function float64Field(): Field<number> {
  const fin = (r: number, op: string): number => {
    if (!Number.isFinite(r)) throw new RangeError(`float64 ${op} produced ${r}`);
    return r;
  };
  return {
    name: 'float64',
    precision: 16,
    zero: 0,
    one: 1,
    fromString(s) {
      if (!isDecimalString(s)) throw new TypeError(`not a finite decimal number: ${JSON.stringify(s)}`);
      return fin(Number(s), 'parse');
    },
    fromNumber: (n) => fin(n, 'fromNumber'),
    toString: (a, digits = 17) => String(Number(a.toPrecision(Math.min(digits, 17)))),
    toNumber: (a) => a,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    div: (a, b) => fin(a / b, 'div'),
    neg: (a) => -a,
    abs: Math.abs,
    sqrt: (a) => fin(Math.sqrt(a), 'sqrt'),
    exp: (a) => fin(Math.exp(a), 'exp'),
    log: (a) => fin(Math.log(a), 'log'),
    log1p: (a) => fin(Math.log1p(a), 'log1p'),
    powInt: (a, n) => fin(a ** n, 'pow'),
    cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
    isZero: (a) => a === 0,
    isFinite: Number.isFinite,
    max: Math.max,
    min: Math.min,
  };
}
