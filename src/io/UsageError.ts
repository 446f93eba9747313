import { SamcheckError } from '../numeric/errors.ts';

/** A user-facing input/config error: printed as one line, exit code 2. */
export class UsageError extends SamcheckError {
  readonly exitCode = 2;
}
