/**
 * docs/derivation.md B4 certificates for the ℓ2-SAM rescaled flow, L = 2, one example.
 *
 * Main definitions:
 * - `l2N(F, x, u, v)`: N = (Σ x_i²(u_i² + v_i²))^{1/2} (= ‖∇𝓛‖/g).
 * - `collapseCertificate`: N < ρ·min_{x_i≠0}|x_i|  ⇒ finite-time collapse to 0.
 * - `escapeCertificate`: Σ x_i² a_i²/2 > (ρ·max|x_i|)², a_i = u_i + sgn(x_i) v_i ⇒ escape.
 * - `alignedComponents` (a_i, with sgn(0) taken as +1) and `alignedEnergy` (Σ x_i² a_i²/2).
 * - `collapseTailBound`: once N < ρ·x_min, d ln N/dτ ≤ −x_min(ρ x_min − N), so the remaining
 *   rescaled time to collapse is at most N/κ, κ = x_min(ρ x_min − N) (used to locate collapse_s).
 * Both certificates are checked with a relative safety margin `certMargin(F)` = 10^{−⌊P/2⌋} so
 * that integration error (≤ 10^{−(P−12)}) cannot flip them.
 */
import { DomainError, InternalError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';

export function certMargin<T>(F: Field<T>): T {
  return F.powInt(F.fromNumber(10), -Math.floor(F.precision / 2));
}

export function xMinMax<T>(F: Field<T>, x: readonly T[]): { min: T; max: T } {
  let min: T | null = null;
  let max = F.zero;
  for (const xi of x) {
    if (F.isZero(xi)) continue;
    const a = F.abs(xi);
    // Stryker disable next-line EqualityOperator: replacing the running minimum by an equal value leaves it unchanged
    if (min === null || F.cmp(a, min) < 0) min = a;
    // Stryker disable next-line EqualityOperator: replacing the running maximum by an equal value leaves it unchanged
    if (F.cmp(a, max) > 0) max = a;
  }
  if (min === null) throw new DomainError('x must have at least one non-zero entry');
  return { min, max };
}

export function l2N<T>(F: Field<T>, x: readonly T[], u: readonly T[], v: readonly T[]): T {
  let acc = F.zero;
  for (let i = 0; i < x.length; i++) {
    const x2 = F.mul(x[i]!, x[i]!);
    acc = F.add(acc, F.mul(x2, F.add(F.mul(u[i]!, u[i]!), F.mul(v[i]!, v[i]!))));
  }
  return F.sqrt(acc);
}

/** N < ρ·x_min·(1 − margin). */
export function collapseCertificate<T>(F: Field<T>, x: readonly T[], rho: T, N: T): boolean {
  const { min } = xMinMax(F, x);
  const bound = F.mul(F.mul(rho, min), F.sub(F.one, certMargin(F)));
  return F.cmp(N, bound) < 0;
}

/** The aligned components a_i = u_i + sgn(x_i) v_i (the growing coefficient of B2/B4; sgn(0) = +1 here). */
export function alignedComponents<T>(F: Field<T>, x: readonly T[], u: readonly T[], v: readonly T[]): T[] {
  return x.map((xi, i) => (F.sign(xi) >= 0 ? F.add(u[i]!, v[i]!) : F.sub(u[i]!, v[i]!)));
}

/** Σ x_i² a_i²/2, the quantity of the B4 escape certificate. */
export function alignedEnergy<T>(F: Field<T>, x: readonly T[], a: readonly T[]): T {
  let acc = F.zero;
  for (let i = 0; i < x.length; i++) acc = F.add(acc, F.mul(F.mul(x[i]!, x[i]!), F.mul(a[i]!, a[i]!)));
  return F.div(acc, F.fromNumber(2));
}

/** Σ x_i² a_i²/2 > (ρ x_max)²·(1 + margin), with a_i = u_i + sgn(x_i) v_i given directly. */
export function escapeCertificateFromA<T>(F: Field<T>, x: readonly T[], rho: T, a: readonly T[]): boolean {
  const { max } = xMinMax(F, x);
  const rm = F.mul(rho, max);
  return F.cmp(alignedEnergy(F, x, a), F.mul(F.mul(rm, rm), F.add(F.one, certMargin(F)))) > 0;
}

export function escapeCertificate<T>(F: Field<T>, x: readonly T[], rho: T, u: readonly T[], v: readonly T[]): boolean {
  return escapeCertificateFromA(F, x, rho, alignedComponents(F, x, u, v));
}

/** Upper bound N/κ on the rescaled time left before collapse (requires N < ρ x_min). */
export function collapseTailBound<T>(F: Field<T>, x: readonly T[], rho: T, N: T): T {
  const { min } = xMinMax(F, x);
  const kappa = F.mul(min, F.sub(F.mul(rho, min), N));
  if (F.sign(kappa) <= 0) throw new InternalError('collapseTailBound: called while the collapse certificate does not hold');
  return F.div(N, kappa);
}
