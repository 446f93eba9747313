/**
 * Order and step-size control of the GBS integrator (Hairer–Nørsett–Wanner's ODEX: minimise the
 * work per unit step over the last columns), all in the Field.
 *
 * Main definitions:
 * - `StepController`: `kMax` (columns), `kOpt` (current order), `stepFactor(err, j)` (the ideal
 *   step ratio for column j), `columns()` (upTo/accFrom for the next step), `afterReject(tb, h)`,
 *   `afterShrink(h)` (a trial point outside the domain of f), `afterAccept(tb)` (the next step).
 */
import type { Field } from '../numeric/Field.ts';
import type { Tableau } from './gbsStep.ts';

export class StepController<T> {
  readonly kMax: number;
  kOpt: number;
  private readonly half: T;
  private readonly quarter: T;
  private readonly safety: T;
  private readonly facMax: T;
  private readonly facMin: T;

  constructor(
    private readonly F: Field<T>,
    kMax?: number,
  ) {
    this.kMax = kMax ?? Math.max(6, Math.min(24, Math.ceil(F.precision / 3) + 2));
    this.kOpt = Math.min(this.kMax - 1, Math.max(3, Math.ceil(F.precision / 6)));
    this.half = F.fromString('0.5');
    this.quarter = F.fromString('0.25');
    this.safety = F.fromString('0.65');
    this.facMax = F.fromNumber(8);
    this.facMin = F.fromString('0.02');
  }

  /** Work of j columns: n_i = 2i, Σ(n_i) − shared eval + 1. */
  private work(j: number): T {
    return this.F.fromNumber(1 + j * (j + 1));
  }

  private rootOf(a: T, m: number): T {
    const F = this.F;
    return F.isZero(a) ? F.zero : F.exp(F.div(F.log(a), F.fromNumber(m)));
  }

  /** The ideal step ratio after column j measured error `err`: (safety/err)^(1/(2j−1)), clamped. */
  readonly stepFactor = (err: T, j: number): T => {
    const F = this.F;
    if (F.isZero(err)) return this.facMax;
    const fac = this.rootOf(F.div(this.safety, err), 2 * j - 1);
    return F.min(this.facMax, F.max(this.facMin, fac));
  };

  /** Columns for the next step: extrapolate up to `upTo`, accept from `accFrom`. */
  columns(): { upTo: number; accFrom: number } {
    return { upTo: Math.min(this.kMax, this.kOpt + 1), accFrom: Math.max(2, this.kOpt - 1) };
  }

  /** A trial stage left the domain of f (e.g. N = 0, overflow): the step to retry. */
  afterShrink(h: T): T {
    return this.F.mul(h, this.quarter);
  }

  /** The error test failed: the step to retry. */
  afterReject(tb: Tableau<T>, h: T): T {
    const hn = tb.H[tb.cols] ?? this.F.mul(h, this.quarter);
    return this.F.min(hn, this.F.mul(h, this.half));
  }

  /** After an accepted step: order and step selection (ODEX), updating `kOpt`; returns the next step. */
  afterAccept(tb: Tableau<T>): T {
    const F = this.F;
    const kMax = this.kMax;
    const k = tb.cols;
    let kBest = k;
    let bestRate: T | null = null;
    for (let j = Math.max(2, k - 1); j <= k; j++) {
      const Hj = tb.H[j];
      if (!Hj || F.isZero(Hj)) continue;
      const rate = F.div(this.work(j), Hj);
      if (bestRate === null || F.cmp(rate, bestRate) < 0) {
        bestRate = rate;
        kBest = j;
      }
    }
    let hNew: T = tb.H[kBest] as T;
    let kOpt: number;
    if (kBest === k && k < kMax) {
      // try one order higher with the step scaled by the work ratio
      hNew = F.div(F.mul(hNew, this.work(k + 1)), this.work(k));
      kOpt = k + 1 > kMax - 1 ? kMax - 1 : k;
      if (kOpt < k) kOpt = k;
    } else {
      kOpt = kBest;
    }
    this.kOpt = Math.max(2, Math.min(kMax - 1, kOpt));
    return hNew;
  }
}
