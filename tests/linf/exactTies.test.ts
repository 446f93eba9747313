/**
 * Exact tie decisions of the ℓ∞ escape rule (planarExact.ts `exactEscapeCmp`): |u0 + v0| = 2ρ is a
 * saddle exactly when it holds for the decimal inputs, whatever the working precision.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { exactEscapeCmp, linfEscapeCondition } from '../../src/linf/planarExact.ts';

describe('exact ties', () => {
  it('decides near-ties on the decimal inputs', () => {
    expect(exactEscapeCmp('1', '1', '1')).toBe(0);
    expect(exactEscapeCmp('1', '1.0000000000000000000000000000000000000000000000000001', '1')).toBe(1);
    expect(exactEscapeCmp('2', '1e-300', '1')).toBe(1);
    expect(exactEscapeCmp('2', '-1e-300', '1')).toBe(-1);
    // mixed signs: |u+v| (2ρ + |u−v|) vs 8ρ²: u = 3, v = −1 → 2·(2 + 4) = 12 > 8
    expect(exactEscapeCmp('3', '-1', '1')).toBe(1);
  });
  it('linfEscapeCondition agrees with the exact rule where rounding the sum would create a tie', () => {
    const F = decimalField(20);
    // u0 + v0 = 2 + 1e-30 rounds to 2 at 20 digits; the exact rule says escape
    expect(linfEscapeCondition(F, F.fromString('2'), F.fromString('1e-30'), F.one)).toBe('escape');
    expect(linfEscapeCondition(F, F.fromString('2'), F.fromString('-1e-30'), F.one)).toBe('absorb');
    expect(linfEscapeCondition(F, F.fromString('1.5'), F.fromString('0.5'), F.one)).toBe('saddle');
    // exact homogeneity at the tie: (c, c, c) is a saddle for every scale
    for (const c of ['1e-30', '7.25e12', '3e30']) expect(linfEscapeCondition(F, F.fromString(c), F.fromString(c), F.fromString(c))).toBe('saddle');
  });
});
