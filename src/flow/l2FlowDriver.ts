/**
 * Two-phase driver for the ℓ2-SAM rescaled flow (L = 2, one example), shared by the scalar τ
 * reduction and the full 2d-dimensional system.
 *
 * Main definitions:
 * - `L2Model<T>`: a state vector Y with one "clock slot" `ci` (τ in the s-phase, s in the τ-phase).
 * - `runL2(F, model, targets, opts)`: states at non-decreasing rescaled times `targets` (DomainError
 *   otherwise: a later state would be labelled with an earlier s).
 *   Phase s: integrate dY/ds (τ' = 1/N) checking the B4 certificates after every accepted step.
 *   Once the collapse certificate holds, N → 0 and τ' = 1/N blows up, so the independent variable
 *   is changed to τ: dZ/dτ = N·dY/ds, ds/dτ = N (smooth, no singularity); the run stops at each
 *   target s (terminal event s − target) or when the tail bound N/κ (l2Certificates) is below
 *   the tolerance, which locates collapse_s = s + [0, N/κ]. Past collapse the state is exactly 0
 *   (the origin is a fixed point: ∇𝓛 = 0 there, ε = 0).
 */
import type { Field } from '../numeric/Field.ts';
import { integrate, gbsDefaultTolerance, type OdeSystem } from '../ode/extrapolationIntegrator.ts';
import { requireNonDecreasing } from './targets.ts';
import { collapseCertificate, collapseTailBound, escapeCertificateFromA, xMinMax } from './l2Certificates.ts';

export interface L2Model<T> {
  readonly x: readonly T[];
  readonly rho: T;
  readonly dim: number;
  /** Index of the clock slot: τ in the s-phase, s in the τ-phase. */
  readonly ci: number;
  readonly init: T[];
  N(s: T, tau: T, Y: readonly T[]): T;
  /** d/ds of every slot except ci (its entry is ignored), given N. */
  deriv(s: T, tau: T, Y: readonly T[], N: T): T[];
  /** Aligned components a_i = u_i + sgn(x_i) v_i. */
  aligned(s: T, tau: T, Y: readonly T[]): T[];
  /** The state after collapse (moving coordinates exactly 0). */
  collapsed(Y: readonly T[]): T[];
}

export type L2Status = 'running' | 'collapsed' | 'escaped';

export interface L2Point<T> {
  readonly s: T;
  /** τ(s); null once collapsed (τ = ∞). */
  readonly tau: T | null;
  /** s-phase layout; slot ci holds τ (or 0 after collapse). */
  readonly Y: T[];
  readonly status: L2Status;
}

export interface L2Run<T> {
  readonly points: L2Point<T>[];
  readonly collapseS: T | null;
  /**
   * Half-width of the tail-bound bracket [s, s + N/κ] around collapse_s at the integrated s. It does
   * NOT include the integration error of s itself (about rtol·s, larger than this radius at the
   * default rtol): it is not an error bound of collapse_s.
   */
  readonly collapseSRadius: T | null;
  readonly certificate: { kind: 'collapse' | 'escape'; s: T } | null;
  readonly stats: { steps: number; fevals: number };
  /** True if integration stalled before the last target (should not happen for L = 2). */
  readonly incomplete: boolean;
}

export interface L2RunOptions<T> {
  readonly rtol?: T;
  /** Stop at the first certificate (used by the critical-scale search). */
  readonly stopAtCertificate?: boolean;
  readonly onProgress?: (s: T) => void;
}

/**
 * First trial step of each integration in natural units: min(span/16, 1/4). The default span/16
 * let GBS accept one huge first step (e.g. 2.5·10^5 over a search bound) whose extrapolation
 * columns agreed while all being wrong, which produced false certificates.
 */
export function firstStep<T>(F: Field<T>, span: T): T {
  return F.min(F.div(span, F.fromNumber(16)), F.fromString('0.25'));
}

export function runL2<T>(F: Field<T>, m: L2Model<T>, targets: readonly T[], opts: L2RunOptions<T> = {}): L2Run<T> {
  const rtol = opts.rtol ?? gbsDefaultTolerance(F);
  requireNonDecreasing(F, targets, 'runL2');
  const ci = m.ci;
  const stats = { steps: 0, fevals: 0 };
  const points: L2Point<T>[] = [];
  let certificate: L2Run<T>['certificate'] = null;
  let s = F.zero;
  // Stryker disable next-line MethodExpression: Y is never written in place (integrate copies y0, points copy Y, collapsed() of both models copies, phase τ copies it into Z)
  let Y = m.init.slice();
  const { min: xmin } = xMinMax(F, m.x);
  const N0 = m.N(s, F.zero, Y);
  const finish = (extra: Partial<L2Run<T>>): L2Run<T> => ({
    points,
    collapseS: null,
    collapseSRadius: null,
    certificate,
    stats,
    incomplete: false,
    ...extra,
  });
  if (F.isZero(N0)) {
    // start at a fixed point with no moving coordinate: collapsed at s = 0
    certificate = { kind: 'collapse', s: F.zero };
    for (const t of targets) points.push({ s: t, tau: null, Y: m.collapsed(Y), status: 'collapsed' });
    return finish({ collapseS: F.zero, collapseSRadius: F.zero });
  }
  const sSys: OdeSystem<T> = {
    dim: m.dim,
    rhs(sv, y) {
      const tau = y[ci]!;
      const N = m.N(sv, tau, y);
      const d = m.deriv(sv, tau, y, N);
      d[ci] = F.div(F.one, N);
      return d;
    },
  };
  const checkCert = (sv: T, y: readonly T[]): 'collapse' | 'escape' | null => {
    const tau = y[ci]!;
    // once escaped, nothing more to check: the state grows without bound and N, a_i would
    // eventually overflow (the run then ends with the integrator's own failure, or at its target)
    if (certificate?.kind === 'escape') return 'escape';
    // (ρ ≤ 0: N ≥ 0 is never below ρ·x_min, so no collapse certificate)
    if (collapseCertificate(F, m.x, m.rho, m.N(sv, tau, y))) return 'collapse';
    if (escapeCertificateFromA(F, m.x, m.rho, m.aligned(sv, tau, y))) return 'escape';
    return null;
  };
  const c0 = checkCert(s, Y);
  if (c0) certificate = { kind: c0, s };
  let ti = 0;
  // ---- phase s
  while (ti < targets.length && certificate?.kind !== 'collapse') {
    if (opts.stopAtCertificate && certificate) return finish({});
    const target = targets[ti]!;
    if (F.cmp(target, s) <= 0) {
      points.push({ s: target, tau: Y[ci]!, Y: Y.slice(), status: certificate?.kind === 'escape' ? 'escaped' : 'running' });
      ti++;
      continue;
    }
    const r = integrate(F, sSys, s, Y, target, {
      rtol,
      h0: firstStep(F, F.sub(target, s)),
      onStep: (sv, y) => {
        opts.onProgress?.(sv);
        const c = checkCert(sv, y);
        if (c && !certificate) {
          certificate = { kind: c, s: sv };
          return c === 'collapse' || opts.stopAtCertificate;
        }
        return false;
      },
    });
    stats.steps += r.stats.steps;
    stats.fevals += r.stats.fevals;
    s = r.s;
    Y = r.y;
    // 'done': s = target, reported by the branch above on the next pass
    if (r.status !== 'done' && r.status !== 'stopped') return finish({ incomplete: true });
  }
  // the loop ends with every target reported or with the collapse certificate
  if (ti >= targets.length) return finish({});
  if (opts.stopAtCertificate) return finish({});
  // ---- phase τ (collapse certificate holds): Z[ci] = s
  let tau: T = Y[ci] as T;
  // Stryker disable next-line MethodExpression: Y is not used after this point, so writing Z[ci] into it is harmless
  let Z = Y.slice();
  Z[ci] = s;
  const tSys: OdeSystem<T> = {
    dim: m.dim,
    rhs(tv, z) {
      const sv = z[ci]!;
      const N = m.N(sv, tv, z);
      if (F.isZero(N)) return z.map(() => F.zero);
      const d = m.deriv(sv, tv, z, N).map((di) => F.mul(N, di));
      d[ci] = N;
      return d;
    },
  };
  const tolS = F.mul(rtol, F.max(F.one, s));
  let collapseS: T | null = null;
  let radius: T | null = null;
  const Nc = m.N(s, tau, Z);
  const kappa0 = F.mul(xmin, F.sub(F.mul(m.rho, xmin), Nc));
  const tauSpan = F.add(F.one, F.div(F.fromNumber(Math.ceil(3 * F.precision)), kappa0));
  while (collapseS === null) {
    // targets already reached (e.g. the certificate held exactly at a target)
    while (ti < targets.length && F.cmp(targets[ti]!, Z[ci]!) <= 0) {
      const Yp = Z.slice();
      Yp[ci] = tau;
      points.push({ s: targets[ti]!, tau, Y: Yp, status: 'running' });
      ti++;
    }
    const target = ti < targets.length ? targets[ti]! : null;
    const r = integrate(F, tSys, tau, Z, F.add(tau, tauSpan), {
      rtol,
      h0: firstStep(F, tauSpan),
      events: target === null ? [] : [(_tv, z) => F.sub(z[ci]!, target)],
      onStep: (tv, z) => {
        // N = 0 (collapsed) gives the bound 0 < tolS
        return F.cmp(collapseTailBound(F, m.x, m.rho, m.N(z[ci]!, tv, z)), tolS) < 0;
      },
    });
    stats.steps += r.stats.steps;
    stats.fevals += r.stats.fevals;
    tau = r.s as T;
    Z = r.y;
    if (r.status === 'event') {
      const Yp = Z.slice();
      Yp[ci] = tau;
      points.push({ s: target!, tau, Y: Yp, status: 'running' });
      ti++;
      continue;
    }
    // 'done': onStep saw the bound ≥ tolS at the window's end; keep going in τ
    if (r.status === 'done') continue;
    if (r.status === 'stopped') {
      const b = collapseTailBound(F, m.x, m.rho, m.N(Z[ci]!, tau, Z));
      radius = F.div(b, F.fromNumber(2));
      collapseS = F.add(Z[ci]!, radius);
      break;
    }
    return finish({ incomplete: true });
  }
  const Yc = m.collapsed(Z);
  Yc[ci] = F.zero;
  for (; ti < targets.length; ti++) points.push({ s: targets[ti]!, tau: null, Y: Yc.slice(), status: 'collapsed' });
  return finish({ collapseS, collapseSRadius: radius });
}
