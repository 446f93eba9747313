import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { l2MaxMargin } from '../../src/maxmargin/l2MaxMargin.ts';

const F = decimalField(50);
const f = (s: string) => F.fromString(s);
const ds = (X: string[][], Y: (1 | -1)[]) => ({ X: X.map((r) => r.map(f)), Y });
const str = (w: ReturnType<typeof f>[]) => w.map((v) => F.toString(v, 20));

describe('l2MaxMargin: exact cases', () => {
  it.each([
    // one example: w_hat = x/|x|^2
    { X: [['3', '4']], Y: [1], want: ['0.12', '0.16'], why: 'one example: x/|x|^2 exactly' },
    // both examples are support vectors: w solves the 2x2 system exactly
    {
      X: [
        ['1', '0'],
        ['0', '1'],
      ],
      Y: [1, 1],
      want: ['1', '1'],
      why: 'two orthogonal support vectors',
    },
    // the second example is inactive (margin 2 > 1): only the first supports
    {
      X: [
        ['1', '0'],
        ['2', '0'],
      ],
      Y: [1, 1],
      want: ['1', '0'],
      why: 'an inactive constraint must be ignored',
    },
    // a label flip with a mirrored point is the same constraint twice: dependent rows
    {
      X: [
        ['1', '1'],
        ['-1', '-1'],
      ],
      Y: [1, -1],
      want: ['0.5', '0.5'],
      why: 'duplicate constraints give a singular Gram matrix for the pair',
    },
  ] as const)('$why', ({ X, Y, want }) => {
    const r = l2MaxMargin(
      F,
      ds(
        X.map((r) => [...r]),
        [...Y],
      ),
    );
    expect(r).not.toBeNull();
    expect(str(r!.w)).toEqual(want.map((s) => F.toString(f(s), 20)));
  });

  it.each([
    {
      X: [
        ['1', '0'],
        ['1', '0'],
      ],
      Y: [1, -1],
      why: 'the same point with both labels',
    },
    { X: [['1'], ['-1'], ['2']], Y: [1, 1, 1], why: 'through the origin, opposite points cannot both be positive' },
  ] as const)('non-separable: $why', ({ X, Y }) => {
    expect(
      l2MaxMargin(
        F,
        ds(
          X.map((r) => [...r]),
          [...Y],
        ),
      ),
    ).toBeNull();
  });
});

describe('l2MaxMargin: KKT on random separable data', () => {
  it('every returned w is feasible, and no feasible small perturbation has a smaller norm', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 3, maxLength: 3 }),
        (v, Y) => {
          const X = [v.slice(0, 2), v.slice(2, 4), v.slice(4, 6)].map((r) => r.map((k) => String(k / 10)));
          const r = l2MaxMargin(F, ds(X, Y));
          if (!r) return true;
          const a = X.map((x, k) => x.map((s) => (Y[k] === 1 ? f(s) : F.neg(f(s)))));
          const margin = (w: typeof r.w) => a.map((ak) => F.add(F.mul(ak[0]!, w[0]!), F.mul(ak[1]!, w[1]!)));
          // feasibility
          for (const m of margin(r.w)) expect(F.cmp(m, f('0.99999999999999999999'))).toBeGreaterThanOrEqual(0);
          // local optimality: directions that keep feasibility do not reduce the norm
          const n0 = F.add(F.mul(r.w[0]!, r.w[0]!), F.mul(r.w[1]!, r.w[1]!));
          for (const [d0, d1] of [
            [1, 0],
            [0, 1],
            [-1, 0],
            [0, -1],
            [1, 1],
            [1, -1],
            [-1, 1],
            [-1, -1],
          ] as [number, number][]) {
            const w = [F.add(r.w[0]!, f(String(d0 * 1e-6))), F.add(r.w[1]!, f(String(d1 * 1e-6)))];
            if (margin(w).every((m) => F.cmp(m, F.one) >= 0)) {
              expect(F.cmp(F.add(F.mul(w[0]!, w[0]!), F.mul(w[1]!, w[1]!)), n0)).toBeGreaterThanOrEqual(0);
            }
          }
          return true;
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});
