/**
 * Physical time of a rescaled-time trajectory (docs/derivation.md B1): t(s) = ∫_0^s dσ / g(z̃(σ)),
 * z̃ = Σ_i x_i ũ_i ṽ_i the margin at the evaluation point, for one example and L = 2.
 *
 * Main definitions:
 * - `zTildeL2(F, algo, x, rho, u, v)`: GD z̃ = z; ℓ2-SAM ũ = u − ρxv/N, ṽ = v − ρxu/N (N = 0 ⇒ ε = 0);
 *   ℓ∞-SAM ũ = u − ρ sgn(x) sgn(v), ṽ = v − ρ sgn(x) sgn(u) (sign(0) = 0).
 * - `physicalTime(F, algo, x, rho, stateAt, s, loss)`: quadrature of t' = 1/g(z̃(s)) with the GBS
 *   integrator along any state evaluator (closed forms). For ℓ2-SAM the τ reduction carries t as an
 *   extra ODE component instead (tauReduction.ts). Throws NumericError when 1/g(z̃) leaves decimal.js's
 *   exponent range (logistic/exponential loss: 1/g ≈ e^{z̃} with z̃ ≳ 2·10^{16}).
 * - `invG(F, loss, z)`: 1/g(z), refusing z > PHYSICAL_Z_MAX = 1000 (NumericError). Reason: t' = e^{z̃(s)}
 *   grows doubly exponentially in s, so any step-size controller advances z̃ by O(1) per step and
 *   reaching z̃ = 10^k costs ~10^k steps; t is therefore reported only while z̃ ≤ 1000 (t ≲ e^{1000}),
 *   otherwise callers print null with a warning.
 */
import { NumericError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';
import type { Loss } from '../numeric/loss.ts';
import type { AlgoName } from '../optim/algorithms.ts';
import { integrate } from '../ode/extrapolationIntegrator.ts';
import { l2N } from './l2Certificates.ts';

export const PHYSICAL_Z_MAX = 1000;

export function invG<T>(F: Field<T>, loss: Loss<T>, z: T): T {
  if (F.cmp(z, F.fromNumber(PHYSICAL_Z_MAX)) > 0)
    throw new NumericError(`physical time: margin z~ > ${PHYSICAL_Z_MAX} (t > e^${PHYSICAL_Z_MAX}) not followed`, 'physical time t(s)');
  return F.div(F.one, loss.g(z));
}

export function zTildeL2<T>(F: Field<T>, algo: AlgoName, x: readonly T[], rho: T, u: readonly T[], v: readonly T[]): T {
  let z = F.zero;
  const N = algo === 'sam-l2' ? l2N(F, x, u, v) : F.zero;
  for (let i = 0; i < x.length; i++) {
    let ut: T = u[i] as T;
    let vt: T = v[i] as T;
    if (algo === 'sam-l2' && !F.isZero(N)) {
      const c = F.div(F.mul(rho, x[i]!), N);
      ut = F.sub(u[i]!, F.mul(c, v[i]!));
      vt = F.sub(v[i]!, F.mul(c, u[i]!));
    } else if (algo === 'sam-linf') {
      const sx = F.sign(x[i]!);
      ut = F.sub(u[i]!, F.mul(F.fromNumber(sx * F.sign(v[i]!)), rho));
      vt = F.sub(v[i]!, F.mul(F.fromNumber(sx * F.sign(u[i]!)), rho));
    }
    z = F.add(z, F.mul(x[i]!, F.mul(ut, vt)));
  }
  return z;
}

export function physicalTime<T>(
  F: Field<T>,
  algo: AlgoName,
  x: readonly T[],
  rho: T,
  stateAt: (s: T) => { u: readonly T[]; v: readonly T[] },
  s: T,
  loss: Loss<T>,
  rtol?: T,
): T {
  const r = integrate(
    F,
    {
      dim: 1,
      rhs: (sv) => {
        const st = stateAt(sv);
        return [invG(F, loss, zTildeL2(F, algo, x, rho, st.u, st.v))];
      },
    },
    F.zero,
    [F.zero],
    s,
    { rtol, maxSteps: 20000 },
  );
  if (r.status !== 'done')
    throw new NumericError(
      `physical time: the quadrature of t' = 1/g stopped (${r.status === 'stepTooSmall' ? 'step size underflow' : r.status}) at s = ${F.toString(r.s, 8)}`,
      'physical time t(s)',
    );
  return r.y[0]!;
}
