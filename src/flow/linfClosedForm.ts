/**
 * ℓ∞-SAM rescaled flow, L = 2, one example, exactly (docs/derivation.md B7–B9), coordinate by coordinate
 * through the planar exact solver of src/linf/planarExact.ts (x_i > 0: σ = x_i s on (u_i, v_i);
 * x_i < 0: σ = |x_i| s on (u_i, −v_i), v negated back; x_i = 0: the coordinate does not move).
 *
 * Main definitions:
 * - `linfClosedForm(F, x, u0, v0, rho, s)`: u, v, β at s, status and collapse_s:
 *   collapse_s = max_i absorbSigma_i/|x_i| when every coordinate with x_i ≠ 0 is absorbed (B9's
 *   E = ∅; exact absorption times from the planar pieces), else null;
 *   status 'collapsed' for s ≥ collapse_s, 'escaped' once some coordinate's state satisfies the B8
 *   certificate u v > 0, |u + v| > 2ρ (same rule as linfFlow, so the two methods agree), else
 *   'running'. `fates` gives each coordinate's exact fate (escape | absorb | saddle).
 */
import type { Field } from '../numeric/Field.ts';
import { linfPlanarAt, linfPlanarFate, type PlanarFate } from '../linf/planarExact.ts';

export interface LinfClosedFormResult<T> {
  readonly u: T[];
  readonly v: T[];
  readonly beta: T[];
  readonly status: 'running' | 'collapsed' | 'escaped';
  readonly collapseS: T | null;
  readonly fates: (PlanarFate | 'static')[];
  readonly absorbS: (T | null)[];
}

export function linfClosedForm<T>(F: Field<T>, x: readonly T[], u0: readonly T[], v0: readonly T[], rho: T, s: T): LinfClosedFormResult<T> {
  const u: T[] = [];
  const v: T[] = [];
  const fates: (PlanarFate | 'static')[] = [];
  const absorbS: (T | null)[] = [];
  let escaped = false;
  const two = F.fromNumber(2);
  x.forEach((xi, i) => {
    if (F.isZero(xi)) {
      u.push(u0[i]!);
      v.push(v0[i]!);
      fates.push('static');
      absorbS.push(null);
      return;
    }
    // Stryker disable next-line EqualityOperator: x_i = 0 has returned just above, so `<= 0` equals `< 0`
    const neg = F.sign(xi) < 0;
    const ax = F.abs(xi);
    const vv0 = neg ? F.neg(v0[i]!) : v0[i]!;
    const fate = linfPlanarFate(F, u0[i]!, vv0, rho);
    fates.push(fate.fate);
    absorbS.push(fate.absorbSigma === null ? null : F.div(fate.absorbSigma, ax));
    const st = linfPlanarAt(F, u0[i]!, vv0, rho, F.mul(ax, s));
    u.push(st.u);
    v.push(neg ? F.neg(st.v) : st.v);
    if (F.sign(st.u) * F.sign(st.v) > 0 && F.cmp(F.abs(F.add(st.u, st.v)), F.mul(two, rho)) > 0) escaped = true;
  });
  let collapseS: T | null = null;
  if (x.every((xi, i) => F.isZero(xi) || absorbS[i] !== null)) {
    collapseS = F.zero;
    // Stryker disable next-line EqualityOperator: replacing the running maximum by an equal value leaves it unchanged
    for (const a of absorbS) if (a !== null && F.cmp(a, collapseS) > 0) collapseS = a;
  }
  const status = collapseS !== null && F.cmp(s, collapseS) >= 0 ? 'collapsed' : escaped ? 'escaped' : 'running';
  return { u, v, beta: u.map((ui, i) => F.mul(ui, v[i]!)), status, collapseS, fates, absorbS };
}
