/**
 * The target times of a flow run.
 *
 * Main definitions:
 * - `requireNonDecreasing(F, targets, who)`: DomainError unless targets[0] ≥ 0 and targets[k] ≥ targets[k−1]
 *   for every k (a flow starts at 0 and integrates forward only; a decreasing target would label a later
 *   state with an earlier time, a negative one reached the integrator's internal RangeError).
 */
import type { Field } from '../numeric/Field.ts';
import { DomainError } from '../numeric/errors.ts';

export function requireNonDecreasing<T>(F: Field<T>, targets: readonly T[], who: string): void {
  if (targets.length > 0 && F.sign(targets[0]!) < 0) throw new DomainError(`${who}: targets must be >= 0 (the flow starts at 0; target 0 is negative)`);
  for (let k = 1; k < targets.length; k++)
    if (F.cmp(targets[k]!, targets[k - 1]!) < 0) throw new DomainError(`${who}: targets must be non-decreasing (target ${k} is below target ${k - 1})`);
}
