/**
 * The error hierarchy every layer throws and the CLI maps to exit codes by type (never by
 * `RangeError`, which stays reserved for real bugs and the JS engine).
 *
 * Main definitions:
 * - `SamcheckError`: base class; `exitCode` is the documented CLI exit code.
 * - `UsageError` (exit 2, in src/io/UsageError.ts): bad flag, config or field value.
 * - `DomainError` (exit 2): a valid-looking input outside a function's mathematical domain
 *   (log of a non-positive number, precision out of range, ...), raised by library code.
 * - `NumericError` (exit 3): overflow, underflow to an unusable value, integrator step-size
 *   underflow, or a result that cannot be certified to the asked tolerance. Names the quantity.
 * - `InternalError` (exit 4): an invariant of samcheck itself was violated.
 */
export abstract class SamcheckError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = new.target.name;
  }
}

/** An argument outside the mathematical domain of a library function (exit 2 at the CLI). */
export class DomainError extends SamcheckError {
  readonly exitCode = 2;
}

/** The computation could not produce a number it can vouch for (exit 3 at the CLI). */
export class NumericError extends SamcheckError {
  readonly exitCode = 3;
  constructor(
    message: string,
    /** What was being computed, e.g. "exp", "collapse time", "critical scale". */
    readonly quantity?: string,
  ) {
    super(message);
  }
}

/** An invariant of samcheck itself failed: a bug to report (exit 4 at the CLI). */
export class InternalError extends SamcheckError {
  readonly exitCode = 4;
}
