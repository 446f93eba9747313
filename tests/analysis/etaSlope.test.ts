import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { etaSlope, logLogSlope, DEFAULT_ETAS } from '../../src/analysis/etaSlope.ts';

const F = decimalField(25);
const V = (a: readonly string[]) => a.map((s) => F.fromString(s));

describe('discrete vs flow (B11)', () => {
  it('logLogSlope recovers the exponent of c*eta^k exactly', () => {
    const etas = V(DEFAULT_ETAS);
    for (const k of [1, 2, 0.5]) {
      const errs = etas.map((e) => F.mul(F.fromNumber(3), F.exp(F.mul(F.fromNumber(k), F.log(e)))));
      expect(Math.abs(F.toNumber(logLogSlope(F, etas, errs)) - k)).toBeLessThan(1e-20);
    }
  });

  // tolerance |slope - 1| < 0.15 fixed in advance (brief), before any measurement
  for (const algo of ['gd', 'sam-l2'] as const) {
    it(`${algo}: error at matched clock s decays with slope 1 in eta`, () => {
      const a = F.fromString('0.5');
      const r = etaSlope(F, {
        algo,
        loss: 'logistic',
        x: V(['0.5', '1', '2']),
        rho: F.one,
        u0: [a, a, a],
        v0: [a, a, a],
        s: F.fromString('0.5'),
        etas: V(DEFAULT_ETAS),
      });
      expect(Math.abs(F.toNumber(r.slope) - 1)).toBeLessThan(0.15);
      // errors decrease monotonically with eta
      for (let i = 1; i < r.points.length; i++) expect(F.cmp(r.points[i]!.err, r.points[i - 1]!.err)).toBe(-1);
    });
  }
});
