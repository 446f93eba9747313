/**
 * The two things every cross-examination check takes from the run context: a Field at a given
 * precision and its tolerance resolved at the run's precision (one place to adapt to the runner).
 */
import type { CheckContext } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { makeField } from '../../src/numeric/fieldFactory.ts';
import { toleranceOf, toleranceValue } from '../../src/verify/Claim.ts';

export function fieldFor(_ctx: CheckContext, precision: number): Field<unknown> {
  return makeField('decimal', precision);
}

export function toleranceFor(ctx: CheckContext, check: string): string {
  return toleranceValue(toleranceOf(ctx.claim, check), ctx.precision);
}
