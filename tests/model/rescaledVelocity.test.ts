/**
 * The rescaled-time velocity −∇𝓛(w̃)/g(z̃) for one example, against its closed form written out
 * here: with one example, ∂𝓛/∂w_l[j] = −g(z) y x_j Π_{m≠l} w_m[j], so the velocity of w_l[j] is
 * y x_j Π_{m≠l} w̃_m[j], where w̃ = w (GD), w + ρ·sign(∇𝓛) (ℓ∞-SAM) or w + ρ∇𝓛/‖∇𝓛‖ (ℓ2-SAM),
 * and sign(∇𝓛_l[j]) = −sign(y x_j Π_{m≠l} w_m[j]) since g > 0. The reference is computed with a
 * private decimal.js clone at 60 digits (no samcheck code).
 * Tolerance, fixed in advance: GD and ℓ∞ cases are exact (products of short decimals); ℓ2 involves
 * a square root and a division: relative 10^{−(P−5)} at P = 40.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { DomainError } from '../../src/numeric/errors.ts';
import type { AlgoName } from '../../src/optim/algorithms.ts';
import { rescaledVelocity } from '../../src/model/rescaledVelocity.ts';

const D = Decimal.clone({ precision: 60 });

/** y x_j Π_{m≠l} w_m[j] for every l, j. */
function others(W: Decimal[][], x: Decimal[], y: 1 | -1): Decimal[][] {
  return W.map((row, l) => row.map((_, j) => W.reduce((p, r, m) => (m === l ? p : p.times(r[j]!)), x[j]!.times(y))));
}

function expected(algo: AlgoName, Ws: string[][], xs: string[], y: 1 | -1, rhos: string): Decimal[][] {
  const W = Ws.map((r) => r.map((s) => new D(s)));
  const x = xs.map((s) => new D(s));
  const rho = new D(rhos);
  const minusGrad = others(W, x, y); // −∇𝓛/g at w
  let Wt = W;
  if (algo === 'sam-linf') Wt = W.map((r, l) => r.map((w, j) => w.minus(rho.times(minusGrad[l]![j]!.comparedTo(0)))));
  if (algo === 'sam-l2') {
    const norm = minusGrad
      .flat()
      .reduce((a, v) => a.plus(v.times(v)), new D(0))
      .sqrt();
    Wt = W.map((r, l) => r.map((w, j) => w.minus(rho.times(minusGrad[l]![j]!).div(norm))));
  }
  return others(Wt, x, y);
}

describe('rescaledVelocity: −∇𝓛(w̃)/g(z̃) = y x_j Π_{m≠l} w̃_m[j] for one example', () => {
  const P = 40;
  const F = decimalField(P);
  it.each([
    {
      algo: 'gd',
      W: [
        ['2', '-1'],
        ['3', '0.5'],
      ],
      x: ['1', '2'],
      y: 1,
      rho: '0.5',
      why: 'GD, L = 2: each layer moves along x ⊙ (the other layer), no perturbation',
    },
    {
      algo: 'gd',
      W: [
        ['2', '-1'],
        ['3', '0.5'],
        ['-0.25', '4'],
      ],
      x: ['1', '-2'],
      y: -1,
      rho: '0.5',
      why: 'GD, L = 3, label −1: product over the two other layers and the label sign',
    },
    {
      algo: 'sam-linf',
      W: [
        ['2', '-1'],
        ['3', '0.5'],
      ],
      x: ['1', '2'],
      y: 1,
      rho: '0.5',
      why: 'ℓ∞-SAM: w̃ = w − ρ·sign(y x Π_{m≠l} w_m), mixed signs of the perturbation',
    },
    {
      algo: 'sam-linf',
      W: [
        ['0.75', '1'],
        ['-1.5', '2'],
      ],
      x: ['3', '1'],
      y: -1,
      rho: '0.25',
      why: 'ℓ∞-SAM with label −1: the perturbation sign follows the label',
    },
    {
      algo: 'sam-l2',
      W: [
        ['2', '-1'],
        ['3', '0.5'],
      ],
      x: ['1', '2'],
      y: 1,
      rho: '0.5',
      why: 'ℓ2-SAM: one global norm over all layers',
    },
    {
      algo: 'sam-l2',
      W: [
        ['1', '0.5', '-2'],
        ['0.3', '-1', '1'],
        ['2', '2', '0.1'],
      ],
      x: ['0.5', '1', '-1'],
      y: -1,
      rho: '0.1',
      why: 'ℓ2-SAM, L = 3, d = 3, label −1',
    },
  ] as const)('$why', ({ algo, W, x, y, rho }) => {
    const f = (s: string) => F.fromString(s);
    const got = rescaledVelocity(
      F,
      algo,
      'logistic',
      { X: [x.map(f)], Y: [y] },
      W.map((r) => r.map(f)),
      f(rho),
    );
    const want = expected(
      algo,
      W.map((r) => [...r]),
      [...x],
      y,
      rho,
    );
    const tol = new D(10).pow(-(P - 5));
    got.forEach((row, l) =>
      row.forEach((v, j) => {
        const w = want[l]![j]!;
        const err = new D(F.toString(v)).minus(w).abs();
        expect(err.lte(tol.times(D.max(w.abs(), 1))), `velocity of w_${l + 1}[${j}]: got ${F.toString(v)}, want ${w.toString()}`).toBe(true);
      }),
    );
  });

  it.each([
    { n: 2, why: 'two examples: the velocity is not defined by one g(z̃)' },
    { n: 0, why: 'no example at all' },
  ])('refuses $n examples with a DomainError naming the restriction: $why', ({ n }) => {
    const f = (s: string) => F.fromString(s);
    const data = { X: Array.from({ length: n }, () => [f('1'), f('2')]), Y: Array.from({ length: n }, () => 1 as const) };
    const W = [
      [f('1'), f('1')],
      [f('1'), f('1')],
    ];
    expect(() => rescaledVelocity(F, 'gd', 'logistic', data, W, f('0.5'))).toThrow(DomainError);
    expect(() => rescaledVelocity(F, 'gd', 'logistic', data, W, f('0.5'))).toThrow('rescaledVelocity: one example only');
  });
});
