/**
 * The margin losses ℓ and g = −ℓ' against an independent reference (Taylor/atanh series built
 * from + − × ÷ only, tests/numeric/independentMath.ts), in both tails and near 0.
 * Tolerance, fixed before running: relative error ≤ 10^{−(P−2)} at precision P (the result is
 * rounded to P digits, so this allows a few units in the last place and nothing more).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { makeLoss, type LossName } from '../../src/numeric/loss.ts';
import { expLossRef, logisticGRef, logisticRef, refDecimal, relErr, tenTo } from './independentMath.ts';

const PRECISIONS = [20, 50, 100, 300];

type Ref = (D: ReturnType<typeof refDecimal>, z: string) => { l: string; g: string };
const REF: Record<LossName, Ref> = {
  logistic: (D, z) => ({ l: logisticRef(D, z).toString(), g: logisticGRef(D, z).toString() }),
  exponential: (D, z) => ({ l: expLossRef(D, z).toString(), g: expLossRef(D, z).toString() }),
};

const CASES: { z: string; why: string }[] = [
  { z: '1e6', why: 'e^{-z} = 3.3e-434295: underflows any float; log1p must keep it to full relative accuracy' },
  { z: '-1e6', why: 'e^{-z} overflows naive formulas; logistic must become -z + log1p(e^z)' },
  { z: '1e-30', why: 'ℓ = ln2 - z/2 + …: the z-term sits 30 digits down and must survive' },
  { z: '-1e-30', why: 'same on the other side of the branch point z = 0' },
  { z: '0', why: 'the branch point of the stable split itself' },
  { z: '37.5', why: 'moderate z where e^{-z} ~ 5e-17 is below float64 epsilon relative to 1' },
  { z: '-745.2', why: 'beyond float64 exp underflow on the negative side' },
];

describe('losses at extreme and tiny margins vs an independent series reference', () => {
  for (const name of ['logistic', 'exponential'] as const) {
    for (const P of PRECISIONS) {
      it.each(CASES)(`${name} at ${P} digits, z = $z: $why`, ({ z }) => {
        const F = decimalField(P);
        const loss = makeLoss(F, name);
        const want = REF[name](refDecimal(P + 20), z);
        const l = loss.value(F.fromString(z));
        const g = loss.g(F.fromString(z));
        expect(F.isFinite(l) && F.isFinite(g)).toBe(true);
        expect(F.sign(g)).toBe(1); // g > 0 everywhere (no underflow to 0 at z = 1e6)
        expect(relErr(F.toString(l), want.l).lte(tenTo(-(P - 2)))).toBe(true);
        expect(relErr(F.toString(g), want.g).lte(tenTo(-(P - 2)))).toBe(true);
      });
    }
  }
});

describe('loss identities on random margins (fast-check, seed 20260308)', () => {
  const F = decimalField(60);
  const logistic = makeLoss(F, 'logistic');
  const zArb = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((k) => (k / 1000).toString());

  it('logistic: ℓ(z) − ℓ(−z) = −z and g(z) + g(−z) = 1 (to 10^{-57} relative)', () => {
    fc.assert(
      fc.property(zArb, (zs) => {
        const z = F.fromString(zs);
        const lhs = F.sub(logistic.value(z), logistic.value(F.neg(z)));
        // ℓ(z) − ℓ(−z) = −z: relative to max(|z|, ℓ(z)) since z may be 0
        const scale = F.max(F.abs(z), F.max(logistic.value(z), F.one));
        const err1 = F.div(F.abs(F.add(lhs, z)), scale);
        const err2 = F.abs(F.sub(F.add(logistic.g(z), logistic.g(F.neg(z))), F.one));
        const tol = F.fromString('1e-57');
        return F.cmp(err1, tol) <= 0 && F.cmp(err2, tol) <= 0;
      }),
      { seed: 20260308, numRuns: 200 },
    );
  });

  it('logistic and exponential vs the independent reference on random z ∈ [−2000, 2000]', () => {
    const exponential = makeLoss(F, 'exponential');
    const D = refDecimal(80);
    fc.assert(
      fc.property(zArb, (zs) => {
        const z = F.fromString(zs);
        const tol = tenTo(-58);
        return (
          relErr(F.toString(logistic.value(z)), logisticRef(D, zs)).lte(tol) &&
          relErr(F.toString(logistic.g(z)), logisticGRef(D, zs)).lte(tol) &&
          relErr(F.toString(exponential.value(z)), expLossRef(D, zs)).lte(tol)
        );
      }),
      { seed: 20260308, numRuns: 60 },
    );
  });

  it('log1p(a) has full relative accuracy for tiny |a| (vs the atanh series at 80 digits)', () => {
    const D = refDecimal(80);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 4, max: 300 }), fc.boolean(), (m, e, neg) => {
        // |a| < 1e-3: the atanh-series branch of log1p (larger a go through ln with guard digits)
        const a = `${neg ? '-' : ''}${m}e-${e + 6}`; // |a| < 1e-(e) ≤ 1e-4
        const got = F.toString(F.log1p(F.fromString(a)));
        // the reference: 2 atanh(a/(2+a)) summed term by term
        const want = D.clone({ precision: 90 });
        const A = new want(a);
        const t = A.div(A.plus(2));
        let acc = t;
        let term = t;
        for (let k = 3; k < 10_000; k += 2) {
          term = term.times(t).times(t);
          const c = term.div(k);
          acc = acc.plus(c);
          if (c.abs().lte(acc.abs().times('1e-88'))) break;
        }
        return relErr(got, acc.times(2)).lte(tenTo(-58));
      }),
      { seed: 20260308, numRuns: 100 },
    );
  });
});
