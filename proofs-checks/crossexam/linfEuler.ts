/**
 * An INDEPENDENT discrete ℓ∞-SAM map for depth 2 and one example, written from the algorithm's
 * definition only (shares no code with src/ beyond Field arithmetic), used to cross-examine the
 * exact planar solver, the closed form and the Filippov flow.
 *
 * With 𝓛 = ℓ(Σ_i x_i u_i v_i), ∂𝓛/∂u_i = −g x_i v_i, so ℓ∞-SAM perturbs u_i by
 * ρ·sign(∂𝓛/∂u_i) = −ρ sgn(x_i v_i) (sign(0) = 0) and v_i by −ρ sgn(x_i u_i), then steps
 * u_i ← u_i + η g x_i ṽ_i, v_i ← v_i + η g x_i ũ_i. In the rescaled clock (ds = η g per step) one
 * step advances s by h: this is the discrete algorithm with step h in s (its η → 0 limit is the
 * rescaled flow of docs/derivation.md B1/B7).
 *
 * Main definitions:
 * - `linfEulerStep(F, x, rho, h, u, v)`: one step (new arrays).
 * - `linfEulerAt(F, x, rho, h, u0, v0, s)`: the state after ⌈s/h⌉ steps (the last one shortened).
 * - `linfEulerFate(F, u0, v0, rho, h, maxSteps)`: planar fate (x = 1) of the discrete run:
 *   'escape' once u v > 0 and |u + v| > 3ρ, 'absorb' once max(|u|, |v|) < ρ/20, else 'undecided'.
 *   Neither test uses the basin rule under test (3ρ and ρ/20 are deep inside the two basins).
 */
import type { Field } from '../../src/numeric/Field.ts';

export function linfEulerStep<T>(F: Field<T>, x: readonly T[], rho: T, h: T, u: readonly T[], v: readonly T[]): { u: T[]; v: T[] } {
  const nu: T[] = [];
  const nv: T[] = [];
  for (let i = 0; i < x.length; i++) {
    const sx = F.sign(x[i]!);
    const su = sx * F.sign(u[i]!);
    const sv = sx * F.sign(v[i]!);
    // ũ = u − ρ sgn(x v) pairs with the v-update; ṽ = v − ρ sgn(x u) with the u-update
    const hx = F.mul(h, x[i]!);
    const uTilde = sv === 0 ? u[i]! : sv > 0 ? F.sub(u[i]!, rho) : F.add(u[i]!, rho);
    const vTilde = su === 0 ? v[i]! : su > 0 ? F.sub(v[i]!, rho) : F.add(v[i]!, rho);
    nu.push(F.add(u[i]!, F.mul(hx, vTilde)));
    nv.push(F.add(v[i]!, F.mul(hx, uTilde)));
  }
  return { u: nu, v: nv };
}

export function linfEulerAt<T>(F: Field<T>, x: readonly T[], rho: T, h: T, u0: readonly T[], v0: readonly T[], s: T): { u: T[]; v: T[]; steps: number } {
  let u = u0.slice();
  let v = v0.slice();
  let left = s;
  let steps = 0;
  while (F.sign(left) > 0) {
    const hh = F.min(h, left);
    ({ u, v } = linfEulerStep(F, x, rho, hh, u, v));
    left = F.sub(left, hh);
    steps++;
  }
  return { u, v, steps };
}

export type EulerFate = 'escape' | 'absorb' | 'undecided';

export function linfEulerFate<T>(F: Field<T>, u0: T, v0: T, rho: T, h: T, maxSteps: number): { fate: EulerFate; steps: number } {
  const x = [F.one];
  let u = [u0];
  let v = [v0];
  const big = F.mul(F.fromNumber(3), rho);
  const small = F.div(rho, F.fromNumber(20));
  for (let k = 0; k < maxSteps; k++) {
    const a = u[0]!;
    const b = v[0]!;
    if (F.sign(a) * F.sign(b) > 0 && F.cmp(F.abs(F.add(a, b)), big) > 0) return { fate: 'escape', steps: k };
    if (F.cmp(F.max(F.abs(a), F.abs(b)), small) < 0) return { fate: 'absorb', steps: k };
    ({ u, v } = linfEulerStep(F, x, rho, h, u, v));
  }
  return { fate: 'undecided', steps: maxSteps };
}
