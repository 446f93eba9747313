/**
 * Exit codes of the command line and how a command reports its own.
 *
 * Main definitions:
 * - `EXIT_OK` 0, `EXIT_FAIL` 1 (a claim / obligation failed), `EXIT_USAGE` 2, `EXIT_NUMERIC` 3
 *   (numeric failure, cannot certify), `EXIT_INTERNAL` 4 (a bug, or the output could not be written).
 *   Errors carry their code (`SamcheckError.exitCode`); a command that finishes normally RETURNS
 *   its code from its action, wrapped by `returning(outcome, fn)`, and `main` returns the largest.
 */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;
export const EXIT_NUMERIC = 3;
export const EXIT_INTERNAL = 4;

/** The exit code collected from the actions of one `main()` call. */
export interface Outcome {
  code: number;
}

/** Wrap a command action that returns its exit code (void = 0). */
export function returning<A extends unknown[]>(out: Outcome, fn: (...args: A) => Promise<number | void> | number | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const c = await fn(...args);
    if (typeof c === 'number') out.code = Math.max(out.code, c);
  };
}
