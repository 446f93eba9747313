import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { integrate } from '../../src/ode/extrapolationIntegrator.ts';

const F = decimalField(50);
const rel = (a: ReturnType<typeof F.fromString>, b: ReturnType<typeof F.fromString>) =>
  F.toNumber(F.div(F.abs(F.sub(a, b)), F.max(F.abs(b), F.fromString('1e-300'))));

describe('GBS extrapolation integrator', () => {
  it('harmonic oscillator to 1e-30 at 50 digits matches sin/cos', () => {
    // hard: 10 time units, tolerance 1e-30 -- only a high-order method does this in ~10 steps
    const sys = { dim: 2, rhs: (_s: unknown, y: readonly any[]) => [y[1], F.neg(y[0])] };
    const r = integrate(F, sys, F.zero, [F.zero, F.one], F.fromNumber(10), { rtol: F.fromString('1e-30') });
    expect(r.status).toBe('done');
    // y0 = sin(s): compare with sin(10) from the exponential series via Taylor in the field
    let term = F.fromNumber(10);
    let sin = term;
    for (let k = 1; k < 80; k++) {
      term = F.neg(F.div(F.mul(term, F.fromNumber(100)), F.fromNumber(2 * k * (2 * k + 1))));
      sin = F.add(sin, term);
    }
    expect(F.toNumber(F.abs(F.sub(r.y[0], sin)))).toBeLessThan(1e-28);
    expect(r.stats.steps).toBeLessThan(60);
  });

  it("locates a terminal event to full tolerance (y' = y hits 100 at ln 100)", () => {
    const sys = { dim: 1, rhs: (_s: unknown, y: readonly any[]) => [y[0]] };
    const r = integrate(F, sys, F.zero, [F.one], F.fromNumber(20), {
      rtol: F.fromString('1e-30'),
      events: [(_s, y) => F.sub(y[0]!, F.fromNumber(100))],
    });
    expect(r.status).toBe('event');
    expect(rel(r.s, F.log(F.fromNumber(100)))).toBeLessThan(1e-28);
  });

  it("reports stepTooSmall at a finite-time blow-up (y' = y², y(0) = 1, blow-up at s = 1)", () => {
    const G = decimalField(16);
    const sys = { dim: 1, rhs: (_s: unknown, y: readonly any[]) => [G.mul(y[0], y[0])] };
    const r = integrate(G, sys, G.zero, [G.one], G.fromNumber(2), { rtol: G.fromString('1e-9') });
    expect(r.status).toBe('stepTooSmall');
    // the stall point is within the integration tolerance of the true blow-up time
    expect(Math.abs(G.toNumber(r.s) - 1)).toBeLessThan(1e-7);
  });

  it('rejects backward integration', () => {
    const sys = { dim: 1, rhs: (_s: unknown, y: readonly any[]) => [y[0]] };
    expect(() => integrate(F, sys, F.one, [F.one], F.zero)).toThrow(RangeError);
  });

  // y' = 1 - s from 0: y = s - s²/2 is reproduced exactly by one step, so an event with two roots
  // inside that step is invisible to a sign test at its ends
  const parabola = { dim: 1, rhs: (s: any) => [F.sub(F.one, s)] };
  const gap = (c: string) => (_s: unknown, y: readonly any[]) => F.sub(y[0]!, F.fromString(c));

  it('why slopes: a sign test alone steps over two roots (g = y - 0.49 on y = s - s²/2, roots 1 ± √0.02)', () => {
    const r = integrate(F, parabola, F.zero, [F.zero], F.fromNumber(2), { h0: F.fromNumber(2), events: [gap('0.49')] });
    expect(r.status).toBe('done');
  });

  it("with the slope g' = f the first of two roots inside one step is found (1 − √0.02)", () => {
    const r = integrate(F, parabola, F.zero, [F.zero], F.fromNumber(2), { h0: F.fromNumber(2), events: [gap('0.49')], eventSlopes: [(_s, _y, f) => f[0]!] });
    expect(r.status).toBe('event');
    expect(rel(r.s, F.sub(F.one, F.sqrt(F.fromString('0.02'))))).toBeLessThan(1e-30);
  });

  it('a slope that turns back before reaching 0 is no event (g = y - 0.51 never vanishes)', () => {
    const r = integrate(F, parabola, F.zero, [F.zero], F.fromNumber(2), { h0: F.fromNumber(2), events: [gap('0.51')], eventSlopes: [(_s, _y, f) => f[0]!] });
    expect(r.status).toBe('done');
  });

  it('an event exactly 0 at the start counts on the side its slope points to (y = s/10 - s²/2, returns to 0 at 0.2)', () => {
    const hump = { dim: 1, rhs: (s: any) => [F.sub(F.fromString('0.1'), s)] };
    const r = integrate(F, hump, F.zero, [F.zero], F.one, { h0: F.one, events: [(_s, y) => y[0]!], eventSlopes: [(_s, _y, f) => f[0]!] });
    expect(r.status).toBe('event');
    expect(rel(r.s, F.fromString('0.2'))).toBeLessThan(1e-30);
  });
});
