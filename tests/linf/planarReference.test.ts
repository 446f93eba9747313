/**
 * The exact planar ℓ∞-SAM solution (planarExact.ts) against references that share none of its code:
 * - the ODE itself: central differences of linfPlanarAt in σ equal the vector field
 *   (v − ρ sgn u, u − ρ sgn v) in open quadrants, and on an axis the Filippov sliding field
 *   (0, −ρ sgn v) or (−ρ sgn u, 0); the state is continuous (also across piece ends) and starts at (u0, v0);
 * - the fates: escape ⇒ |u + v| grows without bound, saddle ⇒ the state tends to (±ρ, ±ρ),
 *   absorb ⇒ the origin is reached at absorbSigma and not before;
 * - symmetries of the system: u ↔ v, (u, v) → (−u, −v), and (u, v, ρ) → c·(u, v, ρ) (same σ);
 * - an RK4 integration with event location on the axes and Filippov sliding, written here.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { linfPlanarAt, linfPlanarFate } from '../../src/linf/planarExact.ts';

const D = decimalField(30);
const d = (s: string | number) => D.fromString(String(s));
const num = (x: ReturnType<typeof d>) => D.toNumber(x);

function at(u0: string, v0: string, rho: string, sigma: string | number) {
  return linfPlanarAt(D, d(u0), d(v0), d(rho), d(sigma));
}

/** RK4 of u' = v − ρ sgn u, v' = u − ρ sgn v (σ-time) with axis events located by bisection and Filippov sliding. */
function rk4Reference(u0: number, v0: number, rho: number, sigmaEnd: number, h = 1e-3): { u: number; v: number } {
  let u = u0,
    v = v0,
    s = 0;
  const f = (a: number, b: number, su: number, sv: number): [number, number] => [b - rho * su, a - rho * sv];
  const rk = (a: number, b: number, su: number, sv: number, k: number): [number, number] => {
    const [a1, b1] = f(a, b, su, sv);
    const [a2, b2] = f(a + (k / 2) * a1, b + (k / 2) * b1, su, sv);
    const [a3, b3] = f(a + (k / 2) * a2, b + (k / 2) * b2, su, sv);
    const [a4, b4] = f(a + k * a3, b + k * b3, su, sv);
    return [a + (k / 6) * (a1 + 2 * a2 + 2 * a3 + a4), b + (k / 6) * (b1 + 2 * b2 + 2 * b3 + b4)];
  };
  while (s < sigmaEnd - 1e-15) {
    if (u === 0 && v === 0) return { u: 0, v: 0 };
    if (u === 0 || v === 0) {
      const other = u === 0 ? v : u;
      if (Math.abs(other) <= rho) {
        // Filippov sliding towards the origin along the axis
        const m = Math.max(0, Math.abs(other) - rho * (sigmaEnd - s));
        return u === 0 ? { u: 0, v: Math.sign(v) * m } : { u: Math.sign(u) * m, v: 0 };
      }
    }
    // signs of the quadrant entered (a zero coordinate takes the sign of the other one: the field pushes it there)
    const su = u !== 0 ? Math.sign(u) : Math.sign(v);
    const sv = v !== 0 ? Math.sign(v) : Math.sign(u);
    const k = Math.min(h, sigmaEnd - s);
    const [nu, nv] = rk(u, v, su, sv, k);
    if (Math.sign(nu) === su && Math.sign(nv) === sv) {
      u = nu;
      v = nv;
      s += k;
      continue;
    }
    // an axis is reached inside this step: bisect the step length
    let lo = 0,
      hi = k;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      const [mu, mv] = rk(u, v, su, sv, mid);
      if (Math.sign(mu) === su && Math.sign(mv) === sv) lo = mid;
      else hi = mid;
    }
    const [eu, ev] = rk(u, v, su, sv, hi);
    u = Math.sign(eu) === su ? eu : 0;
    v = Math.sign(ev) === sv ? ev : 0;
    if (Math.abs(u) < 1e-12) u = 0;
    if (Math.abs(v) < 1e-12) v = 0;
    s += hi;
  }
  return { u, v };
}

// starts: all quadrants, both axes, inside and outside the basins; why in the comment of each group
const starts: Array<[string, string, string]> = [
  // Q1: absorbed (|u+v| < 2ρ, leaves through an axis and slides, or straight to the origin) / escape
  ['0.3', '1.2', '1'],
  ['1.2', '0.3', '1'],
  ['0.5', '0.5', '1'],
  ['2', '0.5', '1'],
  // Q3 mirror
  ['-0.3', '-1.2', '1'],
  ['-2', '-0.5', '1'],
  // mixed quadrants: absorbed, crossing into Q1/Q3 and escaping, crossing and absorbed
  ['-0.4', '0.9', '1'],
  ['0.9', '-0.4', '1'],
  ['-1.5', '3.1', '1'],
  ['3.1', '-1.5', '1'],
  ['-3.1', '1.5', '1'],
  ['-2.5', '2.2', '0.7'],
  ['1.6', '-2.4', '0.7'],
  // axes: slide (|other| ≤ ρ), cross and escape, cross and absorb
  ['0', '0.6', '1'],
  ['0', '-0.6', '1'],
  ['0.6', '0', '1'],
  ['-0.6', '0', '1'],
  ['0', '1.4', '1'],
  ['0', '-1.4', '1'],
  ['2.6', '0', '1'],
  ['-2.6', '0', '1'],
  // saddles (on the stable manifold): Q1, from the axis, from each mixed quadrant, ρ = 0
  ['1', '1', '1'],
  ['0', '2', '1'],
  ['-2.5', '3.5', '1'],
  ['3.5', '-2.5', '1'],
  ['2.5', '-3.5', '1'],
  ['-1.75', '2.45', '0.7'],
  ['1', '-1', '0'],
  // ρ = 0: the linear plane
  ['0.4', '-1.3', '0'],
  ['-0.8', '0.2', '0'],
];

const fieldAt = (u: number, v: number, rho: number) => [v - rho * Math.sign(u), u - rho * Math.sign(v)];

describe('linfPlanarAt solves the ODE', () => {
  it('starts at (u0, v0); is continuous; derivative = the (Filippov) vector field between piece ends', () => {
    const h = 1e-9;
    for (const [u0, v0, rho] of starts) {
      const r = Number(rho);
      const s0 = at(u0, v0, rho, 0);
      expect([num(s0.u), num(s0.v)], `start ${u0},${v0}`).toEqual([Number(u0), Number(v0)]);
      const fate = linfPlanarFate(D, d(u0), d(v0), d(rho));
      const ends = fate.pieces.map((p) => p.sigma1).filter((e): e is NonNullable<typeof e> => e !== null);
      // continuity across every piece end (where mutants of the root choice or of the pieces' states break it)
      for (const e of ends) {
        const a = linfPlanarAt(D, d(u0), d(v0), d(rho), D.sub(e, d('1e-12')));
        const b = linfPlanarAt(D, d(u0), d(v0), d(rho), D.add(e, d('1e-12')));
        expect(Math.abs(num(a.u) - num(b.u)) + Math.abs(num(a.v) - num(b.v)), `continuity at ${D.toString(e, 8)} for ${u0},${v0},${rho}`).toBeLessThan(1e-9);
      }
      for (const S of [0.05, 0.3, 0.8, 1.7]) {
        if (ends.some((e) => Math.abs(num(e) - S) < 1e-6)) continue;
        const p = at(u0, v0, rho, S);
        const up = at(u0, v0, rho, S + h);
        const um = at(u0, v0, rho, S - h);
        const du = (num(up.u) - num(um.u)) / (2 * h);
        const dv = (num(up.v) - num(um.v)) / (2 * h);
        const u = num(p.u),
          v = num(p.v);
        const tag = `${u0},${v0},${rho} at sigma ${S}: (${u}, ${v})`;
        let want: number[];
        if (u === 0 && v === 0) want = [0, 0];
        else if (u === 0) want = [0, -r * Math.sign(v)];
        else if (v === 0) want = [-r * Math.sign(u), 0];
        else want = fieldAt(u, v, r);
        const scale = 1 + Math.abs(u) + Math.abs(v);
        expect(Math.abs(du - want[0]!), `${tag} du`).toBeLessThan(1e-6 * scale);
        expect(Math.abs(dv - want[1]!), `${tag} dv`).toBeLessThan(1e-6 * scale);
      }
    }
  });

  it('agrees with an RK4 integration with event location and Filippov sliding', () => {
    for (const [u0, v0, rho] of starts) {
      for (const S of [0.7, 2]) {
        const ex = at(u0, v0, rho, S);
        const ref = rk4Reference(Number(u0), Number(v0), Number(rho), S);
        const tol = 1e-6 * (1 + Math.abs(ref.u) + Math.abs(ref.v));
        expect(Math.abs(num(ex.u) - ref.u), `${u0},${v0},${rho} sigma ${S} u: exact ${num(ex.u)} rk4 ${ref.u}`).toBeLessThan(tol);
        expect(Math.abs(num(ex.v) - ref.v), `${u0},${v0},${rho} sigma ${S} v: exact ${num(ex.v)} rk4 ${ref.v}`).toBeLessThan(tol);
      }
    }
  });
});

describe('fates against the long-time behaviour', () => {
  it('escape: |u + v| grows; saddle: tends to (±ρ, ±ρ); absorb: origin at absorbSigma, not before', () => {
    const seen = new Set<string>();
    for (const [u0, v0, rho] of [
      ...starts,
      ['1', '1', '1'] as [string, string, string],
      ['0', '2', '1'] as [string, string, string],
      ['-2.5', '3.5', '1'] as [string, string, string],
    ]) {
      const r = Number(rho);
      const fate = linfPlanarFate(D, d(u0), d(v0), d(rho));
      seen.add(fate.fate);
      const far = at(u0, v0, rho, 25);
      if (fate.fate === 'escape') {
        expect(Math.abs(num(far.u) + num(far.v)), `${u0},${v0},${rho}`).toBeGreaterThan(1e6);
        expect(far.phase).toBe('running');
      } else if (fate.fate === 'saddle') {
        expect(far.phase).toBe('saddle');
        expect(Math.abs(Math.abs(num(far.u)) - r), `${u0},${v0},${rho}`).toBeLessThan(1e-9);
        expect(Math.abs(Math.abs(num(far.v)) - r), `${u0},${v0},${rho}`).toBeLessThan(1e-9);
      } else {
        expect(fate.absorbSigma).not.toBeNull();
        const T = fate.absorbSigma!;
        const atT = linfPlanarAt(D, d(u0), d(v0), d(rho), T);
        expect(Math.abs(num(atT.u)) + Math.abs(num(atT.v)), `${u0},${v0},${rho} at absorbSigma`).toBeLessThan(1e-20);
        expect(atT.phase).toBe('absorbed');
        const before = linfPlanarAt(D, d(u0), d(v0), d(rho), D.sub(T, d('1e-3')));
        expect(Math.abs(num(before.u)) + Math.abs(num(before.v)), `${u0},${v0},${rho} before absorbSigma`).toBeGreaterThan(1e-5);
        expect(before.phase).toBe('running');
        expect(far.phase).toBe('absorbed');
      }
    }
    expect([...seen].sort()).toEqual(['absorb', 'escape', 'saddle']);
  });
});

describe('symmetries', () => {
  it('u ↔ v, (u, v) → (−u, −v) and (u, v, ρ) → c·(u, v, ρ) map solutions to solutions (same σ, same absorption time)', () => {
    const c = '2.5';
    for (const [u0, v0, rho] of starts) {
      const neg = (s: string) => (s.startsWith('-') ? s.slice(1) : s === '0' ? '0' : `-${s}`);
      const sc = (s: string) => D.toString(D.mul(d(s), d(c)));
      const base = linfPlanarFate(D, d(u0), d(v0), d(rho));
      const sw = linfPlanarFate(D, d(v0), d(u0), d(rho));
      const fl = linfPlanarFate(D, d(neg(u0)), d(neg(v0)), d(rho));
      const scl = linfPlanarFate(D, d(sc(u0)), d(sc(v0)), d(sc(rho)));
      for (const o of [sw, fl, scl]) {
        expect(o.fate, `${u0},${v0},${rho}`).toBe(base.fate);
        if (base.absorbSigma === null) expect(o.absorbSigma).toBeNull();
        else expect(Math.abs(num(o.absorbSigma!) - num(base.absorbSigma))).toBeLessThan(1e-20);
      }
      for (const S of [0.4, 1.3]) {
        const p = at(u0, v0, rho, S);
        const q = at(v0, u0, rho, S);
        const n = at(neg(u0), neg(v0), rho, S);
        const k = at(sc(u0), sc(v0), sc(rho), S);
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-14 * (1 + Math.abs(a));
        expect(close(num(q.u), num(p.v)) && close(num(q.v), num(p.u)), `swap ${u0},${v0},${rho} at ${S}`).toBe(true);
        expect(close(num(n.u), -num(p.u)) && close(num(n.v), -num(p.v)), `flip ${u0},${v0},${rho} at ${S}`).toBe(true);
        expect(close(num(k.u), 2.5 * num(p.u)) && close(num(k.v), 2.5 * num(p.v)), `scale ${u0},${v0},${rho} at ${S}`).toBe(true);
        expect([q.phase, n.phase, k.phase]).toEqual([p.phase, p.phase, p.phase]);
      }
    }
  });
});
