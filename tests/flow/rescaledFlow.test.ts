import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { flowUnits, rescaledFlow, rescaledRhs } from '../../src/flow/rescaledFlow.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';

const F = decimalField(24);
const rtol = F.fromString('1e-14');
// blow-up runs: lower precision (the approach to the singularity costs many rejected steps)
const G = decimalField(16);
const rtolG = G.fromString('1e-9');

describe('rescaled flows for any depth (B13)', () => {
  it('L = 3 GD balanced: a(s) = α/(1 − xαs), blow-up at s* = 1/((L−2) x α^{L−2})', () => {
    const x = F.fromString('1.5');
    const a = F.fromString('0.4');
    const sStar = F.div(F.one, F.mul(x, a)); // 5/3
    const half = F.div(sStar, F.fromNumber(2));
    const r = rescaledFlow(F, 'gd', [x], F.zero, [[a], [a], [a]], [half, F.mul(sStar, F.fromNumber(2))], { rtol });
    expect(r.status).toBe('blowup');
    const exact = F.div(a, F.sub(F.one, F.mul(F.mul(x, a), half)));
    expect(F.toNumber(F.abs(F.sub(r.points[0]!.W[1]![0]!, exact)))).toBeLessThan(1e-12);
    // the blow-up is located just below s*
    expect(Math.abs(F.toNumber(F.div(F.sub(sStar, r.blowupS!), sStar)))).toBeLessThan(1e-8);
  });

  it('L = 4 GD, two coordinates: the first blow-up (larger x α²) ends the run', () => {
    // s_i* = 1/(2 x_i α_i²): coordinate 0 (x = 1, α = 0.5) blows at 2, coordinate 1 (x = 2, α = 0.3) at 2.777…
    const x = [G.one, G.fromNumber(2)];
    const W0 = Array.from({ length: 4 }, () => [G.fromString('0.5'), G.fromString('0.3')]);
    const r = rescaledFlow(G, 'gd', x, G.zero, W0, [G.fromNumber(10)], { rtol: rtolG });
    expect(r.status).toBe('blowup');
    expect(Math.abs(G.toNumber(r.blowupS!) - 2)).toBeLessThan(1e-7);
  });

  it('L = 3 l_inf-SAM balanced α > ρ: a = ρ + (α−ρ)/(1 − x(α−ρ)s)', () => {
    const x = F.one;
    const rho = F.fromString('0.5');
    const a = F.fromString('0.8');
    const s = F.fromNumber(2); // blow-up at 1/(x(α−ρ)) = 10/3
    const r = linfFlow(F, [x], rho, [[a], [a], [a]], [s], { rtol });
    const d = F.sub(a, rho);
    const exact = F.add(rho, F.div(d, F.sub(F.one, F.mul(F.mul(x, d), s))));
    expect(F.toNumber(F.abs(F.sub(r.points[0]!.W[0]![0]!, exact)))).toBeLessThan(1e-12);
  });

  it('L = 2 l2-SAM: the generic depth-L field equals B1 (vs the tau reduction)', () => {
    const x = ['0.5', '-1', '2'].map(F.fromString);
    const u0 = ['0.6', '0.3', '-0.4'].map(F.fromString);
    const v0 = ['0.5', '-0.7', '-0.2'].map(F.fromString);
    const rho = F.fromString('0.3');
    const s = F.fromString('1.2');
    const g = rescaledFlow(F, 'sam-l2', x, rho, [u0, v0], [s], { rtol });
    const t = l2Flow(F, { x, rho, u0, v0 }, [s], { rtol });
    for (let i = 0; i < 3; i++) expect(F.toNumber(F.abs(F.sub(g.points[0]!.beta[i]!, t.points[0]!.beta[i]!)))).toBeLessThan(1e-11);
  });

  // why: the GD field must not depend on ρ (a GD run that took the ℓ2-SAM branch with ρ = 0 looks right)
  it('the GD field ignores ρ: dw_k[j]/ds = x_j Π_{n≠k} w_n[j]', () => {
    const x = ['0.5', '-2'].map(F.fromString);
    const W = ['0.3', '-0.7', '1.1', '0.4', '-0.6', '0.9'].map(F.fromString); // L = 3, d = 2, layer-major
    const out = rescaledRhs(F, 'gd', x, F.fromString('0.8'), 3)(W);
    const prod = (j: number, k: number) => [0, 1, 2].filter((n) => n !== k).reduce((p, n) => F.mul(p, W[n * 2 + j]!), F.one);
    for (let k = 0; k < 3; k++) for (let j = 0; j < 2; j++) expect(F.toString(out[k * 2 + j]!, 20)).toBe(F.toString(F.mul(x[j]!, prod(j, k)), 20));
  });

  // why: the units make runs independent of the scale of x, w and ρ; a wrong X or atol changes the accuracy silently
  it('flowUnits: X = max|x_j|, atol = rtol·1e-10·max(|W0|, ρ), and 1 for an all-zero scale', () => {
    const u = flowUnits(
      F,
      ['-3', '2'].map(F.fromString),
      F.fromString('0.2'),
      [['0.5', '-4'].map(F.fromString), ['1', '1'].map(F.fromString)],
      F.fromString('1e-8'),
    );
    expect(F.toString(u.X, 10)).toBe('3');
    expect(F.toString(u.atol, 10)).toBe('4e-18');
    const v = flowUnits(F, ['0.25', '-0.5'].map(F.fromString), F.fromString('7'), [['0.5', '-4'].map(F.fromString)], F.fromString('1e-8'));
    expect(F.toString(v.X, 10)).toBe('0.5');
    expect(F.toString(v.atol, 10)).toBe('7e-18');
    const z = flowUnits(F, [F.zero], F.zero, [[F.zero], [F.zero]], F.fromString('1e-8'));
    expect(F.toString(z.X, 10)).toBe('1');
    expect(F.toString(z.atol, 10)).toBe('1e-18');
  });

  // why: progress and cost figures come from these; a lost callback or a wrong sum goes unseen otherwise
  it('reports progress in the caller s and accumulates the integrator statistics over targets', () => {
    const x = ['2', '-1'].map(F.fromString);
    const W0 = [['0.3', '0.2'].map(F.fromString), ['0.1', '-0.4'].map(F.fromString)];
    const seen: number[] = [];
    const one = rescaledFlow(F, 'gd', x, F.zero, W0, [F.one], { rtol });
    const two = rescaledFlow(F, 'gd', x, F.zero, W0, [F.fromString('0.5'), F.one, F.one], {
      rtol,
      onProgress: (s) => seen.push(F.toNumber(s)),
    });
    expect(one.stats.steps).toBeGreaterThan(0);
    expect(one.stats.fevals).toBeGreaterThan(one.stats.steps);
    expect(two.stats.steps).toBeGreaterThan(one.stats.steps - 1);
    expect(two.stats.fevals).toBeGreaterThan(one.stats.fevals - 1);
    expect(seen.length).toBe(two.stats.steps);
    expect(Math.max(...seen)).toBeCloseTo(1, 12); // s, not X·s = 2
    expect(two.points.map((p) => F.toNumber(p.s))).toEqual([0.5, 1, 1]);
    expect(F.toString(two.points[2]!.beta[0]!, 20)).toBe(F.toString(two.points[1]!.beta[0]!, 20));
    expect(() => rescaledFlow(F, 'gd', x, F.zero, W0, [F.one, F.fromString('0.5')], { rtol })).toThrow(
      /^rescaledFlow: targets must be non-decreasing \(target 1 is below target 0\)$/,
    );
  });
});
