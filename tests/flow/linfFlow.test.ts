import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';

const F = decimalField(30);
const rtol = F.fromString('1e-22');
const V = (a: string[]) => a.map((s) => F.fromString(s));

describe('l_inf-SAM Filippov integration vs exact pieces (B7-B9)', () => {
  it('start on the u-axis with |v| < rho slides and is absorbed exactly at s = |v|/(rho |x|)', () => {
    // exact: on u = 0, v' = -rho|x| sgn(v) (both one-sided fields push into the axis)
    const x = [F.fromString('-1.25')];
    const rho = F.fromString('0.8');
    const r = linfFlow(F, x, rho, [[F.zero], [F.fromString('0.6')]], [F.fromString('0.3'), F.fromNumber(1)], { rtol });
    expect(F.isZero(r.points[0]!.W[0]![0]!)).toBe(true); // u stays exactly 0 while sliding
    const exactAbsorb = F.div(F.fromString('0.6'), F.mul(rho, F.fromString('1.25')));
    expect(F.toNumber(F.abs(F.sub(r.absorbS[0]!, exactAbsorb)))).toBeLessThan(1e-25);
    expect(r.points[1]!.status).toBe('collapsed');
    expect(r.points[1]!.W.flat().every((w) => F.isZero(w))).toBe(true);
  });

  const cases = [
    // all four behaviours: mixed-quadrant absorb (x<0), Q1 escape, Q4 crossing, Q3 absorb
    { x: ['0.5', '-1', '2', '1.5'], u0: ['0.3', '0.8', '-0.4', '1.5'], v0: ['0.9', '-0.2', '0.1', '1.0'], rho: '0.7', s: ['0.5', '2', '6'] },
    // mixed-sign quadrant starts near the exact escape boundary |u+v|(2rho+|u-v|) = 8 rho²
    { x: ['1', '0.6'], u0: ['1.2', '-0.1'], v0: ['-0.2', '1.3'], rho: '0.5', s: ['1', '4'] },
  ];
  for (const c of cases) {
    it(`integration matches the planar exact solver (x = ${c.x})`, () => {
      const x = V(c.x);
      const rho = F.fromString(c.rho);
      const r = linfFlow(F, x, rho, [V(c.u0), V(c.v0)], V(c.s), { rtol });
      for (const p of r.points) {
        const e = linfClosedForm(F, x, V(c.u0), V(c.v0), rho, p.s);
        expect(p.status).toBe(e.status);
        for (let i = 0; i < x.length; i++) {
          expect(F.toNumber(F.abs(F.sub(p.W[0]![i]!, e.u[i]!)))).toBeLessThan(1e-18);
          expect(F.toNumber(F.abs(F.sub(p.W[1]![i]!, e.v[i]!)))).toBeLessThan(1e-18);
        }
      }
      const e = linfClosedForm(F, x, V(c.u0), V(c.v0), rho, F.zero);
      r.absorbS.forEach((a, i) => {
        const b = e.absorbS[i];
        if (a === null || b === null || b === undefined) expect(a === null && (b === null || b === undefined)).toBe(e.fates[i] !== 'absorb' || a !== null);
        else expect(F.toNumber(F.abs(F.sub(a, b)))).toBeLessThan(1e-18);
      });
    });
  }

  it('closed form at s = 1000 stays finite', () => {
    const x = V(['0.5', '2']);
    const r = linfClosedForm(F, x, V(['3', '0.1']), V(['2', '0.2']), F.one, F.fromNumber(1000));
    expect(r.status).toBe('escaped');
    for (const b of r.beta) expect(F.isFinite(b)).toBe(true);
  });
});
