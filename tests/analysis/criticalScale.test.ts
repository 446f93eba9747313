import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { criticalScale, classifyBalanced } from '../../src/analysis/criticalScale.ts';

const F = decimalField(20);
const rtol = F.fromString('1e-11');

describe('critical scale alpha_c (B4)', () => {
  for (const [x, rho] of [
    ['3', '2'],
    ['-0.7', '0.25'],
  ] as const) {
    it(`d = 1: enclosure contains rho/sqrt(2) exactly (x = ${x}, rho = ${rho})`, () => {
      // exact value from B10's fixed point u = v = rho/sqrt(2); negative x uses v = sgn(x) alpha
      const r = criticalScale(F, [F.fromString(x)], F.fromString(rho), { rtol });
      const exact = F.div(F.fromString(rho), F.sqrt(F.fromNumber(2)));
      expect(F.cmp(r.lo, exact)).toBe(-1);
      expect(F.cmp(exact, r.hi)).toBe(-1);
      expect(F.toNumber(F.sub(r.hi, r.lo))).toBeLessThanOrEqual(1e-8 * Number(rho));
    });
  }

  it('d = 2: agrees with the independent oracle (x = (1,3), rho = 0.5) within 1e-6', () => {
    // oracle/flow_oracle.py: [0.2708016756553057, 0.2708016757074724] (full system, scipy, own bisection)
    const r = criticalScale(F, [F.one, F.fromNumber(3)], F.fromString('0.5'), { rtol, tol: F.fromString('1e-7') });
    const mid = (F.toNumber(r.lo) + F.toNumber(r.hi)) / 2;
    expect(Math.abs(mid - 0.27080167568)).toBeLessThan(1e-6);
    expect(F.toNumber(F.sub(r.hi, r.lo))).toBeLessThanOrEqual(0.5e-7);
    // each side is re-certified by a fresh run
    expect(classifyBalanced(F, [F.one, F.fromNumber(3)], F.fromString('0.5'), r.lo, { rtol }).kind).toBe('collapse');
    expect(classifyBalanced(F, [F.one, F.fromNumber(3)], F.fromString('0.5'), r.hi, { rtol }).kind).toBe('escape');
  });

  it('scaling (B4): alpha_c(lambda rho) = lambda alpha_c(rho) up to the tolerances', () => {
    const a = criticalScale(F, [F.one, F.fromNumber(3)], F.fromString('0.5'), { rtol, tol: F.fromString('1e-5') });
    const b = criticalScale(F, [F.fromNumber(2), F.fromNumber(6)], F.one, { rtol, tol: F.fromString('1e-5') });
    // x -> 2x only rescales time, rho -> 2 rho scales alpha_c by 2: enclosures must intersect
    expect(F.cmp(F.mul(F.fromNumber(2), a.lo), b.hi)).toBe(-1);
    expect(F.cmp(b.lo, F.mul(F.fromNumber(2), a.hi))).toBe(-1);
  });
});
