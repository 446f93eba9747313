// linfFlow's switching rule, event slopes and bookkeeping, each against a computation written here
// or against the planar closed form (src/linf, which shares no code with the Filippov integrator).
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { LINF_ASSUMPTIONS, linfFlow, linfRhsSlope, linfRhsWithSigns, linfSurfaceMode, type LinfMode } from '../../src/flow/linfFlow.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';
import { NumericError } from '../../src/numeric/errors.ts';

const F = decimalField(30);
const rtol = F.fromString('1e-22');
const V = (a: readonly string[]) => a.map((s) => F.fromString(s));
const diff = (a: unknown, b: unknown) => F.toNumber(F.abs(F.sub(a as never, b as never)));

describe('linfSurfaceMode: the switching rule at w_c = 0 (L = 2: f±_u = x(v ∓ ρ sgn(x)), so |v| < ρ slides)', () => {
  const rho = F.fromString('0.5');
  const rows: Array<{ why: string; x: string; w: string[]; prev: number[] | null; want: LinfMode }> = [
    { why: 'f+ < 0 < f−: both sides push into the axis', x: '1', w: ['0', '0.3'], prev: null, want: { kind: 'slide', sig: [0, 1], c: 0 } },
    { why: 'both one-sided fields positive: crosses up', x: '1', w: ['0', '0.8'], prev: null, want: { kind: 'sign', sig: [1, 1] } },
    { why: 'both negative: crosses down', x: '1', w: ['0', '-0.8'], prev: null, want: { kind: 'sign', sig: [-1, -1] } },
    { why: 'x < 0 reverses the fields: crosses down from v > ρ', x: '-1', w: ['0', '0.8'], prev: null, want: { kind: 'sign', sig: [-1, 1] } },
    { why: 'x < 0, |v| < ρ still slides', x: '-2', w: ['0', '-0.3'], prev: null, want: { kind: 'slide', sig: [0, -1], c: 0 } },
    { why: 'a zero v layer: the rule reads layer 1', x: '1', w: ['0.8', '0'], prev: null, want: { kind: 'sign', sig: [1, 1] } },
    { why: 'tangential f+ = 0 < f− at the start: slides', x: '1', w: ['0', '0.5'], prev: null, want: { kind: 'slide', sig: [0, 1], c: 0 } },
    { why: 'tangential f+ = 0, came from below: goes on to the positive side', x: '1', w: ['0', '0.5'], prev: [-1, 1], want: { kind: 'sign', sig: [1, 1] } },
    {
      why: 'tangential f+ = 0, came from above, f− > 0 pushes back: slides',
      x: '1',
      w: ['0', '0.5'],
      prev: [1, 1],
      want: { kind: 'slide', sig: [0, 1], c: 0 },
    },
    { why: 'tangential f− = 0, came from above: goes on to the negative side', x: '1', w: ['0', '-0.5'], prev: [1, -1], want: { kind: 'sign', sig: [-1, -1] } },
    {
      why: 'tangential f− = 0, came from below, f+ < 0 pushes back: slides',
      x: '1',
      w: ['0', '-0.5'],
      prev: [-1, -1],
      want: { kind: 'slide', sig: [0, -1], c: 0 },
    },
    {
      why: 'prev with the surface layer already 0 gives no side (f− = 0)',
      x: '1',
      w: ['0', '-0.5'],
      prev: [0, -1],
      want: { kind: 'slide', sig: [0, -1], c: 0 },
    },
    { why: 'prev with the surface layer already 0 gives no side (f+ = 0)', x: '1', w: ['0', '0.5'], prev: [0, 1], want: { kind: 'slide', sig: [0, 1], c: 0 } },
    { why: 'x_j = 0: nothing moves', x: '0', w: ['0.4', '0.8'], prev: null, want: { kind: 'frozen' } },
    { why: 'both layers 0: the absorbing origin', x: '1', w: ['0', '0'], prev: null, want: { kind: 'frozen' } },
    { why: 'no zero layer: the layers own signs', x: '1', w: ['0.2', '-0.3'], prev: [1, 1], want: { kind: 'sign', sig: [1, -1] } },
    { why: 'L = 3, two zero layers: frozen (sign(0) = 0)', x: '1', w: ['0', '0.3', '0'], prev: null, want: { kind: 'frozen' } },
    // L = 3, x > 0, c = 1, σ0σ2 = τ = −1: f+ = −(A+ρ)(B+ρ) < 0, f− = −(A−ρ)(B−ρ) > 0 iff one of A, B < ρ
    {
      why: 'L = 3: the first zero layer is the surface; τ = −1, A < ρ < B slides',
      x: '1',
      w: ['0.3', '0', '-0.9'],
      prev: null,
      want: { kind: 'slide', sig: [1, 0, -1], c: 1 },
    },
    {
      why: 'L = 3: τ = −1, A, B > ρ: both fields negative, crosses down',
      x: '1',
      w: ['0.7', '0', '-0.9'],
      prev: null,
      want: { kind: 'sign', sig: [1, -1, -1] },
    },
  ];
  it.each(rows)('$why', (r) => {
    expect(linfSurfaceMode(F, F.fromString(r.x), rho, V(r.w), r.prev)).toEqual(r.want);
  });
});

describe('the frozen-sign field and its slope', () => {
  // why: sign(0) = 0 means no perturbation from a layer whose companions include a zero sign
  it('linfRhsWithSigns with a zero sign perturbs only the layer whose product has no zero', () => {
    const [w0, w1, w2] = V(['0.3', '-0.7', '1.1']);
    const rho = F.fromString('0.25');
    const x = F.fromString('-2');
    // σ = (0, +1, −1): layer 0's product sgn(x)σ1σ2 = +1 → w̃0 = w0 − ρ; layers 1, 2 contain σ0 = 0 → unperturbed
    const f = linfRhsWithSigns(F, x, rho, [w0!, w1!, w2!], [0, 1, -1]);
    const w0t = F.sub(w0!, rho);
    const want = [F.mul(x, F.mul(w1!, w2!)), F.mul(x, F.mul(w0t, w2!)), F.mul(x, F.mul(w0t, w1!))];
    for (let k = 0; k < 3; k++) expect(F.toString(f[k]!, 25)).toBe(F.toString(want[k]!, 25));
  });

  // why: the event slopes decide a start on a surface and a touch-and-return inside one step
  it.each([
    { L: 3, c: 0, w: ['0.3', '-0.7', '1.1'], sig: [1, -1, 1], x: '0.8' },
    { L: 3, c: 2, w: ['0.3', '-0.7', '1.1'], sig: [1, -1, 1], x: '-1.3' },
    { L: 4, c: 1, w: ['0.6', '0.2', '-0.9', '1.4'], sig: [1, 1, -1, 1], x: '1.1' },
    { L: 4, c: 3, w: ['-0.6', '0.2', '-0.9', '1.4'], sig: [-1, 1, -1, 1], x: '0.4' },
    { L: 2, c: 1, w: ['0.45', '-0.35'], sig: [1, -1], x: '-0.9' },
  ])('linfRhsSlope = central difference of f_c along the flow (L = $L, c = $c)', (r) => {
    const rho = F.fromString('0.2');
    const x = F.fromString(r.x);
    const w = V(r.w);
    const f = linfRhsWithSigns(F, x, rho, w, r.sig);
    const h = F.fromString('1e-9');
    const at = (t: typeof h) =>
      linfRhsWithSigns(
        F,
        x,
        rho,
        w.map((wi, k) => F.add(wi, F.mul(t, f[k]!))),
        r.sig,
      )[r.c]!;
    const fd = F.div(F.sub(at(h), at(F.neg(h))), F.mul(F.fromNumber(2), h));
    const slope = linfRhsSlope(F, x, rho, w, r.sig, r.c, f);
    expect(diff(slope, fd)).toBeLessThan(1e-14);
    expect(F.toNumber(F.abs(slope))).toBeGreaterThan(1e-3);
  });
});

describe('linfFlow from starts on a switching surface, against the planar closed form', () => {
  const starts = [
    { why: 'on the u-axis with |v| < ρ: slides to the origin', x: '1', u: '0', v: '0.3' },
    { why: 'on the u-axis with v > ρ: crosses into Q1', x: '1', u: '0', v: '0.8' },
    { why: 'on the u-axis with v < −ρ: crosses into Q3', x: '1', u: '0', v: '-0.8' },
    { why: 'x < 0 on the u-axis with v > ρ: crosses down', x: '-1', u: '0', v: '0.8' },
    { why: 'on the v-axis with u > ρ', x: '0.7', u: '0.9', v: '0' },
    { why: 'on the v-axis with |u| < ρ: slides', x: '1.3', u: '-0.3', v: '0' },
    { why: 'on the u-axis exactly at |v| = ρ (tangential): slides', x: '1', u: '0', v: '0.5' },
  ];
  it.each(starts)('$why', (c) => {
    const x = V([c.x]);
    const rho = F.fromString('0.5');
    const ss = V(['0.3', '1.2', '3']);
    const r = linfFlow(F, x, rho, [V([c.u]), V([c.v])], ss, { rtol });
    for (const p of r.points) {
      const e = linfClosedForm(F, x, V([c.u]), V([c.v]), rho, p.s);
      expect(p.status).toBe(e.status);
      expect(diff(p.W[0]![0], e.u[0])).toBeLessThan(1e-18);
      expect(diff(p.W[1]![0], e.v[0])).toBeLessThan(1e-18);
    }
    const e = linfClosedForm(F, x, V([c.u]), V([c.v]), rho, F.zero);
    // the flow knows absorptions up to its last target only
    const b = e.absorbS[0] && F.cmp(e.absorbS[0], F.fromNumber(3)) <= 0 ? e.absorbS[0] : null;
    expect(r.absorbS[0] === null).toBe(b === null);
    if (b !== null) expect(diff(r.absorbS[0], b)).toBeLessThan(1e-18);
  });
});

describe('linfFlow statuses and bookkeeping', () => {
  const rho = F.fromString('0.5');

  // why: the escape certificate is u v > 0 and |u + v| > 2ρ, strictly, and only for L = 2
  it.each([
    { why: 'inside 2ρ', x: '1', u: '0.3', v: '0.2', want: 'running' },
    { why: 'on an axis beyond 2ρ (u v = 0)', x: '1', u: '0', v: '1.5', want: 'running' },
    { why: 'on the other axis beyond 2ρ', x: '1', u: '1.5', v: '0', want: 'running' },
    { why: '|u + v| = 2ρ exactly (the saddle point)', x: '1', u: '0.5', v: '0.5', want: 'running' },
    { why: 'beyond 2ρ in Q1', x: '1', u: '0.6', v: '0.6', want: 'escaped' },
    { why: 'x < 0: v is read as −v', x: '-1', u: '0.6', v: '-0.6', want: 'escaped' },
    { why: 'x < 0, same signs are mixed for the network', x: '-1', u: '0.6', v: '0.6', want: 'running' },
  ])('status at s = 0: $why', (c) => {
    const r = linfFlow(F, V([c.x]), rho, [V([c.u]), V([c.v])], [F.zero], { rtol });
    expect(r.points[0]!.status).toBe(c.want);
    expect(r.pieces).toBe(0);
  });

  it('L = 3 has no escape certificate: a large same-sign start runs', () => {
    const r = linfFlow(F, [F.one], rho, [V(['1.5']), V(['1.5']), V(['1.5'])], V(['0', '0.01']), { rtol });
    expect(r.points.map((p) => p.status)).toEqual(['running', 'running']);
  });

  // why: x_j = 0 does not move and is neither absorbed nor escaping, even with large same-sign layers
  it('a coordinate with x_j = 0 stays put and does not count for collapse or escape', () => {
    const x = V(['0', '1']);
    const W0 = [V(['0', '0.3']), V(['3', '0.2'])];
    const r = linfFlow(F, x, rho, W0, V(['0', '0.5', '3']), { rtol });
    for (const p of r.points) {
      expect(F.isZero(p.W[0]![0]!)).toBe(true);
      expect(F.toString(p.W[1]![0]!, 10)).toBe('3');
    }
    const e = linfClosedForm(F, x.slice(1), [W0[0]![1]!], [W0[1]![1]!], rho, F.zero);
    expect(r.absorbS[0]).toBeNull();
    expect(diff(r.absorbS[1], e.absorbS[0])).toBeLessThan(1e-18);
    expect(r.points.map((p) => p.status)).toEqual(['running', 'running', 'collapsed']);
    expect(F.toString(r.collapseS!, 25)).toBe(F.toString(r.absorbS[1]!, 25));
    // with x_j = 0 the B8 certificate would read v as −w: (2, −3) would look like an escape
    const big = linfFlow(F, x, rho, [V(['2', '0.3']), V(['-3', '0.2'])], [F.zero], { rtol });
    expect(big.points[0]!.status).toBe('running');
  });

  // why: permutation symmetry is exact: equal coordinates switch and are absorbed at the same s, in one event
  it('equal coordinates are absorbed at exactly the same s, with the pieces of one coordinate', () => {
    const one = linfFlow(F, [F.one], rho, [V(['0.3']), V(['0.2'])], [F.fromNumber(3)], { rtol });
    const two = linfFlow(F, V(['1', '1']), rho, [V(['0.3', '0.3']), V(['0.2', '0.2'])], [F.fromNumber(3)], { rtol });
    expect(one.absorbS[0]).not.toBeNull();
    expect(F.toString(two.absorbS[0]!, 30)).toBe(F.toString(two.absorbS[1]!, 30));
    expect(F.toString(two.absorbS[0]!, 30)).toBe(F.toString(one.absorbS[0]!, 30));
    expect(two.pieces).toBe(one.pieces);
    const cross = linfFlow(F, V(['1', '1']), rho, [V(['-0.2', '-0.2']), V(['1.5', '1.5'])], [F.fromNumber(2)], { rtol });
    expect(cross.pieces).toBeGreaterThan(1);
    expect(cross.absorbS).toEqual([null, null]);
    expect(cross.collapseS).toBeNull();
  });

  it('collapse_s is the latest absorption, whichever coordinate it is', () => {
    const r = linfFlow(F, V(['1', '1']), rho, [V(['0.4', '0.1']), V(['0.4', '0.1'])], [F.fromNumber(3)], { rtol });
    const [a0, a1] = r.absorbS;
    expect(F.cmp(a0!, a1!)).toBeGreaterThan(0);
    expect(F.toString(r.collapseS!, 30)).toBe(F.toString(a0!, 30));
    expect(r.points[0]!.status).toBe('collapsed');
  });

  it('maxPieces bounds the switching events and the refusal names them', () => {
    const args = [F, [F.one], rho, [V(['0.3']), V(['0.2'])], [F.fromNumber(3)]] as const;
    const p = linfFlow(...args, { rtol }).pieces;
    expect(p).toBeGreaterThan(2);
    expect(linfFlow(...args, { rtol, maxPieces: p - 1 }).pieces).toBe(p);
    let err: unknown;
    try {
      linfFlow(...args, { rtol, maxPieces: p - 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NumericError);
    expect((err as Error).message).toMatch(new RegExp(`^linfFlow: more than ${p - 2} switching events before s' = 3`));
    expect((err as NumericError).quantity).toBe('l_inf-SAM flow');
  });

  it('an integration that cannot go on (L = 3 blow-up at s = 10/3) is a NumericError naming the status', () => {
    const G = decimalField(16);
    let err: unknown;
    try {
      linfFlow(G, [G.one], G.fromString('0.5'), [[G.fromString('0.8')], [G.fromString('0.8')], [G.fromString('0.8')]], [G.fromNumber(5)], {
        rtol: G.fromString('1e-9'),
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NumericError);
    expect((err as Error).message).toMatch(/^linfFlow: integration stopped \(step size underflow\) at s' = 3\.33333/);
    expect((err as NumericError).quantity).toBe('l_inf-SAM flow');
  });

  it('progress in the caller s, statistics accumulated, a repeated target costs nothing, assumptions reported', () => {
    const x = V(['2']);
    const W0 = [V(['0.3']), V(['0.2'])];
    const seen: number[] = [];
    const a = linfFlow(F, x, rho, W0, [F.one], { rtol });
    const b = linfFlow(F, x, rho, W0, [F.one, F.one], { rtol, onProgress: (s) => seen.push(F.toNumber(s)) });
    expect(b.pieces).toBe(a.pieces);
    expect(a.stats.steps).toBeGreaterThan(0);
    expect(a.stats.fevals).toBeGreaterThan(a.stats.steps);
    expect(b.stats).toEqual(a.stats);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(a.stats.steps);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(Math.max(...seen)).toBeGreaterThan(0.5);
    expect(b.assumptions).toEqual(LINF_ASSUMPTIONS);
    expect(b.assumptions).toHaveLength(2);
    expect(b.assumptions[0]).toMatch(/^Filippov sliding on the switching surfaces/);
    expect(b.assumptions[1]).toMatch(/^a start exactly on a repelling switching surface/);
  });
});
