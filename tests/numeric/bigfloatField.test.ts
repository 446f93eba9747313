/**
 * The bigfloat Field against decimal.js (the reference backend): every operation at precisions
 * 10..1000 (fast-check), correct rounding of + − × ÷ √ and of parsing (half to even, to the exact
 * binary value), correctly rounded printing, exp/log/log1p to the working precision, round trips,
 * cancellation, huge and tiny exponents, and refusal of what is out of range.
 *
 * Exactness is judged on exact decimal expansions of binary values (m·2^e = m·5^-e·10^e), which
 * decimal.js's constructor reads without rounding.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { bigfloatBits, bigfloatField, BigFloat } from '../../src/numeric/bigfloatField.ts';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { DomainError, NumericError } from '../../src/numeric/errors.ts';
import { ln2Ref, log1pRef, refDecimal } from './independentMath.ts';

const Big = Decimal.clone({ precision: 4000, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15, toExpNeg: -7, toExpPos: 21 });

/** The exact decimal expansion of a binary value. */
function exact(b: BigFloat): Decimal {
  if (b.s === 0) return new Big(0);
  const digits = b.e >= 0 ? (b.m << BigInt(b.e)).toString() : (b.m * 5n ** BigInt(-b.e)).toString();
  const v = new Big(`${digits}e${b.e >= 0 ? 0 : b.e}`);
  return b.s < 0 ? v.neg() : v;
}

/** |r − x| ≤ ulp(r)/2, and = only with an even last bit (x exact, r a p-bit result). */
function correctlyRounded(r: BigFloat, x: Decimal, p: number): boolean {
  if (x.isZero()) return r.s === 0;
  if (r.s === 0) return false;
  const err = exact(r).minus(x).abs();
  const top = r.e + r.n; // 2^(top−1) ≤ |r| < 2^top
  let halfUlp = new Big(2).pow(top - p - 1);
  // just below a power of two the input's ulp is half as large
  if (r.m === 1n << BigInt(r.n - 1) && x.abs().lt(exact(r).abs())) halfUlp = halfUlp.div(2);
  const c = err.cmp(halfUlp);
  if (c < 0) return true;
  if (c > 0) return false;
  // a tie: the mantissa (normalised to p bits) must be even
  const mp = r.n < p ? r.m << BigInt(p - r.n) : r.m;
  return (mp & 1n) === 0n;
}

/** Random decimal strings: sign, up to `nd` digits, decimal exponent in ±emax. */
const decStr = (nd: number, emax: number) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** BigInt(nd) - 1n }), fc.integer({ min: -emax, max: emax }))
    .map(([neg, m, e]) => `${neg ? '-' : ''}${m}e${e}`);
const precisionArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 10, max: 120 }) }, { weight: 1, arbitrary: fc.integer({ min: 121, max: 1000 }) });

describe('bigfloat: + − × ÷ √ correctly rounded (half to even), P = 10..1000', () => {
  const ops: Array<[string, (F: ReturnType<typeof bigfloatField>, a: BigFloat, b: BigFloat) => BigFloat, (a: Decimal, b: Decimal) => Decimal]> = [
    ['add', (F, a, b) => F.add(a, b), (a, b) => a.plus(b)],
    ['sub', (F, a, b) => F.sub(a, b), (a, b) => a.minus(b)],
    ['mul', (F, a, b) => F.mul(a, b), (a, b) => a.times(b)],
    ['div', (F, a, b) => F.div(a, b), (a, b) => a.div(b)],
  ];
  for (const [name, op, ref] of ops) {
    it(`${name} on random operands`, () => {
      fc.assert(
        fc.property(precisionArb, decStr(40, 60), decStr(40, 60), (P, sa, sb) => {
          const F = bigfloatField(P);
          const a = F.fromString(sa);
          const b = F.fromString(sb);
          const r = op(F, a, b);
          // div: 4000 digits of the quotient decide every rounding of ≤ 3330 bits
          return correctlyRounded(r, ref(exact(a), exact(b)), bigfloatBits(P));
        }),
        { numRuns: 25 },
      );
    });
  }
  it('add/sub under cancellation (b = −a(1 + δ), δ down to 1e-P)', () => {
    fc.assert(
      fc.property(precisionArb, decStr(30, 30), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (P, sa, k, up) => {
        const F = bigfloatField(P);
        const a = F.fromString(sa);
        const d = F.fromString(`${up ? '' : '-'}1e-${Math.min(k, P)}`);
        const b = F.neg(F.mul(a, F.add(F.one, d)));
        const p = bigfloatBits(P);
        return correctlyRounded(F.add(a, b), exact(a).plus(exact(b)), p) && correctlyRounded(F.sub(a, F.neg(b)), exact(a).plus(exact(b)), p);
      }),
      { numRuns: 25 },
    );
  });
  it('sqrt on random positive operands', () => {
    fc.assert(
      fc.property(precisionArb, decStr(40, 80), (P, sa) => {
        const F = bigfloatField(P);
        const a = F.abs(F.fromString(sa));
        // the square root to 2P + 60 digits decides the rounding (an exact square is exact there too)
        const S = Decimal.clone({ precision: 2 * P + 60 });
        return correctlyRounded(F.sqrt(a), new Big(new S(exact(a)).sqrt()), bigfloatBits(P));
      }),
      { numRuns: 25 },
    );
  });
  it('exact results stay exact: 0.5 + 0.25, 3·7, 1/4, √(2^-40), a − a', () => {
    const F = bigfloatField(20);
    expect(F.toString(F.add(F.fromString('0.5'), F.fromString('0.25')))).toBe('0.75');
    expect(F.toString(F.mul(F.fromNumber(3), F.fromNumber(7)))).toBe('21');
    expect(F.toString(F.div(F.one, F.fromNumber(4)))).toBe('0.25');
    expect(F.toString(F.sqrt(F.powInt(F.fromNumber(2), -40)))).toBe('9.5367431640625e-7');
    const a = F.fromString('0.1');
    expect(F.isZero(F.sub(a, a))).toBe(true);
  });
});

describe('bigfloat: decimal parsing is exact-to-nearest and printing is correctly rounded', () => {
  it('fromString gives the nearest p-bit value (half to even)', () => {
    fc.assert(
      fc.property(precisionArb, decStr(1200, 400), (P, s) => correctlyRounded(bigfloatField(P).fromString(s), new Big(s), bigfloatBits(P))),
      { numRuns: 25 },
    );
  });
  it('exact binary ties in decimal round half to even', () => {
    const P = 10;
    const F = bigfloatField(P);
    const p = bigfloatBits(P);
    for (const m of [(1n << BigInt(p)) + 1n, (1n << BigInt(p)) + 3n, (1n << BigInt(p + 1)) - 1n]) {
      // m has p + 1 bits and is odd: m·2^-k is half-way between two p-bit values
      for (const k of [0, 7, 60]) {
        const s = exact(new BigFloat(1, m, -k, p + 1)).toFixed();
        const r = F.fromString(s);
        const down = m >> 1n;
        const want = (down & 1n) === 0n ? down : down + 1n; // the even neighbour
        expect(exact(r).eq(new Big((want * 5n ** BigInt(k)).toString()).times(new Big(10).pow(-k)).times(2))).toBe(true);
      }
    }
  });
  it('toString(digits) equals decimal.js half-even rounding of the exact binary value', () => {
    fc.assert(
      fc.property(precisionArb, decStr(60, 300), fc.integer({ min: 1, max: 60 }), (P, s, digits) => {
        const F = bigfloatField(P);
        const a = F.fromString(s);
        const want = exact(a).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN).toString();
        return F.toString(a, digits) === want;
      }),
      { numRuns: 100 },
    );
  });
  it('decimal ties in printing: 0.125 → 0.12, 0.375 → 0.38, 2.5 → 2, 3.5 → 4', () => {
    const F = bigfloatField(10);
    expect(F.toString(F.fromString('0.125'), 2)).toBe('0.12');
    expect(F.toString(F.fromString('0.375'), 2)).toBe('0.38');
    expect(F.toString(F.fromString('2.5'), 1)).toBe('2');
    expect(F.toString(F.fromString('3.5'), 1)).toBe('4');
  });
  it('parse → print round trip at the field precision', () => {
    fc.assert(
      fc.property(precisionArb, (P) => {
        const F = bigfloatField(P);
        const s = new Big(`0.${'7'.repeat(P)}`).toString();
        return F.toString(F.fromString(s)) === s && F.toString(F.fromString('-3.25e-400')) === '-3.25e-400';
      }),
      { numRuns: 20 },
    );
  });
  it('format follows decimal.js (exponential below 1e-6 and from 1e21)', () => {
    const F = bigfloatField(30);
    const D = decimalField(30);
    for (const s of ['1e-7', '1.5e-6', '0.000001', '123', '1e20', '1e21', '-12345.678', '1e+400', '7e-500', '0']) {
      expect(F.toString(F.fromString(s))).toBe(D.toString(D.fromString(s)));
    }
  });
});

describe('bigfloat: exp, log, log1p to the working precision; round trips', () => {
  /** relative error ≤ 2^-(p−4) against decimal.js at 60 more digits on the exact binary input */
  const close = (r: BigFloat, want: Decimal, p: number) => {
    if (want.isZero()) return r.s === 0;
    return exact(r)
      .minus(want)
      .abs()
      .div(want.abs())
      .lte(new Big(2).pow(-(p - 4)));
  };
  // decimal.js's ln stops at 1025 digits (its stored ln 10): 1020 digits still leave 60+ bits beyond p = 3330
  const ref = (P: number) => Decimal.clone({ precision: P + 60, maxE: 9e15, minE: -9e15 });
  /** decimal.js's ln refuses precisions near its stored ln 10 (~1025 digits): the decimal.js reference for log stops at 940 */
  const logPrecision = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 10, max: 120 }) }, { weight: 1, arbitrary: fc.integer({ min: 121, max: 940 }) });
  it('exp on |x| up to 1e6 (results far outside float64)', () => {
    fc.assert(
      fc.property(precisionArb, decStr(30, 6), (P, s) => {
        const F = bigfloatField(P);
        const x = F.fromString(s);
        if (F.cmp(F.abs(x), F.fromString('1e6')) > 0) return true;
        const R = ref(P);
        return close(F.exp(x), new R(exact(x).toString()).exp() as unknown as Decimal, bigfloatBits(P));
      }),
      { numRuns: 25 },
    );
  });
  it('log on random positive values with huge and tiny exponents', () => {
    fc.assert(
      fc.property(logPrecision, decStr(40, 5000), (P, s) => {
        const F = bigfloatField(P);
        const a = F.abs(F.fromString(s));
        const R = ref(P);
        return close(F.log(a), new R(exact(a).toString()).ln() as unknown as Decimal, bigfloatBits(P));
      }),
      { numRuns: 25 },
    );
  });
  it('log and log1p near 1 keep relative precision (1 + δ, δ down to 1e-200)', () => {
    fc.assert(
      fc.property(logPrecision, fc.integer({ min: 1, max: 200 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), (P, k, neg, dgt) => {
        const F = bigfloatField(P);
        const d = F.fromString(`${neg ? '-' : ''}${dgt}e-${k}`);
        const R = ref(Math.min(P + k, 940));
        const want = new R(exact(d).toString()).plus(1).ln() as unknown as Decimal;
        const p = bigfloatBits(P);
        const ok1 = close(F.log1p(d), want, p);
        const onePlus = F.add(F.one, d); // rounded: compare log(1+δ rounded) with its own reference
        const ok2 = close(F.log(onePlus), new R(exact(onePlus).toString()).ln() as unknown as Decimal, p);
        return ok1 && ok2;
      }),
      { numRuns: 25 },
    );
  });
  it('log at 1000 digits against the + − × ÷ reference (log a = k·ln 2 + log1p(a/2^k − 1))', () => {
    const P = 1000;
    const F = bigfloatField(P);
    const R = refDecimal(P + 40);
    for (const s of ['7e+5000']) {
      const a = F.fromString(s);
      const k = a.e + a.n - 1; // 2^k ≤ a < 2^(k+1)
      const f = new R(exact(a).toString()).div(new R(2).pow(k));
      const want = ln2Ref(R)
        .times(k)
        .plus(log1pRef(R, f.minus(1))) as unknown as Decimal;
      expect(close(F.log(a), new Big(want), bigfloatBits(P))).toBe(true);
    }
  });
  it('exp(log a) = a and log(exp x) = x to within a few ulps', () => {
    fc.assert(
      fc.property(precisionArb, decStr(30, 300), (P, s) => {
        const F = bigfloatField(P);
        const a = F.abs(F.fromString(s));
        const back = F.exp(F.log(a));
        // log a has error ≤ ~2^-p·|log a|: exp turns it into relative error |log a|·2^-p
        const tolBits = bigfloatBits(P) - 4 - Math.ceil(Math.log2(Math.abs(F.toNumber(F.log(a))) + 1));
        const relA = exact(back).minus(exact(a)).abs().div(exact(a));
        // x = the same digits scaled into (−100, 100): e^x stays far inside the range
        const digits = s.replace(/^-/, '').replace(/e-?\d+$/, '');
        const x = F.fromString(`${s.startsWith('-') ? '-' : ''}${digits}e${2 - digits.length}`);
        const relX = exact(F.log(F.exp(x)))
          .minus(exact(x))
          .abs()
          .div(exact(x).abs());
        return relA.lte(new Big(2).pow(-tolBits)) && relX.lte(new Big(2).pow(-(bigfloatBits(P) - 8)));
      }),
      { numRuns: 25 },
    );
  });
  it('e^{±1e6} and their logs agree with decimal.js to P digits', () => {
    for (const P of [10, 50, 300]) {
      const F = bigfloatField(P);
      const D = decimalField(P + 20);
      for (const s of ['1e6', '-1e6', '-123456.5']) {
        const b = F.toString(F.exp(F.fromString(s)), P - 1);
        const d = D.toString(D.exp(D.fromString(s)), P - 1);
        expect(b).toBe(d);
        expect(F.toString(F.log(F.exp(F.fromString(s))), P - 3)).toBe(D.toString(D.fromString(s), P - 3));
      }
    }
  });
  it('log1p of tiny a is a, of −0.5 is −log 2; exp of tiny x is 1', () => {
    const F = bigfloatField(40);
    const t = F.fromString('1e-300');
    expect(F.toString(F.log1p(t))).toBe('1e-300');
    expect(F.toString(F.log1p(F.fromString('-0.5')))).toBe(F.toString(F.neg(F.log(F.fromNumber(2)))));
    expect(F.toString(F.exp(t))).toBe('1');
  });
  it('powInt agrees with repeated multiplication at higher precision', () => {
    fc.assert(
      fc.property(precisionArb, decStr(20, 5), fc.integer({ min: -40, max: 40 }), (P, s, n) => {
        const F = bigfloatField(P);
        const a = F.fromString(s);
        const R = ref(P);
        const want = new R(exact(a).toString()).pow(n) as unknown as Decimal;
        return close(F.powInt(a, n), want, bigfloatBits(P));
      }),
      { numRuns: 25 },
    );
  });
});

describe('bigfloat: range, domain, never NaN', () => {
  const F = bigfloatField(30);
  it('products beyond float64 keep full precision: (1e-200)², (1e200)², (1e-400000)·(1e-400000)', () => {
    expect(F.toString(F.mul(F.fromString('1e-200'), F.fromString('1e-200')))).toBe('1e-400');
    expect(F.toString(F.mul(F.fromString('1e200'), F.fromString('1e200')))).toBe('1e+400');
    expect(F.toString(F.mul(F.fromString('3e-400000'), F.fromString('3e-400000')))).toBe('9e-800000');
  });
  it('beyond the exponent range: NumericError, never Infinity or 0', () => {
    expect(() => F.exp(F.fromString('1e17'))).toThrow(NumericError);
    expect(() => F.exp(F.fromString('-1e17'))).toThrow(NumericError);
    expect(() => F.exp(F.fromString('7e15'))).toThrow(NumericError);
    expect(() => F.fromString('1e9000000000000000')).toThrow(NumericError);
    const big = F.fromString('1e2000000000000000');
    expect(() => F.mul(big, big)).toThrow(NumericError);
    expect(() => F.div(F.one, F.mul(big, big))).toThrow(NumericError);
  });
  it('domain errors: log(0), log(−1), sqrt(−1), 1/0, log1p(−1), 0^−1', () => {
    expect(() => F.log(F.zero)).toThrow(DomainError);
    expect(() => F.log(F.neg(F.one))).toThrow(DomainError);
    expect(() => F.sqrt(F.neg(F.one))).toThrow(DomainError);
    expect(() => F.div(F.one, F.zero)).toThrow(DomainError);
    expect(() => F.log1p(F.neg(F.one))).toThrow(DomainError);
    expect(() => F.log1p(F.fromString('-1.5'))).toThrow(DomainError);
    expect(() => F.powInt(F.zero, -1)).toThrow(DomainError);
  });
  it.each(['NaN', 'Infinity', '-Infinity', '', '1e', '0x10', '1,5'])('refuses %j', (s) => {
    expect(() => F.fromString(s)).toThrow(TypeError);
  });
  it('refuses non-finite numbers and precisions outside 10..1000', () => {
    expect(() => F.fromNumber(Number.NaN)).toThrow(TypeError);
    expect(() => F.fromNumber(Infinity)).toThrow(TypeError);
    for (const P of [9, 1001, 50.5]) expect(() => bigfloatField(P)).toThrow(DomainError);
  });
  it('fromNumber goes through the shortest decimal string, like the decimal backend', () => {
    const D = decimalField(30);
    for (const x of [0.1, -2.5, 1e-300, 123456789012345, 2 ** 60]) expect(F.toString(F.fromNumber(x))).toBe(D.toString(D.fromNumber(x)));
  });
  it('cmp, sign, min, max, abs, neg, toNumber', () => {
    const a = F.fromString('-1e-500');
    const b = F.fromString('2e-500');
    expect(F.cmp(a, b)).toBe(-1);
    expect(F.cmp(b, a)).toBe(1);
    expect(F.cmp(a, a)).toBe(0);
    expect(F.cmp(F.zero, a)).toBe(1);
    expect(F.sign(a)).toBe(-1);
    expect(F.sign(F.zero)).toBe(0);
    expect(F.max(a, b)).toBe(b);
    expect(F.min(a, b)).toBe(a);
    expect(F.toString(F.abs(a))).toBe('1e-500');
    expect(F.toNumber(F.fromString('0.1'))).toBe(0.1);
    expect(F.toNumber(F.fromString('-1e300'))).toBe(-1e300);
    expect(F.toNumber(a)).toBe(-0);
  });
});
