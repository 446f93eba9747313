/**
 * Exact ℓ∞-SAM planar solver vs independent simulation (explicit Euler of the rescaled planar system with
 * sign(0) = 0, i.e. the η → 0 limit of the engine's discrete ℓ∞-SAM step, which chatters across the axes
 * where Filippov sliding holds), in all four quadrants and on the axes, away from a thin band around the
 * basin boundary; plus exact hard cases and agreement with the engine's discrete `step` at small η.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { float64Field } from '../../src/numeric/float64Field.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { firstRootAbove1, linfEscapeCondition, linfEscapeMargin, linfPlanarAt, linfPlanarFate, type PlanarFate } from '../../src/linf/planarExact.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step } from '../../src/optim/algorithms.ts';

const D = decimalField(50);
const f64 = float64Field();

/** Euler on u' = v − ρ sgn u, v' = u − ρ sgn v (σ-time). */
function euler<T>(F: Field<T>, u0: T, v0: T, rho: T, h: T, sigmaEnd: T, stopEscape = false): { u: T; v: T; fate: PlanarFate | 'undecided' } {
  let u = u0,
    v = v0,
    s = F.zero;
  const big = F.mul(F.fromNumber(60), F.add(F.add(F.abs(u0), F.abs(v0)), F.add(rho, F.one)));
  const small = F.mul(F.fromNumber(4), F.mul(h, F.max(rho, F.one)));
  while (F.cmp(s, sigmaEnd) < 0) {
    const du = F.sub(v, F.mul(rho, F.fromNumber(F.sign(u))));
    const dv = F.sub(u, F.mul(rho, F.fromNumber(F.sign(v))));
    u = F.add(u, F.mul(h, du));
    v = F.add(v, F.mul(h, dv));
    s = F.add(s, h);
    if (stopEscape) {
      if (F.cmp(F.add(F.abs(u), F.abs(v)), big) > 0) return { u, v, fate: 'escape' };
      if (F.cmp(F.abs(u), small) < 0 && F.cmp(F.abs(v), small) < 0) return { u, v, fate: 'absorb' };
    }
  }
  return { u, v, fate: 'undecided' };
}

/** Relative distance of a start to the basin boundary, from the exact condition (used only to skip the band). */
function bandDistance(u0: number, v0: number, rho: number): number {
  const m = linfEscapeMargin(f64, u0, v0, rho);
  return Math.abs(m.lhs - m.rhs) / Math.max(m.rhs, 1e-12);
}

const pointArb = fc.record({
  u: fc.integer({ min: -400, max: 400 }).map((n) => n / 100),
  v: fc.integer({ min: -400, max: 400 }).map((n) => n / 100),
  rho: fc.integer({ min: 20, max: 150 }).map((n) => n / 100),
});

describe('linfPlanarFate vs independent simulation', () => {
  it('agrees on random starts in all four quadrants and on the axes (seeded, boundary band excluded)', () => {
    const pts = fc.sample(pointArb, { seed: 424242, numRuns: 160 });
    // add axis starts explicitly (sliding and crossing)
    pts.push(
      { u: 0, v: 0.5, rho: 1 },
      { u: 0, v: -0.9, rho: 1 },
      { u: 0, v: 1.5, rho: 1 },
      { u: 0, v: -2.6, rho: 1 },
      { u: 1.4, v: 0, rho: 1 },
      { u: -3, v: 0, rho: 1 },
    );
    const quads = new Set<string>();
    let compared = 0,
      agree = 0;
    const fates = new Set<string>();
    for (const p of pts) {
      if (bandDistance(p.u, p.v, p.rho) < 0.05) continue;
      const exact = linfPlanarFate(D, D.fromString(String(p.u)), D.fromString(String(p.v)), D.fromString(String(p.rho))).fate;
      const sim = euler(f64, p.u, p.v, p.rho, 1e-3, 60, true).fate;
      expect(sim, `simulation undecided at ${JSON.stringify(p)}`).not.toBe('undecided');
      compared++;
      if (sim === exact) agree++;
      else expect.fail(`fate mismatch at ${JSON.stringify(p)}: exact ${exact}, simulation ${sim}`);
      quads.add(`${Math.sign(p.u)},${Math.sign(p.v)}`);
      fates.add(exact);
    }
    expect(compared).toBeGreaterThan(100);
    expect(agree).toBe(compared);
    for (const q of ['1,1', '-1,1', '-1,-1', '1,-1', '0,1', '0,-1', '1,0', '-1,0']) expect(quads.has(q), q).toBe(true);
    expect(fates.has('escape') && fates.has('absorb')).toBe(true);
  });

  it('linfPlanarAt follows the simulated trajectory (sigma = 0.4, 1.2, 2.5)', () => {
    const pts = fc.sample(pointArb, { seed: 99, numRuns: 30 });
    for (const p of pts) {
      if (bandDistance(p.u, p.v, p.rho) < 0.05) continue;
      for (const S of [0.4, 1.2, 2.5]) {
        const ex = linfPlanarAt(D, D.fromString(String(p.u)), D.fromString(String(p.v)), D.fromString(String(p.rho)), D.fromString(String(S)));
        const sim = euler(f64, p.u, p.v, p.rho, 2e-4, S - 1e-9);
        const eu = D.toNumber(ex.u),
          evv = D.toNumber(ex.v);
        const tol = 5e-3 * (1 + Math.abs(eu) + Math.abs(evv));
        expect(Math.abs(eu - sim.u), `${JSON.stringify(p)} sigma ${S} u`).toBeLessThan(tol);
        expect(Math.abs(evv - sim.v), `${JSON.stringify(p)} sigma ${S} v`).toBeLessThan(tol);
      }
    }
  });
});

describe('hard cases (exact)', () => {
  const r1 = D.one;
  const table: Array<[string, string, string, PlanarFate, string]> = [
    // exactly on the Q1 threshold: stable manifold of the saddle (rho, rho)
    ['1', '1', '1', 'saddle', 'Q1 boundary |u+v| = 2 rho'],
    // exactly on the mixed-quadrant boundary: |p0|(2 rho + |q0|) = 1 * 8 = 8 rho^2
    ['-2.5', '3.5', '1', 'saddle', 'Q2 boundary'],
    ['3.5', '-2.5', '1', 'saddle', 'Q4 boundary (swap symmetry)'],
    ['2.5', '-3.5', '1', 'saddle', 'Q4 boundary, p0 < 0 branch'],
    // just inside / outside the mixed boundary
    ['-2.5', '3.5000001', '1', 'escape', 'Q2 just above boundary'],
    ['-2.5', '3.4999999', '1', 'absorb', 'Q2 just below boundary'],
    // axis starts: |v| = rho exactly slides (one-sided field tangent), |v| slightly above crosses
    ['0', '1', '1', 'absorb', 'u = 0, v = rho: sliding boundary'],
    ['0', '2', '1', 'saddle', 'u = 0, v = 2 rho: enters Q1 on the stable manifold'],
    ['0', '0', '1', 'absorb', 'origin is absorbing'],
    // rho = 0: pure GD plane
    ['1', '-1', '0', 'saddle', 'rho = 0, p0 = 0: converges to the origin (saddle)'],
    ['0', '0', '0', 'saddle', 'rho = 0 origin is a fixed point'],
    ['-0.3', '0.5', '0', 'escape', 'rho = 0 escape'],
  ];
  it.each(table)('(%s, %s), rho %s -> %s  [%s]', (u, v, rho, fate) => {
    const r = linfPlanarFate(D, D.fromString(u), D.fromString(v), D.fromString(rho));
    expect(r.fate).toBe(fate);
    expect(linfEscapeCondition(D, D.fromString(u), D.fromString(v), D.fromString(rho))).toBe(fate);
    if (fate === 'absorb') expect(r.absorbSigma).not.toBeNull();
    else expect(r.absorbSigma).toBeNull();
  });
  it('saddle trajectories converge to (+-rho, +-rho); absorption times are exact', () => {
    const at = linfPlanarAt(D, D.fromString('-2.5'), D.fromString('3.5'), r1, D.fromString('30'));
    expect(at.phase).toBe('saddle');
    expect(Math.abs(D.toNumber(at.u) - 1)).toBeLessThan(1e-10);
    expect(Math.abs(D.toNumber(at.v) - 1)).toBeLessThan(1e-10);
    // Q1, P = -1, Q = 0: straight to the origin at E = 2 rho/(2 rho - p0) = 2
    const f = linfPlanarFate(D, D.fromString('0.5'), D.fromString('0.5'), r1);
    expect(D.toString(D.sub(f.absorbSigma!, D.log(D.fromNumber(2))), 5)).toMatch(/^(0|-?[0-9.]+e-(4[5-9]|[5-9][0-9]))$/);
    // sliding only: (0, 0.5) reaches the origin after 0.5/rho
    const g = linfPlanarFate(D, D.zero, D.fromString('0.5'), r1);
    expect(D.toString(g.absorbSigma!)).toBe('0.5');
    const mid = linfPlanarAt(D, D.zero, D.fromString('0.5'), r1, D.fromString('0.2'));
    expect(D.toString(mid.v)).toBe('0.3');
  });
  it('rejects rho < 0', () => {
    expect(() => linfPlanarFate(D, D.one, D.one, D.fromString('-1'))).toThrow(/rho/);
  });
});

describe('engine discrete l_inf-SAM step at small eta follows linfPlanarAt', () => {
  it('x > 0 and x < 0 (pair (u, -v), sigma = |x| s), clock s = sum eta g', () => {
    const F = decimalField(30);
    // logistic: g <= 1, so each step moves sigma by at most eta |x| (exponential loss has g >> 1 at negative margins)
    const loss = makeLoss(F, 'logistic');
    const starts: Array<[string, string, string]> = [
      ['-0.8', '1.9', '1.5'],
      ['-0.6', '0.9', '-1'],
      ['1.2', '-0.3', '2'],
      ['0.3', '0.4', '-0.5'],
    ];
    for (const [u0, v0, xs] of starts) {
      const rho = F.fromString('0.5');
      const x = F.fromString(xs);
      let W = [[F.fromString(u0)], [F.fromString(v0)]];
      let s = F.zero;
      const eta = F.fromString('0.002');
      for (let k = 0; k < 600; k++) {
        const r = step(F, loss, { X: [[x]], Y: [1] }, { algo: 'sam-linf', eta, rho }, W);
        s = F.add(s, F.mul(eta, r.gTilde[0]!));
        W = r.W;
      }
      const sigma = F.mul(F.abs(x), s);
      const neg = F.sign(x) < 0;
      const ex = linfPlanarAt(D, D.fromString(u0), D.fromString(neg ? String(-Number(v0)) : v0), D.fromString('0.5'), D.fromString(F.toString(sigma)));
      const ev = neg ? -D.toNumber(ex.v) : D.toNumber(ex.v);
      const tol = 0.01 * (1 + Math.abs(D.toNumber(ex.u)) + Math.abs(ev));
      expect(
        Math.abs(D.toNumber(ex.u) - F.toNumber(W[0]![0]!)),
        `${u0},${v0},x=${xs} sigma ${F.toString(sigma, 6)} exact ${D.toString(ex.u, 6)},${ev} discrete ${F.toString(W[0]![0]!, 6)},${F.toString(W[1]![0]!, 6)}`,
      ).toBeLessThan(tol);
      expect(Math.abs(ev - F.toNumber(W[1]![0]!)), `${u0},${v0},x=${xs}`).toBeLessThan(tol);
    }
  });
});

describe('firstRootAbove1 (cancellation-free quadratic roots)', () => {
  const table: Array<[string, string, string, string | null, string]> = [
    ['1', '-3', '2', '2', 'roots 1 and 2: 1 is not > 1'],
    ['1', '0', '-4', '2', 'B = 0'],
    ['0', '2', '-6', '3', 'linear case'],
    ['1', '2', '5', null, 'negative discriminant'],
    ['1', '-4', '4', '2', 'double root counts'],
    // tiny leading coefficient: the naive formula loses every digit of the small root
    ['1e-40', '-2', '3', '1.5', 'naive (-B - sqrt D)/(2A) cancels catastrophically'],
  ];
  it.each(table)('A=%s B=%s C=%s -> %s  [%s]', (A, B, C, want) => {
    const r = firstRootAbove1(D, D.fromString(A), D.fromString(B), D.fromString(C));
    if (want === null) expect(r).toBeNull();
    else {
      expect(r).not.toBeNull();
      const err = D.toNumber(D.abs(D.sub(r!, D.fromString(want))));
      expect(err).toBeLessThan(1e-38);
    }
  });
});
