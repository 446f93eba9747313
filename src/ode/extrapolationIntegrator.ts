/**
 * Arbitrary-precision adaptive ODE integrator: Gragg–Bulirsch–Stoer (GBS) extrapolation.
 *
 * Main definitions:
 * - `integrate(F, sys, s0, y0, s1, opts)`: y(s1) for y' = f(s, y), with relative/absolute error
 *   control, optional terminal events (first sign change of any event function, located by
 *   Illinois regula falsi on re-integrated values to ~full working precision) and an `onStep`
 *   hook that can stop the run after any accepted step (used for the B4 certificates).
 * - `gbsDefaultTolerance(F)`: rtol = 10^{-(precision − 12)}, the tolerance used by default.
 *
 * Why extrapolation and not a fixed-order pair (Verner 8(7), DOP853) or Taylor series:
 * GBS is an explicit Runge–Kutta family whose order is chosen per step (2k with k columns of the
 * extrapolation tableau, embedded error estimate T_{k,k} − T_{k,k−1} for free). At 50 digits and
 * rtol 1e-30 an 8th-order pair needs h ≈ 1e-30^{1/8} ≈ 2e-4 relative steps, while GBS climbs to
 * order 16–24 and takes steps 10–100× longer; the order rises automatically with the requested
 * precision (up to 2·K_MAX). Its coefficients are the integers n_j = 2j (no 20-digit rational
 * tables to transcribe and get wrong), and a Taylor method would need automatic differentiation
 * of every right-hand side (sqrt, 1/N, sign switching), which GBS does not.
 * The midpoint rule with even n_j has an h²-expansion (Gragg), so Aitken–Neville extrapolation in
 * h² applies; order/step selection follows Hairer–Nørsett–Wanner's ODEX (work per unit step).
 * All arithmetic, including the step-size controller, runs in the Field: no float64 anywhere.
 */
import type { Field } from '../numeric/Field.ts';
import { isArithmeticFailure } from '../numeric/arithmeticFailure.ts';

export interface OdeSystem<T> {
  readonly dim: number;
  rhs(s: T, y: readonly T[]): T[];
}

export type EventFn<T> = (s: T, y: readonly T[]) => T;

export interface IntegrateOptions<T> {
  /** Relative tolerance (default 10^{-(precision−12)}). */
  readonly rtol?: T;
  /** Absolute tolerance (default rtol·1e-10). */
  readonly atol?: T;
  /** Initial step (default (s1 − s0)/16, capped at 1/8·... by the controller). */
  readonly h0?: T;
  readonly hMax?: T;
  readonly maxSteps?: number;
  /** Terminal events: the run stops at the first root (sign change) of any of them. */
  readonly events?: readonly EventFn<T>[];
  /** After each accepted step; return true to stop there. */
  readonly onStep?: (s: T, y: readonly T[], h: T) => boolean | void;
  /** Maximum number of extrapolation columns (order 2·kMax). Default from the precision. */
  readonly kMax?: number;
}

export type IntegrateStatus = 'done' | 'event' | 'stopped' | 'maxSteps' | 'stepTooSmall';

export interface IntegrateResult<T> {
  readonly s: T;
  readonly y: T[];
  readonly status: IntegrateStatus;
  readonly event: { readonly index: number; readonly s: T; readonly y: T[] } | null;
  readonly stats: { steps: number; rejected: number; fevals: number };
  /** Last accepted (or proposed) step size, to warm-start a continuation. */
  readonly h: T;
}

export function gbsDefaultTolerance<T>(F: Field<T>): T {
  return F.powInt(F.fromNumber(10), -Math.max(6, F.precision - 12));
}

interface Tableau<T> {
  y: T[];
  err: T;
  cols: number;
  /** ideal step per column (index j = columns used) */
  H: T[];
  errs: T[];
  ok: boolean;
}

export function integrate<T>(
  F: Field<T>,
  sys: OdeSystem<T>,
  s0: T,
  y0In: readonly T[],
  s1: T,
  opts: IntegrateOptions<T> = {},
): IntegrateResult<T> {
  const n = sys.dim;
  const rtol = opts.rtol ?? gbsDefaultTolerance(F);
  const atol = opts.atol ?? F.mul(rtol, F.fromString('1e-10'));
  const kMax = opts.kMax ?? Math.max(6, Math.min(24, Math.ceil(F.precision / 3) + 2));
  const maxSteps = opts.maxSteps ?? 200000;
  const stats = { steps: 0, rejected: 0, fevals: 0 };
  const f = (s: T, y: readonly T[]): T[] => {
    stats.fevals++;
    return sys.rhs(s, y);
  };
  const two = F.fromNumber(2);
  const half = F.fromString('0.5');
  const safety = F.fromString('0.65');
  const facMax = F.fromNumber(8);
  const facMin = F.fromString('0.02');
  const work = (j: number): T => F.fromNumber(1 + j * (j + 1)); // n_i = 2i, Σ(n_i) − shared eval + 1
  const absT = (a: T) => F.abs(a);
  const rootOf = (a: T, m: number): T => (F.isZero(a) ? F.zero : F.exp(F.div(F.log(a), F.fromNumber(m))));
  const stepFactor = (err: T, j: number): T => {
    if (F.isZero(err)) return facMax;
    const fac = rootOf(F.div(safety, err), 2 * j - 1);
    return F.min(facMax, F.max(facMin, fac));
  };

  /** One GBS step of size h, extrapolating up to `upTo` columns, accepting from column `accFrom`. */
  const gbs = (s: T, y: readonly T[], f0: readonly T[], h: T, upTo: number, accFrom: number): Tableau<T> => {
    const T_: T[][][] = [];
    const H: T[] = [];
    const errs: T[] = [];
    for (let j = 1; j <= upTo; j++) {
      const nj = 2 * j;
      const hs = F.div(h, F.fromNumber(nj));
      const h2 = F.mul(two, hs);
      let zPrev = y.slice();
      let z = y.map((yi, i) => F.add(yi, F.mul(hs, f0[i]!)));
      for (let m = 1; m < nj; m++) {
        const fz = f(F.add(s, F.mul(F.fromNumber(m), hs)), z);
        const zNext = zPrev.map((zp, i) => F.add(zp, F.mul(h2, fz[i]!)));
        zPrev = z;
        z = zNext;
      }
      // Aitken–Neville in h²: T_{j,k+1} = T_{j,k} + (T_{j,k} − T_{j−1,k}) / ((n_j/n_{j−k})² − 1)
      const row: T[][] = [z];
      for (let k = 1; k < j; k++) {
        const ratio = F.div(F.fromNumber(nj), F.fromNumber(2 * (j - k)));
        const denom = F.sub(F.mul(ratio, ratio), F.one);
        const a = row[k - 1]!;
        const b = T_[j - 2]![k - 1]!;
        row.push(a.map((ai, i) => F.add(ai, F.div(F.sub(ai, b[i]!), denom))));
      }
      T_.push(row);
      if (j >= 2) {
        const best = row[j - 1]!;
        const prev = row[j - 2]!;
        let err = F.zero;
        for (let i = 0; i < n; i++) {
          const sc = F.add(atol, F.mul(rtol, F.max(absT(y[i]!), absT(best[i]!))));
          const e = F.div(absT(F.sub(best[i]!, prev[i]!)), sc);
          if (F.cmp(e, err) > 0) err = e;
        }
        errs[j] = err;
        H[j] = F.mul(h, stepFactor(err, j));
        if (F.cmp(err, F.one) <= 0 && j >= accFrom) {
          return { y: best, err, cols: j, H, errs, ok: true };
        }
      }
    }
    const last = T_[upTo - 1]!;
    return { y: last[upTo - 1]!, err: errs[upTo]!, cols: upTo, H, errs, ok: false };
  };

  let s = s0;
  let y = y0In.slice();
  const span = F.sub(s1, s0);
  if (F.sign(span) < 0) throw new RangeError('integrate: only forward integration (s1 >= s0) is supported');
  if (F.isZero(span)) return { s, y, status: 'done', event: null, stats, h: F.zero };
  let h = opts.h0 ?? F.div(span, F.fromNumber(16));
  if (opts.hMax && F.cmp(h, opts.hMax) > 0) h = opts.hMax;
  let kOpt = Math.min(kMax - 1, Math.max(3, Math.ceil(F.precision / 6)));
  const events = opts.events ?? [];
  let evPrev = events.map((e) => e(s, y));
  const tiny = F.powInt(F.fromNumber(10), -(F.precision - 3));

  /** Re-integrate from (sa, ya) to sb (within one accepted step) for event location. */
  const reintegrate = (sa: T, ya: readonly T[], sb: T): T[] => {
    let ss = sa;
    let yy = ya.slice();
    let hh = F.sub(sb, sa);
    if (F.isZero(hh)) return yy;
    for (let guard = 0; guard < 10000; guard++) {
      const rem = F.sub(sb, ss);
      if (F.sign(rem) <= 0) break;
      if (F.cmp(hh, rem) > 0) hh = rem;
      let tb: Tableau<T> | null = null;
      try {
        tb = gbs(ss, yy, f(ss, yy), hh, kMax, 2);
      } catch (e) {
        if (!isArithmeticFailure(e)) throw e;
      }
      if (tb && tb.ok) {
        ss = F.cmp(hh, rem) === 0 ? sb : F.add(ss, hh);
        yy = tb.y;
      } else {
        hh = F.mul(hh, half);
      }
    }
    return yy;
  };

  const locate = (sa: T, ya: readonly T[], sb: T, idx: number, fa: T, fb: T): { s: T; y: T[] } => {
    let a = sa;
    let b = sb;
    let Fa = fa;
    let Fb = fb;
    let yb = reintegrate(sa, ya, sb);
    let side = 0;
    const tolS = F.mul(tiny, F.max(F.one, F.abs(sb)));
    for (let it = 0; it < 200; it++) {
      if (F.cmp(F.sub(b, a), tolS) <= 0) break;
      // Illinois regula falsi
      let c = F.sub(b, F.div(F.mul(Fb, F.sub(b, a)), F.sub(Fb, Fa)));
      if (!(F.cmp(c, a) > 0 && F.cmp(c, b) < 0)) c = F.mul(half, F.add(a, b));
      const yc = reintegrate(sa, ya, c);
      const Fc = events[idx]!(c, yc);
      if (F.isZero(Fc)) return { s: c, y: yc };
      if (F.sign(Fc) === F.sign(Fb)) {
        b = c;
        Fb = Fc;
        yb = yc;
        if (side === -1) Fa = F.mul(Fa, half);
        side = -1;
      } else {
        a = c;
        Fa = Fc;
        if (side === 1) Fb = F.mul(Fb, half);
        side = 1;
      }
    }
    return { s: b, y: yb };
  };

  const safeF = (sv: T, yv: readonly T[]): T[] | null => {
    try {
      return f(sv, yv);
    } catch (e) {
      if (isArithmeticFailure(e)) return null;
      throw e;
    }
  };
  let f0 = safeF(s, y);
  if (f0 === null) return { s, y, status: 'stepTooSmall', event: null, stats, h };
  while (true) {
    if (stats.steps >= maxSteps) return { s, y, status: 'maxSteps', event: null, stats, h };
    const rem = F.sub(s1, s);
    let last = false;
    if (F.cmp(h, rem) >= 0) {
      h = rem;
      last = true;
    }
    if (F.cmp(h, F.mul(tiny, F.max(F.one, F.abs(s)))) < 0) return { s, y, status: 'stepTooSmall', event: null, stats, h };
    let tb: Tableau<T>;
    try {
      tb = gbs(s, y, f0, h, Math.min(kMax, kOpt + 1), Math.max(2, kOpt - 1));
    } catch (e) {
      // a trial stage left the domain of f (e.g. N = 0, overflow): reject and shrink
      if (!isArithmeticFailure(e)) throw e;
      stats.rejected++;
      h = F.mul(h, F.fromString('0.25'));
      continue;
    }
    let ok = tb.ok;
    for (const v of tb.y) if (!F.isFinite(v)) ok = false;
    if (!ok) {
      stats.rejected++;
      const j = tb.cols;
      const hn = tb.H[j] ?? F.mul(h, F.fromString('0.25'));
      h = F.min(hn, F.mul(h, half));
      continue;
    }
    const sNew = last ? s1 : F.add(s, h);
    const yNew = tb.y;
    stats.steps++;
    // events
    if (events.length) {
      const evNew = events.map((e) => e(sNew, yNew));
      let best: { s: T; y: T[]; idx: number } | null = null;
      for (let i = 0; i < events.length; i++) {
        const a = evPrev[i]!;
        const b = evNew[i]!;
        if (F.sign(a) !== 0 && F.sign(b) !== F.sign(a)) {
          const r = F.sign(b) === 0 ? { s: sNew, y: yNew } : locate(s, y, sNew, i, a, b);
          if (!best || F.cmp(r.s, best.s) < 0) best = { ...r, idx: i };
        }
      }
      if (best) return { s: best.s, y: best.y, status: 'event', event: { index: best.idx, s: best.s, y: best.y }, stats, h };
      evPrev = evNew;
    }
    s = sNew;
    y = yNew;
    if (opts.onStep && opts.onStep(s, y, h)) return { s, y, status: 'stopped', event: null, stats, h };
    if (last) return { s, y, status: 'done', event: null, stats, h };
    f0 = safeF(s, y);
    // the vector field is not defined at the accepted point (e.g. overflow): cannot continue
    if (f0 === null) return { s, y, status: 'stepTooSmall', event: null, stats, h };
    // order and step selection (ODEX): minimise work per unit step over columns 2..cols
    const k = tb.cols;
    let kBest = k;
    let bestRate: T | null = null;
    for (let j = Math.max(2, k - 1); j <= k; j++) {
      const Hj = tb.H[j];
      if (!Hj || F.isZero(Hj)) continue;
      const rate = F.div(work(j), Hj);
      if (bestRate === null || F.cmp(rate, bestRate) < 0) {
        bestRate = rate;
        kBest = j;
      }
    }
    let hNew: T = tb.H[kBest] as T;
    if (kBest === k && k < kMax) {
      // try one order higher with the step scaled by the work ratio
      hNew = F.div(F.mul(hNew, work(k + 1)), work(k));
      kOpt = k + 1 > kMax - 1 ? kMax - 1 : k;
      if (kOpt < k) kOpt = k;
    } else {
      kOpt = kBest;
    }
    kOpt = Math.max(2, Math.min(kMax - 1, kOpt));
    h = hNew;
    if (opts.hMax && F.cmp(h, opts.hMax) > 0) h = opts.hMax;
  }
}
