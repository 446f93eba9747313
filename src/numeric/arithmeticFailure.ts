/**
 * Which exceptions mean "this arithmetic left the representable range or a function's domain"
 * (so an integrator may reject the step and shrink it) rather than a bug.
 *
 * Main definition:
 * - `isArithmeticFailure(e)`: RangeError (decimal backend, float64) or NumericError / DomainError
 *   (bigfloat backend and library code).
 */
import { DomainError, NumericError } from './errors.ts';

export function isArithmeticFailure(e: unknown): boolean {
  return e instanceof RangeError || e instanceof NumericError || e instanceof DomainError;
}
