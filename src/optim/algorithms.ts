/**
 * One discrete step of GD, ℓ2-SAM and ℓ∞-SAM, exactly as docs/derivation.md "Setting" defines them.
 *
 * Main definitions:
 * - `perturbation`: ε = 0 (GD), ρ∇𝓛/‖∇𝓛‖₂ (ℓ2-SAM, one global norm over all layers, no
 *   epsilon added; ε = 0 where ∇𝓛 = 0, flagged), ρ·sign(∇𝓛) (ℓ∞-SAM, sign(0) = 0).
 * - `step`: w ← w − η ∇𝓛(w + ε), returning the perturbed-point margins' g(z̃) for the clock.
 */
import type { Field } from '../numeric/Field.ts';
import type { Loss } from '../numeric/loss.ts';
import { gradient, type Dataset, type Weights } from '../model/diagonalNetwork.ts';

export type AlgoName = 'gd' | 'sam-l2' | 'sam-linf';
export const ALGO_NAMES: readonly AlgoName[] = ['gd', 'sam-l2', 'sam-linf'];

export interface Hyper<T> {
  readonly algo: AlgoName;
  readonly eta: T;
  readonly rho: T;
}

export interface Perturbation<T> {
  readonly eps: Weights<T>;
  /** True when ℓ2-SAM met ∇𝓛 = 0 and used ε = 0. */
  readonly zeroGradient: boolean;
}

export function perturbation<T>(F: Field<T>, algo: AlgoName, rho: T, grad: Weights<T>): Perturbation<T> {
  const zeros = () => grad.map((row) => row.map(() => F.zero));
  if (algo === 'gd') return { eps: zeros(), zeroGradient: false };
  if (algo === 'sam-linf') {
    return {
      eps: grad.map((row) =>
        row.map((gj) => {
          const s = F.sign(gj);
          return s === 0 ? F.zero : s > 0 ? rho : F.neg(rho);
        }),
      ),
      zeroGradient: false,
    };
  }
  let sq = F.zero;
  for (const row of grad) for (const gj of row) sq = F.add(sq, F.mul(gj, gj));
  if (F.isZero(sq)) return { eps: zeros(), zeroGradient: true };
  const scale = F.div(rho, F.sqrt(sq));
  return { eps: grad.map((row) => row.map((gj) => F.mul(scale, gj))), zeroGradient: false };
}

export interface StepResult<T> {
  readonly W: Weights<T>;
  /** g(z̃_k) at the evaluation (perturbed) point. */
  readonly gTilde: T[];
  /** Margins at the current (unperturbed) point. */
  readonly z: T[];
  readonly zeroGradient: boolean;
}

export function step<T>(F: Field<T>, loss: Loss<T>, data: Dataset<T>, h: Hyper<T>, W: Weights<T>): StepResult<T> {
  const g0 = gradient(F, loss, data, W);
  let gEval = g0;
  let zeroGradient = false;
  if (h.algo !== 'gd') {
    const p = perturbation(F, h.algo, h.rho, g0.grad);
    zeroGradient = p.zeroGradient;
    const Wt = W.map((row, l) => row.map((w, j) => F.add(w, p.eps[l]![j]!)));
    gEval = gradient(F, loss, data, Wt);
  }
  const next = W.map((row, l) => row.map((w, j) => F.sub(w, F.mul(h.eta, gEval.grad[l]![j]!))));
  return { W: next, gTilde: gEval.gz, z: g0.z, zeroGradient };
}
