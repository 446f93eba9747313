/**
 * Power of B8/basin-boundary: a 1 % error in either threshold constant of the ℓ∞ escape rule is
 * caught at every seed (kinds and sides rotate, every start lies within 0.9 % of the boundary),
 * and the exact rule is never contradicted by the independent discrete map.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeField } from '../../src/numeric/fieldFactory.ts';
import { BASIN_STEP, basinBoundaryMismatches, boundaryCases, boundaryDraw, type BoundaryDraw } from '../../proofs-checks/crossexam/basinBoundary.ts';

const F = makeField('decimal', 24);
type T = unknown;
/** The escape rule with threshold constants c (same-sign quadrants, derived 2) and k (mixed, derived 8). */
function ruleWith(c: string, k: string) {
  return (u: T, v: T, rho: T) => {
    const p = F.abs(F.add(u, v));
    const mixed = F.sign(u) * F.sign(v) < 0;
    const lhs = mixed ? F.mul(p, F.add(F.mul(F.fromNumber(2), rho), F.abs(F.sub(u, v)))) : p;
    const rhs = mixed ? F.mul(F.fromString(k), F.mul(rho, rho)) : F.mul(F.fromString(c), rho);
    const cmp = F.cmp(lhs, rhs);
    return cmp > 0 ? 'escape' : cmp === 0 ? 'saddle' : 'absorb';
  };
}

describe('B8 basin-boundary', () => {
  it('a 1 % error in either constant, either direction, is caught at seeds 1 and 2 with the quick budget (8 starts); the derived constants and src are not', () => {
    for (const seed of [1, 2]) {
      const cases = boundaryCases(F, fc.sample(boundaryDraw, { seed, numRuns: 8 }) as BoundaryDraw[], F.fromString(BASIN_STEP));
      for (const [c, k] of [
        ['1.98', '8'],
        ['2.02', '8'],
        ['2', '7.92'],
        ['2', '8.08'],
      ] as const) {
        expect(basinBoundaryMismatches(F, cases, ruleWith(c, k)).mismatches, `seed ${seed}, c = ${c}, k = ${k}`).toBeGreaterThanOrEqual(1);
      }
      expect(basinBoundaryMismatches(F, cases, ruleWith('2', '8')).mismatches).toBe(0);
      expect(basinBoundaryMismatches(F, cases).mismatches).toBe(0);
    }
  });
});
