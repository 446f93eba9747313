/**
 * Physical-time (t) flows dw/dt = −∇𝓛(w + ε(w)) for ANY number of examples n, depth L and either
 * loss, reusing the engine's exact gradient (src/model/diagonalNetwork.ts) and perturbation
 * (src/optim/algorithms.ts), integrated by GBS extrapolation.
 *
 * Main definitions:
 * - `gradientRate(F, loss, data, W, V)`: the derivative of ∇𝓛 along a direction (central difference).
 * - `physicalFlow(F, algo, loss, data, rho, W0, targets)`: W(t) at each target t, plus the
 *   rescaled clock s(t) = ∫ (1/n)Σ_k g(z̃_k) dt carried as an extra ODE component (for one example
 *   it is B1's s, so this cross-checks the rescaled flows).
 *   GD and ℓ2-SAM are smooth away from ∇𝓛 = 0 (ℓ2: ε = 0 there, flagged by the engine).
 *   ℓ∞-SAM: the sign pattern σ = sign(∇𝓛(w)) is frozen on each piece; a terminal event stops the
 *   piece where any gradient component G_i changes sign, and the run continues with the new pattern.
 *   A component ON its surface (G_i exactly 0 at the start of a piece, or the one whose event just
 *   ended the last piece) takes the side its one-sided fields lead to: with D± = dG_i/dt along the
 *   field with σ_i = ±1 (a central difference of the exact gradient, `surfaceSide`), D+ > 0 → +1
 *   (also the repelling D+ > 0 > D−), D− < 0 → −1. If D+ < 0 < D− both sides push into the
 *   surface: when σ_i = 0 keeps G_i exactly constant (dG_i/dt = 0 exactly, e.g. a coordinate at
 *   the origin, or x_j = 0) that is the sliding solution and σ_i = 0 is kept (sign(0) = 0);
 *   otherwise the run stops with status 'sliding' — Filippov sliding on general gradient surfaces
 *   is NOT implemented here (use the rescaled linfFlow for one example, where the surfaces are the
 *   coordinate planes). A D± too small to sign within the difference's accuracy is a NumericError.
 *   Before this rule, a start with a zero gradient component (e.g. v0_j = 0) ran with σ_i = 0 for a
 *   whole piece: a wrong trajectory.
 */
import type { Field } from '../numeric/Field.ts';
import { makeLoss, type Loss, type LossName } from '../numeric/loss.ts';
import { beta as betaOf, gradient, type Dataset } from '../model/diagonalNetwork.ts';
import { perturbation, type AlgoName } from '../optim/algorithms.ts';
import { integrate, type EventFn, type EventSlope, type OdeSystem } from '../ode/extrapolationIntegrator.ts';
import { NumericError } from '../numeric/errors.ts';
import { requireNonDecreasing } from './targets.ts';

export interface PhysicalPoint<T> {
  readonly t: T;
  /** rescaled clock s(t) */
  readonly s: T;
  readonly W: T[][];
  readonly beta: T[];
}

export interface PhysicalFlowResult<T> {
  readonly points: PhysicalPoint<T>[];
  readonly status: 'done' | 'sliding' | 'stalled';
  readonly stoppedAt: T | null;
  readonly switches: number;
  readonly stats: { steps: number; fevals: number };
}

/**
 * dG/dt of the loss gradient G = ∇𝓛(W) along a direction V (same shape as W): a central difference
 * of the exact gradient with h·max|V| = 10^{−⌈P/3⌉}·max(1, max|W|), so the truncation (h²) and
 * rounding (10^{−P}/h) errors are both about 10^{−2P/3} relative.
 */
export function gradientRate<T>(F: Field<T>, loss: Loss<T>, data: Dataset<T>, W: readonly (readonly T[])[], V: readonly (readonly T[])[]): T[][] {
  let vm = F.zero;
  let wm = F.one;
  W.forEach((row, l) =>
    row.forEach((w, j) => {
      vm = F.max(vm, F.abs(V[l]![j]!));
      wm = F.max(wm, F.abs(w));
    }),
  );
  if (F.isZero(vm)) return W.map((row) => row.map(() => F.zero));
  const h = F.div(F.mul(F.powInt(F.fromNumber(10), -Math.ceil(F.precision / 3)), wm), vm);
  const at = (c: T) =>
    gradient(
      F,
      loss,
      data,
      W.map((row, l) => row.map((w, j) => F.add(w, F.mul(c, V[l]![j]!)))),
    ).grad;
  const plus = at(h);
  const minus = at(F.neg(h));
  const h2 = F.add(h, h);
  return plus.map((row, l) => row.map((p, j) => F.div(F.sub(p, minus[l]![j]!), h2)));
}

export function physicalFlow<T>(
  F: Field<T>,
  algo: AlgoName,
  lossName: LossName,
  data: Dataset<T>,
  rho: T,
  W0: readonly (readonly T[])[],
  targets: readonly T[],
  opts: { rtol?: T; onProgress?: (t: T) => void } = {},
): PhysicalFlowResult<T> {
  requireNonDecreasing(F, targets, 'physicalFlow');
  const loss = makeLoss(F, lossName);
  const L = W0.length;
  const d = W0[0]!.length;
  const n = data.X.length;
  const nT = F.fromNumber(n);
  const unflat = (y: readonly T[]) => Array.from({ length: L }, (_, l) => y.slice(l * d, (l + 1) * d));
  let frozen: number[] | null = null; // ℓ∞ sign pattern of ∇𝓛 on the current piece
  const fieldWith = (y: readonly T[], sg: readonly number[] | null): T[] => {
    const W = unflat(y);
    let eps: T[][];
    if (algo === 'sam-linf') {
      const p = sg!;
      // Stryker disable next-line EqualityOperator: equivalent (a zero sign was taken by the first test)
      eps = W.map((row, l) => row.map((_, j) => (p[l * d + j] === 0 ? F.zero : p[l * d + j]! > 0 ? rho : F.neg(rho))));
    } else if (algo === 'sam-l2') {
      eps = perturbation(F, 'sam-l2', rho, gradient(F, loss, data, W).grad).eps;
    } else {
      eps = W.map((row) => row.map(() => F.zero));
    }
    const Wt = W.map((row, l) => row.map((w, j) => F.add(w, eps[l]![j]!)));
    const ge = gradient(F, loss, data, Wt);
    const out = ge.grad.flat().map((g) => F.neg(g));
    let gm = F.zero;
    for (const gk of ge.gz) gm = F.add(gm, gk);
    out.push(F.div(gm, nT));
    return out;
  };
  const field = (y: readonly T[]): T[] => fieldWith(y, frozen);
  // ∇𝓛 and its rate along the field at the last state asked for: every event function (one per
  // component) and every slope is called with the same state array, which the integrator never
  // writes into, so one evaluation serves them all
  let gradOf: { y: readonly T[]; g: T[] } | null = null;
  const gradFlat = (y: readonly T[]): T[] => {
    if (gradOf?.y !== y) gradOf = { y, g: gradient(F, loss, data, unflat(y)).grad.flat() };
    return gradOf.g;
  };
  // dG/dt along f (the clock slot of y and f is dropped by unflat)
  const directional = (y: readonly T[], f: readonly T[]): T[] => gradientRate(F, loss, data, unflat(y), unflat(f)).flat();
  let rateOf: { y: readonly T[]; f: readonly T[]; r: T[] } | null = null;
  const rateAlongField = (y: readonly T[], f: readonly T[]): T[] => {
    if (rateOf?.y !== y || rateOf.f !== f) rateOf = { y, f, r: directional(y, f) };
    return rateOf.r;
  };
  // a difference quotient signs D only when |D| exceeds this fraction of the largest |dG/dt|
  const signFloor = F.powInt(F.fromNumber(10), -Math.floor(F.precision / 4));
  /** The side (±1, or 0 to stay on the surface) of component i on its surface, or 'sliding'. */
  const surfaceSide = (y: readonly T[], sg: readonly number[], i: number): number | 'sliding' => {
    const at = (v: number) => {
      const s2 = sg.slice();
      s2[i] = v;
      return directional(y, fieldWith(y, s2));
    };
    const Dp = at(1);
    const Dm = at(-1);
    const floor = F.mul(
      signFloor,
      [...Dp, ...Dm].reduce((a, v) => F.max(a, F.abs(v)), F.zero),
    );
    // Stryker disable next-line EqualityOperator: equivalent (|v| = floor > 0 is a measure-zero tie; at floor = 0, v = 0 signs 0 either way)
    const sgnOf = (v: T) => (F.cmp(F.abs(v), floor) <= 0 ? 0 : F.sign(v));
    const sp = sgnOf(Dp[i]!);
    const sm = sgnOf(Dm[i]!);
    if (sp > 0) return 1;
    if (sm < 0) return -1;
    if (F.isZero(Dp[i]!) && F.isZero(Dm[i]!)) return 0;
    if (sp < 0 && sm > 0) return F.isZero(at(0)[i]!) ? 0 : 'sliding';
    throw new NumericError(
      `physicalFlow: cannot decide the side of the switching surface of gradient component ${i} at t = ${F.toString(t, 8)} (a one-sided rate is 0 or below the difference accuracy: a tangential contact)`,
      'l_inf-SAM flow',
    );
  };
  // Stryker disable next-line ArithmeticOperator: equivalent (the integrator takes the dimension from the state vector)
  const sys: OdeSystem<T> = { dim: L * d + 1, rhs: (_t, y) => field(y) };
  let t = F.zero;
  let y = [...W0.flat(), F.zero];
  const points: PhysicalPoint<T>[] = [];
  const stats = { steps: 0, fevals: 0 };
  let switches = 0;
  let lastSwitchT: T | null = null;
  let crossed: number | null = null; // the gradient component whose event ended the last piece
  for (const target of targets) {
    // Stryker disable next-line EqualityOperator: equivalent (t = target: the integrator returns 'done' at once on a zero span)
    while (F.cmp(t, target) < 0) {
      let events: EventFn<T>[] = [];
      const slopes: EventSlope<T>[] = [];
      if (algo === 'sam-linf') {
        const sg = gradFlat(y).map((g) => F.sign(g) as number);
        const onSurface = sg.map((v, i) => v === 0 || i === crossed);
        for (const [i, on] of onSurface.entries()) {
          if (!on) continue;
          sg[i] = 0;
          const side = surfaceSide(y, sg, i);
          if (side === 'sliding') return { points, status: 'sliding', stoppedAt: t, switches, stats };
          sg[i] = side;
        }
        frozen = sg;
        // a component exactly 0 at the piece start is counted on the side its slope points to (and
        // still seen if it returns inside the step); the one just crossed is already on its far
        // side (event location returns the far end of the root's bracket)
        events = sg.map((_, i) => (_tt, yy) => gradFlat(yy)[i]!);
        onSurface.forEach((on, i) => {
          if (on) slopes[i] = (_tt, yy, ff) => rateAlongField(yy, ff)[i]!;
        });
      }
      const r = integrate(F, sys, t, y, target, { rtol: opts.rtol, events, eventSlopes: slopes, onStep: (tv) => void opts.onProgress?.(tv) });
      stats.steps += r.stats.steps;
      stats.fevals += r.stats.fevals;
      t = r.s;
      y = r.y;
      if (r.status === 'done') {
        crossed = null;
        break;
      }
      if (r.status === 'event') {
        switches++;
        crossed = r.event!.index;
        // a second switch within working precision of the first: sliding on a gradient surface
        if (lastSwitchT !== null && F.cmp(F.abs(F.sub(t, lastSwitchT)), F.mul(F.powInt(F.fromNumber(10), -(F.precision - 8)), F.max(F.one, t))) <= 0) {
          return { points, status: 'sliding', stoppedAt: t, switches, stats };
        }
        lastSwitchT = t;
        continue;
      }
      return { points, status: 'stalled', stoppedAt: t, switches, stats };
    }
    const W = unflat(y);
    points.push({ t: target, s: y[L * d]!, W, beta: betaOf(F, W) });
  }
  return { points, status: 'done', stoppedAt: null, switches, stats };
}
