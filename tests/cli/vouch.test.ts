/**
 * vouch (src/cli/vouch.ts): numbers are cut to one digit fewer than they share with the rerun; keys
 * select top-level fields only; structural differences are reported, not hidden.
 */
import { describe, expect, it } from 'vitest';
import { referencePrecision, vouch } from '../../src/cli/vouch.ts';

describe('vouch', () => {
  it('cuts each number to the digits it shares with the reference, minus one', () => {
    // 8.85800351 vs 8.858004258: relative difference 8.4e-8 -> 7.0 digits agree -> 6 printed
    const v = vouch({ u: ['8.85800351', '2'] }, { u: ['8.858004258', '2'] }, 10);
    expect(v.value.u).toEqual(['8.85800', '2']);
    expect(v.digits).toBe(6);
  });
  it('applies keys at the top level only and reports structural mismatches', () => {
    const a = { s: '1.23456789', certificate: { s: '0.3328' }, status: 'collapsed' };
    const b = { s: '1.23456789', certificate: { s: '0.3255' }, status: 'running' };
    const v = vouch(a, b, 9, new Set(['s', 'status']));
    expect(v.value.certificate.s).toBe('0.3328');
    expect(v.mismatches).toEqual(['status']);
  });
  it('reference precision is strictly higher, or null at the 1000-digit limit', () => {
    expect(referencePrecision(40)).toBe(60);
    expect(referencePrecision(10)).toBe(20);
    expect(referencePrecision(1000)).toBeNull();
  });
});
