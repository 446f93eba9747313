/**
 * The decimal Field: per-run precision, isolation between runs, no float64 anywhere in the
 * arithmetic, and refusal of anything that is not a finite decimal.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { float64Field } from '../../src/numeric/float64Field.ts';
import { agreeingDigits, minAgreeingDigits } from '../../src/numeric/agreement.ts';

const sigDigits = (s: string) => s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;

describe('precision is a per-run parameter, isolated between runs', () => {
  it.each([10, 20, 50, 137, 1000])('1/3 carries exactly %i significant digits', (P) => {
    const F = decimalField(P);
    expect(sigDigits(F.toString(F.div(F.one, F.fromString('3'))))).toBe(P);
  });

  it('interleaved fields at 20 and 400 digits do not influence each other or the global Decimal', () => {
    const globalBefore = Decimal.precision;
    const A = decimalField(20);
    const B = decimalField(400);
    const a1 = A.toString(A.sqrt(A.fromString('2')));
    const b1 = B.toString(B.sqrt(B.fromString('2')));
    const C = decimalField(1000); // a later run at another precision
    C.exp(C.one);
    // values of A and B computed again after C exists: identical strings
    expect(A.toString(A.sqrt(A.fromString('2')))).toBe(a1);
    expect(B.toString(B.sqrt(B.fromString('2')))).toBe(b1);
    expect(sigDigits(a1)).toBe(20);
    expect(sigDigits(b1)).toBe(400);
    expect(Decimal.precision).toBe(globalBefore);
  });

  it.each([9, 1001, 0, 50.5, Number.NaN])('precision %s is refused', (P) => {
    expect(() => decimalField(P)).toThrow(RangeError);
  });
});

describe('no float64 fallback: values outside float64 range or resolution survive', () => {
  const F = decimalField(50);
  const f = (s: string) => F.fromString(s);
  it.each([
    // float64 underflows 1e-400 to 0
    { got: () => F.mul(f('1e-200'), f('1e-200')), want: '1e-400', why: 'below float64 subnormals' },
    // float64 overflows 1e400 to Infinity
    { got: () => F.mul(f('1e200'), f('1e200')), want: '1e+400', why: 'above float64 max' },
    // float64 loses 1e-40 next to 1 (epsilon 2.2e-16)
    { got: () => F.sub(F.add(F.one, f('1e-40')), F.one), want: '1e-40', why: 'below float64 epsilon relative to 1' },
    // exp(-1000) underflows in float64
    { got: () => F.exp(f('-1000')), want: null, why: 'exp beyond float64 range must stay positive and finite' },
  ])('$why', ({ got, want }) => {
    const v = got();
    expect(F.isFinite(v)).toBe(true);
    if (want !== null) expect(F.toString(v)).toBe(want);
    else expect(F.sign(v)).toBe(1);
  });

  it.each([
    { a: '-3e16', why: 'e^a below 10^-9e15 would round to 0: g = 0 would silently stop training' },
    { a: '3e16', why: 'e^a above 10^9e15 would be Infinity' },
  ])('exp outside the exponent range throws instead of returning 0 or Infinity: $why', ({ a }) => {
    expect(() => F.exp(f(a))).toThrow(RangeError);
  });

  it('the float64 field exists only for benchmarks and differs from the decimal one visibly', () => {
    const D = float64Field();
    expect(D.name).toBe('float64');
    expect(D.sub(D.add(1, 1e-40), 1)).toBe(0);
  });
});

describe('fromString refuses everything but finite decimals', () => {
  const F = decimalField(30);
  it.each([
    { s: 'NaN', why: 'decimal.js would accept it as a value' },
    { s: 'Infinity', why: 'decimal.js would accept it as a value' },
    { s: '-Infinity', why: 'signed infinity' },
    { s: '0x10', why: 'hex literal accepted by decimal.js' },
    { s: '1e99999999999999999', why: 'syntactically a decimal, but the exponent is beyond the range: parses to Infinity' },
    { s: '', why: 'empty string' },
    { s: '1,5', why: 'comma decimal separator' },
    { s: 'abc', why: 'not a number' },
  ])('$s: $why', ({ s }) => {
    expect(() => F.fromString(s)).toThrow();
  });
  it.each(['0', '-0.5', '1e-30', '+2.5E+3', '.5', '.25', '7.'])('accepts %s', (s) => {
    expect(F.isFinite(F.fromString(s))).toBe(true);
  });
});

describe('agreeingDigits', () => {
  it.each([
    { a: '1.2345', b: '1.2345', cap: 40, want: 40, why: 'identical: the cap' },
    { a: '1', b: '1.000001', cap: 40, want: 6, why: 'relative difference 1e-6' },
    { a: '1e-400', b: '1.001e-400', cap: 40, want: 3, why: 'far outside float64 range: must not turn into 0/0' },
    { a: '0', b: '1e-30', cap: 40, want: 0, why: 'zero vs non-zero without a scale' },
    { a: '0', b: '1e-30', cap: 40, scale: '1', want: 30, why: 'zero vs non-zero with a scale: absolute difference' },
  ])('$why', ({ a, b, cap, scale, want }) => {
    expect(Math.floor(agreeingDigits(a, b, cap, scale))).toBe(want);
  });
});

describe('agreeingDigits: exact values (one decimal, clamped to [0, cap])', () => {
  it.each([
    { a: '1', b: '1.000002', cap: 40, want: 5.6, why: '−log10(2e-6) = 5.699 is cut down to one decimal, not rounded up' },
    { a: '-3', b: '-3.0003', cap: 40, want: 4, why: 'negative values: relative to the larger magnitude, 3.0003 (−log10(1e-4/1.0001) = 4.00004)' },
    { a: '1', b: '-1', cap: 40, want: 0, why: 'opposite signs: −log10(2) < 0 is clamped to 0' },
    { a: '1', b: '1.0000000001', cap: 5, want: 5, why: '10 digits agree but the cap is 5' },
    { a: '0', b: '0', cap: 7, want: 7, why: 'two exact zeros agree to the cap' },
    { a: '2e-10', b: '3e-10', cap: 40, scale: '1e-12', want: 0.4, why: 'a scale below both values does not change the reference max(|a|, |b|)' },
  ])('$why', ({ a, b, cap, scale, want }) => {
    expect(agreeingDigits(a, b, cap, scale)).toBe(want);
  });
  it('minAgreeingDigits is the minimum over pairs and refuses lists of different lengths', () => {
    expect(minAgreeingDigits(['1', '2', '5'], ['1', '2.002', '5.00005'], 40)).toBe(3);
    expect(minAgreeingDigits([], [], 12)).toBe(12);
    expect(minAgreeingDigits(['0'], ['1e-8'], 40, '1')).toBe(8);
    expect(() => minAgreeingDigits(['1'], ['1', '2'], 40)).toThrow('agreement: length mismatch');
  });
});

describe('decimalField: every operation on small exact cases, and every refusal with its message', () => {
  const F = decimalField(20);
  const f = (s: string) => F.fromString(s);
  const str = (v: Decimal) => F.toString(v);
  it.each([
    { got: () => F.fromString(' 2.5 '), want: '2.5', why: 'surrounding white space is trimmed before decimal.js sees it' },
    { got: () => F.fromNumber(-0.1), want: '-0.1', why: 'fromNumber goes through the shortest decimal string' },
    { got: () => F.add(f('0.1'), f('0.2')), want: '0.3', why: 'decimal, not binary: 0.1 + 0.2 = 0.3 exactly' },
    { got: () => F.sub(f('1'), f('0.25')), want: '0.75', why: 'sub' },
    { got: () => F.mul(f('-1.5'), f('4')), want: '-6', why: 'mul' },
    { got: () => F.div(f('1'), f('8')), want: '0.125', why: 'div' },
    { got: () => F.neg(f('2')), want: '-2', why: 'neg' },
    { got: () => F.abs(f('-2')), want: '2', why: 'abs' },
    { got: () => F.sqrt(f('2.25')), want: '1.5', why: 'sqrt' },
    { got: () => F.sqrt(F.neg(F.zero)), want: '0', why: 'sqrt(−0) = 0: −0 (from neg(0)) is not negative' },
    { got: () => F.exp(F.zero), want: '1', why: 'exp(0) = 1' },
    { got: () => F.log(F.one), want: '0', why: 'log(1) = 0' },
    { got: () => F.log1p(F.zero), want: '0', why: 'log1p(0) = 0' },
    { got: () => F.powInt(f('-2'), 3), want: '-8', why: 'powInt' },
    { got: () => F.powInt(f('2'), -3), want: '0.125', why: 'powInt with a negative power' },
    { got: () => F.max(f('-1'), f('2')), want: '2', why: 'max' },
    { got: () => F.max(f('3'), f('2')), want: '3', why: 'max, first argument larger' },
    { got: () => F.min(f('-1'), f('2')), want: '-1', why: 'min' },
    { got: () => F.min(f('3'), f('2')), want: '2', why: 'min, second argument smaller' },
  ])('$why', ({ got, want }) => {
    expect(str(got())).toBe(want);
  });
  it.each([
    { a: '2', b: '3', cmp: -1, sign: 1 },
    { a: '-2', b: '-3', cmp: 1, sign: -1 },
    { a: '0', b: '0', cmp: 0, sign: 0 },
  ])('cmp($a, $b) = $cmp, sign($a) = $sign', ({ a, b, cmp, sign }) => {
    expect(F.cmp(f(a), f(b))).toBe(cmp);
    expect(F.sign(f(a))).toBe(sign);
    expect(F.isZero(f(a))).toBe(sign === 0);
  });
  it('toString: the field precision by default, fewer digits on request (half to even), exponent form below 1e-7', () => {
    const third = F.div(F.one, f('3'));
    expect(F.toString(third)).toBe(`0.${'3'.repeat(20)}`);
    expect(F.toString(third, 4)).toBe('0.3333');
    expect(F.toString(f('0.125'), 2)).toBe('0.12');
    expect(F.toString(f('0.00000001'))).toBe('1e-8');
    expect(F.toNumber(f('0.5'))).toBe(0.5);
  });
  it.each([
    { op: () => F.fromString('1,5'), msg: 'not a finite decimal number: "1,5"', why: 'the refusal names the string' },
    { op: () => decimalField(5), msg: 'precision must be an integer in 10..1000, got 5', why: 'precision out of range' },
    { op: () => F.fromNumber(Number.POSITIVE_INFINITY), msg: 'not a finite number: Infinity', why: 'fromNumber(Infinity)' },
    { op: () => F.fromString('1e99999999999999999'), msg: 'decimal fromString produced a non-finite value', why: 'a decimal beyond the exponent range' },
    { op: () => F.div(F.one, F.zero), msg: 'division by zero', why: 'division by zero' },
    { op: () => F.sqrt(f('-4')), msg: 'sqrt of negative -4', why: 'square root of a negative number' },
    {
      op: () => F.exp(f('-3e16')),
      msg: 'decimal exp underflowed (argument -30000000000000000)',
      why: 'e^a below the exponent range is refused, not rounded to 0',
    },
    { op: () => F.exp(f('3e16')), msg: 'decimal exp produced a non-finite value', why: 'e^a above the exponent range' },
    { op: () => F.log(F.zero), msg: 'log of non-positive 0', why: 'log(0)' },
    { op: () => F.log(f('-1')), msg: 'log of non-positive -1', why: 'log of a negative number' },
    { op: () => F.log1p(f('-1')), msg: 'log1p argument must be > -1, got -1', why: 'log1p(−1) = −∞' },
    { op: () => F.log1p(f('-2')), msg: 'log1p argument must be > -1, got -2', why: 'log1p below −1' },
    { op: () => F.powInt(f('2'), 0.5), msg: 'powInt needs an integer exponent, got 0.5', why: 'a fractional power' },
    { op: () => F.powInt(f('10'), 2e16), msg: 'decimal pow produced a non-finite value', why: 'a power beyond the exponent range' },
    {
      op: () => F.toString(F.mul(f('1e9000000000000000'), f('1e9000000000000000'))),
      msg: 'decimal toString produced a non-finite value',
      why: 'a product beyond the range (+ and × are unchecked) is refused when printed',
    },
  ])('$why', ({ op, msg }) => {
    expect(op).toThrow(msg);
  });
  it('isFinite is false for an unchecked product beyond the exponent range', () => {
    expect(F.isFinite(F.mul(f('1e9000000000000000'), f('1e9000000000000000')))).toBe(false);
    expect(F.isFinite(f('1e9000000000000'))).toBe(true);
  });
});

describe('decimalField log1p: correctly rounded on the series branch, and large arguments', () => {
  const P = 30;
  const F = decimalField(P);
  const R = Decimal.clone({ precision: P + 40 });
  /** log(1 + a) = 2 atanh(a/(2 + a)) summed at P + 40 digits until the terms vanish, then rounded to P digits half to even */
  const ref = (a: string) => {
    const A = new R(a);
    const t = A.div(A.plus(2));
    let acc = t;
    let term = t;
    for (let k = 3; ; k += 2) {
      term = term.times(t).times(t);
      const c = term.div(k);
      if (c.isZero() || c.abs().lt(acc.abs().times('1e-75'))) break;
      acc = acc.plus(c);
    }
    return acc.times(2).toSignificantDigits(P, Decimal.ROUND_HALF_EVEN).toString();
  };
  it('|a| in [1e-4, 1e-3): the P-digit result equals the correctly rounded value (the series must run to P + 8 digits, not stop early)', () => {
    // why: stopping the atanh series a few digits early leaves an error of a fraction of an ulp, visible as a wrong last digit
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 99_999 }), fc.boolean(), (m, tail, neg) => {
        const a = `${neg ? '-' : ''}${m}.${String(tail).padStart(5, '0')}e-7`;
        return F.toString(F.log1p(F.fromString(a))) === ref(a);
      }),
      { seed: 20260308, numRuns: 200 },
    );
  });
  it.each(['1e9', '1e300'])('a = %s (far outside the series’ range) agrees with log(1 + a)', (a) => {
    // why: routing a large argument to the atanh series (t → 1) would not converge in any useful time
    expect(F.toString(F.log1p(F.fromString(a)))).toBe(F.toString(F.log(F.add(F.one, F.fromString(a)))));
  });
});
