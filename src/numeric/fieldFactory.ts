/**
 * The one place where a numeric backend is chosen: every command, check and analysis asks this
 * factory for a `Field` instead of constructing a backend itself.
 *
 * Main definitions:
 * - `Backend`: the arbitrary-precision backends ("bigfloat" is being added; "decimal" is the
 *   reference backend).
 * - `makeField(backend, precision)`.
 */
import type { Field } from './Field.ts';
import { decimalField } from './decimalField.ts';
import { DomainError } from './errors.ts';

export const BACKENDS = ['decimal', 'bigfloat'] as const;
export type Backend = (typeof BACKENDS)[number];
/** The backend used when none is asked for. */
export const DEFAULT_BACKEND: Backend = 'decimal';

export function makeField(backend: Backend, precision: number): Field<unknown> {
  switch (backend) {
    case 'decimal':
      return decimalField(precision) as Field<unknown>;
    case 'bigfloat':
      throw new DomainError('the bigfloat backend is not available yet');
    default:
      throw new DomainError(`unknown backend ${JSON.stringify(backend)}`);
  }
}
