/**
 * Unit tests of the two-phase ℓ2-SAM driver `runL2` (l2FlowDriver.ts) on hand-written toy models
 * whose solutions are known in closed form, and of `l2Normalize` / `tauModel` / `fullL2Model` /
 * `l2Flow` (tauReduction.ts) against closed forms derived by hand (below) and against the
 * independent z̃ of physicalTime.ts.
 *
 * Closed form used below (one coordinate x > 0, balanced start u0 = v0 = a, so q = u − v ≡ 0):
 * p = u + v = 2a e^{xs − ρx²τ}, N = x|p|/√2, τ' = 1/N. Separating variables,
 * 1 − e^{−ρx²τ} = (ρx/N0)(1 − e^{−xs}) with N0 = √2·x·a, hence
 *   N(s) = ρx + e^{xs}(N0 − ρx),  u = v = N/(√2 x),  τ(s) = −ln(1 − (ρx/N0)(1 − e^{−xs}))/(ρx²),
 * and for N0 < ρx the collapse (N = 0, τ = ∞) happens at s_c = −ln(1 − N0/(ρx))/x.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { runL2, type L2Model } from '../../src/flow/l2FlowDriver.ts';
import { fullL2Model, l2Flow, l2Normalize, tauModel } from '../../src/flow/tauReduction.ts';
import { zTildeL2 } from '../../src/flow/physicalTime.ts';
import { l2N } from '../../src/flow/l2Certificates.ts';
import { makeLoss } from '../../src/numeric/loss.ts';

const F = decimalField(24);
type D = ReturnType<typeof F.fromString>;
const rtol = F.fromString('1e-14');
const N_ = (s: string) => F.fromString(s);
const V = (a: string[]) => a.map(N_);
const relErr = (a: D, b: D) => F.toNumber(F.div(F.abs(F.sub(a, b)), F.max(F.abs(b), F.fromString('1e-300'))));
const absErr = (a: D, b: D) => F.toNumber(F.abs(F.sub(a, b)));
const str = (a: D) => F.toString(a, 24);

/** A one-slot toy model (Y = [τ], x = [1]) with N and a_1 given as functions of (s, τ). */
function toy(opts: {
  rho: string;
  N: (s: D, tau: D) => D;
  aligned?: (s: D) => D;
  extra?: boolean;
  /** the vector field is undefined where this holds (a RangeError, as the decimal backend throws) */
  undefinedAt?: (s: D, tau: D) => boolean;
}): L2Model<D> {
  const extra = (opts.extra ?? false) || !!opts.undefinedAt;
  return {
    x: [F.one],
    rho: N_(opts.rho),
    dim: extra ? 2 : 1,
    ci: 0,
    init: extra ? [F.zero, F.zero] : [F.zero],
    N: (s, tau) => opts.N(s, tau),
    // the extra slot w has w' = 1 (so w = s), a stand-in for a moving coordinate
    deriv: (s, tau) => {
      if (opts.undefinedAt?.(s, tau)) throw new RangeError('toy: vector field undefined');
      return extra ? [F.zero, F.one] : [F.zero];
    },
    aligned: (s) => [opts.aligned ? opts.aligned(s) : F.zero],
    collapsed: (Y) => Y.map(() => F.zero),
  };
}

// escape toy: N = 2 (so τ = s/2 exactly), a_1 = s: the escape certificate a²/2 > (ρ x)² = 1 holds from s = √2 on
const escapeToy = () => toy({ rho: '1', N: () => F.fromNumber(2), aligned: (s) => s });
// collapse toy: N = 2e^{−τ}: τ' = e^{τ}/2 gives e^{−τ} = 1 − s/2, N = 2 − s; certificate N < ρ x = 1 from s = 1, collapse at s = 2
const collapseToy = () => toy({ rho: '1', N: (_s, tau) => F.mul(F.fromNumber(2), F.exp(F.neg(tau))), extra: true });
const tauOfCollapseToy = (s: D) => F.neg(F.log(F.sub(F.one, F.div(s, F.fromNumber(2)))));
const SQRT2 = F.sqrt(F.fromNumber(2));

describe('runL2 on toy models (closed forms)', () => {
  // why: targets at or before the current s (0 and repeats) are reported without integration, and every point owns its Y
  it('escape toy: repeated targets, τ = s/2, status escaped from the certificate on, stats accumulate', () => {
    const r = runL2(F, escapeToy(), V(['0', '0', '1', '1', '3', '5']), { rtol });
    expect(r.points.map((p) => F.toString(p.s, 6))).toEqual(['0', '0', '1', '1', '3', '5']);
    expect(r.points.map((p) => p.status)).toEqual(['running', 'running', 'running', 'running', 'escaped', 'escaped']);
    for (const p of r.points) {
      expect(absErr(p.tau!, F.div(p.s, F.fromNumber(2)))).toBeLessThan(1e-20);
      expect(str(p.Y[0]!)).toBe(str(p.tau!));
    }
    expect(r.certificate?.kind).toBe('escape');
    // first accepted step past √2 (the certificate is checked after each step of the span [1, 3])
    expect(F.cmp(r.certificate!.s, SQRT2)).toBeGreaterThan(0);
    expect(F.cmp(r.certificate!.s, F.fromNumber(3))).toBeLessThanOrEqual(0);
    expect(r.collapseS).toBeNull();
    expect(r.collapseSRadius).toBeNull();
    expect(r.incomplete).toBe(false);
    expect(r.stats.steps).toBeGreaterThan(0);
    expect(r.stats.fevals).toBeGreaterThan(r.stats.steps);
    // a longer run does at least the work of a shorter one
    const r1 = runL2(F, escapeToy(), V(['1']), { rtol });
    expect(r.stats.steps).toBeGreaterThan(r1.stats.steps);
    expect(r.stats.fevals).toBeGreaterThan(r1.stats.fevals);
    // points do not share arrays
    r.points[0]!.Y[0] = F.fromNumber(7);
    r.points[2]!.Y[0] = F.fromNumber(7);
    expect(F.isZero(r.points[1]!.Y[0]!)).toBe(true);
    expect(str(r.points[3]!.Y[0]!)).toBe(str(F.fromString('0.5')));
  });

  // why: the critical-scale search stops at the first certificate: no target past it is reported
  it('stopAtCertificate (escape mid-run): only the targets before the certificate', () => {
    const r = runL2(F, escapeToy(), V(['1', '3', '4']), { rtol, stopAtCertificate: true });
    expect(r.points.length).toBe(1);
    expect(r.points[0]!.status).toBe('running');
    expect(r.certificate?.kind).toBe('escape');
    expect(F.cmp(r.certificate!.s, SQRT2)).toBeGreaterThan(0);
    expect(F.cmp(r.certificate!.s, F.fromNumber(3))).toBeLessThan(0);
    expect(r.incomplete).toBe(false);
  });

  // why: a certificate holding at s = 0 is reported at 0; with stopAtCertificate nothing is integrated
  it('escape certificate at the start: every point escaped; stopAtCertificate returns at once', () => {
    const m = toy({ rho: '1', N: () => F.fromNumber(2), aligned: (s) => F.add(s, F.fromNumber(2)) });
    const r = runL2(F, m, V(['0', '1']), { rtol });
    expect(r.points.map((p) => p.status)).toEqual(['escaped', 'escaped']);
    expect(r.certificate?.kind).toBe('escape');
    expect(F.isZero(r.certificate!.s)).toBe(true);
    const r2 = runL2(F, m, V(['0', '1']), { rtol, stopAtCertificate: true });
    expect(r2.points.length).toBe(0);
    expect(r2.certificate?.kind).toBe('escape');
    expect(r2.stats.steps).toBe(0);
  });

  // why: onProgress reports the integrator's s, increasing, inside (0, last target]
  it('onProgress: increasing s within the targets', () => {
    const seen: number[] = [];
    runL2(F, escapeToy(), V(['1', '3']), { rtol, onProgress: (s) => seen.push(F.toNumber(s)) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    expect(seen[0]!).toBeGreaterThan(0);
    expect(seen[seen.length - 1]!).toBe(3);
  });

  // why: τ-phase targets: before collapse 'running' with the exact τ(s) and state; after it 'collapsed' with m.collapsed; s_c = 2 located
  it('collapse toy: s-phase, certificate, τ-phase targets, collapse at s = 2 within the radius', () => {
    const targets = V(['0.5', '1.5', '1.9', '1.99', '2.5', '3']);
    const r = runL2(F, collapseToy(), targets, { rtol });
    expect(r.incomplete).toBe(false);
    expect(r.certificate?.kind).toBe('collapse');
    expect(F.cmp(r.certificate!.s, F.one)).toBeGreaterThan(0);
    expect(F.cmp(r.certificate!.s, F.fromString('1.5'))).toBeLessThan(0);
    expect(r.points.map((p) => p.status)).toEqual(['running', 'running', 'running', 'running', 'collapsed', 'collapsed']);
    for (const p of r.points.slice(0, 4)) {
      expect(relErr(p.tau!, tauOfCollapseToy(p.s))).toBeLessThan(1e-12);
      expect(str(p.Y[0]!)).toBe(str(p.tau!));
      expect(relErr(p.Y[1]!, p.s)).toBeLessThan(1e-12); // w = s
    }
    for (const p of r.points.slice(4)) {
      expect(p.tau).toBeNull();
      expect(p.Y.every((y) => F.isZero(y))).toBe(true);
    }
    // the tail bound is below tolS = rtol·max(1, s) ≤ 2·rtol and the radius is half of it
    expect(F.sign(r.collapseSRadius!)).toBeGreaterThan(0);
    expect(F.toNumber(r.collapseSRadius!)).toBeLessThan(1e-14);
    // s_c = 2 lies in collapseS ± radius (plus the integration error of s, ≤ 10·rtol)
    expect(absErr(r.collapseS!, F.fromNumber(2))).toBeLessThanOrEqual(F.toNumber(r.collapseSRadius!) + 1e-13);
    // collapsed points own their arrays
    r.points[4]!.Y[1] = F.one;
    expect(F.isZero(r.points[5]!.Y[1]!)).toBe(true);
  });

  // why: the collapse certificate stops the s-phase even when the current target lies past the singularity (s = 2)
  it('collapse toy with one far target: the τ-phase takes over (no stall at the singularity)', () => {
    const r = runL2(F, collapseToy(), V(['3']), { rtol });
    expect(r.incomplete).toBe(false);
    expect(r.points[0]!.status).toBe('collapsed');
    expect(absErr(r.collapseS!, F.fromNumber(2))).toBeLessThan(1e-12);
  });

  // why: stopAtCertificate with a collapse certificate: no τ-phase, no collapse time, no later target
  it('stopAtCertificate (collapse mid-run): only the targets before the certificate, no collapse_s', () => {
    const r = runL2(F, collapseToy(), V(['0.5', '1.5', '3']), { rtol, stopAtCertificate: true });
    expect(r.points.length).toBe(1);
    expect(r.certificate?.kind).toBe('collapse');
    expect(r.collapseS).toBeNull();
    expect(r.collapseSRadius).toBeNull();
  });

  // why: certificate at s = 0 (N0 = 0.5 < ρx): all the work is in the τ-phase; s = 0.5(1 − e^{−τ}), s_c = 0.5
  it('collapse certificate at the start: target 0, τ-phase stats, τ = −ln(1 − 2s)', () => {
    const m = toy({ rho: '1', N: (_s, tau) => F.mul(F.fromString('0.5'), F.exp(F.neg(tau))) });
    const r = runL2(F, m, V(['0', '0.25', '1']), { rtol });
    expect(r.certificate?.kind).toBe('collapse');
    expect(F.isZero(r.certificate!.s)).toBe(true);
    expect(r.points.map((p) => p.status)).toEqual(['running', 'running', 'collapsed']);
    expect(F.isZero(r.points[0]!.tau!)).toBe(true);
    expect(relErr(r.points[1]!.tau!, F.log(F.fromNumber(2)))).toBeLessThan(1e-12);
    expect(r.stats.steps).toBeGreaterThan(0);
    expect(r.stats.fevals).toBeGreaterThan(r.stats.steps);
    expect(absErr(r.collapseS!, F.fromString('0.5'))).toBeLessThan(1e-13);
    // every target before the collapse: the τ-phase still goes on to locate collapse_s
    const r1 = runL2(F, m, V(['0.25']), { rtol });
    expect(r1.points.map((p) => p.status)).toEqual(['running']);
    expect(absErr(r1.collapseS!, F.fromString('0.5'))).toBeLessThan(1e-13);
    // no targets: only the start is checked
    const r0 = runL2(F, m, [], { rtol });
    expect(r0.points.length).toBe(0);
    expect(r0.collapseS).toBeNull();
    expect(r0.stats.steps).toBe(0);
  });

  // why: a τ window that ends before the tail bound is met must be followed by another one, not reported as collapse
  it('slow decay in τ (N = e^{−τ/100}/2): many τ windows, stops only once the tail bound < rtol', () => {
    const m = toy({ rho: '1', N: (_s, tau) => F.mul(F.fromString('0.5'), F.exp(F.div(F.neg(tau), F.fromNumber(100)))) });
    const r = runL2(F, m, V(['60']), { rtol });
    expect(r.incomplete).toBe(false);
    expect(r.points[0]!.status).toBe('collapsed');
    // tolS = rtol·max(1, s at the certificate = 0) = rtol; radius = half the tail bound
    expect(F.toNumber(r.collapseSRadius!)).toBeLessThan(0.5e-14);
    // s = 50(1 − e^{−τ/100}) → 50; at the stop N ≈ 5e-15 so s ≈ 50 − 100 N
    expect(absErr(r.collapseS!, F.fromNumber(50))).toBeLessThan(1e-11);
  });

  // why: an integration that cannot go on (N undefined from s = 0.5 on) reports incomplete, keeping the points reached
  it('s-phase stall: incomplete with the points before it', () => {
    const m = toy({
      rho: '0',
      N: () => F.one,
      undefinedAt: (s) => F.cmp(s, F.fromString('0.5')) >= 0,
    });
    const r = runL2(F, m, V(['0.25', '1', '2']), { rtol });
    expect(r.incomplete).toBe(true);
    expect(r.points.length).toBe(1);
    expect(relErr(r.points[0]!.tau!, F.fromString('0.25'))).toBeLessThan(1e-20);
    expect(r.certificate).toBeNull();
  });

  // why: same in the τ-phase (N undefined for τ > 3, i.e. s > 0.5(1 − e^{−3})): incomplete, no collapse time
  it('τ-phase stall: incomplete, no collapse_s', () => {
    const m = toy({
      rho: '1',
      N: (_s, tau) => F.mul(F.fromString('0.5'), F.exp(F.neg(tau))),
      undefinedAt: (_s, tau) => F.cmp(tau, F.fromNumber(3)) > 0,
    });
    const r = runL2(F, m, V(['0.25', '1']), { rtol });
    expect(r.incomplete).toBe(true);
    expect(r.points.length).toBe(1);
    expect(relErr(r.points[0]!.tau!, F.log(F.fromNumber(2)))).toBeLessThan(1e-12);
    expect(r.collapseS).toBeNull();
  });
});

describe('l2Normalize, tauModel, fullL2Model (exact values)', () => {
  // why: X = max|x_i|, c = ρ; the normalized start has max|x'| = 1 and ρ' = 1
  it('l2Normalize: ρ > 0', () => {
    const n = l2Normalize(F, { x: V(['-3', '2']), rho: N_('0.5'), u0: V(['1', '-4']), v0: V(['2', '0.5']) });
    expect(str(n.X)).toBe(str(N_('3')));
    expect(str(n.c)).toBe(str(N_('0.5')));
    expect(n.st.x.map((a) => F.toString(a, 20))).toEqual(['-1', F.toString(F.div(F.fromNumber(2), F.fromNumber(3)), 20)]);
    expect(str(n.st.rho)).toBe(str(F.one));
    expect(n.st.u0.map((a) => F.toString(a, 20))).toEqual(['2', '-8']);
    expect(n.st.v0.map((a) => F.toString(a, 20))).toEqual(['4', '1']);
  });

  // why: ρ = 0 (GD): c = max_i max(|u0_i|, |v0_i|) over every coordinate (here v0 of the last one)
  it('l2Normalize: ρ = 0 uses the largest |u0|, |v0|', () => {
    const n = l2Normalize(F, { x: V(['0.5', '-0.25']), rho: F.zero, u0: V(['0.1', '-0.2']), v0: V(['0.15', '-0.7']) });
    expect(str(n.X)).toBe(str(N_('0.5')));
    expect(str(n.c)).toBe(str(N_('0.7')));
    expect(F.isZero(n.st.rho)).toBe(true);
    expect(F.toString(n.st.v0[1]!, 20)).toBe('-1');
  });

  // why: degenerate scales fall back to 1 (all-zero x, all-zero GD start), never a division by 0
  it('l2Normalize: all-zero x gives X = 1, all-zero GD start gives c = 1', () => {
    const a = l2Normalize(F, { x: V(['0', '0']), rho: N_('2'), u0: V(['0.2', '0']), v0: V(['0', '0']) });
    expect(str(a.X)).toBe(str(F.one));
    expect(str(a.c)).toBe(str(N_('2')));
    const b = l2Normalize(F, { x: V(['2']), rho: F.zero, u0: V(['0']), v0: V(['0']) });
    expect(str(b.X)).toBe(str(N_('2')));
    expect(str(b.c)).toBe(str(F.one));
  });

  const st = { x: V(['1', '-2', '0']), rho: N_('0.7'), u0: V(['0.3', '0.4', '-0.5']), v0: V(['0.1', '-0.6', '0.2']) };
  // a_i = u_i + sgn(x_i) v_i with sgn(0) = +1 (l2Certificates.alignedComponents)
  const aligned0 = ['0.4', '1', '-0.3'];

  // why: the aligned components at the start, both layouts; x_i = 0 counts as +
  it('aligned components at s = 0', () => {
    const t = tauModel(F, st);
    expect(t.aligned(F.zero, F.zero, t.init).map((a) => F.toString(a, 20))).toEqual(aligned0);
    const f = fullL2Model(F, st);
    expect(f.aligned(F.zero, F.zero, f.init).map((a) => F.toString(a, 20))).toEqual(aligned0);
  });

  // why: collapse zeroes the moving coordinates only (x_i ≠ 0); x_i = 0 keeps u_i, v_i; the clock slot is kept
  it('fullL2Model.collapsed', () => {
    const f = fullL2Model(F, st);
    const Y = [...st.u0, ...st.v0, N_('1.25')];
    expect(f.collapsed(Y).map((a) => F.toString(a, 20))).toEqual(['0', '0', '-0.5', '0', '0', '0.2', '1.25']);
  });

  // why: dim is the state length (init) with and without the physical clock
  it('dim = init.length', () => {
    const loss = makeLoss(F, 'logistic');
    for (const m of [tauModel(F, st), tauModel(F, st, loss), fullL2Model(F, st), fullL2Model(F, st, loss)]) expect(m.dim).toBe(m.init.length);
    expect(fullL2Model(F, st).dim).toBe(7);
    expect(fullL2Model(F, st, loss).dim).toBe(8);
  });

  // why: t' = 1/g(z̃) at the start, vs the independent z̃ of physicalTime.ts (unbalanced start: u ≠ v)
  it('physical clock rate at the start equals 1/g(zTildeL2)', () => {
    const loss = makeLoss(F, 'logistic');
    const N0 = l2N(F, st.x, st.u0, st.v0);
    const want = F.div(F.one, loss.g(zTildeL2(F, 'sam-l2', st.x, st.rho, st.u0, st.v0)));
    const f = fullL2Model(F, st, loss);
    expect(relErr(f.deriv(F.zero, F.zero, f.init, N0)[7]!, want)).toBeLessThan(1e-20);
    const t = tauModel(F, st, loss);
    expect(relErr(t.deriv(F.zero, F.zero, t.init, N0)[1]!, want)).toBeLessThan(1e-20);
  });
});

describe('l2Flow against closed forms', () => {
  // why: ρ = 0 is GD: u ± v = (u0 ± v0) e^{±xs}; the τ reduction evaluates it exactly (τ does not enter), the full system integrates it
  it('GD (ρ = 0) closed form, x_i = 0 never moves; the two methods are different computations', () => {
    const st = { x: V(['0.5', '-1', '0']), rho: F.zero, u0: V(['0.3', '0.2', '0.4']), v0: V(['0.1', '-0.5', '0.6']) };
    const targets = V(['0', '0.7', '2']);
    const tau = l2Flow(F, st, targets, { rtol });
    const full = l2Flow(F, st, targets, { rtol, method: 'full' });
    let identical = true;
    for (let k = 0; k < targets.length; k++) {
      const s = targets[k]!;
      for (let i = 0; i < 3; i++) {
        const p = F.mul(F.add(st.u0[i]!, st.v0[i]!), F.exp(F.mul(st.x[i]!, s)));
        const q = F.mul(F.sub(st.u0[i]!, st.v0[i]!), F.exp(F.neg(F.mul(st.x[i]!, s))));
        const u = F.div(F.add(p, q), F.fromNumber(2));
        const v = F.div(F.sub(p, q), F.fromNumber(2));
        expect(relErr(tau.points[k]!.u[i]!, u)).toBeLessThan(1e-20);
        expect(relErr(tau.points[k]!.v[i]!, v)).toBeLessThan(1e-20);
        expect(relErr(full.points[k]!.u[i]!, u)).toBeLessThan(1e-12);
        expect(relErr(full.points[k]!.v[i]!, v)).toBeLessThan(1e-12);
        if (str(full.points[k]!.beta[i]!) !== str(tau.points[k]!.beta[i]!)) identical = false;
      }
      // x_i = 0: exact up to the rounding of the normalization (u0/c·c)
      for (const pt of [tau.points[k]!, full.points[k]!]) {
        expect(relErr(pt.u[2]!, st.u0[2]!)).toBeLessThan(1e-22);
        expect(relErr(pt.v[2]!, st.v0[2]!)).toBeLessThan(1e-22);
      }
    }
    // bit-for-bit equal results would mean one path ran twice (then tau-vs-full cross-checks are vacuous)
    expect(identical).toBe(false);
  });

  // why: a start at the origin of the moving coordinates (N0 = 0) is a fixed point: collapsed at s = 0, exactly; x_i = 0 keeps its values
  it('start at N0 = 0: collapsed at s = 0 (ρ > 0 and ρ = 0)', () => {
    for (const rho of ['1', '0']) {
      const st = { x: V(['1', '0']), rho: N_(rho), u0: V(['0', '0.3']), v0: V(['0', '-0.1']) };
      for (const method of ['tau', 'full'] as const) {
        const r = l2Flow(F, st, V(['0', '0', '1']), { rtol, method });
        expect(r.incomplete).toBe(false);
        expect(r.certificate?.kind).toBe('collapse');
        expect(F.isZero(r.certificate!.s)).toBe(true);
        expect(F.isZero(r.collapseS!)).toBe(true);
        expect(F.isZero(r.collapseSRadius!)).toBe(true);
        expect(r.stats.steps).toBe(0);
        for (const p of r.points) {
          expect(p.status).toBe('collapsed');
          expect(p.tau).toBeNull();
          expect(p.u.map(str)).toEqual([str(F.zero), str(N_('0.3'))]);
          expect(p.v.map(str)).toEqual([str(F.zero), str(N_('-0.1'))]);
        }
      }
    }
  });

  // why: balanced one-coordinate collapse (closed form in the header), plus a static x_i = 0 coordinate
  it('balanced collapse: u(s), τ(s) and s_c = −ln(1 − N0/(ρx))/x; x_i = 0 keeps u0, v0 after collapse', () => {
    const a = N_('0.2');
    const st = { x: V(['1', '0']), rho: F.one, u0: [a, N_('0.3')], v0: [a, N_('-0.1')] };
    const N0 = F.mul(SQRT2, a); // x = 1
    const sc = F.neg(F.log(F.sub(F.one, N0)));
    const targets = [N_('0.1'), F.div(sc, F.fromNumber(2)), F.mul(sc, N_('0.99')), N_('1'), N_('2')];
    for (const method of ['tau', 'full'] as const) {
      const r = l2Flow(F, st, targets, { rtol, method });
      expect(r.certificate?.kind).toBe('collapse');
      expect(r.points.map((p) => p.status)).toEqual(['running', 'running', 'running', 'collapsed', 'collapsed']);
      for (const p of r.points.slice(0, 3)) {
        const Ns = F.add(F.one, F.mul(F.exp(p.s), F.sub(N0, F.one))); // ρx + e^{xs}(N0 − ρx)
        const u = F.div(Ns, SQRT2);
        const tau = F.neg(F.log(F.sub(F.one, F.div(F.sub(F.one, F.exp(F.neg(p.s))), N0))));
        expect(relErr(p.u[0]!, u)).toBeLessThan(1e-11);
        expect(relErr(p.v[0]!, u)).toBeLessThan(1e-11);
        expect(relErr(p.tau!, tau)).toBeLessThan(1e-12);
      }
      for (const p of r.points) {
        expect(str(p.u[1]!)).toBe(str(N_('0.3')));
        expect(str(p.v[1]!)).toBe(str(N_('-0.1')));
      }
      for (const p of r.points.slice(3)) {
        expect(F.isZero(p.u[0]!) && F.isZero(p.v[0]!)).toBe(true);
        expect(p.tau).toBeNull();
      }
      expect(F.toNumber(r.collapseSRadius!)).toBeLessThan(1e-14);
      expect(absErr(r.collapseS!, sc)).toBeLessThanOrEqual(F.toNumber(r.collapseSRadius!) + 1e-13);
    }
  });

  // why: balanced escape N0 > ρx: u = (ρx + e^{xs}(N0 − ρx))/(√2 x); x = 4 tests the s-scaling (X = 4) and onProgress in caller units
  it('balanced escape with x = 4: closed form, certificate at 0, onProgress in caller units', () => {
    const st = { x: V(['4']), rho: F.one, u0: [F.one], v0: [F.one] };
    const x = F.fromNumber(4);
    const N0 = F.mul(SQRT2, x);
    const seen: number[] = [];
    const r = l2Flow(F, st, V(['0.5', '1']), { rtol, onProgress: (s) => seen.push(F.toNumber(s)) });
    expect(r.certificate?.kind).toBe('escape');
    expect(F.isZero(r.certificate!.s)).toBe(true);
    for (const p of r.points) {
      expect(p.status).toBe('escaped');
      const u = F.div(F.add(x, F.mul(F.exp(F.mul(x, p.s)), F.sub(N0, x))), F.mul(SQRT2, x));
      expect(relErr(p.u[0]!, u)).toBeLessThan(1e-11);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(seen[seen.length - 1]!).toBe(1);
  });

  // why: after collapse the state is 0 and t grows as (s − s_c)/g(0); between two collapsed targets exactly Δs/g(0) (logistic g(0) = 1/2)
  it('physical time after collapse: t(3) − t(1) = 2/g(0) = 4; before collapse t ≥ s (1/g ≥ 1)', () => {
    const loss = makeLoss(F, 'logistic');
    const a = N_('0.2');
    const st = { x: V(['2']), rho: F.one, u0: [a], v0: [a] }; // N0 = 0.4√2 < ρx = 2: s_c ≈ 0.17
    const r = l2Flow(F, st, V(['0.05', '1', '3']), { rtol, loss });
    expect(r.points.map((p) => p.status)).toEqual(['running', 'collapsed', 'collapsed']);
    expect(absErr(F.sub(r.points[2]!.t!, r.points[1]!.t!), F.fromNumber(4))).toBeLessThan(1e-20);
    expect(F.cmp(r.points[0]!.t!, N_('0.05'))).toBeGreaterThanOrEqual(0);
    // an escaping run with a loss (no collapse_s) also reports t ≥ s
    const e = l2Flow(F, { x: V(['4']), rho: F.one, u0: [F.one], v0: [F.one] }, V(['0.5']), { rtol, loss });
    expect(e.incomplete).toBe(false);
    expect(F.cmp(e.points[0]!.t!, N_('0.5'))).toBeGreaterThanOrEqual(0);
  });

  // why: a decreasing target list used to label a later state with an earlier s (x = 4, ρ = 1,
  // u0 = v0 = 1, targets [0.5, 0.25]: u(0.25) came out 1.0563 instead of 1.5033)
  it('decreasing targets are refused, equal ones are fine', () => {
    const st = { x: V(['4']), rho: F.one, u0: [F.one], v0: [F.one] };
    expect(() => l2Flow(F, st, V(['0.5', '0.25']), { rtol })).toThrow(/^runL2: targets must be non-decreasing \(target 1 is below target 0\)$/);
    const r = l2Flow(F, st, V(['0.25', '0.25']), { rtol });
    expect(F.toString(r.points[1]!.u[0]!, 20)).toBe(F.toString(r.points[0]!.u[0]!, 20));
    // u(0.25) = (1 + e^{...})/√2 from the balanced escape closed form: 1.50327309557 (the helper's reproducer)
    expect(Math.abs(F.toNumber(r.points[0]!.u[0]!) - 1.50327309557)).toBeLessThan(1e-10);
  });
});
