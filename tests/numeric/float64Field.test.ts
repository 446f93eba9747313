/**
 * The float64 backend (benchmarks and quick previews only): plain IEEE arithmetic, but it never
 * returns NaN or ±Infinity from an operation that checks (parse, fromNumber, ÷, √, exp, log,
 * log1p, powInt), and it prints at most 17 significant digits. Expected values are those of IEEE
 * double arithmetic, derived by hand.
 */
import { describe, expect, it } from 'vitest';
import { float64Field } from '../../src/numeric/float64Field.ts';

const F = float64Field();

describe('float64Field: identity and the operations', () => {
  it('name, precision and constants', () => {
    expect([F.name, F.precision, F.zero, F.one]).toEqual(['float64', 16, 0, 1]);
  });
  it.each([
    { got: () => F.fromString(' -2.5e3 '), want: -2500, why: 'parse a decimal string (with surrounding space)' },
    { got: () => F.fromNumber(0.1), want: 0.1, why: 'fromNumber is the identity on finite numbers' },
    { got: () => F.toNumber(-7.25), want: -7.25, why: 'toNumber is the identity' },
    { got: () => F.add(0.5, 0.25), want: 0.75, why: 'add' },
    { got: () => F.sub(0.5, 0.25), want: 0.25, why: 'sub (not add)' },
    { got: () => F.mul(3, -0.5), want: -1.5, why: 'mul' },
    { got: () => F.div(3, -4), want: -0.75, why: 'div' },
    { got: () => F.neg(2), want: -2, why: 'neg' },
    { got: () => F.abs(-2), want: 2, why: 'abs' },
    { got: () => F.sqrt(6.25), want: 2.5, why: 'sqrt' },
    { got: () => F.exp(0), want: 1, why: 'exp(0) = 1' },
    { got: () => F.log(1), want: 0, why: 'log(1) = 0' },
    { got: () => F.log1p(1e-20), want: 1e-20, why: 'log1p keeps a tiny argument (log(1 + 1e-20) would be 0)' },
    { got: () => F.powInt(-2, 3), want: -8, why: 'powInt with an odd power keeps the sign' },
    { got: () => F.powInt(2, -2), want: 0.25, why: 'powInt with a negative power' },
    { got: () => F.max(-1, 2), want: 2, why: 'max' },
    { got: () => F.min(-1, 2), want: -1, why: 'min' },
  ])('$why', ({ got, want }) => {
    expect(got()).toBe(want);
  });
  it.each([
    { a: 1, b: 2, cmp: -1 },
    { a: 2, b: 1, cmp: 1 },
    { a: 1.5, b: 1.5, cmp: 0 },
  ])('cmp($a, $b) = $cmp', ({ a, b, cmp }) => {
    expect(F.cmp(a, b)).toBe(cmp);
  });
  it.each([
    { a: 3, sign: 1, zero: false },
    { a: -3, sign: -1, zero: false },
    { a: 0, sign: 0, zero: true },
  ])('sign($a) = $sign, isZero = $zero', ({ a, sign, zero }) => {
    expect(F.sign(a)).toBe(sign);
    expect(F.isZero(a)).toBe(zero);
  });
  it('isFinite is false only for the non-finite values the unchecked + and × can produce', () => {
    expect([F.isFinite(1e308), F.isFinite(F.mul(1e308, 10)), F.isFinite(Number.NaN)]).toEqual([true, false, false]);
  });
});

describe('float64Field: printing', () => {
  it.each([
    { a: 1 / 3, digits: undefined, want: '0.3333333333333333', why: 'default: 17 significant digits, then the shortest round-trip string' },
    { a: 1 / 3, digits: 3, want: '0.333', why: 'fewer digits on request' },
    { a: 1 / 3, digits: 40, want: '0.3333333333333333', why: 'more than 17 digits are capped at 17 (toPrecision would print binary noise)' },
    { a: 2.5e-8, digits: 2, want: '2.5e-8', why: 'small values in exponent form' },
  ])('$why', ({ a, digits, want }) => {
    expect(F.toString(a, digits)).toBe(want);
  });
});

describe('float64Field: refusals (never NaN or Infinity)', () => {
  it.each([
    { f: () => F.fromString('abc'), msg: 'not a finite decimal number: "abc"', why: 'not a decimal' },
    { f: () => F.fromString('Infinity'), msg: 'not a finite decimal number', why: 'Infinity is not a decimal string' },
    { f: () => F.fromString('1e400'), msg: 'float64 parse produced Infinity', why: 'a decimal beyond the float64 range' },
    { f: () => F.fromNumber(Number.NaN), msg: 'float64 fromNumber produced NaN', why: 'fromNumber(NaN)' },
    { f: () => F.div(1, 0), msg: 'float64 div produced Infinity', why: 'division by zero' },
    { f: () => F.sqrt(-1), msg: 'float64 sqrt produced NaN', why: 'square root of a negative number' },
    { f: () => F.exp(1000), msg: 'float64 exp produced Infinity', why: 'exp overflow' },
    { f: () => F.log(0), msg: 'float64 log produced -Infinity', why: 'log(0)' },
    { f: () => F.log1p(-1), msg: 'float64 log1p produced -Infinity', why: 'log1p(−1)' },
    { f: () => F.powInt(10, 400), msg: 'float64 pow produced Infinity', why: 'power overflow' },
  ])('$why', ({ f, msg }) => {
    expect(f).toThrow(msg);
  });
});
