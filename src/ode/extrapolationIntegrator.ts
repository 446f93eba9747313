/**
 * Arbitrary-precision adaptive ODE integrator: Gragg–Bulirsch–Stoer (GBS) extrapolation.
 *
 * Main definitions:
 * - `integrate(F, sys, s0, y0, s1, opts)`: y(s1) for y' = f(s, y), with relative/absolute error
 *   control, optional terminal events (first sign change of any event function, located by
 *   Illinois regula falsi on re-integrated values to ~full working precision; with event slopes,
 *   also a double root inside one step, found through the event's turning point) and an `onStep`
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
 *
 * This file is the driver (the accepted-step loop); the parts live in gbsStep.ts (one GBS step
 * with extrapolation), stepController.ts (order/step-size control), eventLocation.ts (events)
 * and rhsEvaluation.ts (the private "reject this step" signal `StepRejected`).
 */
import type { Field } from '../numeric/Field.ts';
import type { IntegrateOptions, IntegrateResult, OdeSystem } from './OdeSystem.ts';
import { gbsStep, type Tableau } from './gbsStep.ts';
import { StepController } from './stepController.ts';
import { locateEvent, type FullStep } from './eventLocation.ts';
import { countingRhs, StepRejected, tryRhs } from './rhsEvaluation.ts';

export type { EventFn, EventSlope, IntegrateOptions, IntegrateResult, IntegrateStatus, OdeSystem } from './OdeSystem.ts';

export function gbsDefaultTolerance<T>(F: Field<T>): T {
  return F.powInt(F.fromNumber(10), -Math.max(6, F.precision - 12));
}

export function integrate<T>(F: Field<T>, sys: OdeSystem<T>, s0: T, y0In: readonly T[], s1: T, opts: IntegrateOptions<T> = {}): IntegrateResult<T> {
  const rtol = opts.rtol ?? gbsDefaultTolerance(F);
  const atol = opts.atol ?? F.mul(rtol, F.fromString('1e-10'));
  const tol = { rtol, atol };
  const ctrl = new StepController(F, opts.kMax);
  const maxSteps = opts.maxSteps ?? 200000;
  const stats = { steps: 0, rejected: 0, fevals: 0 };
  const f = countingRhs(sys, stats);
  /** A full-order step (event location re-integrates with it). */
  const fullStep: FullStep<T> = (s, y, h) => gbsStep(F, f, tol, ctrl.stepFactor, s, y, f(s, y), h, ctrl.kMax, 2);

  let s = s0;
  let y = y0In.slice();
  const span = F.sub(s1, s0);
  if (F.sign(span) < 0) throw new RangeError('integrate: only forward integration (s1 >= s0) is supported');
  if (F.isZero(span)) return { s, y, status: 'done', event: null, stats, h: F.zero };
  let h = opts.h0 ?? F.div(span, F.fromNumber(16));
  if (opts.hMax && F.cmp(h, opts.hMax) > 0) h = opts.hMax;
  const events = opts.events ?? [];
  const slopes = opts.eventSlopes ?? [];
  let evPrev = events.map((e) => e(s, y));
  const tiny = F.powInt(F.fromNumber(10), -(F.precision - 3));

  let f0 = tryRhs(f, s, y);
  if (f0 === null) return { s, y, status: 'stepTooSmall', event: null, stats, h };
  const slopesAt = (sv: T, yv: readonly T[], fv: readonly T[]) => events.map((_, i) => (slopes[i] ? slopes[i](sv, yv, fv) : null));
  let slopePrev = slopesAt(s, y, f0);
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
      const { upTo, accFrom } = ctrl.columns();
      tb = gbsStep(F, f, tol, ctrl.stepFactor, s, y, f0, h, upTo, accFrom);
    } catch (e) {
      // a trial stage left the domain of f (e.g. N = 0, overflow): reject and shrink
      if (!(e instanceof StepRejected)) throw e;
      stats.rejected++;
      h = ctrl.afterShrink(h);
      continue;
    }
    let ok = tb.ok;
    for (const v of tb.y) if (!F.isFinite(v)) ok = false;
    if (!ok) {
      stats.rejected++;
      h = ctrl.afterReject(tb, h);
      continue;
    }
    const sNew = last ? s1 : F.add(s, h);
    const yNew = tb.y;
    stats.steps++;
    // events
    let fNew: T[] | null = null;
    if (events.length) {
      const evNew = events.map((e) => e(sNew, yNew));
      fNew = tryRhs(f, sNew, yNew);
      const slopeNew = fNew === null ? events.map(() => null) : slopesAt(sNew, yNew, fNew);
      let best: { s: T; y: T[]; idx: number } | null = null;
      for (let i = 0; i < events.length; i++) {
        const a = evPrev[i]!;
        const b = evNew[i]!;
        // an event exactly 0 at the step start (e.g. a component just set to 0 at a switch) counts
        // on the side its slope moves it to: it may come back to 0 inside the step
        let sa = F.sign(a);
        if (sa === 0 && slopePrev[i] != null) sa = F.sign(slopePrev[i]!);
        if (sa === 0) continue;
        let r: { s: T; y: T[] } | null = null;
        if (F.sign(b) !== sa) r = F.sign(b) === 0 ? { s: sNew, y: yNew } : locateEvent(F, fullStep, events[i]!, s, y, sNew, a, b);
        else {
          // same sign at both ends: two roots inside the step iff the event headed toward 0, turned
          // around (its slope changed sign) and had crossed 0 by the turning point
          const da = slopePrev[i];
          const db = slopeNew[i];
          if (da != null && db != null && F.sign(da) === -sa && F.sign(db) === sa) {
            const slope = slopes[i]!;
            const slopeEvent = (sv: T, yv: readonly T[]) => {
              const fv = tryRhs(f, sv, yv);
              return fv === null ? da : slope(sv, yv, fv);
            };
            const turn = locateEvent(F, fullStep, slopeEvent, s, y, sNew, da, db);
            const gTurn = events[i]!(turn.s, turn.y);
            if (F.sign(gTurn) !== sa) r = F.sign(gTurn) === 0 ? turn : locateEvent(F, fullStep, events[i]!, s, y, turn.s, a, gTurn);
          }
        }
        if (r && (!best || F.cmp(r.s, best.s) < 0)) best = { ...r, idx: i };
      }
      if (best) return { s: best.s, y: best.y, status: 'event', event: { index: best.idx, s: best.s, y: best.y }, stats, h };
      evPrev = evNew;
      slopePrev = slopeNew;
    }
    s = sNew;
    y = yNew;
    if (opts.onStep && opts.onStep(s, y, h)) return { s, y, status: 'stopped', event: null, stats, h };
    if (last) return { s, y, status: 'done', event: null, stats, h };
    f0 = fNew ?? tryRhs(f, s, y);
    // the vector field is not defined at the accepted point (e.g. overflow): cannot continue
    if (f0 === null) return { s, y, status: 'stepTooSmall', event: null, stats, h };
    h = ctrl.afterAccept(tb);
    if (opts.hMax && F.cmp(h, opts.hMax) > 0) h = opts.hMax;
  }
}
