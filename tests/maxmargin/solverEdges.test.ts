/**
 * Edge cases of the exact max-margin solver and its linear solve that the general tests do not
 * reach (written to kill StrykerJS survivors): the singularity threshold relative to the matrix
 * scale and to the working precision, partial pivoting, the feasibility slack, the size limit.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { l2MaxMargin, solveLinear, MAX_MAX_MARGIN_EXAMPLES } from '../../src/maxmargin/l2MaxMargin.ts';

const F = decimalField(40);
const f = (s: string) => F.fromString(s);
const third = F.div(F.one, F.fromNumber(3));
// 2/3 rounded on its own (not 2 x third): elimination leaves a rounding residual ~1e-40, not an exact 0
const twoThirds = F.div(F.fromNumber(2), F.fromNumber(3));

describe('solveLinear', () => {
  it('a zero leading pivot is handled by row exchange', () => {
    const x = solveLinear(
      F,
      [
        [f('0'), f('1')],
        [f('1'), f('0')],
      ],
      [f('2'), f('3')],
    );
    expect(x?.map((v) => F.toString(v))).toEqual(['3', '2']);
  });

  it('a small but well-conditioned pivot (1e-6 of the scale) is solved, not declared singular', () => {
    const x = solveLinear(
      F,
      [
        [f('1'), f('0')],
        [f('0'), f('1e-6')],
      ],
      [f('1'), f('1')],
    );
    expect(x?.map((v) => F.toString(v))).toEqual(['1', '1000000']);
  });

  it('a matrix singular up to rounding (rows 1/3, 2/3 and 1, 2) is declared singular', () => {
    expect(
      solveLinear(
        F,
        [
          [third, twoThirds],
          [f('1'), f('2')],
        ],
        [f('1'), f('1')],
      ),
    ).toBeNull();
  });

  it('the singularity threshold scales with the largest entry', () => {
    // the same near-singular matrix scaled by 1e-30: still singular; a regular matrix of that scale is solved
    const s = f('1e-30');
    expect(
      solveLinear(
        F,
        [
          [F.mul(s, third), F.mul(s, twoThirds)],
          [s, F.mul(F.fromNumber(2), s)],
        ],
        [f('1'), f('1')],
      ),
    ).toBeNull();
    const x = solveLinear(
      F,
      [
        [s, f('0')],
        [f('0'), s],
      ],
      [f('1'), f('2')],
    );
    expect(x?.map((v) => F.toString(v))).toEqual(['1e+30', '2e+30']);
  });
});

describe('l2MaxMargin edges', () => {
  it('a candidate violating a constraint by 1e-7 is rejected (the slack is relative to the precision, not 1e-5)', () => {
    // a = (1, 0) and (1 - 1e-7, 0): the optimum is w = (1/(1 - 1e-7), 0); w = (1, 0) violates the second by 1e-7
    const r = l2MaxMargin(F, {
      X: [
        [f('1'), f('0')],
        [f('0.9999999'), f('0')],
      ],
      Y: [1, 1],
    });
    expect(r).not.toBeNull();
    expect(F.toString(F.mul(r!.w[0]!, f('0.9999999')), 30)).toBe('1');
  });

  it('constraints met only up to rounding (thirds) are still accepted', () => {
    const r = l2MaxMargin(F, {
      X: [
        [third, F.mul(F.fromNumber(2), third)],
        [F.mul(F.fromNumber(2), third), F.neg(third)],
      ],
      Y: [1, 1],
    });
    expect(r).not.toBeNull();
    expect(r!.support.length).toBe(2);
  });

  it(`${MAX_MAX_MARGIN_EXAMPLES} examples are accepted, ${MAX_MAX_MARGIN_EXAMPLES + 1} are refused with the limit named`, () => {
    const X = Array.from({ length: MAX_MAX_MARGIN_EXAMPLES }, (_, k) => [F.fromNumber(k + 1)]);
    const r = l2MaxMargin(F, { X, Y: X.map(() => 1 as const) });
    expect(r && F.toString(r.w[0]!)).toBe('1');
    const X13 = [...X, [F.fromNumber(20)]];
    expect(() => l2MaxMargin(F, { X: X13, Y: X13.map(() => 1 as const) })).toThrow(/at most 12 examples, got 13/);
  });
});
