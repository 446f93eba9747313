/**
 * Discrete runs vs the rescaled flow (docs/derivation.md B11): error at matched clock s and its slope in η.
 *
 * Main definitions:
 * - `logLogSlope(F, etas, errs)`: least-squares slope of log err against log η (all in the Field).
 * - `discreteFlowErrors(F, spec)`: for each η, runs src/optim/simulate.ts (depth 2, one example,
 *   the given loss) until its clock s_t = Σ η g(z̃_t) first reaches spec.s, then compares the
 *   discrete (u, v) with the flow evaluated at exactly that s_t (B2 closed form for GD, the τ
 *   reduction for ℓ2-SAM, the planar exact solver for ℓ∞-SAM); error = max_i |Δu_i|, |Δv_i|
 *   divided by max(1, max |flow state|).
 * - `etaSlope(F, spec)`: {points, slope}. B11 predicts slope ≈ 1.
 */
import { DomainError, NumericError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';
import type { LossName } from '../numeric/loss.ts';
import type { AlgoName } from '../optim/algorithms.ts';
import { simulate } from '../optim/simulate.ts';
import { gdClosedForm } from '../flow/gdClosedForm.ts';
import { l2Flow } from '../flow/tauReduction.ts';
import { linfClosedForm } from '../flow/linfClosedForm.ts';

export const DEFAULT_ETAS = ['0.1', '0.05', '0.025', '0.0125'] as const;

export function logLogSlope<T>(F: Field<T>, etas: readonly T[], errs: readonly T[]): T {
  const n = etas.length;
  if (n < 2 || errs.length !== n) throw new DomainError('logLogSlope: need >= 2 paired points');
  const X = etas.map((e) => F.log(e));
  const Y = errs.map((e) => F.log(e));
  const nT = F.fromNumber(n);
  let mx = F.zero;
  let my = F.zero;
  for (let i = 0; i < n; i++) {
    mx = F.add(mx, X[i]!);
    my = F.add(my, Y[i]!);
  }
  mx = F.div(mx, nT);
  my = F.div(my, nT);
  let sxy = F.zero;
  let sxx = F.zero;
  for (let i = 0; i < n; i++) {
    const dx = F.sub(X[i]!, mx);
    sxy = F.add(sxy, F.mul(dx, F.sub(Y[i]!, my)));
    sxx = F.add(sxx, F.mul(dx, dx));
  }
  return F.div(sxy, sxx);
}

export interface EtaSlopeSpec<T> {
  readonly algo: AlgoName;
  readonly loss: LossName;
  readonly x: readonly T[];
  readonly rho: T;
  readonly u0: readonly T[];
  readonly v0: readonly T[];
  /** compare once the discrete clock reaches this s */
  readonly s: T;
  readonly etas: readonly T[];
  readonly maxSteps?: number;
}

export interface EtaPoint<T> {
  readonly eta: T;
  readonly steps: number;
  readonly s: T;
  readonly err: T;
}

export function discreteFlowErrors<T>(F: Field<T>, spec: EtaSlopeSpec<T>): EtaPoint<T>[] {
  const out: EtaPoint<T>[] = [];
  const maxSteps = spec.maxSteps ?? 100_000;
  for (const eta of spec.etas) {
    // run in chunks until the clock passes spec.s, then find the first step with s_t >= spec.s
    let W = [spec.u0.slice(), spec.v0.slice()];
    let sAcc = F.zero;
    let steps = 0;
    while (F.cmp(sAcc, spec.s) < 0) {
      if (steps >= maxSteps)
        throw new NumericError(`discreteFlowErrors: the clock did not reach s within ${maxSteps} steps (eta = ${F.toString(eta, 6)})`, 'discrete clock s');
      const r = simulate(F, { algo: spec.algo, loss: spec.loss, eta, rho: spec.rho, steps: 1, data: { X: [spec.x.slice()], Y: [1] }, W0: W });
      W = r.W.map((row) => row.slice());
      sAcc = F.add(sAcc, r.s);
      steps++;
    }
    let fu: T[];
    let fv: T[];
    if (spec.algo === 'gd') {
      const c = gdClosedForm(F, spec.x, spec.u0, spec.v0, sAcc);
      fu = c.u;
      fv = c.v;
    } else if (spec.algo === 'sam-l2') {
      const p = l2Flow(F, { x: spec.x, rho: spec.rho, u0: spec.u0, v0: spec.v0 }, [sAcc]).points[0]!;
      fu = p.u;
      fv = p.v;
    } else {
      const c = linfClosedForm(F, spec.x, spec.u0, spec.v0, spec.rho, sAcc);
      fu = c.u;
      fv = c.v;
    }
    let scale = F.one;
    let err = F.zero;
    for (let i = 0; i < spec.x.length; i++) {
      scale = F.max(scale, F.max(F.abs(fu[i]!), F.abs(fv[i]!)));
      err = F.max(err, F.max(F.abs(F.sub(W[0]![i]!, fu[i]!)), F.abs(F.sub(W[1]![i]!, fv[i]!))));
    }
    out.push({ eta, steps, s: sAcc, err: F.div(err, scale) });
  }
  return out;
}

export function etaSlope<T>(F: Field<T>, spec: EtaSlopeSpec<T>): { points: EtaPoint<T>[]; slope: T } {
  const points = discreteFlowErrors(F, spec);
  return {
    points,
    slope: logLogSlope(
      F,
      points.map((p) => p.eta),
      points.map((p) => p.err),
    ),
  };
}

/** A one-example depth-2 start given as decimal strings (as claims and reports state them). */
export interface EtaSlopeStart {
  readonly x: readonly string[];
  readonly u0: readonly string[];
  readonly v0: readonly string[];
  readonly rho: string;
  readonly s: string;
}

/** `etaSlope` for GD (ρ = 0) or ℓ2-SAM from a start given as decimal strings, over the default η grid. */
export function etaSlopeFromStart<T>(F: Field<T>, algo: 'gd' | 'sam-l2', start: EtaSlopeStart): { points: EtaPoint<T>[]; slope: T } {
  const f = (s: string) => F.fromString(s);
  return etaSlope(F, {
    algo,
    loss: 'logistic',
    x: start.x.map(f),
    rho: algo === 'gd' ? F.zero : f(start.rho),
    u0: start.u0.map(f),
    v0: start.v0.map(f),
    s: f(start.s),
    etas: DEFAULT_ETAS.map(f),
  });
}
