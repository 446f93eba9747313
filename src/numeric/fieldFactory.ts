/**
 * The one place where a numeric backend is chosen: every command, check and analysis asks this
 * factory for a `Field` instead of constructing a backend itself.
 *
 * Main definitions:
 * - `Backend`: the arbitrary-precision backends: "bigfloat" (binary floating point on BigInt,
 *   src/numeric/bigfloatField.ts, the fast default) and "decimal" (decimal.js, the reference).
 * - `makeField(backend, precision)`.
 */
import type { Field } from './Field.ts';
import { decimalField } from './decimalField.ts';
import { bigfloatField } from './bigfloatField.ts';
import { DomainError } from './errors.ts';

export const BACKENDS = ['decimal', 'bigfloat'] as const;
export type Backend = (typeof BACKENDS)[number];
/** The backend used when none is asked for. */
export const DEFAULT_BACKEND: Backend = 'bigfloat';

export function makeField(backend: Backend, precision: number): Field<unknown> {
  switch (backend) {
    case 'decimal':
      return decimalField(precision) as Field<unknown>;
    case 'bigfloat':
      return bigfloatField(precision) as Field<unknown>;
    default:
      throw new DomainError(`unknown backend ${JSON.stringify(backend)}`);
  }
}
