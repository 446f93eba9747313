/**
 * planarExact.ts at its edges: the region sequence of each phase-portrait route, absorption times in
 * closed form derived by hand (not through the solver's quadratic), axis and ρ = 0 cases, the escape
 * margin on the axes, the quadratic's degenerate cases, and input validation.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { DomainError, NumericError } from '../../src/numeric/errors.ts';
import { firstRootAbove1, linfEscapeMargin, linfPlanarAt, linfPlanarFate } from '../../src/linf/planarExact.ts';

const D = decimalField(30);
const d = (s: string) => D.fromString(s);
const close = (a: ReturnType<typeof d>, b: ReturnType<typeof d>, tol = '1e-25') => D.cmp(D.abs(D.sub(a, b)), d(tol)) <= 0;

describe('region sequences (phase portrait routes)', () => {
  const table: Array<[string, string, string, string, string]> = [
    ['0.3', '1.2', '1', 'Q1 slide-u origin', 'Q1 inside the basin: reaches u = 0 with |v| ≤ ρ, slides'],
    ['0.3', '0.3', '1', 'Q1 origin', 'on the diagonal both axes are hit together: straight to the origin'],
    ['0.7', '0.7', '1', 'Q1 origin', 'diagonal, another radius ratio'],
    ['0.1', '0.1', '3', 'Q1 origin', 'diagonal, ρ ≠ 1'],
    ['-0.3', '-0.3', '1', 'Q3 origin', 'diagonal of Q3'],
    ['-0.4', '0.9', '1', 'Q2 slide-u origin', 'mixed, absorbed: hits u = 0 with |v| ≤ ρ'],
    ['0.9', '-0.4', '1', 'Q4 slide-v origin', 'mixed, absorbed: hits v = 0 with |u| ≤ ρ'],
    ['-1.5', '3.1', '1', 'Q2 Q1', 'mixed, escapes: hits u = 0 with v > ρ and crosses into Q1'],
    ['1.6', '-2.4', '0.7', 'Q4 Q3', 'mixed, escapes: crosses v = 0 into Q3'],
    ['0', '1.4', '1', 'Q1 slide-u origin', 'axis start with ρ < v < 2ρ: crosses into Q1, comes back to u = 0, slides'],
    ['0', '-1.4', '1', 'Q3 slide-u origin', 'the same mirrored into Q3'],
    ['1.4', '0', '1', 'Q1 slide-v origin', 'the same on the other axis'],
    ['0', '1', '1', 'slide-u origin', '|v| = ρ exactly slides'],
    ['-0.6', '0', '1', 'slide-v origin', 'slide on v = 0 with u < 0'],
    ['0', '0', '1', 'origin', 'the origin is absorbing'],
    ['2.6', '0', '1', 'Q1', 'axis start with |u| > 2ρ escapes in Q1'],
    ['1', '1', '1', 'Q1', 'saddle: on the stable manifold for ever'],
    ['-2.5', '3.5', '1', 'Q2 Q1', 'mixed saddle: enters Q1 on the stable manifold'],
    ['1', '-1', '0', 'plane', 'ρ = 0: one linear piece'],
    ['0', '0', '0', 'plane', 'ρ = 0 at the origin: still the plane (a fixed point, not absorbed)'],
  ];
  it.each(table)('(%s, %s), ρ = %s: %s  [%s]', (u, v, rho, regions) => {
    const f = linfPlanarFate(D, d(u), d(v), d(rho));
    expect(f.pieces.map((p) => p.quadrant).join(' ')).toBe(regions);
    // pieces tile [0, ∞): each starts where the previous one ended
    expect(D.isZero(f.pieces[0]!.sigma0)).toBe(true);
    for (let i = 1; i < f.pieces.length; i++) expect(D.cmp(f.pieces[i]!.sigma0, f.pieces[i - 1]!.sigma1!)).toBe(0);
  });

  it('a piece that ends on an axis hands over a state exactly on it (the slide starts at u = 0 or v = 0 exactly)', () => {
    for (const [u, v, S, zero] of [
      ['-0.4', '0.9', '0.5', 'u'],
      ['0.9', '-0.4', '0.5', 'v'],
      ['0.3', '1.2', '1.4', 'u'],
      ['0', '1.4', '1.2', 'u'],
    ] as const) {
      const st = linfPlanarAt(D, d(u), d(v), D.one, d(S));
      expect(D.toString(zero === 'u' ? st.u : st.v), `${u},${v} at ${S}`).toBe('0');
      expect(st.phase).toBe('running');
    }
  });
});

describe('absorption times in closed form (derived by hand)', () => {
  it('diagonal (c, c): P = 2(c − ρ), Q = 0, both axes at E = ρ/(ρ − c): σ = ln(ρ/(ρ − c))', () => {
    for (const [c, rho] of [
      ['0.3', '1'],
      ['0.7', '1'],
      ['0.1', '3'],
    ] as const) {
      const f = linfPlanarFate(D, d(c), d(c), d(rho));
      expect(f.fate).toBe('absorb');
      expect(close(f.absorbSigma!, D.log(D.div(d(rho), D.sub(d(rho), d(c))))), `${c}, ${rho}`).toBe(true);
    }
  });
  it('axis start (0, v), ρ < v < 2ρ: u returns to 0 at E = v/(2ρ − v), then |v(E)| = 2ρ − v slides: σ = ln(v/(2ρ − v)) + (2ρ − v)/ρ', () => {
    for (const [v, rho] of [
      ['1.4', '1'],
      ['1.9', '1.2'],
    ] as const) {
      const V = d(v),
        R = d(rho);
      const two = D.fromNumber(2);
      const want = D.add(D.log(D.div(V, D.sub(D.mul(two, R), V))), D.div(D.sub(D.mul(two, R), V), R));
      const f = linfPlanarFate(D, D.zero, V, R);
      expect(close(f.absorbSigma!, want), `${v}, ${rho}: ${D.toString(f.absorbSigma!)} vs ${D.toString(want)}`).toBe(true);
      // the mirrored start (0, −v) and the swapped (v, 0) take the same time
      expect(close(linfPlanarFate(D, D.zero, D.neg(V), R).absorbSigma!, want)).toBe(true);
      expect(close(linfPlanarFate(D, V, D.zero, R).absorbSigma!, want)).toBe(true);
    }
  });
  it('Q2 start (−0.4, 0.9), ρ = 1: centre (1, −1), P = 1/2, Q = −33/10; u = 0 at E = √10.6 − 2, then v(E) slides', () => {
    const E = D.sub(D.sqrt(d('10.6')), D.fromNumber(2));
    // v = v* + (P E − Q/E)/2
    const vE = D.add(D.fromNumber(-1), D.div(D.sub(D.mul(d('0.5'), E), D.div(d('-3.3'), E)), D.fromNumber(2)));
    expect(D.cmp(D.abs(vE), D.one)).toBeLessThan(0);
    const f = linfPlanarFate(D, d('-0.4'), d('0.9'), D.one);
    expect(close(f.pieces[0]!.sigma1!, D.log(E))).toBe(true);
    expect(close(f.absorbSigma!, D.add(D.log(E), D.abs(vE)))).toBe(true);
  });
  it('absorbSigma is reported only for absorbed starts', () => {
    expect(linfPlanarFate(D, d('2'), d('1'), D.one).absorbSigma).toBeNull();
    expect(linfPlanarFate(D, d('1'), d('1'), D.one).absorbSigma).toBeNull();
    expect(linfPlanarFate(D, D.zero, D.zero, D.zero).absorbSigma).toBeNull();
  });
});

describe("ρ = 0 (the linear plane u' = v, v' = u)", () => {
  it('saddle start (1, −1) decays as e^{−σ} with phase saddle; the origin stays put with phase saddle', () => {
    const st = linfPlanarAt(D, D.one, d('-1'), D.zero, D.fromNumber(2));
    expect(st.phase).toBe('saddle');
    expect(close(st.u, D.exp(D.fromNumber(-2)))).toBe(true);
    expect(close(st.v, D.neg(D.exp(D.fromNumber(-2))))).toBe(true);
    const o = linfPlanarAt(D, D.zero, D.zero, D.zero, D.one);
    expect([D.toString(o.u), D.toString(o.v), o.phase]).toEqual(['0', '0', 'saddle']);
  });
  it('escape start (0.4, −1.3): u = (p e^σ + q e^{−σ})/2 with p = u0 + v0, q = u0 − v0; phase running', () => {
    const st = linfPlanarAt(D, d('0.4'), d('-1.3'), D.zero, D.one);
    const e = D.exp(D.one);
    expect(st.phase).toBe('running');
    expect(close(st.u, D.div(D.add(D.mul(d('-0.9'), e), D.div(d('1.7'), e)), D.fromNumber(2)))).toBe(true);
    expect(close(st.v, D.div(D.sub(D.mul(d('-0.9'), e), D.div(d('1.7'), e)), D.fromNumber(2)))).toBe(true);
  });
});

describe('linfEscapeMargin: axis starts are not mixed (u0·v0 = 0 takes the |u0 + v0| vs 2ρ form)', () => {
  const table: Array<[string, string, string, boolean, string, string, string]> = [
    ['0', '3', '1', false, '3', '2', 'u0 = 0'],
    ['-3', '0', '1', false, '3', '2', 'v0 = 0, u0 < 0 (a quotient of signs would divide by 0)'],
    ['0', '0', '1', false, '0', '2', 'origin'],
    ['2', '-1', '1', true, '5', '8', 'mixed: |p|(2ρ + |q|) = 1·5 vs 8ρ²'],
    ['1', '2', '1', false, '3', '2', 'same signs'],
  ];
  it.each(table)('(%s, %s), ρ = %s: mixed %s, lhs %s, rhs %s  [%s]', (u, v, rho, mixed, lhs, rhs) => {
    const m = linfEscapeMargin(D, d(u), d(v), d(rho));
    expect(m.mixed).toBe(mixed);
    expect(D.toString(m.lhs)).toBe(lhs);
    expect(D.toString(m.rhs)).toBe(rhs);
  });
});

describe('firstRootAbove1: degenerate quadratics', () => {
  const table: Array<[string, string, string, string | null, string]> = [
    ['0', '0', '1', null, 'A = B = 0: no root (not a division by zero)'],
    ['0', '0', '0', null, 'the zero polynomial'],
    ['1', '0', '0', null, 'double root 0 (q = 0)'],
    ['1e-60', '-2', '3', '1.5', '4AC below the precision: the cancelling formula would give q = 0 and lose the root'],
    ['-1', '5', '-6', '2', 'A < 0, both roots above 1: the smaller'],
  ];
  it.each(table)('A=%s B=%s C=%s -> %s  [%s]', (A, B, C, want) => {
    const r = firstRootAbove1(D, d(A), d(B), d(C));
    if (want === null) expect(r).toBeNull();
    else expect(r !== null && close(r, d(want))).toBe(true);
  });
});

describe('input validation', () => {
  it('sigma < 0 is refused with the value named', () => {
    expect(() => linfPlanarAt(D, D.one, D.one, D.one, d('-1'))).toThrow(DomainError);
    expect(() => linfPlanarAt(D, D.one, D.one, D.one, d('-1'))).toThrow(/sigma must be >= 0, got -1/);
  });
  it('absorbed by the exact rule but unresolved by the pieces at 16 digits (a start 1e-15 inside the mixed boundary): NumericError, not an absorption without a time', () => {
    const u = '-0.0020060180541624875',
      v = '2.0006692687160235';
    const D16 = decimalField(16);
    expect(() => linfPlanarFate(D16, D16.fromString(u), D16.fromString(v), D16.one)).toThrow(NumericError);
    expect(() => linfPlanarFate(D16, D16.fromString(u), D16.fromString(v), D16.one)).toThrow(/never reach the origin \(raise --precision\)/);
    try {
      linfPlanarFate(D16, D16.fromString(u), D16.fromString(v), D16.one);
    } catch (e) {
      expect((e as NumericError).quantity).toBe('absorption time');
    }
    const f = linfPlanarFate(D, d(u), d(v), D.one);
    expect(f.fate).toBe('absorb');
    expect(f.absorbSigma).not.toBeNull();
  });
});
