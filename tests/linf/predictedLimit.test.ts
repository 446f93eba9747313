import { describe, expect, it } from 'vitest';
import { makeField } from '../../src/numeric/fieldFactory.ts';
import { linfPredictedLimit } from '../../src/linf/predictedLimit.ts';

const F = makeField('decimal', 30);
const xs = (...v: string[]) => v.map((s) => F.fromString(s));

describe('linfPredictedLimit (B9): argmax |x_i| over the escaping coordinates', () => {
  it('no escaping coordinate: null (beta -> 0)', () => {
    expect(linfPredictedLimit(F, xs('1', '2'), ['absorb', 'saddle'])).toBeNull();
    expect(linfPredictedLimit(F, xs('1'), ['static'])).toBeNull();
  });
  it('only escapers count, even when a non-escaper has the largest |x|', () => {
    expect(linfPredictedLimit(F, xs('3', '-1', '2'), ['absorb', 'escape', 'escape'])).toEqual({ index: 2, sign: 1 });
  });
  it('the sign is sign(x_j), for the first, middle or last index', () => {
    expect(linfPredictedLimit(F, xs('-2.5', '1', '2'), ['escape', 'escape', 'escape'])).toEqual({ index: 0, sign: -1 });
    expect(linfPredictedLimit(F, xs('0.5', '-3', '2'), ['escape', 'escape', 'escape'])).toEqual({ index: 1, sign: -1 });
    expect(linfPredictedLimit(F, xs('0.5', '1', '2'), ['escape', 'escape', 'escape'])).toEqual({ index: 2, sign: 1 });
  });
  it('a tie in |x_i| among escapers is refused (init-dependent mix), a tie with a non-escaper is not', () => {
    expect(() => linfPredictedLimit(F, xs('2', '-2'), ['escape', 'escape'])).toThrow(/tie/);
    expect(linfPredictedLimit(F, xs('2', '-2'), ['escape', 'absorb'])).toEqual({ index: 0, sign: 1 });
  });
});
