/**
 * Physical-time (t) flows dw/dt = −∇𝓛(w + ε(w)) for ANY number of examples n, depth L and either
 * loss, reusing the engine's exact gradient (src/model/diagonalNetwork.ts) and perturbation
 * (src/optim/algorithms.ts), integrated by GBS extrapolation.
 *
 * Main definitions:
 * - `physicalFlow(F, algo, loss, data, rho, W0, targets)`: W(t) at each target t, plus the
 *   rescaled clock s(t) = ∫ (1/n)Σ_k g(z̃_k) dt carried as an extra ODE component (for one example
 *   it is B1's s, so this cross-checks the rescaled flows).
 *   GD and ℓ2-SAM are smooth away from ∇𝓛 = 0 (ℓ2: ε = 0 there, flagged by the engine).
 *   ℓ∞-SAM: the sign pattern σ = sign(∇𝓛(w)) is frozen on each piece; a terminal event stops the
 *   piece where any gradient component changes sign, and the run continues with the new pattern.
 *   If a component changes sign again immediately (both one-sided fields push into the switching
 *   surface: Filippov sliding on a surface that is not a coordinate plane), the run stops with
 *   status 'sliding' — sliding on general gradient surfaces is NOT implemented here (use the
 *   rescaled linfFlow for one example, where the surfaces are the coordinate planes).
 */
import type { Field } from '../numeric/Field.ts';
import { makeLoss, type LossName } from '../numeric/loss.ts';
import { beta as betaOf, gradient, type Dataset } from '../model/diagonalNetwork.ts';
import { perturbation, type AlgoName } from '../optim/algorithms.ts';
import { integrate, type EventFn, type OdeSystem } from '../ode/extrapolationIntegrator.ts';

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
  const loss = makeLoss(F, lossName);
  const L = W0.length;
  const d = W0[0]!.length;
  const n = data.X.length;
  const nT = F.fromNumber(n);
  const unflat = (y: readonly T[]) => Array.from({ length: L }, (_, l) => y.slice(l * d, (l + 1) * d));
  let frozen: number[] | null = null; // ℓ∞ sign pattern of ∇𝓛 on the current piece
  const signsOf = (W: T[][]) =>
    gradient(F, loss, data, W)
      .grad.flat()
      .map((g) => F.sign(g) as number);
  const field = (y: readonly T[]): T[] => {
    const W = unflat(y);
    let eps: T[][];
    if (algo === 'sam-linf') {
      const sg = frozen!;
      eps = W.map((row, l) => row.map((_, j) => (sg[l * d + j] === 0 ? F.zero : sg[l * d + j]! > 0 ? rho : F.neg(rho))));
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
  const sys: OdeSystem<T> = { dim: L * d + 1, rhs: (_t, y) => field(y) };
  let t = F.zero;
  let y = [...W0.flat(), F.zero];
  const points: PhysicalPoint<T>[] = [];
  const stats = { steps: 0, fevals: 0 };
  let switches = 0;
  let lastSwitchT: T | null = null;
  for (const target of targets) {
    while (F.cmp(t, target) < 0) {
      let events: EventFn<T>[] = [];
      if (algo === 'sam-linf') {
        frozen = signsOf(unflat(y));
        const idxs = frozen.map((_, i) => i);
        events = idxs.map((i) => (_t, yy) => gradient(F, loss, data, unflat(yy)).grad.flat()[i]!);
      }
      const r = integrate(F, sys, t, y, target, { rtol: opts.rtol, events, onStep: (tv) => void opts.onProgress?.(tv) });
      stats.steps += r.stats.steps;
      stats.fevals += r.stats.fevals;
      t = r.s;
      y = r.y;
      if (r.status === 'done') break;
      if (r.status === 'event') {
        switches++;
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
