/**
 * Test-only reference mathematics, independent of decimal.js's exp/ln and of samcheck's Field:
 * everything is built from +, −, ×, ÷ on a private high-precision decimal.js clone.
 *
 * Main definitions:
 * - `refDecimal(p)`: an isolated Decimal constructor with p digits and the full exponent range.
 * - `expRef(D, x)`: e^x = e^{±1}^{|n|} · e^{f} (n = trunc(x), e^{±1} and e^{f} by Taylor series,
 *   the integer power by binary powering).
 * - `log1pRef(D, a)`: log(1+a) = 2·atanh(a/(2+a)) by its series (a ≥ −1/2).
 * - `ln2Ref(D)`: log 2 = log1pRef(1).
 * - `logisticRef`, `logisticGRef`, `expLossRef`: the losses from these pieces, at guard precision.
 * - `relErr(a, b)`: |a − b| / |b| as a Decimal (b ≠ 0), exact enough for tolerance checks.
 */
import { Decimal } from 'decimal.js';

export type Dec = Decimal;
export type DecCtor = typeof Decimal;

export function refDecimal(precision: number): DecCtor {
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15, toExpNeg: -7, toExpPos: 21 });
}

/** e^f for |f| ≤ 1 by the Taylor series Σ f^k/k!. */
function expSeries(D: DecCtor, f: Decimal): Decimal {
  const eps = new D(10).pow(-(D.precision + 2));
  let term = new D(1);
  let acc = new D(1);
  for (let k = 1; k < 100000; k++) {
    term = term.times(f).div(k);
    acc = acc.plus(term);
    if (term.abs().lte(eps)) break;
  }
  return acc;
}

/** b^m for an integer m ≥ 0 by binary powering. */
function powBinary(b: Decimal, m: bigint, one: Decimal): Decimal {
  let r = one;
  let base = b;
  let k = m;
  while (k > 0n) {
    if (k & 1n) r = r.times(base);
    base = base.times(base);
    k >>= 1n;
  }
  return r;
}

/** e^x for |x| ≤ ~1e15, computed with guard digits proportional to the size of the integer part. */
export function expRef(D: DecCtor, x: Decimal.Value): Decimal {
  const X = new D(x);
  const n = X.trunc();
  const guard = n.abs().toString().length + 10;
  const G = D.clone({ precision: D.precision + guard });
  const xg = new G(X);
  const ng = new G(n);
  const f = xg.minus(ng); // |f| < 1
  const e1 = expSeries(G, new G(ng.isNeg() ? -1 : 1));
  const intPart = powBinary(e1, BigInt(ng.abs().toFixed(0)), new G(1));
  return new D(intPart.times(expSeries(G, f))).toSignificantDigits(D.precision);
}

/** log(1 + a) for a ≥ −1/2 via 2·atanh(t), t = a/(2+a), |t| ≤ 1/3. */
export function log1pRef(D: DecCtor, a: Decimal.Value): Decimal {
  const G = D.clone({ precision: D.precision + 10 });
  const A = new G(a);
  if (A.lt(-0.5)) throw new RangeError('log1pRef: needs a >= -1/2');
  const t = A.div(A.plus(2));
  const t2 = t.times(t);
  const eps = new G(10).pow(-(D.precision + 5));
  let term = t;
  let acc = t;
  for (let k = 3; k < 1_000_000; k += 2) {
    term = term.times(t2);
    const c = term.div(k);
    acc = acc.plus(c);
    if (c.abs().lte(eps.times(acc.abs()))) break;
  }
  return new D(acc.times(2)).toSignificantDigits(D.precision);
}

export function ln2Ref(D: DecCtor): Decimal {
  return log1pRef(D, 1);
}

/** log(1 + e^{−z}); for z < 0 via the identity log(1+e^{−z}) = −z + log(1+e^{z}). */
export function logisticRef(D: DecCtor, z: Decimal.Value): Decimal {
  const Z = new D(z);
  if (Z.gte(0)) return log1pRef(D, expRef(D, Z.neg()));
  return Z.neg().plus(log1pRef(D, expRef(D, Z)));
}

/** g(z) = 1/(1 + e^{z}). */
export function logisticGRef(D: DecCtor, z: Decimal.Value): Decimal {
  return new D(1).div(new D(1).plus(expRef(D, z)));
}

/** e^{−z}. */
export function expLossRef(D: DecCtor, z: Decimal.Value): Decimal {
  return expRef(D, new D(z).neg());
}

/** |a − b| / |b| (b ≠ 0), evaluated at 60 digits beyond the inputs' needs. */
export function relErr(a: Decimal.Value, b: Decimal.Value): Decimal {
  const R = refDecimal(60);
  const A = new R(a.toString());
  const B = new R(b.toString());
  if (B.isZero()) return A.abs();
  return A.minus(B).abs().div(B.abs());
}

/** 10^{−k} as a Decimal (for tolerances). */
export function tenTo(k: number): Decimal {
  return new (refDecimal(20))(10).pow(k);
}
