/**
 * The two things every cross-examination check takes from the run context: a Field of the run's
 * backend at a given precision and the check's tolerance resolved at the run's precision.
 */
import type { CheckContext } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';

export function fieldFor(ctx: CheckContext, precision: number): Field<unknown> {
  return ctx.field(precision);
}

export function toleranceFor(ctx: CheckContext, _check: string): string {
  return ctx.tolerance;
}
