/**
 * Critical scale α_c of ℓ2-SAM for balanced starts (THEORY.md B4), as a certified enclosure.
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
 */
import type { Field } from '../numeric/Field.ts';
import { runL2 } from '../flow/l2FlowDriver.ts';
import { tauModel } from '../flow/tauReduction.ts';
import { balancedStart } from './leaders.ts';
import { xMinMax } from '../flow/l2Certificates.ts';

export interface Classification<T> {
  readonly kind: 'collapse' | 'escape' | null;
  readonly s: T | null;
}

export function classifyBalanced<T>(F: Field<T>, x: readonly T[], rho: T, alpha: T, opts: { rtol?: T; sMax?: T } = {}): Classification<T> {
  const st = balancedStart(F, x, rho, alpha);
  const sMax = opts.sMax ?? F.div(F.fromNumber(5000), xMinMax(F, x).min);
  const r = runL2(F, tauModel(F, st), [sMax], { rtol: opts.rtol, stopAtCertificate: true });
  return r.certificate ? { kind: r.certificate.kind, s: r.certificate.s } : { kind: null, s: null };
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
  if (F.sign(rho) <= 0) throw new RangeError('criticalScale: rho must be > 0');
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
  if (cl.kind !== 'collapse' || ch.kind !== 'escape') throw new RangeError('criticalScale: initial bracket not certified (should not happen)');
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
  return { lo, hi, loCertificateS: loS, hiCertificateS: hiS, evaluations, undecided };
}
