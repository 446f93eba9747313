/**
 * GD rescaled flow, L = 2, one example, in closed form (docs/derivation.md B2).
 *
 * Main definitions:
 * - `gdClosedForm(F, x, u0, v0, s)`: p_i = p_i(0) e^{x_i s}, q_i = q_i(0) e^{−x_i s},
 *   u = (p + q)/2, v = (p − q)/2, β = u v = (p² − q²)/4. Exact for every s ≥ 0 (decimal.js's
 *   exponent range covers e^{±2·10^{15}}); u_i² − v_i² = p_i q_i is invariant.
 * - `gdStatus`: 'escaped' when some growing coefficient a_i = u_i + sgn(x_i) v_i ≠ 0 (the B4 escape
 *   certificate at ρ = 0), else 'running' (the state decays to 0 as s → ∞, never in finite time).
 */
import type { Field } from '../numeric/Field.ts';
import { alignedComponents } from './l2Certificates.ts';

export interface PlanarState<T> {
  readonly u: T[];
  readonly v: T[];
  readonly beta: T[];
}

export function gdClosedForm<T>(F: Field<T>, x: readonly T[], u0: readonly T[], v0: readonly T[], s: T): PlanarState<T> {
  const two = F.fromNumber(2);
  const u: T[] = [];
  const v: T[] = [];
  for (let i = 0; i < x.length; i++) {
    const p0 = F.add(u0[i]!, v0[i]!);
    const q0 = F.sub(u0[i]!, v0[i]!);
    const xs = F.mul(x[i]!, s);
    const p = F.isZero(p0) ? F.zero : F.mul(p0, F.exp(xs));
    const q = F.isZero(q0) ? F.zero : F.mul(q0, F.exp(F.neg(xs)));
    u.push(F.div(F.add(p, q), two));
    v.push(F.div(F.sub(p, q), two));
  }
  return { u, v, beta: u.map((ui, i) => F.mul(ui, v[i]!)) };
}

export function gdStatus<T>(F: Field<T>, x: readonly T[], u0: readonly T[], v0: readonly T[]): 'escaped' | 'running' {
  const a = alignedComponents(F, x, u0, v0);
  for (let i = 0; i < x.length; i++) if (!F.isZero(x[i]!) && !F.isZero(a[i]!)) return 'escaped';
  return 'running';
}
