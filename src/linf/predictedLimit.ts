/**
 * docs/derivation.md B9's predicted ℓ∞-SAM limit from the escape set E (per-coordinate fates, e.g. from
 * `linfClosedForm(...).fates`): sign(x_j) e_j with j = argmax_{i∈E} |x_i|, or null (β → 0)
 * when E is empty. Ties in |x_i| among escapers have an init-dependent limit: RangeError.
 */
import { DomainError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';

export function linfPredictedLimit<T>(F: Field<T>, x: readonly T[], fates: readonly string[]): { index: number; sign: 1 | -1 } | null {
  let j = -1;
  fates.forEach((f, i) => {
    if (f !== 'escape') return;
    if (j < 0 || F.cmp(F.abs(x[i]!), F.abs(x[j]!)) > 0) j = i;
    else if (F.cmp(F.abs(x[i]!), F.abs(x[j]!)) === 0) throw new DomainError('linfPredictedLimit: tie in |x_i| among escaping coordinates (init-dependent mix)');
  });
  if (j < 0) return null;
  // Stryker disable next-line EqualityOperator: `<= 0` differs only for x_j = 0, which is never an escaping coordinate (its fate is 'static')
  return { index: j, sign: F.sign(x[j]!) < 0 ? -1 : 1 };
}
