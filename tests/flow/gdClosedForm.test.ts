import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { gdClosedForm, gdStatus } from '../../src/flow/gdClosedForm.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';

const F = decimalField(40);
const V = (a: string[]) => a.map((s) => F.fromString(s));

describe('GD closed form (B2)', () => {
  const cases = [
    // mixed signs of x and of the start: exercises sgn(x) handling of the growing mode
    { x: ['0.5', '-1.3', '2'], u0: ['0.3', '-0.2', '0.1'], v0: ['0.4', '0.6', '-0.05'], s: '1.7' },
    // q0 = 0 and p0 = 0 coordinates (pure growth / pure decay)
    { x: ['1', '0.25'], u0: ['0.5', '0.2'], v0: ['0.5', '-0.2'], s: '3' },
  ];
  for (const c of cases) {
    it(`agrees with the integrated flow to 1e-25 (x = ${c.x})`, () => {
      const x = V(c.x);
      const s = F.fromString(c.s);
      const cf = gdClosedForm(F, x, V(c.u0), V(c.v0), s);
      const num = rescaledFlow(F, 'gd', x, F.zero, [V(c.u0), V(c.v0)], [s], { rtol: F.fromString('1e-30') });
      for (let i = 0; i < x.length; i++) {
        expect(F.toNumber(F.abs(F.sub(cf.u[i]!, num.points[0]!.W[0]![i]!)))).toBeLessThan(1e-25);
        expect(F.toNumber(F.abs(F.sub(cf.v[i]!, num.points[0]!.W[1]![i]!)))).toBeLessThan(1e-25);
        // invariant u² − v²
        const inv0 = F.sub(F.mul(V(c.u0)[i]!, V(c.u0)[i]!), F.mul(V(c.v0)[i]!, V(c.v0)[i]!));
        const inv1 = F.sub(F.mul(cf.u[i]!, cf.u[i]!), F.mul(cf.v[i]!, cf.v[i]!));
        expect(F.toNumber(F.abs(F.sub(inv0, inv1)))).toBeLessThan(1e-30);
      }
    });
  }

  it('s = 1000 is finite and beta_i = alpha² e^{2 x_i s} for a balanced start', () => {
    const x = V(['0.5', '1', '2']);
    const a = F.fromString('0.5');
    const r = gdClosedForm(F, x, [a, a, a], [a, a, a], F.fromNumber(1000));
    r.beta.forEach((b, i) => {
      expect(F.isFinite(b)).toBe(true);
      const expected = F.mul(F.mul(a, a), F.exp(F.mul(F.fromNumber(2000), x[i]!)));
      expect(F.toNumber(F.div(F.abs(F.sub(b, expected)), expected))).toBeLessThan(1e-35);
    });
    expect(F.toString(r.beta[2]!, 5)).toMatch(/e\+1736$/);
  });

  it('status: escaped iff some growing coefficient is non-zero', () => {
    expect(gdStatus(F, V(['1', '-2']), V(['1', '1']), V(['-1', '1']))).toBe('running');
    expect(gdStatus(F, V(['1', '-2']), V(['1', '1']), V(['-1', '-0.5']))).toBe('escaped');
  });
});
