/** A user-facing input/config error: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'UsageError';
  }
}
