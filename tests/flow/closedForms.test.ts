/**
 * The depth-2 closed forms and certificates (gdClosedForm, linfClosedForm, l2Certificates,
 * physicalTime) against references written here: the ODEs themselves (central differences in s),
 * hand-computed values, and the boundaries of every certificate and status rule.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { DomainError, InternalError, NumericError } from '../../src/numeric/errors.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { StepRejected } from '../../src/ode/rhsEvaluation.ts';
import { gdClosedForm, gdStatus } from '../../src/flow/gdClosedForm.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';
import {
  alignedComponents,
  alignedEnergy,
  certMargin,
  collapseCertificate,
  collapseTailBound,
  escapeCertificate,
  escapeCertificateFromA,
  l2N,
  xMinMax,
} from '../../src/flow/l2Certificates.ts';
import { PHYSICAL_Z_MAX, invG, physicalTime, zTildeL2 } from '../../src/flow/physicalTime.ts';

const F = decimalField(30);
const d = (s: string | number) => F.fromString(String(s));
const V = (a: Array<string | number>) => a.map(d);
const S = (t: ReturnType<typeof d>, digits?: number) => F.toString(t, digits);
const near = (a: ReturnType<typeof d>, b: ReturnType<typeof d>, tol = '1e-24') => F.cmp(F.abs(F.sub(a, b)), d(tol)) <= 0;

describe('gdClosedForm', () => {
  it("solves u' = x v, v' = x u (central differences in s), coordinate by coordinate, any sign of x", () => {
    const x = V(['0.5', '-1.3', '2', '0']);
    const u0 = V(['0.3', '-0.2', '0.1', '0.7']);
    const v0 = V(['0.4', '0.6', '-0.05', '-0.2']);
    const h = d('1e-10');
    for (const s of ['0.3', '1.1']) {
      const c = gdClosedForm(F, x, u0, v0, d(s));
      const p = gdClosedForm(F, x, u0, v0, F.add(d(s), h));
      const m = gdClosedForm(F, x, u0, v0, F.sub(d(s), h));
      for (let i = 0; i < x.length; i++) {
        const du = F.div(F.sub(p.u[i]!, m.u[i]!), F.mul(d(2), h));
        const dv = F.div(F.sub(p.v[i]!, m.v[i]!), F.mul(d(2), h));
        expect(near(du, F.mul(x[i]!, c.v[i]!), '1e-15'), `u'[${i}] at ${s}`).toBe(true);
        expect(near(dv, F.mul(x[i]!, c.u[i]!), '1e-15'), `v'[${i}] at ${s}`).toBe(true);
        expect(near(c.beta[i]!, F.mul(c.u[i]!, c.v[i]!))).toBe(true);
      }
    }
    const at0 = gdClosedForm(F, x, u0, v0, F.zero);
    expect(at0.u.map((t) => S(t))).toEqual(['0.3', '-0.2', '0.1', '0.7']);
    expect(at0.v.map((t) => S(t))).toEqual(['0.4', '0.6', '-0.05', '-0.2']);
  });
  it('the origin stays at the origin for any s, even where e^{x s} is outside the exponent range (no 0·e^{x s} evaluated)', () => {
    const r = gdClosedForm(F, [F.one], [F.zero], [F.zero], d('1e17'));
    expect([S(r.u[0]!), S(r.v[0]!), S(r.beta[0]!)]).toEqual(['0', '0', '0']);
  });
  it('gdStatus: a coordinate with x = 0 never escapes, whatever its aligned component', () => {
    const table: Array<[string[], string[], string[], 'escaped' | 'running', string]> = [
      [['0', '1'], ['1', '1'], ['1', '-1'], 'running', 'x0 = 0 with a0 = 2: static; x1 > 0 with a1 = u + v = 0'],
      [['0', '-1'], ['1', '1'], ['1', '1'], 'running', 'x1 < 0: a1 = u − v = 0'],
      [['0', '-1'], ['1', '1'], ['1', '0.5'], 'escaped', 'x1 < 0: a1 = u − v = 0.5'],
      [['2'], ['0.1'], ['0.1'], 'escaped', 'single coordinate, a = 0.2'],
    ];
    for (const [x, u, v, want, why] of table) expect(gdStatus(F, V(x), V(u), V(v)), why).toBe(want);
  });
});

describe('linfClosedForm', () => {
  const rho = d('0.5');
  // u' = x v − ρ|x| sgn(u), v' = x u − ρ|x| sgn(v) in open quadrants (the ℓ∞-SAM flow at L = 2, one example)
  it('solves the ℓ∞-SAM ODE in the original coordinates (x > 0, x < 0, x = 0), central differences in s', () => {
    const x = V(['0.8', '-1.5', '0', '2']);
    const u0 = V(['0.3', '0.4', '0.7', '-0.2']);
    const v0 = V(['1.2', '0.9', '-0.3', '0.35']);
    const h = d('1e-10');
    let checked = 0;
    for (const s of ['0.05', '0.2', '0.45']) {
      const c = linfClosedForm(F, x, u0, v0, rho, d(s));
      const p = linfClosedForm(F, x, u0, v0, rho, F.add(d(s), h));
      const m = linfClosedForm(F, x, u0, v0, rho, F.sub(d(s), h));
      for (let i = 0; i < x.length; i++) {
        if (F.isZero(c.u[i]!) || F.isZero(c.v[i]!)) continue;
        const ax = F.abs(x[i]!);
        const du = F.div(F.sub(p.u[i]!, m.u[i]!), F.mul(d(2), h));
        const dv = F.div(F.sub(p.v[i]!, m.v[i]!), F.mul(d(2), h));
        const wu = F.sub(F.mul(x[i]!, c.v[i]!), F.mul(F.mul(rho, ax), F.fromNumber(F.sign(c.u[i]!))));
        const wv = F.sub(F.mul(x[i]!, c.u[i]!), F.mul(F.mul(rho, ax), F.fromNumber(F.sign(c.v[i]!))));
        expect(near(du, wu, '1e-12'), `u'[${i}] at ${s}: ${S(du, 10)} vs ${S(wu, 10)}`).toBe(true);
        expect(near(dv, wv, '1e-12'), `v'[${i}] at ${s}: ${S(dv, 10)} vs ${S(wv, 10)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
    const r = linfClosedForm(F, x, u0, v0, rho, d('0.3'));
    // x = 0: static, fate 'static', no absorption time
    expect([S(r.u[2]!), S(r.v[2]!), r.fates[2], r.absorbS[2]]).toEqual(['0.7', '-0.3', 'static', null]);
    r.beta.forEach((b, i) => expect(near(b, F.mul(r.u[i]!, r.v[i]!))).toBe(true));
  });

  it('absorption times scale as σ/|x|; collapse_s is the largest; status collapsed from collapse_s on (inclusive)', () => {
    // (0, 0.3): slides to the origin after σ = 0.3/ρ = 0.6, i.e. s = 0.6/|x|
    const x = V(['2', '-0.5']);
    const u0 = V(['0', '0']);
    const v0 = V(['0.3', '-0.2']);
    const r = linfClosedForm(F, x, u0, v0, rho, F.zero);
    expect(r.absorbS.map((a) => a && S(a))).toEqual(['0.3', '0.8']);
    expect(r.fates).toEqual(['absorb', 'absorb']);
    expect(S(r.collapseS!)).toBe('0.8');
    expect(r.status).toBe('running');
    expect(linfClosedForm(F, x, u0, v0, rho, d('0.8')).status).toBe('collapsed');
    expect(linfClosedForm(F, x, u0, v0, rho, d('0.7999999')).status).toBe('running');
    // order reversed: the maximum, not the last
    const r2 = linfClosedForm(F, [x[1]!, x[0]!], [u0[1]!, u0[0]!], [v0[1]!, v0[0]!], rho, F.zero);
    expect(S(r2.collapseS!)).toBe('0.8');
  });

  it('collapse_s is null as soon as one coordinate with x ≠ 0 is not absorbed; x = 0 coordinates do not block it', () => {
    const r = linfClosedForm(F, V(['1', '1']), V(['0', '2']), V(['0.3', '1']), rho, d('50'));
    expect(r.collapseS).toBeNull();
    expect(r.status).toBe('escaped');
    const r2 = linfClosedForm(F, V(['1', '0']), V(['0', '2']), V(['0.3', '1']), rho, d('50'));
    expect(S(r2.collapseS!)).toBe('0.6');
    expect(r2.status).toBe('collapsed');
  });

  it('escaped only when some state has u v > 0 and |u + v| > 2ρ (the B8 certificate), judged at s', () => {
    const table: Array<[string, string, string, string, 'running' | 'escaped', string]> = [
      ['1.5', '0', '1', '0', 'escaped', 'u v > 0, |u + v| = 1.5 > 1 at s = 0'],
      ['-1.5', '0', '-1', '0', 'escaped', 'Q3: u v > 0, |u + v| = 1.5'],
      ['0.5', '0', '0.5', '0', 'running', 'saddle: |u + v| = 2ρ exactly, not escaped'],
      ['0.5', '0', '0.5', '20', 'running', 'saddle stays on the boundary for ever'],
      ['2', '0', '-0.1', '0', 'running', 'u v < 0 although |u + v| > 2ρ: not yet'],
      ['2', '0', '-0.1', '5', 'escaped', 'the same start later, in Q1'],
      ['-2', '0', '0.1', '5', 'escaped', 'its mirror, in Q3'],
      ['0', '0', '3', '0', 'running', 'on the axis u = 0 with |v| > 2ρ: u v = 0, not yet certified'],
      ['3', '0', '0', '0', 'running', 'on the axis v = 0 (a quotient of signs would be infinite)'],
      ['-3', '0', '0', '0', 'running', 'the same with u < 0'],
    ];
    for (const [u, _z, v, s, want, why] of table) {
      const r = linfClosedForm(F, [F.one], [d(u)], [d(v)], rho, d(s));
      expect(r.status, why).toBe(want);
    }
  });
});

describe('l2Certificates', () => {
  it('certMargin = 10^{−⌊P/2⌋}', () => {
    expect(S(certMargin(decimalField(30)))).toBe('1e-15');
    expect(S(certMargin(decimalField(25)))).toBe('1e-12');
  });
  it('xMinMax: smallest and largest |x_i| over the non-zero entries; all zero is refused', () => {
    const r = xMinMax(F, V(['0', '-3', '0.5', '2', '0']));
    expect([S(r.min), S(r.max)]).toEqual(['0.5', '3']);
    const r2 = xMinMax(F, V(['-0.25', '4']));
    expect([S(r2.min), S(r2.max)]).toEqual(['0.25', '4']);
    expect(() => xMinMax(F, V(['0', '0']))).toThrow(DomainError);
    expect(() => xMinMax(F, V(['0', '0']))).toThrow(/at least one non-zero/);
  });
  it('l2N = (Σ x_i² (u_i² + v_i²))^{1/2}', () => {
    // 4·(1 + 4) + 1·(9 + 0) = 29
    expect(near(l2N(F, V(['2', '-1']), V(['1', '3']), V(['2', '0'])), F.sqrt(d(29)))).toBe(true);
  });
  it('collapseCertificate: N < ρ x_min (1 − margin), strict, with x_min not x_max', () => {
    const x = V(['0.5', '-2']);
    const rho = d('2');
    const bound = F.mul(d('1'), F.sub(F.one, certMargin(F))); // ρ x_min = 1
    expect(collapseCertificate(F, x, rho, F.sub(bound, d('1e-25')))).toBe(true);
    expect(collapseCertificate(F, x, rho, bound)).toBe(false);
    expect(collapseCertificate(F, x, rho, d('1.5'))).toBe(false);
  });
  it('alignedComponents: u + v for x ≥ 0 (sgn 0 = +1), u − v for x < 0; alignedEnergy = Σ x² a²/2', () => {
    const a = alignedComponents(F, V(['1', '-2', '0']), V(['1', '1', '1']), V(['0.5', '0.5', '0.5']));
    expect(a.map((t) => S(t))).toEqual(['1.5', '0.5', '1.5']);
    // (1·2.25 + 4·0.25 + 0)/2 = 1.625
    expect(S(alignedEnergy(F, V(['1', '-2', '0']), a))).toBe('1.625');
  });
  it('escapeCertificateFromA: Σ x² a²/2 > (ρ x_max)² (1 + margin), strict, with x_max not x_min', () => {
    const x = V(['1', '-2']);
    const rho = d('0.5'); // (ρ x_max)² = 1
    const thr = F.add(F.one, certMargin(F));
    // a = (a0, 0): energy = a0²/2
    const aFor = (energy: ReturnType<typeof d>) => [F.sqrt(F.mul(d(2), energy)), F.zero];
    expect(escapeCertificateFromA(F, x, rho, aFor(F.add(thr, d('1e-25'))))).toBe(true);
    expect(escapeCertificateFromA(F, x, rho, aFor(F.sub(thr, d('1e-25'))))).toBe(false);
    expect(escapeCertificateFromA(F, x, rho, aFor(d('0.5')))).toBe(false); // would pass with (ρ x_min)² = 0.25
    // equality is not enough: a = (1, 1, 4.448e-8, 4.64e-9), x = 1, ρ = 1 gives Σ a²/2 = 1 + 1e-15 = (ρ x_max)²(1 + margin) exactly
    const ones = V(['1', '1', '1', '1']);
    const aEq = V(['1', '1', '4.448e-8', '4.64e-9']);
    expect(F.cmp(alignedEnergy(F, ones, aEq), F.add(F.one, certMargin(F)))).toBe(0);
    expect(escapeCertificateFromA(F, ones, F.one, aEq)).toBe(false);
    // escapeCertificate forms a from (u, v): x1 < 0 uses u − v = 3 → energy 4·9/2 = 18 > 1
    expect(escapeCertificate(F, x, rho, V(['0', '1']), V(['0', '-2']))).toBe(true);
    expect(escapeCertificate(F, x, rho, V(['0', '1']), V(['0', '1']))).toBe(false);
  });
  it('collapseTailBound = N/κ, κ = x_min(ρ x_min − N); refused when κ ≤ 0', () => {
    // x_min = 0.5, ρ = 2: ρ x_min = 1; N = 0.5: κ = 0.25, bound 2
    expect(S(collapseTailBound(F, V(['-0.5', '3']), d(2), d('0.5')))).toBe('2');
    expect(() => collapseTailBound(F, V(['0.5']), d(2), d(1))).toThrow(InternalError);
    expect(() => collapseTailBound(F, V(['0.5']), d(2), d('1.5'))).toThrow(/collapse certificate does not hold/);
  });
});

describe('physicalTime', () => {
  const expo = makeLoss(F, 'exponential');
  it('invG: 1/g(z) up to z = PHYSICAL_Z_MAX inclusive, refused above with NumericError', () => {
    expect(near(invG(F, expo, d(2)), F.exp(d(2)))).toBe(true);
    expect(F.isFinite(invG(F, expo, d(PHYSICAL_Z_MAX)))).toBe(true);
    expect(() => invG(F, expo, d(PHYSICAL_Z_MAX + 1))).toThrow(NumericError);
    expect(() => invG(F, expo, d(PHYSICAL_Z_MAX + 1))).toThrow(/margin z~ > 1000/);
    try {
      invG(F, expo, d(PHYSICAL_Z_MAX + 1));
    } catch (e) {
      expect((e as NumericError).quantity).toBe('physical time t(s)');
    }
  });
  it('zTildeL2 per algorithm (hand-computed)', () => {
    const x = V(['1', '-2']);
    const u = V(['0.5', '1']);
    const v = V(['1', '-0.5']);
    const rho = d('0.1');
    // GD: Σ x u v = 0.5 + (−2)(−0.5) = 1.5
    expect(S(zTildeL2(F, 'gd', x, rho, u, v))).toBe('1.5');
    // ℓ2-SAM: N = sqrt(1·(0.25 + 1) + 4·(1 + 0.25)) = sqrt(6.25) = 2.5; c_i = ρ x_i/N = (0.04, −0.08)
    // ũ = u − c v = (0.46, 0.96), ṽ = v − c u = (0.98, −0.42); z̃ = 0.4508 + (−2)(−0.4032) = 1.2572
    expect(S(zTildeL2(F, 'sam-l2', x, rho, u, v))).toBe('1.2572');
    // ℓ∞-SAM: ũ = u − ρ sgn(x) sgn(v), ṽ = v − ρ sgn(x) sgn(u)
    // coord 1: ũ = 0.5 − 0.1 = 0.4, ṽ = 1 − 0.1 = 0.9 → 0.36; coord 2: ũ = 1 − 0.1 = 0.9, ṽ = −0.5 + 0.1 = −0.4 → −2·(−0.36) = 0.72
    expect(S(zTildeL2(F, 'sam-linf', x, rho, u, v))).toBe('1.08');
    // sign(0) = 0 in ℓ∞: u = 0 leaves ṽ = v (ũ = −0.1, ṽ = 0.5); v = 0 leaves ũ = u (ũ = 0.3, ṽ = −0.1)
    expect(S(zTildeL2(F, 'sam-linf', [F.one], rho, [F.zero], [d('0.5')]))).toBe('-0.05');
    expect(S(zTildeL2(F, 'sam-linf', [F.one], rho, [d('0.3')], [F.zero]))).toBe('-0.03');
    // ℓ2 at the origin (N = 0): ε = 0, z̃ = 0 (no division by 0)
    expect(S(zTildeL2(F, 'sam-l2', x, rho, [F.zero, F.zero], [F.zero, F.zero]))).toBe('0');
  });
  it("constant state: t(s) = s/g(z̃) exactly; along the GD closed form: t' = e^{z(s)} (central difference)", () => {
    const st = { u: V(['0.5']), v: V(['0.4']) };
    const t = physicalTime(F, 'gd', [F.one], F.zero, () => st, d(3), expo);
    expect(near(t, F.mul(d(3), F.exp(d('0.2'))), '1e-20')).toBe(true);
    const x = [d('0.7')];
    const at = (s: ReturnType<typeof d>) => gdClosedForm(F, x, [d('0.5')], [d('0.3')], s);
    const h = d('0.01');
    const tp = physicalTime(F, 'gd', x, F.zero, at, F.add(d(1), h), expo);
    const tm = physicalTime(F, 'gd', x, F.zero, at, F.sub(d(1), h), expo);
    const slope = F.div(F.sub(tp, tm), F.mul(d(2), h));
    const z1 = F.mul(x[0]!, at(d(1)).beta[0]!);
    expect(near(slope, F.exp(z1), '1e-3')).toBe(true);
  });
  it('a quadrature that cannot proceed is reported as NumericError naming the status and s', () => {
    const reject = () => {
      throw new StepRejected(new Error('no state here'));
    };
    expect(() => physicalTime(F, 'gd', [F.one], F.zero, reject, F.one, expo)).toThrow(NumericError);
    expect(() => physicalTime(F, 'gd', [F.one], F.zero, reject, F.one, expo)).toThrow(/stopped \(step size underflow\) at s = 0/);
    try {
      physicalTime(F, 'gd', [F.one], F.zero, reject, F.one, expo);
    } catch (e) {
      expect((e as NumericError).quantity).toBe('physical time t(s)');
    }
  });
  it('rtol is passed to the quadrature: a loose tolerance gives a visibly less accurate t', () => {
    const x = [d('0.7')];
    const at = (s: ReturnType<typeof d>) => gdClosedForm(F, x, [d('0.5')], [d('0.3')], s);
    const tight = physicalTime(F, 'gd', x, F.zero, at, d(2), expo);
    const loose = physicalTime(F, 'gd', x, F.zero, at, d(2), expo, d('1e-3'));
    const err = F.abs(F.sub(loose, tight));
    expect(F.cmp(err, d('1e-12'))).toBeGreaterThan(0);
    expect(F.cmp(err, F.mul(d('1e-2'), tight))).toBeLessThan(0);
  });
});
