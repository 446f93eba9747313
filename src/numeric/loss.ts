/**
 * Margin losses ℓ(z) and g(z) = −ℓ'(z) > 0, evaluated stably for any |z|.
 *
 * - logistic: ℓ(z) = log(1 + e^{−z}); for z ≥ 0 computed as log1p(e^{−z}), for z < 0 as
 *   −z + log1p(e^{z}); g(z) = e^{−z}/(1 + e^{−z}) for z ≥ 0 and 1/(1 + e^{z}) for z < 0.
 *   No overflow for z = ±10^6, full relative accuracy of ℓ and g in both tails.
 * - exponential: ℓ(z) = g(z) = e^{−z}.
 */
import type { Field } from './Field.ts';

export type LossName = 'logistic' | 'exponential';
export const LOSS_NAMES: readonly LossName[] = ['logistic', 'exponential'];

export interface Loss<T> {
  readonly name: LossName;
  /** ℓ(z) */
  value(z: T): T;
  /** g(z) = −ℓ'(z) */
  g(z: T): T;
}

export function makeLoss<T>(F: Field<T>, name: LossName): Loss<T> {
  if (name === 'exponential') {
    return { name, value: (z) => F.exp(F.neg(z)), g: (z) => F.exp(F.neg(z)) };
  }
  return {
    name,
    value(z) {
      if (F.sign(z) >= 0) return F.log1p(F.exp(F.neg(z)));
      return F.add(F.neg(z), F.log1p(F.exp(z)));
    },
    g(z) {
      if (F.sign(z) >= 0) {
        const e = F.exp(F.neg(z));
        return F.div(e, F.add(F.one, e));
      }
      return F.div(F.one, F.add(F.one, F.exp(z)));
    },
  };
}
