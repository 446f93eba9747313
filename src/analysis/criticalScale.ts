/**
 * Critical scale α_c of ℓ2-SAM for balanced starts (docs/derivation.md B4), as a certified enclosure.
 *
 * Main definitions:
 * - `classifyBalanced(F, x, rho, alpha)`: runs the τ reduction from u_i = α, v_i = sgn(x_i)α until a
 *   B4 certificate holds: 'collapse' (N < ρ x_min) or 'escape' (Σx_i²a_i²/2 > (ρ x_max)²), with the
 *   certificate's s; null if neither holds by sMax (then nothing is claimed).
 * - `criticalScale(F, x, rho, {tol})`: bisection on α. The initial bracket comes from the
 *   certificates at s = 0: N(0) = √2 α‖x‖ < ρ x_min ⇔ α < ρx_min/(√2‖x‖) (collapse), and
 *   Σ x_i²(2α)²/2 > (ρx_max)² ⇔ α > ρx_max/(√2‖x‖) (escape); both ends are re-checked by running.
 *   Each returned side is certified by a certificate reached along the flow (lo: collapse,
 *   hi: escape), never by "ran long enough". The enclosure assumes the collapse set is an interval
 *   [0, α_c) (B4's "there is a critical scale"); every evaluated α is reported so this can be audited.
 *   For d = 1 the bracket is ρ/√2·(1 ∓ 1e-6) and α_c = ρ/√2 exactly (the fixed point of B10).
 *   Scale: α_c(x, cρ) = c·α_c(x, ρ) and α_c(c x, ρ) = α_c(x, ρ) (homogeneity of the flow and of both
 *   certificates, tests/metamorphic/symmetries.ts), so the search runs in natural units ρ = 1,
 *   max|x_i| = 1 and the enclosure is scaled back by ρ, widened outward by 10^{-(P−3)} relative to
 *   cover the rounding of that product; certificate times are mapped back by s = s'/max|x_i|.
 *   Each evaluation integrates until a certificate holds, within sMax' = 10^6/x'_min² natural time
 *   units (the slowest coordinate's rate is ρ x_min²/N) and the integrator's step budget; an
 *   evaluation that reaches neither is counted in `undecided`, and the search then stops: callers
 *   must treat `width > tol·ρ` or `undecided > 0` as "could not certify to the asked tolerance".
 *   A certificate is reached along the *integrated* flow, and near α_c the flow passes a saddle that
 *   amplifies integration error like an offset in α; so the final lo and hi (the evaluations closest
 *   to α_c) are classified again with the integration tolerance tightened 1000-fold, and a changed
 *   fate is a NumericError (the enclosure would depend on the integrator, not on the flow).
 */
import type { Field } from '../numeric/Field.ts';
import { runL2 } from '../flow/l2FlowDriver.ts';
import { tauModel, l2Normalize } from '../flow/tauReduction.ts';
import { DomainError, NumericError } from '../numeric/errors.ts';
import { balancedStart } from './leaders.ts';
import { xMinMax } from '../flow/l2Certificates.ts';
import { gbsDefaultTolerance } from '../ode/extrapolationIntegrator.ts';

export interface Classification<T> {
  readonly kind: 'collapse' | 'escape' | null;
  readonly s: T | null;
}

/** Fate of the balanced start α·(1, sgn x) by the first B4 certificate reached (in natural units, see the header). */
export function classifyBalanced<T>(F: Field<T>, x: readonly T[], rho: T, alpha: T, opts: { rtol?: T; sMax?: T } = {}): Classification<T> {
  const { st, X } = l2Normalize(F, balancedStart(F, x, rho, alpha));
  const xmin = xMinMax(F, st.x).min;
  const sMax = opts.sMax ? F.mul(opts.sMax, X) : F.div(F.fromNumber(1e6), F.mul(xmin, xmin));
  const r = runL2(F, tauModel(F, st), [sMax], { rtol: opts.rtol, stopAtCertificate: true });
  return r.certificate ? { kind: r.certificate.kind, s: F.div(r.certificate.s, X) } : { kind: null, s: null };
}

export interface CriticalScaleResult<T> {
  readonly lo: T;
  readonly hi: T;
  /** s at which the collapse certificate was reached from lo, and the escape certificate from hi */
  readonly loCertificateS: T;
  readonly hiCertificateS: T;
  readonly evaluations: number;
  readonly undecided: number;
}

export function criticalScale<T>(
  F: Field<T>,
  x: readonly T[],
  rho: T,
  opts: { tol?: T; rtol?: T; onProgress?: (done: number, total: number) => void } = {},
): CriticalScaleResult<T> {
  if (F.sign(rho) <= 0) throw new DomainError('criticalScale: rho must be > 0');
  // natural units: ρ = 1, max|x| = 1 (module header); mapped back at the end
  let X = F.zero;
  for (const xi of x) X = F.max(X, F.abs(xi));
  const xn = x.map((xi) => F.div(xi, X));
  const r = criticalScaleUnit(F, xn, opts);
  const widen = F.powInt(F.fromNumber(10), -(F.precision - 3));
  return {
    ...r,
    lo: F.mul(F.mul(r.lo, rho), F.sub(F.one, widen)),
    hi: F.mul(F.mul(r.hi, rho), F.add(F.one, widen)),
    loCertificateS: F.div(r.loCertificateS, X),
    hiCertificateS: F.div(r.hiCertificateS, X),
  };
}

function criticalScaleUnit<T>(
  F: Field<T>,
  x: readonly T[],
  opts: { tol?: T; rtol?: T; onProgress?: (done: number, total: number) => void } = {},
): CriticalScaleResult<T> {
  const rho = F.one;
  const tol = F.mul(opts.tol ?? F.fromString('1e-8'), rho);
  const { min, max } = xMinMax(F, x);
  let n2 = F.zero;
  for (const xi of x) n2 = F.add(n2, F.mul(xi, xi));
  const base = F.mul(F.sqrt(F.fromNumber(2)), F.sqrt(n2));
  const eps = F.fromString('1e-6');
  let lo = F.mul(F.div(F.mul(rho, min), base), F.sub(F.one, eps));
  // asymmetric on purpose: a bracket symmetric about α_c (d = 1) would bisect exactly onto the
  // saddle, where only rounding decides the certificate (a non-dyadic ratio avoids it)
  let hi = F.mul(F.div(F.mul(rho, max), base), F.add(F.one, F.mul(F.fromString('2.718281828'), eps)));
  let evaluations = 0;
  let undecided = 0;
  const classify = (a: T) => {
    evaluations++;
    return classifyBalanced(F, x, rho, a, { rtol: opts.rtol });
  };
  const cl = classify(lo);
  const ch = classify(hi);
  if (cl.kind !== 'collapse' || ch.kind !== 'escape')
    throw new NumericError(
      `critical scale: the initial bracket could not be certified (lower end: ${cl.kind ?? 'no certificate'}, upper end: ${ch.kind ?? 'no certificate'}); the time scales of x are too far apart for the integrator`,
      'critical scale',
    );
  let loS = cl.s!;
  let hiS = ch.s!;
  const total = Math.max(1, Math.ceil(Math.log2(F.toNumber(F.div(F.sub(hi, lo), tol)))));
  let it = 0;
  while (F.cmp(F.sub(hi, lo), tol) > 0) {
    let mid = F.div(F.add(lo, hi), F.fromNumber(2));
    let c = classify(mid);
    // exactly on (or numerically indistinguishable from) α_c: nudge inside the bracket
    for (let k = 1; c.kind === null && k <= 4; k++) {
      undecided++;
      const off = F.div(F.sub(hi, lo), F.fromNumber(2 ** (k + 2)));
      mid = k % 2 ? F.add(mid, off) : F.sub(mid, F.mul(F.fromNumber(2), off));
      c = classify(mid);
    }
    if (c.kind === 'collapse') {
      lo = mid;
      loS = c.s!;
    } else if (c.kind === 'escape') {
      hi = mid;
      hiS = c.s!;
    } else {
      break; // cannot decide any further: return the certified enclosure so far
    }
    opts.onProgress?.(++it, total);
  }
  // the two ends again, with the integration tolerance tightened 1000-fold (module header)
  const tight = F.mul(opts.rtol ?? gbsDefaultTolerance(F), F.fromString('1e-3'));
  for (const [a, want] of [
    [lo, 'collapse'],
    [hi, 'escape'],
  ] as const) {
    evaluations++;
    const c = classifyBalanced(F, x, rho, a, { rtol: tight });
    if (c.kind !== want)
      throw new NumericError(
        `critical scale: alpha = ${F.toString(a, 12)} gave ${want} at the integration tolerance and ${c.kind ?? 'no certificate'} at a 1000-fold tighter one: the enclosure would depend on the integrator (raise --precision or the tolerance tol)`,
        'critical scale',
      );
  }
  return { lo, hi, loCertificateS: loS, hiCertificateS: hiS, evaluations, undecided };
}
