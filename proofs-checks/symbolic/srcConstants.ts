/**
 * The constants of the ℓ∞-SAM escape rule AS IMPLEMENTED in src/linf/planarExact.ts, read back
 * from `linfEscapeMargin` so that the B8 obligations verify src's constants (not a copy of them):
 * - `srcSameQuadrantConstant()`: c in "escape ⇔ |u0 + v0| > c ρ" (u0 v0 ≥ 0), derived: 2;
 * - `srcMixedConstant()`: k in "escape ⇔ |u0 + v0|(2ρ + |u0 − v0|) > k ρ²" (u0 v0 < 0), derived: 8.
 * Read at ρ = 3 (so a constant that does not scale with ρ, ρ², shows as a non-constant).
 */
import { makeField } from '../../src/numeric/fieldFactory.ts';
import { linfEscapeMargin } from '../../src/linf/planarExact.ts';

const F = makeField('decimal', 40);

export function srcSameQuadrantConstant(): string {
  const rho = F.fromNumber(3);
  return F.toString(F.div(linfEscapeMargin(F, F.one, F.one, rho).rhs, rho));
}

export function srcMixedConstant(): string {
  const rho = F.fromNumber(3);
  return F.toString(F.div(linfEscapeMargin(F, F.neg(F.one), F.fromNumber(2), rho).rhs, F.mul(rho, rho)));
}
