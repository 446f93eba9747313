/**
 * The ℓ∞-SAM rescaled flow of a whole depth-2, one-example network, coordinate by coordinate
 * from the exact planar solver (B7: decoupling; x_i < 0 through σ = |x_i| s and (u, −v)).
 *
 * Main results:
 * - `linfStateAt(F, x, u0, v0, rho, s)`: u(s), v(s), β(s) and each coordinate's phase.
 * - `linfEscapeSet(F, x, u0, v0, rho)`: the fate of every coordinate (B8/B9's E).
 * - `linfPredictedLimit(F, x, fates)`: B9's limit: sign(x_j) e_j, j = argmax_{i∈E}|x_i|, or 0.
 */
import type { Field } from '../numeric/Field.ts';
import { linfEscapeCondition, linfPlanarAt, type PlanarFate } from './planarExact.ts';

export interface LinfState<T> {
  readonly u: T[];
  readonly v: T[];
  readonly beta: T[];
  readonly phases: ('running' | 'absorbed' | 'saddle')[];
}

export function linfStateAt<T>(F: Field<T>, x: readonly T[], u0: readonly T[], v0: readonly T[], rho: T, s: T): LinfState<T> {
  const u: T[] = [];
  const v: T[] = [];
  const phases: LinfState<T>['phases'] = [];
  x.forEach((xi, i) => {
    if (F.isZero(xi)) {
      // x_i = 0: the coordinate does not move (u' = v' = 0 in the B1 flow).
      u.push(u0[i]!);
      v.push(v0[i]!);
      phases.push('running');
      return;
    }
    const neg = F.sign(xi) < 0;
    const st = linfPlanarAt(F, u0[i]!, neg ? F.neg(v0[i]!) : v0[i]!, rho, F.mul(F.abs(xi), s));
    u.push(st.u);
    v.push(neg ? F.neg(st.v) : st.v);
    phases.push(st.phase);
  });
  return { u, v, beta: u.map((ui, i) => F.mul(ui, v[i]!)), phases };
}

export function linfEscapeSet<T>(F: Field<T>, x: readonly T[], u0: readonly T[], v0: readonly T[], rho: T): PlanarFate[] {
  return x.map((xi, i) => linfEscapeCondition(F, u0[i]!, F.sign(xi) < 0 ? F.neg(v0[i]!) : v0[i]!, rho));
}

/** B9's predicted limit direction (null = β becomes 0); ties in |x_i| among escapers: null direction is not defined, throws. */
export function linfPredictedLimit<T>(F: Field<T>, x: readonly T[], fates: readonly PlanarFate[]): { index: number; sign: 1 | -1 } | null {
  let j = -1;
  fates.forEach((f, i) => {
    if (f !== 'escape') return;
    if (j < 0 || F.cmp(F.abs(x[i]!), F.abs(x[j]!)) > 0) j = i;
    else if (F.cmp(F.abs(x[i]!), F.abs(x[j]!)) === 0) throw new RangeError('linfPredictedLimit: tie in |x_i| among escaping coordinates (init-dependent mix)');
  });
  if (j < 0) return null;
  return { index: j, sign: F.sign(x[j]!) < 0 ? -1 : 1 };
}
