/**
 * The target times of a flow run.
 *
 * Main definitions:
 * - `requireNonDecreasing(F, targets, who)`: DomainError unless targets[k] ≥ targets[k−1] for every k
 *   (a flow integrates forward only; a decreasing target would label a later state with an earlier time).
 */
import type { Field } from '../numeric/Field.ts';
import { DomainError } from '../numeric/errors.ts';

export function requireNonDecreasing<T>(F: Field<T>, targets: readonly T[], who: string): void {
  for (let k = 1; k < targets.length; k++)
    if (F.cmp(targets[k]!, targets[k - 1]!) < 0) throw new DomainError(`${who}: targets must be non-decreasing (target ${k} is below target ${k - 1})`);
}
