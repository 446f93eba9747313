import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
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
});
