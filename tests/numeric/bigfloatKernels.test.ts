/**
 * The bigfloat kernels on raw operands: values with more bits than the field carries (a value of a
 * higher-precision field, or one built directly), mantissas that end exactly on a rounding tie or one
 * unit either side of it, all-ones mantissas that carry into a new bit, and operands whose exponents
 * are far apart (the sticky-unit path of addition). Every result is judged against the exact decimal
 * expansion of the exact operation (decimal.js at 4000 digits, enough for every rounding decision of
 * the ≤ 120-bit results here) and must be correctly rounded half to even and normalised (n is the
 * bit length of m, at most p bits). The 25-run properties of bigfloatField.test.ts draw decimal
 * strings, which almost never land on these cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { bigfloatBits, bigfloatField, bitLength, BigFloat } from '../../src/numeric/bigfloatField.ts';

const Big = Decimal.clone({ precision: 4000, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });

/** The exact decimal expansion of a binary value (m·2^e = m·5^−e·10^e). */
function exact(b: BigFloat): Decimal {
  if (b.s === 0) return new Big(0);
  const digits = b.e >= 0 ? (b.m << BigInt(b.e)).toString() : (b.m * 5n ** BigInt(-b.e)).toString();
  const v = new Big(`${digits}e${b.e >= 0 ? 0 : b.e}`);
  return b.s < 0 ? v.neg() : v;
}

/** r is the p-bit value nearest to x, ties to an even mantissa, and r is normalised. */
function roundsCorrectly(r: BigFloat, x: Decimal, p: number): boolean {
  if (x.isZero()) return r.s === 0 && r.m === 0n;
  if (r.s !== (x.isNeg() ? -1 : 1) || r.m <= 0n || r.n !== bitLength(r.m) || r.n > p) return false;
  const err = exact(r).minus(x).abs();
  const top = r.e + r.n;
  let halfUlp = new Big(2).pow(top - p - 1);
  if (r.m === 1n << BigInt(r.n - 1) && x.abs().lt(exact(r).abs())) halfUlp = halfUlp.div(2); // just below a power of two
  const c = err.cmp(halfUlp);
  if (c !== 0) return c < 0;
  const mp = r.n < p ? r.m << BigInt(p - r.n) : r.m;
  return (mp & 1n) === 0n;
}

const raw = (s: number, m: bigint, e: number) => new BigFloat(s, m, e, bitLength(m));

describe('bitLength', () => {
  it.each([1, 2, 31, 32, 33, 52, 53, 54, 64, 100, 1000])('2^k − 1 has k bits and 2^k has k + 1 (k = %i, both sides of the 2^32 and 2^53 shortcuts)', (k) => {
    expect(bitLength((1n << BigInt(k)) - 1n)).toBe(k);
    expect(bitLength(1n << BigInt(k))).toBe(k + 1);
    expect(bitLength((1n << BigInt(k)) + 1n)).toBe(k + 1);
  });
});

/** A mantissa q·2^k + tail, with the tail chosen around the rounding tie 2^(k−1). */
const tieArb = (p: number) =>
  fc
    .record({
      q: fc.oneof(
        fc.bigInt({ min: 1n << BigInt(p - 1), max: (1n << BigInt(p)) - 1n }),
        fc.constant((1n << BigInt(p)) - 1n), // all ones: rounding up carries into bit p
        fc.constant(1n << BigInt(p - 1)),
        fc.constant((1n << BigInt(p - 1)) + 1n), // odd: a tie rounds up
      ),
      k: fc.integer({ min: 1, max: 70 }),
      tail: fc.constantFrom('zero', 'below', 'tie', 'above', 'one', 'max'),
      e: fc.integer({ min: -120, max: 120 }),
      s: fc.constantFrom(1, -1),
    })
    .map(({ q, k, tail, e, s }) => {
      const half = 1n << BigInt(k - 1);
      const t = { zero: 0n, below: half - 1n, tie: half, above: k > 1 ? half + 1n : half, one: 1n, max: (half << 1n) - 1n }[tail];
      return raw(s, (q << BigInt(k)) | t, e);
    });

describe('rounding a raw value to the field (add 0, multiply by ±1)', () => {
  for (const P of [10, 23]) {
    const F = bigfloatField(P);
    const p = bigfloatBits(P);
    it(`P = ${P} (p = ${p} bits): ties to even, one unit either side, carries`, () => {
      fc.assert(
        fc.property(tieArb(p), (x) => {
          const X = exact(x);
          return (
            roundsCorrectly(F.add(x, F.zero), X, p) &&
            roundsCorrectly(F.add(F.zero, x), X, p) &&
            roundsCorrectly(F.sub(x, F.zero), X, p) &&
            roundsCorrectly(F.sub(F.zero, x), X.neg(), p) &&
            roundsCorrectly(F.mul(x, F.one), X, p) &&
            roundsCorrectly(F.mul(F.neg(F.one), x), X.neg(), p) &&
            roundsCorrectly(F.mul(x, F.fromNumber(4)), X.times(4), p) &&
            roundsCorrectly(F.div(x, F.fromString('0.5')), X.times(2), p)
          );
        }),
        { seed: 20260308, numRuns: 400 },
      );
    });
  }
});

/** A raw operand of 1 … p + 40 bits at exponent e. */
const operandArb = (p: number, eMin: number, eMax: number) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: p + 40 }),
      bits: fc.bigInt({ min: 0n, max: (1n << BigInt(p + 40)) - 1n }),
      e: fc.integer({ min: eMin, max: eMax }),
      s: fc.constantFrom(1, -1),
    })
    .map(({ n, bits, e, s }) => raw(s, (1n << BigInt(n - 1)) | (bits & ((1n << BigInt(n - 1)) - 1n)), e));

describe('+ − × ÷ √ on raw operands (wider than the field, exponents near and far apart)', () => {
  const P = 10;
  const F = bigfloatField(P);
  const p = bigfloatBits(P);
  it('add and sub, exponent gaps from 0 to 600 bits either way (the sticky-unit path included)', () => {
    fc.assert(
      fc.property(operandArb(p, -30, 30), operandArb(p, -30, 30), fc.integer({ min: -600, max: 600 }), (x, y0, shift) => {
        const y = new BigFloat(y0.s, y0.m, y0.e + shift, y0.n);
        const X = exact(x);
        const Y = exact(y);
        return (
          roundsCorrectly(F.add(x, y), X.plus(Y), p) &&
          roundsCorrectly(F.add(y, x), X.plus(Y), p) &&
          roundsCorrectly(F.sub(x, y), X.minus(Y), p) &&
          roundsCorrectly(F.sub(y, x), Y.minus(X), p)
        );
      }),
      { seed: 20260308, numRuns: 500 },
    );
  });
  it('x ± y with y one unit of x’s last bit or less: cancellation down to one bit, and the carry out of all ones', () => {
    fc.assert(
      fc.property(tieArb(p), fc.constantFrom(1n, 2n, 3n), fc.integer({ min: 0, max: 3 }), (x, m, below) => {
        const y = raw(1, m, x.e - below);
        const X = exact(x);
        const Y = exact(y);
        return roundsCorrectly(F.add(x, y), X.plus(Y), p) && roundsCorrectly(F.sub(x, y), X.minus(Y), p) && roundsCorrectly(F.sub(y, x), Y.minus(X), p);
      }),
      { seed: 20260308, numRuns: 400 },
    );
  });
  it('mul and div', () => {
    fc.assert(
      fc.property(
        operandArb(p, -60, 60),
        operandArb(p, -60, 60),
        (x, y) => roundsCorrectly(F.mul(x, y), exact(x).times(exact(y)), p) && roundsCorrectly(F.div(x, y), exact(x).div(exact(y)), p),
      ),
      { seed: 20260308, numRuns: 400 },
    );
  });
  it('mul and div by a power of two (the exponent-only shortcut) on raw operands', () => {
    fc.assert(
      fc.property(operandArb(p, -60, 60), fc.integer({ min: -80, max: 80 }), fc.constantFrom(1, -1), (x, k, s) => {
        const two = new BigFloat(s, 1n, k, 1);
        const X = exact(x);
        const T = exact(two);
        return roundsCorrectly(F.mul(x, two), X.times(T), p) && roundsCorrectly(F.mul(two, x), X.times(T), p) && roundsCorrectly(F.div(x, two), X.div(T), p);
      }),
      { seed: 20260308, numRuns: 300 },
    );
  });
  it('sqrt (the root to 200 digits decides every rounding of ≤ 42 bits; exact squares stay exact)', () => {
    const S = Decimal.clone({ precision: 200 });
    fc.assert(
      fc.property(operandArb(p, -80, 80), fc.boolean(), (x0, square) => {
        const x = square ? F.mul(raw(1, x0.m & ((1n << 20n) - 1n) || 1n, x0.e), raw(1, x0.m & ((1n << 20n) - 1n) || 1n, x0.e)) : F.abs(x0);
        return roundsCorrectly(F.sqrt(x), new Big(new S(exact(x).toString()).sqrt()), p);
      }),
      { seed: 20260308, numRuns: 300 },
    );
  });
});

describe('a value of a higher-precision field used in a lower-precision one', () => {
  it.each([
    { a: '0.1', b: '1e-200', want: '0.1', why: 'a tiny addend far below the rounding point (was a TypeError: a negative shift in the sticky path)' },
    { a: '1e-200', b: '0.1', want: '0.1', why: 'the same with the operands swapped' },
    { a: '0.1', b: '-1e-200', want: '0.1', why: 'a tiny subtrahend' },
    { a: '0.1', b: '1e-5', want: '0.10001', why: 'an addend inside the rounding range' },
  ])('$why', ({ a, b, want }) => {
    const lo = bigfloatField(10);
    const hi = bigfloatField(100);
    expect(lo.toString(lo.add(hi.fromString(a), lo.fromString(b)))).toBe(want);
  });
  it('wide + tiny across the far-apart threshold matches the exact sum rounded (fast-check)', () => {
    const lo = bigfloatField(10);
    const p = bigfloatBits(10);
    fc.assert(
      fc.property(operandArb(p + 200, -10, 10), operandArb(20, -20, 20), fc.integer({ min: 0, max: 400 }), (x, y0, gap) => {
        const y = new BigFloat(y0.s, y0.m, x.e + x.n - y0.n - gap, y0.n);
        return roundsCorrectly(lo.add(x, y), exact(x).plus(exact(y)), p);
      }),
      { seed: 20260308, numRuns: 300 },
    );
  });
});

describe('the exponent range is checked on every rounding path, naming the operation', () => {
  // the documented limit: |binary exponent of the leading bit + 1| ≤ 2^53 − 2^32
  const EMAX = 2 ** 53 - 2 ** 32;
  const F = bigfloatField(10); // p = 42 bits
  const r = (m: bigint, e: number) => raw(1, m, e);
  const wide = (1n << 40n) + 1n; // 41 bits: a product of two has 81 > 42 bits and is rounded
  it.each([
    { op: () => F.mul(r(3n, EMAX - 22), r(3n, 20)), msg: 'bigfloat mul overflowed', why: 'exact product (9, no rounding) whose top is EMAX + 2' },
    { op: () => F.mul(r(3n, -EMAX + 5), r(3n, -20)), msg: 'bigfloat mul underflowed', why: 'exact product whose top is −EMAX − 11' },
    { op: () => F.mul(r(wide, EMAX - 60), r(wide, 0)), msg: 'bigfloat mul overflowed', why: 'rounded product whose top is EMAX + 21' },
    { op: () => F.mul(r(wide, -EMAX - 30), r(wide, -60)), msg: 'bigfloat mul underflowed', why: 'rounded product whose top is −EMAX − 9' },
    {
      op: () => F.add(r((1n << 41n) + 1n, EMAX - 42), r((1n << 41n) + 1n, EMAX - 42)),
      msg: 'bigfloat add overflowed',
      why: 'x + x with x just below 2^EMAX carries into bit EMAX + 1',
    },
    {
      op: () => F.sub(r((1n << 41n) + 1n, -EMAX - 41), r(1n << 41n, -EMAX - 41)),
      msg: 'bigfloat sub underflowed',
      why: 'cancellation of two values near 2^−EMAX leaves 2^(−EMAX−41)',
    },
  ])('$why', ({ op, msg }) => {
    expect(op).toThrow(msg);
  });
  it.each([
    { op: (x: BigFloat) => F.add(x, F.zero), why: 'x + 0 (the zero-addend shortcut)' },
    { op: (x: BigFloat) => F.add(F.zero, x), why: '0 + x (the zero-augend shortcut)' },
    { op: (x: BigFloat) => F.add(x, r(1n, 0)), why: 'x + 1 with 1 far below x (the wide-operand sticky path)' },
  ])('an operand wider than the field with top = EMAX, all ones, rounds up into overflow: $why', ({ op }) => {
    const x = r((1n << 60n) - 1n, EMAX - 60);
    expect(() => op(x)).toThrow('bigfloat add overflowed');
  });
  it('a product whose top is exactly EMAX is accepted', () => {
    expect(F.isFinite(F.mul(r(3n, EMAX - 24), r(3n, 20)))).toBe(true);
  });
});
