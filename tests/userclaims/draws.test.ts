import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { parseClaimFile } from '../../src/userclaims/claimFile.ts';
import { applyEdge, baseArbitrary, edgeApplicability, inDomain } from '../../src/userclaims/draws.ts';
import { makeField } from '../../src/numeric/fieldFactory.ts';

const F = makeField('decimal', 40);
const spec = (domain: Record<string, unknown>, model: Record<string, unknown> = { algo: 'sam-linf' }) =>
  parseClaimFile({ id: 'c', model, domain, holds: 'rho >= 0', draws: '5' }, 'f').claims[0]!;

describe('draws', () => {
  it('base draws are exact decimals on the grid, inside the domain, reproducible from the seed', () => {
    const s = spec({ d: '2', x: ['0.5..2', '-1..1'], start: { u0: '-3..3', v0: '0.25' }, rho: '0.5..1.5' });
    const a = fc.sample(baseArbitrary(s), { seed: 3, numRuns: 50 });
    expect(a).toEqual(fc.sample(baseArbitrary(s), { seed: 3, numRuns: 50 }));
    for (const inp of a) {
      expect(inDomain(s, inp)).toBe(true);
      expect(inp.W0[1]).toEqual(['0.25', '0.25']);
      // lo + (hi - lo) k / 10^6 has at most 6 decimals here
      for (const v of [...inp.x, ...inp.W0[0]!, inp.rho]) expect(new Decimal(v).decimalPlaces()).toBeLessThanOrEqual(7);
    }
  });
  it('linf-boundary puts one coordinate at |u0 + v0| = 2 rho (1 + delta) in its quadrant', () => {
    const s = spec({ d: '2', x: ['0.5..2', '-2..-0.5'], start: { u0: '0.1..3', v0: '-3..3' }, rho: '1' });
    const base = fc.sample(baseArbitrary(s), { seed: 1, numRuns: 1 })[0]!;
    for (const [i, mode, k] of [
      [0, 0, 3],
      [1, 1, 5],
      [1, 2, 12],
    ] as const) {
      const e = applyEdge(F, s, base, 'linf-boundary', k, mode, i, 0);
      const u = new Decimal(e.input.W0[0]![i]!);
      const v = new Decimal(e.input.W0[1]![i]!).times(i === 1 ? -1 : 1); // planar frame (u, sgn(x) v)
      const delta = [0, 1, -1][mode]! * 10 ** -k;
      expect(
        u
          .plus(v)
          .abs()
          .minus(new Decimal(2).times(1 + delta))
          .abs()
          .toNumber(),
      ).toBeLessThan(1e-30);
    }
  });
  it('tie, zero and mixed-signs do what they say; inapplicable kinds are named', () => {
    const s = spec({ d: '3', x: '-2..2', start: { alpha: '0.5..1' }, rho: '1' }, { algo: 'sam-l2' });
    const base = fc.sample(baseArbitrary(s), { seed: 2, numRuns: 1 })[0]!;
    const t = applyEdge(F, s, base, 'tie', 4, 0, 0, 0).input;
    expect(new Decimal(t.x[1]!).abs().eq(new Decimal(t.x[0]!).abs())).toBe(true);
    expect(applyEdge(F, s, base, 'zero', 1, 0, 2, 0).input.x[2]).toBe('0');
    const m = applyEdge(F, s, base, 'mixed-signs', 1, 0, 0, 0).input;
    expect(new Decimal(m.x[0]!).isNeg() || new Decimal(m.x[0]!).isZero()).toBe(true);
    expect(new Decimal(m.x[1]!).isNeg()).toBe(false);
    const ap = edgeApplicability(s);
    expect(ap['depth3-zero-layer']).toBe('needs depth 3');
    expect(ap['alpha-c']).toBeNull();
    const ac = applyEdge(
      F,
      spec({ d: '1', x: '1', start: { alpha: '0.1..2' }, rho: '1' }, { algo: 'sam-l2' }),
      { ...base, x: ['1'], W0: [['1'], ['1']], alpha: '1' },
      'alpha-c',
      6,
      0,
      0,
      0,
    );
    // d = 1: alpha_c = rho/sqrt(2), offset never 0 (irrational target)
    expect(new Decimal(ac.input.alpha!).div(new Decimal(0.5).sqrt()).minus(1).toNumber()).toBeCloseTo(1e-6, 12);
  });
});
