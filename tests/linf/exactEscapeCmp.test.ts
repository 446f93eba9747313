/**
 * exactEscapeCmp on decimal strings (BigInt-scaled): number formats, zeros, both mixed orientations,
 * the exponent-spread limit at its boundary. Expected signs are computed by hand from the rule
 *   u0·v0 ≥ 0: |u0 + v0| − 2ρ;   u0·v0 < 0: |u0 + v0|·(2ρ + |u0 − v0|) − 8ρ².
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/numeric/errors.ts';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { exactEscapeCmp, linfEscapeCondition, linfEscapeMargin } from '../../src/linf/planarExact.ts';

describe('exactEscapeCmp', () => {
  const table: Array<[string, string, string, -1 | 0 | 1, string]> = [
    ['1', '1', '1', 0, 'tie |u + v| = 2ρ'],
    ['0.5e1', '-1.5E0', '1', 1, 'exponents with e and E: u = 5, v = −1.5, mixed: 3.5·(2 + 6.5) = 29.75 > 8'],
    ['2.5e-1', '2.5e-1', '2.5e-1', 0, 'negative exponents: 0.5 − 0.5'],
    ['1.5e+2', '50', '100', 0, 'explicit + in the exponent: 200 − 200'],
    ['+1', '1', '1', 0, 'explicit + sign'],
    ['2e-1', '1.8', '1', 0, 'a negative exponent on one value only (a sign stripped anywhere would read 2e1)'],
    [' 0.5 ', '1.5', '1', 0, 'surrounding whitespace is ignored (else the fraction "5 " would count two digits)'],
    ['1e5', '1e5', '1e5', 0, 'large equal scale'],
    ['0.001', '1.999', '1', 0, 'leading zeros of the fraction'],
    ['00.5', '1.5', '1', 0, 'leading zeros of the integer part'],
    ['0', '2', '1', 0, 'u = 0 is not mixed: |2| − 2'],
    ['0', '0', '1', -1, 'origin'],
    ['-0', '0', '1', -1, 'negative zero'],
    ['0e-200000', '2', '1', 0, "a zero's exponent does not count in the spread"],
    ['3', '-1', '1', 1, 'mixed (u > 0 > v): 2·(2 + 4) = 12 > 8 (the same-sign form would give a tie)'],
    ['-3', '1', '1', 1, 'mixed (u < 0 < v): the mirror'],
    ['-1', '3', '2', -1, 'mixed: 2·(4 + 4) = 16 < 32'],
    ['1', '-0.5', '1', -1, 'mixed: 0.5·(2 + 1.5) = 1.75 < 8'],
    ['-2.5', '3.5', '1', 0, 'mixed tie: 1·(2 + 6) = 8'],
    ['-1', '-1.0000000000000000000000000000000000001', '1', 1, 'Q3, just outside'],
    ['-1', '-0.9999999999999999999999999999999999999', '1', -1, 'Q3, just inside'],
    ['1e100000', '0', '1', 1, 'exponent spread exactly 100000 is still decided'],
  ];
  it.each(table)('(%s, %s, ρ = %s) -> %s  [%s]', (u, v, rho, want) => {
    expect(exactEscapeCmp(u, v, rho)).toBe(want);
  });
  it('an exponent spread above 100000 is refused (DomainError naming the tie)', () => {
    expect(() => exactEscapeCmp('1e-100001', '1', '1')).toThrow(DomainError);
    expect(() => exactEscapeCmp('1', '1e100001', '1')).toThrow(/span more than 100000 orders of magnitude/);
  });
});

describe('linfEscapeCondition', () => {
  const F = decimalField(20);
  const d = (s: string) => F.fromString(s);
  it('ρ = 0: saddle exactly when u0 + v0 = 0, else escape', () => {
    expect(linfEscapeCondition(F, d('0.7'), d('-0.7'), F.zero)).toBe('saddle');
    expect(linfEscapeCondition(F, d('0.7'), d('-0.6'), F.zero)).toBe('escape');
    expect(linfEscapeCondition(F, d('-1e-30'), F.zero, F.zero)).toBe('escape');
  });
  it('ρ < 0 is refused with the value named', () => {
    expect(() => linfEscapeCondition(F, F.one, F.one, d('-0.5'))).toThrow(DomainError);
    expect(() => linfEscapeCondition(F, F.one, F.one, d('-0.5'))).toThrow(/rho must be >= 0, got -0.5/);
  });
  it('near-ties whose rounded margin has the wrong sign (by 1e-19, inside the band of 10^{-(P-5)} relative) are decided exactly', () => {
    // found by a search along the mixed boundary at 20 digits; the exact rule (BigInt) is the reference
    const table: Array<[string, string, 'absorb' | 'escape']> = [
      ['-3.637139921356368686', '4.4316725463007201758', 'absorb'],
      ['-4.281240572024624284', '4.9909516756187393503', 'escape'],
    ];
    for (const [u, v, want] of table) {
      const m = linfEscapeMargin(F, d(u), d(v), F.one);
      expect(F.sign(F.sub(m.lhs, m.rhs)), 'the rounded margin has the wrong sign').toBe(want === 'absorb' ? 1 : -1);
      expect(exactEscapeCmp(u, v, '1')).toBe(want === 'absorb' ? -1 : 1);
      expect(linfEscapeCondition(F, d(u), d(v), F.one)).toBe(want);
    }
  });
  it('the origin is absorbed for ρ > 0; away from ties the rounded comparison decides (no exact recomputation needed)', () => {
    expect(linfEscapeCondition(F, F.zero, F.zero, d('0.3'))).toBe('absorb');
    expect(linfEscapeCondition(F, d('1.2'), d('0.9'), F.one)).toBe('escape');
    expect(linfEscapeCondition(F, d('1.2'), d('0.7'), F.one)).toBe('absorb');
  });
});
