/**
 * The samcheck command line: one file per command under `commands/`, registered here.
 * Exit codes: 0 all passed, 1 a claim/obligation failed, 2 usage or config error.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../io/UsageError.ts';
import { InternalError, SamcheckError } from '../numeric/errors.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerExplore } from './commands/explore.ts';
import { registerDerive } from './commands/derive.ts';
import { registerFlow } from './commands/flow.ts';
import { registerVerify } from './commands/verify.ts';

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

/** Commands set this to EXIT_FAIL when a claim or obligation fails. */
let exitCode = EXIT_OK;
export function setExitCode(code: number): void {
  exitCode = Math.max(exitCode, code);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('samcheck')
    .description('Symbolic-plus-numeric checker for "Minor First, Major Last" (SAM on diagonal linear networks)')
    .version('0.1.0')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerSimulate(program);
  registerExplore(program);
  registerDerive(program);
  registerFlow(program);
  registerVerify(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  exitCode = EXIT_OK;
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (e instanceof SamcheckError && !(e instanceof InternalError)) {
      process.stderr.write(`samcheck: error: ${e.message.split('\n')[0]}\n`);
      return e.exitCode;
    }
    if (e instanceof UsageError || e instanceof RangeError || e instanceof TypeError) {
      const msg = e instanceof UsageError ? e.message : `${e.message}`;
      process.stderr.write(`samcheck: error: ${msg.split('\n')[0]}\n`);
      return e instanceof UsageError ? EXIT_USAGE : EXIT_FAIL;
    }
    process.stderr.write(`samcheck: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 3;
  }
}
