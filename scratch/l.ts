import { bigfloatField, bigfloatBits, BigFloat } from '../src/numeric/bigfloatField.ts';
import { log1pRef, refDecimal } from '../tests/numeric/independentMath.ts';
const F = bigfloatField(10); const p = bigfloatBits(10);
const R = refDecimal(80);
const bits = (m: bigint) => m.toString(2).length;
for (const K of [p + 5, 120, 300]) for (const d of [1n, 3n, 12345n]) for (const s of [1n, -1n]) {
  const m = (1n << BigInt(K)) + s * d;
  const x = new BigFloat(1, m, -K, bits(m));
  const delta = new R(m.toString()).div(new R(2).pow(K)).minus(1);
  const ref = log1pRef(R, delta);
  const got = F.log(x); const got2 = F.log1p(new BigFloat(Number(s), d, -K, bits(d)));
  console.log(K, d, s, F.toString(got, 15), F.toString(got2, 15), ref.toSignificantDigits(15).toString());
}
