/**
 * Rescaled-time (s) flows of GD and ℓ2-SAM for a depth-L diagonal network and ONE example
 * (docs/derivation.md B1, generalised to any L), integrated by GBS extrapolation.
 *
 * Derivation (y = 1 after replacing x by y·x; 𝓛 = ℓ(z), z = Σ_j x_j Π_l w_l[j]):
 *   ∂𝓛/∂w_k[j] = −g(z)·G_kj,  G_kj = x_j Π_{n≠k} w_n[j].
 * - GD: dw/dt = g(z) G; dividing by g (ds = g dt): dw_k[j]/ds = x_j Π_{n≠k} w_n[j].
 * - ℓ2-SAM: ε = ρ∇𝓛/‖∇𝓛‖ = −ρ G/N with N = ‖G‖₂ (joint over all layers; g cancels), evaluation
 *   point w̃ = w − ρG/N, dw/dt = −∇𝓛(w̃) = g(z̃) G(w̃), so dw_k[j]/ds = x_j Π_{n≠k} w̃_n[j] with
 *   ds = g(z̃) dt. For L = 2 this is B1's u' = x v − ρx²u/N. Where N = 0, ε = 0 (THEORY "Setting").
 *
 * Main definitions:
 * - `flowUnits(F, x, rho, W0, rtol)`: the time unit X and the absolute tolerance of a run.
 * - `rescaledRhs(F, algo, x, rho, L)`: the vector field on the flat state (layer-major, L·d).
 * - `rescaledFlow(F, algo, x, rho, W0, targets, opts)`: states at the targets; if the solution
 *   blows up (L ≥ 3, B13) the run reports status 'blowup' and the last s reached (the step size
 *   collapsed below 10^{−(P−3)}·s, i.e. s is within that of the blow-up time). Targets must be
 *   non-decreasing (DomainError otherwise).
 * Scale: every right-hand side is x_j times a factor that does not depend on |x| (for ℓ2-SAM
 * G/‖G‖ is invariant under x → c x), so the run integrates in s' = X s with x' = x/X, X = max|x_j|,
 * and the integrator's absolute tolerance is rtol·10^{-10} times the start's magnitude
 * max(|W0|, ρ): results do not depend on the units of x, w or ρ (tests/metamorphic/symmetries.ts).
 */
import type { Field } from '../numeric/Field.ts';
import { beta as betaOf } from '../model/diagonalNetwork.ts';
import { firstStep } from './l2FlowDriver.ts';
import { integrate, gbsDefaultTolerance, type OdeSystem } from '../ode/extrapolationIntegrator.ts';
import { requireNonDecreasing } from './targets.ts';

export type SmoothAlgo = 'gd' | 'sam-l2';

export function rescaledRhs<T>(F: Field<T>, algo: SmoothAlgo, x: readonly T[], rho: T, L: number): (w: readonly T[]) => T[] {
  const d = x.length;
  const othersProd = (w: readonly T[], j: number): T[] => {
    // prod over n≠k of w_n[j], by prefix/suffix products (exact at zeros)
    // Stryker disable next-line ArrayDeclaration: equivalent (a preallocated length only; every slot is written before it is read)
    const pre: T[] = new Array(L);
    // Stryker disable next-line ArrayDeclaration: equivalent (as above)
    const suf: T[] = new Array(L);
    pre[0] = F.one;
    for (let l = 1; l < L; l++) pre[l] = F.mul(pre[l - 1]!, w[(l - 1) * d + j]!);
    suf[L - 1] = F.one;
    for (let l = L - 2; l >= 0; l--) suf[l] = F.mul(suf[l + 1]!, w[(l + 1) * d + j]!);
    return pre.map((p, l) => F.mul(p, suf[l]!));
  };
  return (w) => {
    // Stryker disable next-line ArrayDeclaration: equivalent (a preallocated length only; every slot is written before it is read)
    const out: T[] = new Array(L * d);
    if (algo === 'gd') {
      for (let j = 0; j < d; j++) {
        const o = othersProd(w, j);
        for (let k = 0; k < L; k++) out[k * d + j] = F.mul(x[j]!, o[k]!);
      }
      return out;
    }
    // Stryker disable next-line ArrayDeclaration: equivalent (as above)
    const G: T[] = new Array(L * d);
    let n2 = F.zero;
    for (let j = 0; j < d; j++) {
      const o = othersProd(w, j);
      for (let k = 0; k < L; k++) {
        const g = F.mul(x[j]!, o[k]!);
        G[k * d + j] = g;
        n2 = F.add(n2, F.mul(g, g));
      }
    }
    const c = F.isZero(n2) ? F.zero : F.div(rho, F.sqrt(n2));
    const wt = w.map((wi, i) => F.sub(wi, F.mul(c, G[i]!)));
    for (let j = 0; j < d; j++) {
      const o = othersProd(wt, j);
      for (let k = 0; k < L; k++) out[k * d + j] = F.mul(x[j]!, o[k]!);
    }
    return out;
  };
}

/**
 * Natural units of a one-example flow: X = max|x_j| (time s' = X s) and the absolute tolerance
 * rtol·10^{-10}·max(|W0|, ρ) (the integrator's default absolute tolerance, made relative to the start).
 */
export function flowUnits<T>(F: Field<T>, x: readonly T[], rho: T, W0: readonly (readonly T[])[], rtol?: T): { X: T; atol: T } {
  let X = F.zero;
  for (const xi of x) X = F.max(X, F.abs(xi));
  if (F.isZero(X)) X = F.one;
  let m = F.abs(rho);
  for (const row of W0) for (const w of row) m = F.max(m, F.abs(w));
  if (F.isZero(m)) m = F.one;
  const r = rtol ?? gbsDefaultTolerance(F);
  return { X, atol: F.mul(F.mul(r, F.fromString('1e-10')), m) };
}

export interface RescaledPoint<T> {
  readonly s: T;
  readonly W: T[][];
  readonly beta: T[];
}

export interface RescaledFlowResult<T> {
  readonly points: RescaledPoint<T>[];
  readonly status: 'running' | 'blowup';
  /** Last s reached when the solution blew up (lower estimate of the blow-up time). */
  readonly blowupS: T | null;
  readonly stats: { steps: number; fevals: number };
}

export interface RescaledFlowOptions<T> {
  readonly rtol?: T;
  readonly onProgress?: (s: T) => void;
}

export function rescaledFlow<T>(
  F: Field<T>,
  algo: SmoothAlgo,
  x: readonly T[],
  rho: T,
  W0: readonly (readonly T[])[],
  targets: readonly T[],
  opts: RescaledFlowOptions<T> = {},
): RescaledFlowResult<T> {
  requireNonDecreasing(F, targets, 'rescaledFlow');
  const L = W0.length;
  const d = x.length;
  const { X, atol } = flowUnits(F, x, rho, W0, opts.rtol);
  const f = rescaledRhs(
    F,
    algo,
    x.map((xi) => F.div(xi, X)),
    rho,
    L,
  );
  // Stryker disable next-line ArithmeticOperator: equivalent (the integrator takes the dimension from the state vector, not from dim)
  const sys: OdeSystem<T> = { dim: L * d, rhs: (_s, w) => f(w) };
  let s = F.zero;
  let y = W0.flat();
  const points: RescaledPoint<T>[] = [];
  const stats = { steps: 0, fevals: 0 };
  const unflat = (w: readonly T[]) => Array.from({ length: L }, (_, l) => w.slice(l * d, (l + 1) * d));
  for (const target of targets) {
    const tN = F.mul(target, X);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (tN ≥ s here, and the integrator returns at once on a zero span)
    if (F.cmp(tN, s) > 0) {
      const r = integrate(F, sys, s, y, tN, {
        rtol: opts.rtol,
        atol,
        h0: firstStep(F, F.sub(tN, s)),
        maxSteps: 100000,
        onStep: (sv) => void opts.onProgress?.(F.div(sv, X)),
      });
      stats.steps += r.stats.steps;
      stats.fevals += r.stats.fevals;
      s = r.s;
      y = r.y;
      if (r.status !== 'done') return { points, status: 'blowup', blowupS: F.div(s, X), stats };
    }
    const W = unflat(y);
    points.push({ s: target, W, beta: betaOf(F, W) });
  }
  return { points, status: 'running', blowupS: null, stats };
}
