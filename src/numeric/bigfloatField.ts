/**
 * bigfloat backend for `Field`: binary floating point on BigInt.
 *
 * Main definitions:
 * - `BigFloat`: an immutable value s·m·2^e (sign s ∈ {−1, 0, 1}, magnitude m ≥ 0 a BigInt,
 *   exponent e a JS integer, n = bit length of m kept alongside so that no operation has to
 *   measure a BigInt with toString).
 * - `bigfloatField(P)`: a `Field<BigFloat>` carrying p = ⌈P·log2 10⌉ + GUARD_BITS mantissa bits.
 *   add, sub, mul, div, sqrt are correctly rounded (round half to even) to p bits, and so is
 *   fromString for decimal exponents up to ±20000; beyond that (10^±20000 … 10^±2.7e15) parsing
 *   goes through extended precision with an error below 2^-60 of a unit before the final rounding
 *   (the nearest value unless the input lies within 2^-60 of a unit from a tie);
 *   exp, log, log1p, powInt are computed in fixed point with extra guard bits and rounded once
 *   (error below one unit of the p-th bit, well below one unit in the last of the P decimal
 *   digits); toString rounds the exact binary value half-to-even to the asked number of
 *   significant decimal digits (for values beyond 2^±80000 or 10^±20000 through extended
 *   precision, with the same 2^-60 caveat at decimal ties).
 * - Exponent range: |binary exponent| < 2^53 − 2^32 (about 10^±2.7e15); beyond it an operation
 *   throws `NumericError` (never NaN, Infinity or a silent 0). Domain errors (log of a
 *   non-positive number, division by zero, ...) throw `DomainError`.
 *
 * Design for speed: magnitudes with few bits stay small (1, 2, 0.5 are one-bit BigInts and
 * multiply exactly; a power of two only shifts the exponent), powers of two, masks and BigInt shift
 * counts are cached, ln 2 is cached per precision, exp reduces x = k·ln2 + i1/64 + i2/4096 + r2
 * with the two table factors cached per precision and a short Taylor series for |r2| ≤ 2^-12.9;
 * log is E·ln2 + 2·atanh((f−1)/(f+1)) with f ∈ [1/√2, √2), computed on the exact 1 + a for log1p.
 * Known limit: the exponent range is about 10^±2.7e15, a third of decimal.js's 10^±9e15 (an exponent
 * is a JS number and must stay an exact integer).
 */
import type { Field } from './Field.ts';
import { isDecimalString, MAX_PRECISION, MIN_PRECISION } from './decimalField.ts';
import { DomainError, NumericError } from './errors.ts';

/** Extra mantissa bits beyond ⌈P·log2 10⌉. */
export const GUARD_BITS = 8;
/** Largest |top| (exponent of the leading bit + 1) a value may have: keeps exponent sums exact. */
const EMAX = 2 ** 53 - 2 ** 32;

export class BigFloat {
  // `declare`: no class-field initialisers are emitted, so the constructor's four stores build one
  // hidden class directly (the value type is allocated on every operation)
  /** −1, 0 or 1 */
  declare readonly s: number;
  /** magnitude mantissa, ≥ 0 (0n iff s = 0) */
  declare readonly m: bigint;
  /** binary exponent: |value| = m·2^e */
  declare readonly e: number;
  /** bit length of m (0 for zero) */
  declare readonly n: number;
  constructor(s: number, m: bigint, e: number, n: number) {
    this.s = s;
    this.m = m;
    this.e = e;
    this.n = n;
  }
}

const ZERO = new BigFloat(0, 0n, 0, 0);
const ONE = new BigFloat(1, 1n, 0, 1);

// ---- caches: BigInt shift counts, powers of two, masks -------------------------------------

const SH: bigint[] = [];
const P2: bigint[] = [];
const MASK: bigint[] = [];
const CACHE_LIMIT = 1 << 15;
function growTo(k: number): void {
  for (let i = SH.length; i <= k; i++) {
    const b = BigInt(i);
    SH.push(b);
    const p = 1n << b;
    P2.push(p);
    MASK.push(p - 1n);
  }
}
growTo(256);
/** BigInt(k) for a shift count k ≥ 0. */
function sh(k: number): bigint {
  const v = SH[k];
  if (v !== undefined) return v;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: cache policy only (growing the table or computing the BigInt directly give the same value)
  if (k < CACHE_LIMIT) {
    growTo(k);
    return SH[k]!;
  }
  return BigInt(k);
}
/** 2^k */
function p2(k: number): bigint {
  const v = P2[k];
  if (v !== undefined) return v;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: cache policy only (growing the table or computing the BigInt directly give the same value)
  if (k < CACHE_LIMIT) {
    growTo(k);
    return P2[k]!;
  }
  return 1n << BigInt(k);
}
/** 2^k − 1 */
function mask(k: number): bigint {
  const v = MASK[k];
  if (v !== undefined) return v;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: cache policy only (growing the table or computing the BigInt directly give the same value)
  if (k < CACHE_LIMIT) {
    growTo(k);
    return MASK[k]!;
  }
  return (1n << BigInt(k)) - 1n;
}

/** Bit length of x > 0. */
export function bitLength(x: bigint): number {
  if (x < 4294967296n) return 32 - Math.clz32(Number(x));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut (the recursive and the hexadecimal paths give the same bit length)
  if (x < 9007199254740992n) return 32 + bitLength(x >> 32n);
  const s = x.toString(16);
  return s.length * 4 - (Math.clz32(parseInt(s[0]!, 16)) - 28);
}

/** Bit length of 0 < x < 2^hi, searching down from hi (cheap when a few bits cancelled). */
function bitLenBelow(x: bigint, hi: number): number {
  let k = hi;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator,BlockStatement: how many steps to search before bitLength(x); every variant returns the true bit length
  for (let i = 0; i < 6; i++) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: an early exit of the search; without it (or with k < 0) the search ends in bitLength(x), the same value
    if (k <= 0 || x >= p2(k - 1)) return k;
    // Stryker disable next-line UpdateOperator: searching upward never meets the exit condition and ends in bitLength(x), the same value
    k--;
  }
  return bitLength(x);
}

/** The error for a result whose top (exponent of its leading bit + 1) is outside ±EMAX. */
function rangeError(top: number, op: string): NumericError {
  return top > 0
    ? new NumericError(`bigfloat ${op} overflowed (binary exponent ${top} beyond ${EMAX})`, op)
    : new NumericError(`bigfloat ${op} underflowed (binary exponent ${top} below -${EMAX}); refusing to round to 0`, op);
}

/**
 * Round s·M·2^e (M > 0 with bit length bl) to `prec` bits, half to even. Every result goes
 * through here, so every value is range-checked.
 */
function finish(s: number, M: bigint, e: number, bl: number, prec: number, op: string): BigFloat {
  // Stryker disable next-line EqualityOperator: at bl = prec the rounding path shifts by 0 bits and returns the same value
  if (bl <= prec) {
    const top = e + bl;
    if (top > EMAX || top < -EMAX) throw rangeError(top, op);
    return new BigFloat(s, M, e, bl);
  }
  const k = bl - prec;
  let q = M >> sh(k);
  const rem = M & mask(k);
  const half = p2(k - 1);
  let ee = e + k;
  if (rem > half || (rem === half && (q & 1n) === 1n)) {
    q += 1n;
    if (q === p2(prec)) {
      q = p2(prec - 1);
      ee += 1;
    }
  }
  const top = ee + prec;
  if (top > EMAX || top < -EMAX) throw rangeError(top, op);
  return new BigFloat(s, q, ee, prec);
}

// ---- exact-ish kernels parameterised by the precision in bits --------------------------------

function addP(a: BigFloat, b: BigFloat, bs: number, prec: number): BigFloat {
  // a + (bs·|b|): bs is b's sign (or its negation, for subtraction)
  if (bs === 0) return finish(a.s, a.m, a.e, a.n, prec, 'add');
  if (a.s === 0) return finish(bs, b.m, b.e, b.n, prec, 'add');
  let as = a.s;
  let x = a;
  let y = b;
  let ys = bs;
  let tx = a.e + a.n;
  let ty = b.e + b.n;
  if (tx < ty) {
    x = b;
    y = a;
    ys = as;
    as = bs;
    const t = tx;
    tx = ty;
    ty = t;
  }
  // now |x| has the higher (or equal) top; signs as (x) and ys (y)
  if (tx - ty > prec + 3) {
    // y lies below every rounding decision of x: replace it by a sticky unit
    const k = prec + 4 - x.n;
    if (k >= 0) {
      const base = x.m << sh(k);
      const M = as === ys ? base + 1n : base - 1n;
      const bl = M >= p2(prec + 3) ? prec + 4 : prec + 3;
      // Stryker disable next-line StringLiteral: x plus a sticky unit rounds to x or a neighbour with the same top; it cannot leave the range
      return finish(as, M, x.e - k, bl, prec, 'add');
    }
    // x is wider than this precision (a value of a higher-precision field): the sticky unit must also
    // lie below x's last bit, which holds when |y| < 2^(x.e−2); otherwise y overlaps x's bits and the
    // exact path below aligns them with a shift of fewer than y.n + 2 bits
    if (ty <= x.e - 2) {
      const base = x.m << 2n;
      const M = as === ys ? base + 1n : base - 1n;
      const bl = M >= p2(x.n + 1) ? x.n + 2 : x.n + 1;
      return finish(as, M, x.e - 2, bl, prec, 'add');
    }
  }
  const e = x.e < y.e ? x.e : y.e;
  const X = x.m << sh(x.e - e);
  const Y = y.m << sh(y.e - e);
  const hi = tx - e; // X < 2^hi
  if (as === ys) {
    const M = X + Y;
    const bl = M >= p2(hi) ? hi + 1 : hi;
    return finish(as, M, e, bl, prec, 'add');
  }
  let M = X - Y;
  let s = as;
  if (M <= 0n) {
    if (M === 0n) return ZERO;
    M = -M;
    s = ys;
  }
  return finish(s, M, e, bitLenBelow(M, hi), prec, 'sub');
}

function mulP(a: BigFloat, b: BigFloat, prec: number): BigFloat {
  if (a.s === 0 || b.s === 0) return ZERO;
  const s = a.s === b.s ? 1 : -1;
  // a power of two (±1, ±2, ±0.5, ...) only shifts the exponent: no BigInt work
  if (a.n === 1) return finish(s, b.m, b.e + a.e, b.n, prec, 'mul');
  if (b.n === 1) return finish(s, a.m, a.e + b.e, a.n, prec, 'mul');
  const M = a.m * b.m;
  const k = a.n + b.n;
  const bl = M >= p2(k - 1) ? k : k - 1;
  return finish(s, M, a.e + b.e, bl, prec, 'mul');
}

function divP(a: BigFloat, b: BigFloat, prec: number): BigFloat {
  if (b.s === 0) throw new DomainError('bigfloat: division by zero');
  if (a.s === 0) return ZERO;
  const s = a.s === b.s ? 1 : -1;
  if (b.n === 1) return finish(s, a.m, a.e - b.e, a.n, prec, 'div'); // b = ±2^k: exact
  const k = prec + 2 + b.n - a.n;
  const num = k > 0 ? a.m << sh(k) : a.m;
  const kk = k > 0 ? k : 0;
  const q = num / b.m;
  const sticky = num - q * b.m === 0n ? 0n : 1n;
  const Q = (q << 1n) | sticky;
  // num has a.n + kk bits, so q has (a.n + kk − b.n) or one more bits
  const lo = a.n + kk - b.n;
  const qb = q >= p2(lo) ? lo + 1 : lo;
  return finish(s, Q, a.e - kk - b.e - 1, qb + 1, prec, 'div');
}

/** floor(sqrt(N)) for N > 0 of bit length bl ≥ 52 (sqrtP passes at least 2·42 + 4 bits). */
function isqrt(N: bigint, bl: number): bigint {
  // start above sqrt(N) from a float estimate of the top bits; Newton from above with floor
  // division decreases monotonically to floor(sqrt(N)) and stops there
  // Stryker disable next-line ArithmeticOperator: the start of Newton's iteration; any start above √N converges (from above) to the same floor
  const shift = (bl - 52) & ~1;
  const top = Number(N >> sh(shift));
  // Stryker disable next-line ArithmeticOperator: the start of Newton's iteration; any start above √N converges (from above) to the same floor
  let x = (BigInt(Math.floor(Math.sqrt(top))) + 1n) << sh(shift / 2);
  for (;;) {
    const y = (x + N / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function sqrtP(a: BigFloat, prec: number): BigFloat {
  if (a.s === 0) return ZERO;
  if (a.s < 0) throw new DomainError('bigfloat: sqrt of a negative number');
  // M·2^E with E even and M of at least 2·prec + 4 bits
  let k = 2 * prec + 4 - a.n;
  if (k < 0) k = 0;
  // Stryker disable next-line ArithmeticOperator: a.e − k and a.e + k have the same parity
  if (((a.e - k) & 1) !== 0) k += 1;
  const M = a.m << sh(k);
  const r = isqrt(M, a.n + k);
  const sticky = r * r === M ? 0n : 1n;
  const R = (r << 1n) | sticky;
  // r has ceil((a.n + k)/2) bits
  // Stryker disable next-line StringLiteral: a square root halves the exponent; it cannot leave the range
  return finish(1, R, (a.e - k) / 2 - 1, ((a.n + k + 1) >> 1) + 1, prec, 'sqrt');
}

function powIntP(a: BigFloat, n: number, prec: number): BigFloat {
  if (n === 0) return ONE;
  if (a.s === 0) {
    if (n < 0) throw new DomainError('bigfloat: 0 to a negative power');
    return ZERO;
  }
  let N = Math.abs(n);
  const wp = prec + 2 * Math.ceil(Math.log2(N + 1)) + 8;
  let base = a;
  let acc = ONE;
  while (N > 0) {
    if (N % 2 === 1) acc = mulP(acc, base, wp);
    N = Math.floor(N / 2);
    if (N > 0) base = mulP(base, base, wp);
  }
  if (n < 0) acc = divP(ONE, acc, wp);
  return finish(acc.s, acc.m, acc.e, acc.n, prec, 'powInt');
}

// ---- transcendental kernels in fixed point ----------------------------------------------------

const LN2_CACHE = new Map<number, bigint>();
/** floor(ln 2 · 2^W), cached per W. ln 2 = 2·atanh(1/3). */
function ln2Fixed(W: number): bigint {
  let v = LN2_CACHE.get(W);
  if (v !== undefined) return v;
  const WW = W + 16;
  const one = 1n << BigInt(WW);
  let term = one / 3n;
  let sum = term;
  for (let k = 3n; term !== 0n; k += 2n) {
    term /= 9n;
    sum += term / k;
  }
  v = (2n * sum) >> 16n;
  LN2_CACHE.set(W, v);
  return v;
}

/** BigInt to a signed fixed-point integer X with X ≈ x·2^W (truncated toward 0). */
function toFixed(x: BigFloat, W: number): bigint {
  const k = x.e + W;
  const M = k >= 0 ? x.m << sh(k) : x.m >> sh(-k);
  return x.s < 0 ? -M : M;
}

/** Signed fixed point Y/2^W to a BigFloat rounded to prec bits. */
function fromFixed(Y: bigint, W: number, prec: number, op: string): BigFloat {
  if (Y === 0n) return ZERO;
  const s = Y < 0n ? -1 : 1;
  const M = Y < 0n ? -Y : Y;
  return finish(s, M, -W, bitLength(M), prec, op);
}

interface ExpSeries {
  /** argument halvings: e^r = (e^(r/2^j))^(2^j) */
  readonly j: number;
  /** floor(2^(W+j)/i!) for i = 0..N, N the last term that matters for |r/2^j| ≤ 0.35·2^-j */
  readonly coef: bigint[];
}
const EXP_SERIES = new Map<number, ExpSeries>();
function expSeries(W: number): ExpSeries {
  let t = EXP_SERIES.get(W);
  if (t) return t;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: the number of argument halvings j ≥ 2 only trades series terms for squarings; the coefficients are computed for that j
  const j = Math.max(2, Math.round(0.45 * Math.sqrt(W)));
  t = { j, coef: taylorCoefficients(W + j, 0.35 * 2 ** -j) };
  EXP_SERIES.set(W, t);
  return t;
}

/** floor(2^B/i!) for i = 0..N, N the last i with rmax^i/i! ≥ 2^-(B + 4). */
function taylorCoefficients(B: number, rmax: number): bigint[] {
  let N = 1;
  let lg = 0; // log2 of rmax^N/N!
  for (;;) {
    lg += Math.log2(rmax) - Math.log2(N + 1);
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a truncation margin: dropping terms below 2^-(B-4) instead of 2^-(B+4) leaves an error of 2^-(p+8), inside the one-unit bound
    if (lg < -(B + 4)) break;
    N++;
  }
  const coef: bigint[] = [];
  let f = 1n << BigInt(B);
  // Stryker disable next-line EqualityOperator: one term fewer is a term below 2^-(B+4): inside the one-unit bound
  for (let i = 0; i <= N; i++) {
    if (i > 0) f /= BigInt(i);
    coef.push(f);
  }
  return coef;
}

/**
 * e^r·2^W for r = R/2^W, |r| ≤ 0.35 (fixed point, error a few units of 2^-W): Taylor series of
 * e^(r/2^j) by Horner, then j squarings. Builds the tables of the fast path below.
 */
function expFixedSeries(R: bigint, W: number): bigint {
  const T = expSeries(W);
  const j = T.j;
  const wj = sh(W + j);
  const c = T.coef;
  let sum = c[c.length - 1]!;
  for (let i = c.length - 2; i >= 0; i--) sum = c[i]! + ((sum * R) >> wj); // R read as (r/2^j)·2^(W+j)
  for (let i = 0; i < j; i++) sum = (sum * sum) >> wj;
  return sum >> sh(j);
}

/**
 * Per working precision W: r = i1/64 + i2/4096 + r2 with |r2| ≤ 2^-12.9, e^(i1/64) and e^(i2/4096)
 * from tables (filled on first use), e^(r2) by a short Taylor series without squarings.
 */
interface ExpTables {
  readonly e1: Array<bigint | undefined>;
  readonly e2: Array<bigint | undefined>;
  readonly off1: Array<bigint | undefined>;
  readonly off2: Array<bigint | undefined>;
  readonly coef: bigint[];
}
const EXP_TABLES = new Map<number, ExpTables>();
const T1 = 6; // first table step 2^-6, |i1| ≤ 23
const T2 = 12; // second table step 2^-12, |i2| ≤ 33
function expTables(W: number): ExpTables {
  let t = EXP_TABLES.get(W);
  // Stryker disable next-line ConditionalExpression: rebuilding the cached tables gives the same tables
  if (!t) {
    // Stryker disable next-line UnaryOperator: a reduced argument up to 2^12.9 only makes the series longer (it is computed for that bound): same value, slower
    t = { e1: [], e2: [], off1: [], off2: [], coef: taylorCoefficients(W, 2 ** -12.9) };
    EXP_TABLES.set(W, t);
  }
  return t;
}
/** floor(e^(i/2^b)·2^W), cached in `tab` at index i + 64. */
function expEntry(tab: Array<bigint | undefined>, i: number, b: number, W: number): bigint {
  // Stryker disable next-line ArithmeticOperator: a cache slot: reading or writing another slot only recomputes the entry
  let v = tab[i + 64];
  // Stryker disable next-line ConditionalExpression: recomputing a cached entry gives the same entry
  if (v === undefined) {
    const G = W + 10;
    v = expFixedSeries(BigInt(i) << sh(G - b), G) >> 10n;
    // Stryker disable next-line ArithmeticOperator: a cache slot: writing another slot only recomputes the entry on the next read
    tab[i + 64] = v;
  }
  return v;
}
function offset(tab: Array<bigint | undefined>, i: number, b: number, W: number): bigint {
  // Stryker disable next-line ArithmeticOperator: a cache slot: reading or writing another slot only recomputes the entry
  let v = tab[i + 64];
  // Stryker disable next-line ConditionalExpression: recomputing a cached entry gives the same entry
  if (v === undefined) {
    v = BigInt(i) << sh(W - b);
    // Stryker disable next-line ArithmeticOperator: a cache slot: writing another slot only recomputes the entry on the next read
    tab[i + 64] = v;
  }
  return v;
}

function expP(x: BigFloat, prec: number): BigFloat {
  if (x.s === 0) return ONE;
  const top = x.e + x.n;
  if (top < -(prec + 4)) return ONE; // 1 + x rounds to 1 (|x| below a quarter ulp of 1)
  if (top > 53) {
    // |x| ≥ 2^53: e^x's binary exponent |x|/ln 2 is beyond EMAX < 2^53
    throw new NumericError(`bigfloat exp ${x.s > 0 ? 'overflowed' : 'underflowed'} (argument of magnitude 2^${top - 1} or more)`, 'exp');
  }
  const W = prec + 12;
  const WL = W + 64; // ln 2 with 64 more bits: k·ln2 stays exact to 2^-W for |k| < 2^60
  const LN2 = ln2Fixed(WL);
  const X = toFixed(x, WL);
  const xn = Number(X >> sh(WL - 60)) / 2 ** 60; // x to ~53 bits
  let k = Math.round(xn / Math.LN2);
  let R = X - BigInt(k) * LN2;
  const kc = Math.round(Number(R >> sh(WL - 60)) / 2 ** 60 / Math.LN2);
  if (kc !== 0) {
    k += kc;
    R -= BigInt(kc) * LN2;
  }
  // r = R/2^WL, |r| ≤ ln2/2 (+ rounding) = i1/64 + i2/4096 + r2
  const T = expTables(W);
  let Rw = R >> sh(WL - W);
  const rn = Number(Rw >> sh(W - 40)) / 2 ** 40;
  // Stryker disable next-line ArithmeticOperator: i1 = 0 leaves all of r to the second table, whose entries are computed for any index: same value
  const i1 = Math.round(rn * 2 ** T1);
  const i2 = Math.round((rn - i1 / 2 ** T1) * 2 ** T2);
  Rw = Rw - offset(T.off1, i1, T1, W) - offset(T.off2, i2, T2, W);
  const w = sh(W);
  const c = T.coef;
  let sum = c[c.length - 1]!;
  for (let i = c.length - 2; i >= 0; i--) sum = c[i]! + ((sum * Rw) >> w);
  sum = (((sum * expEntry(T.e1, i1, T1, W)) >> w) * expEntry(T.e2, i2, T2, W)) >> w;
  // e^r ∈ [0.7, 1.42]: sum has W or W + 1 bits
  return finish(1, sum, k - W, sum >= p2(W) ? W + 1 : bitLenBelow(sum, W), prec, 'exp');
}

/**
 * log of M·2^e (M > 0, exact, any bit length) to prec bits: write it as f·2^E with
 * f ∈ [1/√2, √2), then log = E·ln2 + 2·atanh(t), t = (f−1)/(f+1), |t| ≤ 0.172.
 */
function logExact(M: bigint, e: number, prec: number, op: string): BigFloat {
  const bl = bitLength(M);
  // f = M·2^(e−E): choose E = e + bl (f ∈ [1/2,1)) or E = e + bl − 1 (f ∈ [1,2))
  const topBits = Number(M >> sh(Math.max(0, bl - 53))) / 2 ** Math.min(bl, 53); // ∈ [1/2, 1)
  const E = topBits < Math.SQRT1_2 ? e + bl - 1 : e + bl;
  // f − 1 = (M − 2^(E−e))·2^(e−E), exactly
  const ex = e - E; // ≤ 0 ... f = M·2^ex
  const unit = p2(-ex);
  const D = M - unit; // f − 1 = D·2^ex
  const W0 = prec + 12;
  // relative accuracy for a tiny log when E = 0: more fraction bits
  let W = W0;
  if (E === 0) {
    const Dm = D < 0n ? -D : D;
    // |f − 1| < 2^tD with tD ≤ −1 (f ∈ [1/√2, √2)); tD = ex when f = 1 (D = 0, log 1 = 0)
    W -= bitLength(Dm) + ex;
  }
  const w = sh(W);
  // t = (f − 1)/(f + 1) = D / (2·unit + D), as T = t·2^W (T = 0 when f = 1)
  const neg = D < 0n;
  const T = ((neg ? -D : D) << w) / (2n * unit + D); // |t|·2^W (the series is odd in t)
  const T2 = (T * T) >> w;
  let term = T;
  let acc = T;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * T2) >> w;
    acc += term / k;
  }
  let Y = neg ? -2n * acc : 2n * acc;
  // E·ln 2 with ln 2 at W0 + 64 fraction bits (cached per precision): W = W0 whenever E ≠ 0, and E = 0 adds 0
  Y += (BigInt(E) * ln2Fixed(W0 + 64)) >> 64n;
  return fromFixed(Y, W, prec, op);
}

// ---- decimal conversion ----------------------------------------------------------------------

const LOG2_10 = Math.log2(10);
const LOG10_2 = Math.log10(2);
/** Beyond this many decimal exponent digits parsing/printing switch to extended-precision arithmetic. */
const EXACT_DEC_EXP = 20000;

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** Nearest prec-bit value to sign·D·10^E10 (D > 0), half to even. */
function fromDecimalParts(s: number, D: bigint, E10: number, prec: number): BigFloat {
  if (E10 >= 0 && E10 <= EXACT_DEC_EXP) {
    const N = D * pow10(E10);
    // Stryker disable next-line StringLiteral: |decimal exponent| ≤ 20000 cannot leave the range
    return finish(s, N, 0, bitLength(N), prec, 'fromString');
  }
  if (E10 < 0 && -E10 <= EXACT_DEC_EXP) {
    const den = pow10(-E10);
    const bD = bitLength(D);
    const bden = bitLength(den);
    const k = prec + 3 + bden - bD;
    let q: bigint;
    let r: bigint;
    if (k >= 0) {
      const num = D << sh(k);
      q = num / den;
      r = num - q * den;
    } else {
      const d2 = den << sh(-k);
      q = D / d2;
      // Stryker disable next-line ArithmeticOperator: r only sets the sticky bit, which decides exact ties; D/10^-E10 with more than prec + 3 bits above it cannot be a tie (shown in stryker/scores-numeric-model-optim.md)
      r = D - q * d2;
    }
    const Q = (q << 1n) | (r === 0n ? 0n : 1n);
    // Stryker disable next-line StringLiteral: |decimal exponent| ≤ 20000 cannot leave the range
    return finish(s, Q, -k - 1, bitLength(Q), prec, 'fromString');
  }
  // astronomically large exponents: extended precision (error < 2^-60 ulp before the final rounding);
  // beyond the exponent range powIntP overflows (a NumericError, reworded by parseDecimal)
  const wp = prec + 64 + Math.ceil(Math.log2(Math.abs(E10) + 1)) * 2;
  // Stryker disable next-line StringLiteral: an integer of the input's digits cannot leave the range
  const Dv = finish(1, D, 0, bitLength(D), wp, 'fromString');
  const ten = new BigFloat(1, 5n, 1, 3);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: powIntP takes negative powers, so either branch computes D·10^E10 (one more rounding at wp bits, inside the 2^-60 margin)
  const v = E10 >= 0 ? mulP(Dv, powIntP(ten, E10, wp), wp) : divP(Dv, powIntP(ten, -E10, wp), wp);
  // Stryker disable next-line StringLiteral: parseDecimal rewords every range error of this path with its own quantity
  return finish(s, v.m, v.e, v.n, prec, 'fromString');
}

/** Parse a decimal string exactly (nearest binary value). */
function parseDecimal(str: string, prec: number): BigFloat {
  if (!isDecimalString(str)) throw new TypeError(`not a finite decimal number: ${JSON.stringify(str)}`);
  let t = str.trim();
  let s = 1;
  if (t[0] === '-' || t[0] === '+') {
    if (t[0] === '-') s = -1;
    t = t.slice(1);
  }
  let E10 = 0;
  const ie = t.search(/[eE]/);
  if (ie >= 0) {
    E10 = Number(t.slice(ie + 1));
    t = t.slice(0, ie);
  }
  const dot = t.indexOf('.');
  let digits = t;
  if (dot >= 0) {
    digits = t.slice(0, dot) + t.slice(dot + 1);
    E10 -= t.length - dot - 1;
  }
  digits = digits.replace(/^0+/, '');
  if (digits === '') return ZERO;
  // strip trailing zeros into the exponent (keeps the BigInt small)
  // Stryker disable next-line StringLiteral: stripping trailing zeros only keeps D small; the value is the same
  const z = digits.length - digits.replace(/0+$/, '').length;
  // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator: stripping trailing zeros only keeps D small; the value is the same
  if (z > 0) {
    digits = digits.slice(0, digits.length - z);
    E10 += z;
  }
  if (!Number.isFinite(E10) || Math.abs(E10) > 1e17) {
    throw new NumericError(`bigfloat: ${JSON.stringify(str)} is beyond the exponent range`, 'fromString');
  }
  try {
    return fromDecimalParts(s, BigInt(digits), E10, prec);
  } catch (e) {
    if (e instanceof NumericError)
      throw new NumericError(
        `bigfloat: ${JSON.stringify(str)} is beyond the exponent range (|value| between 2^-${EMAX} and 2^${EMAX}, about 10^±2.7e15)`,
        'fromString',
      );
    throw e;
  }
}

/** round(num/den) half to even, num, den > 0 */
function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/**
 * Digits R (exactly `digits` of them) and exponent q with |a| ≈ R·10^q, R correctly rounded
 * half to even from the exact binary value.
 */
function toDecimalParts(a: BigFloat, digits: number): { R: bigint; q: number } {
  const top = a.e + a.n;
  let q = Math.floor((top - 1) * LOG10_2) - digits + 1;
  const lo = pow10(digits - 1);
  const hi = lo * 10n;
  // Stryker disable next-line LogicalOperator: taking the exact path more often is always right (only slower)
  const exact = Math.abs(a.e) <= EXACT_DEC_EXP * 4 && Math.abs(q) <= EXACT_DEC_EXP;
  // Stryker disable next-line UpdateOperator: the loop returns within two attempts; more attempts change nothing
  for (let attempt = 0; attempt < 4; attempt++) {
    let R: bigint;
    if (exact) {
      let num = a.m;
      let den = 1n;
      if (a.e >= 0) num <<= BigInt(a.e);
      else den <<= BigInt(-a.e);
      if (q >= 0) den *= pow10(q);
      else num *= pow10(-q);
      R = divRoundEven(num, den);
    } else {
      const wp = Math.ceil(digits * LOG2_10) + 64 + Math.ceil(Math.log2(Math.abs(q) + 1)) * 2;
      const ten = new BigFloat(1, 5n, 1, 3);
      const A = new BigFloat(1, a.m, a.e, a.n);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: powIntP takes negative powers, so either branch computes |a|·10^-q (one more rounding at wp bits, inside the margin)
      const v = q >= 0 ? divP(A, powIntP(ten, q, wp), wp) : mulP(A, powIntP(ten, -q, wp), wp);
      // round v to an integer, half to even
      if (v.e >= 0) R = v.m << BigInt(v.e);
      else R = divRoundEven(v.m, 1n << BigInt(-v.e));
    }
    if (R >= hi) q += 1;
    else if (R < lo) q -= 1;
    else return { R, q };
  }
  // Stryker disable next-line StringLiteral: unreachable (the first estimate of q is off by at most one, so two attempts settle)
  throw new NumericError('bigfloat: decimal conversion did not settle', 'toString');
}

/** Format like decimal.js's toString (exponential below 1e-7 and from 1e21 on, no trailing zeros). */
function formatDecimal(neg: boolean, R: bigint, q: number): string {
  const ds = R.toString().replace(/0+$/, ''); // R ≥ 10^(digits−1) > 0: not empty
  const x = q + R.toString().length - 1; // scientific exponent
  let body: string;
  if (x <= -7 || x >= 21) {
    body = ds.length > 1 ? `${ds[0]}.${ds.slice(1)}` : ds;
    body += `e${x < 0 ? '-' : '+'}${Math.abs(x)}`;
  } else if (x < 0) {
    body = `0.${'0'.repeat(-x - 1)}${ds}`;
  } else if (x >= ds.length - 1) {
    body = ds + '0'.repeat(x - ds.length + 1);
  } else {
    body = `${ds.slice(0, x + 1)}.${ds.slice(x + 1)}`;
  }
  return neg ? `-${body}` : body;
}

// ---- the Field ----------------------------------------------------------------------------------

/** Mantissa bits used for P significant decimal digits. */
export function bigfloatBits(P: number): number {
  return Math.ceil(P * LOG2_10) + GUARD_BITS;
}

export function bigfloatField(precision: number): Field<BigFloat> {
  if (!Number.isInteger(precision) || precision < MIN_PRECISION || precision > MAX_PRECISION) {
    throw new DomainError(`precision must be an integer in ${MIN_PRECISION}..${MAX_PRECISION}, got ${precision}`);
  }
  const p = bigfloatBits(precision);
  // Stryker disable next-line MethodExpression,ArithmeticOperator: how far to pre-fill the caches; sh, p2 and mask fill on demand
  growTo(Math.min(CACHE_LIMIT - 1, 2 * p + 80));
  const small: BigFloat[] = [];
  // Stryker disable next-line StringLiteral: the integers 1 … 64 cannot leave the range
  for (let i = 0; i <= 64; i++) small.push(i === 0 ? ZERO : finish(1, BigInt(i), 0, bitLength(BigInt(i)), p, 'fromNumber'));
  const field: Field<BigFloat> = {
    name: 'bigfloat',
    precision,
    zero: ZERO,
    one: ONE,
    fromString: (s) => parseDecimal(s, p),
    fromNumber(x: number): BigFloat {
      if (!Number.isFinite(x)) throw new TypeError(`not a finite number: ${x}`);
      // Stryker disable next-line BlockStatement: a safe integer through parseDecimal(String(x)) is the same value
      if (Number.isSafeInteger(x)) {
        if (x >= 0 && x <= 64) return small[x]!;
        const M = BigInt(Math.abs(x));
        // Stryker disable next-line StringLiteral: a safe integer cannot leave the range
        return finish(x < 0 ? -1 : 1, M, 0, bitLength(M), p, 'fromNumber');
      }
      return parseDecimal(String(x), p);
    },
    toString(a: BigFloat, digits = precision): string {
      if (!Number.isInteger(digits) || digits < 1) throw new DomainError(`toString: digits must be a positive integer, got ${digits}`);
      if (a.s === 0) return '0';
      const { R, q } = toDecimalParts(a, digits);
      return formatDecimal(a.s < 0, R, q);
    },
    toNumber(a: BigFloat): number {
      if (a.s === 0) return 0;
      let M = a.m;
      let e = a.e;
      if (a.n > 64) {
        // keep 64 bits and a sticky unit for the bits below: Number(M) then rounds once, to nearest
        const k = a.n - 64;
        M = (a.m >> sh(k)) | ((a.m & mask(k)) === 0n ? 0n : 1n);
        e += k;
      }
      // beyond float64, 2^h (h = e/2) is Infinity or 0 and so is the product
      const h = Math.trunc(e / 2);
      return a.s * Number(M) * 2 ** h * 2 ** (e - h);
    },
    add: (a, b) => addP(a, b, b.s, p),
    sub: (a, b) => addP(a, b, -b.s, p),
    mul: (a, b) => mulP(a, b, p),
    div: (a, b) => divP(a, b, p),
    neg: (a) => (a.s === 0 ? a : new BigFloat(-a.s, a.m, a.e, a.n)),
    abs: (a) => (a.s >= 0 ? a : new BigFloat(1, a.m, a.e, a.n)),
    sqrt: (a) => sqrtP(a, p),
    exp: (a) => expP(a, p),
    log(a: BigFloat): BigFloat {
      if (a.s <= 0) throw new DomainError(`log of non-positive ${field.toString(a, 20)}`);
      // Stryker disable next-line StringLiteral: |log x| < 2^53 cannot leave the range
      return logExact(a.m, a.e, p, 'log');
    },
    log1p(a: BigFloat): BigFloat {
      if (a.s === 0) return ZERO;
      if (a.s < 0 && cmpMag(a, ONE) >= 0) throw new DomainError(`log1p argument must be > -1, got ${field.toString(a, 20)}`);
      // |a| < 2^-(p+8): log1p(a) = a(1 − a/2 + …) rounds to a
      if (a.e + a.n < -(p + 8)) return a;
      // 1 + a exactly (no rounding), then the log kernel (which is relative-accurate near 1)
      if (a.e >= 0) {
        const M = (a.m << sh(a.e)) + BigInt(a.s);
        // Stryker disable next-line StringLiteral: |log(1 + a)| cannot leave the range
        return logExact(M, 0, p, 'log1p');
      }
      const unit = p2(-a.e);
      const M = a.s > 0 ? unit + a.m : unit - a.m;
      // Stryker disable next-line StringLiteral: |log(1 + a)| cannot leave the range
      return logExact(M, a.e, p, 'log1p');
    },
    powInt(a: BigFloat, n: number): BigFloat {
      if (!Number.isInteger(n)) throw new DomainError(`powInt needs an integer exponent, got ${n}`);
      return powIntP(a, n, p);
    },
    cmp: (a, b) => cmp(a, b),
    sign: (a) => a.s as -1 | 0 | 1,
    isZero: (a) => a.s === 0,
    isFinite: (a) => a instanceof BigFloat,
    max: (a, b) => (cmp(a, b) >= 0 ? a : b),
    min: (a, b) => (cmp(a, b) <= 0 ? a : b),
  };
  return field;
}

/** Compare |a| and |b|, both nonzero or both zero (cmp settles a zero against a nonzero by sign). */
function cmpMag(a: BigFloat, b: BigFloat): -1 | 0 | 1 {
  const ta = a.e + a.n;
  const tb = b.e + b.n;
  if (ta !== tb) return ta > tb ? 1 : -1;
  const e = a.e < b.e ? a.e : b.e;
  const A = a.m << sh(a.e - e);
  const B = b.m << sh(b.e - e);
  return A > B ? 1 : A < B ? -1 : 0;
}

function cmp(a: BigFloat, b: BigFloat): -1 | 0 | 1 {
  if (a.s !== b.s) return a.s > b.s ? 1 : -1;
  const c = cmpMag(a, b);
  return (c === 0 ? 0 : a.s > 0 ? c : -c) as -1 | 0 | 1;
}
