/**
 * The engine's rescaled-time velocity for one example: −∇𝓛(w̃)/g(z̃) with w̃ the evaluation
 * point of the algorithm (docs/derivation.md B1). Computed from the exact model gradient, so it is an
 * independent check of the B1 formulas, not a copy of them.
 */
import { DomainError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';
import { makeLoss, type LossName } from '../numeric/loss.ts';
import { gradient, type Dataset, type Weights } from './diagonalNetwork.ts';
import { perturbation, type AlgoName } from '../optim/algorithms.ts';

export function rescaledVelocity<T>(F: Field<T>, algo: AlgoName, lossName: LossName, data: Dataset<T>, W: Weights<T>, rho: T): Weights<T> {
  if (data.X.length !== 1) throw new DomainError('rescaledVelocity: one example only');
  const loss = makeLoss(F, lossName);
  const g0 = gradient(F, loss, data, W);
  const eps = perturbation(F, algo, rho, g0.grad).eps;
  const Wt = W.map((row, l) => row.map((w, j) => F.add(w, eps[l]![j]!)));
  const gt = gradient(F, loss, data, Wt);
  const gz = gt.gz[0]!;
  return gt.grad.map((row) => row.map((v) => F.neg(F.div(v, gz))));
}
