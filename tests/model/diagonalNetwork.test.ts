/**
 * The depth-L diagonal network: β, margins, loss and the exact gradient, checked against
 * brute force at high precision on random inputs (fast-check, seed 20260308).
 * Tolerances, fixed in advance:
 * - loss vs an independent evaluation (products and series built in the test): relative ≤ 10^{−(P−3)};
 * - gradient vs central differences at 120 digits, h = 1e−30: |fd − ∇| ≤ 10^{−50}·max(1, |∇|)
 *   (truncation O(h²) ≈ 1e−60, rounding ≈ 1e−120/h = 1e−90).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { beta, gradient, lossValue, margins } from '../../src/model/diagonalNetwork.ts';
import { bruteLoss, fdGradient, load, problemArb } from './bruteForce.ts';
import { expLossRef, logisticRef, refDecimal, relErr, tenTo } from '../numeric/independentMath.ts';

const SEED = 20260308;

describe('β and margins: exact small cases', () => {
  const F = decimalField(30);
  const f = (s: string) => F.fromString(s);
  it.each([
    { W: [['2', '-3']], X: [['1', '1']], Y: [1], beta: ['2', '-3'], z: ['-1'], why: 'L = 1: β = w itself' },
    {
      W: [
        ['2', '0.5'],
        ['3', '4'],
      ],
      X: [['1', '-1']],
      Y: [-1],
      beta: ['6', '2'],
      z: ['-4'],
      why: 'L = 2 with a negative label flips the margin',
    },
    {
      W: [
        ['1', '0'],
        ['2', '5'],
        ['3', '7'],
      ],
      X: [
        ['1', '1'],
        ['2', '0'],
      ],
      Y: [1, 1],
      beta: ['6', '0'],
      z: ['6', '12'],
      why: 'L = 3 with a zero weight: β_j = 0 exactly',
    },
  ] as const)('$why', ({ W, X, Y, beta: b, z }) => {
    const Wd = W.map((r) => r.map(f));
    const data = { X: X.map((r) => r.map(f)), Y: [...Y] };
    const bb = beta(F, Wd);
    expect(bb.map((v) => F.toString(v))).toEqual(b);
    expect(margins(F, data, bb).map((v) => F.toString(v))).toEqual(z);
  });
});

describe('loss and gradient vs brute force at high precision (fast-check, seed 20260308)', () => {
  it('lossValue agrees with an independent evaluation (own products, series ℓ) to 10^{-(P-3)}', () => {
    const P = 60;
    const F = decimalField(P);
    const D = refDecimal(P + 20);
    fc.assert(
      fc.property(problemArb, (p) => {
        const { W, data } = load(F, p);
        // independent: margins with plain decimal.js at P+20 digits, ℓ from the series reference
        const terms = p.X.map((x, k) => {
          let z = new D(0);
          x.forEach((xj, j) => {
            let prod = new D(xj);
            for (const row of p.W) prod = prod.times(row[j]!);
            z = z.plus(prod);
          });
          if (p.Y[k] === -1) z = z.neg();
          return p.loss === 'logistic' ? logisticRef(D, z) : expLossRef(D, z);
        });
        const want = terms.reduce((a, b) => a.plus(b), new D(0)).div(p.X.length);
        return relErr(F.toString(lossValue(F, makeLoss(F, p.loss), data, W)), want).lte(tenTo(-(P - 3)));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('gradient agrees with central differences at 120 digits, h = 1e-30, to 1e-50', () => {
    const F = decimalField(120);
    const h = F.fromString('1e-30');
    const tol = F.fromString('1e-50');
    fc.assert(
      fc.property(problemArb, (p) => {
        const { W, data } = load(F, p);
        const G = gradient(F, makeLoss(F, p.loss), data, W).grad;
        const fd = fdGradient(F, (V) => bruteLoss(F, p.loss, data, V), W, h);
        return G.every((row, l) => row.every((gj, j) => F.cmp(F.abs(F.sub(gj, fd[l]![j]!)), F.mul(tol, F.max(F.one, F.abs(gj)))) <= 0));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('gradient is exact at zero weights: with two zeros in a column, that column has zero gradient in every layer', () => {
    // why hard: a β/w_l shortcut would divide by zero; prefix/suffix products must give exact zeros
    const F = decimalField(40);
    const f = (s: string) => F.fromString(s);
    const W = [
      ['0', '1.5'],
      ['0', '-2'],
      ['3', '0.25'],
    ].map((r) => r.map(f));
    const data = { X: [[f('1'), f('2')]], Y: [1 as const] };
    const G = gradient(F, makeLoss(F, 'logistic'), data, W).grad;
    expect(G.map((r) => F.isZero(r[0]!))).toEqual([true, true, true]);
    expect(G.map((r) => F.isZero(r[1]!))).toEqual([false, false, false]);
  });

  it('gradient reports z and g(z) at the point it was evaluated', () => {
    const F = decimalField(40);
    const f = (s: string) => F.fromString(s);
    const loss = makeLoss(F, 'logistic');
    const W = [
      [f('0.5'), f('1')],
      [f('2'), f('-1')],
    ];
    const data = {
      X: [
        [f('1'), f('3')],
        [f('-1'), f('1')],
      ],
      Y: [1, -1] as (1 | -1)[],
    };
    const r = gradient(F, loss, data, W);
    // β = (1, −1): z_1 = 1·1 − 3 = −2, z_2 = −(−1 − 1) = 2
    expect(r.z.map((v) => F.toString(v))).toEqual(['-2', '2']);
    expect(r.gz.map((v) => F.toString(v))).toEqual([F.toString(loss.g(f('-2'))), F.toString(loss.g(f('2')))]);
  });
});
