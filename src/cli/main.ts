/**
 * The samcheck command line: one file per command under `commands/`, registered here.
 *
 * Exit codes (src/cli/outcome.ts): 0 ok, 1 a claim/obligation failed, 2 usage or config error,
 * 3 numeric failure (cannot compute or certify to the asked tolerance), 4 internal error (a bug:
 * one line and how to report it, never a stack trace) or stdout could not be written (EPIPE,
 * ENOSPC: silent). Errors map to codes by type (`SamcheckError.exitCode`); a RangeError from the
 * arithmetic kernel (overflow, division by zero) is a numeric failure.
 */
import { Command, CommanderError } from 'commander';
import { SamcheckError } from '../numeric/errors.ts';
import { UsageError } from '../io/UsageError.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerExplore } from './commands/explore.ts';
import { registerDerive } from './commands/derive.ts';
import { registerFlow } from './commands/flow.ts';
import { registerVerify } from './commands/verify.ts';
import { registerCheck } from './commands/check.ts';
import { registerExploreSearch } from './commands/exploreSearch.ts';
import { EXIT_INTERNAL, EXIT_NUMERIC, EXIT_OK, EXIT_USAGE, type Outcome } from './outcome.ts';
import { registerReport } from './commands/report.ts';

export { EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_NUMERIC, EXIT_INTERNAL } from './outcome.ts';

export const REPORT_HINT = 'please report it with the command line and `samcheck --version` at the samcheck issue tracker (SAMCHECK_DEBUG=1 prints the stack)';

/** A group command (`samcheck`, `samcheck explore`) run without a subcommand: usage error. */
export function requireSubcommand(cmd: Command): void {
  cmd.allowExcessArguments(true).action(() => {
    const name = cmd.args[0];
    const path = cmd.parent ? `samcheck ${cmd.name()}` : 'samcheck';
    const subs = cmd.commands.map((c) => c.name()).join(', ');
    if (name) throw new UsageError(`${path}: unknown command ${JSON.stringify(name)} (commands: ${subs}; see ${path} --help)`);
    throw new UsageError(`${path}: no command given (commands: ${subs}; see ${path} --help)`);
  });
}

export function buildProgram(outcome: Outcome = { code: EXIT_OK }): Command {
  const program = new Command();
  program
    .name('samcheck')
    .description('Symbolic-plus-numeric checker for "Minor First, Major Last" (SAM on diagonal linear networks)')
    .version('0.1.0')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerSimulate(program);
  const explore = registerExplore(program);
  const setExit = (code: number) => {
    outcome.code = Math.max(outcome.code, code);
  };
  registerExploreSearch(explore, setExit);
  registerDerive(program, outcome);
  registerFlow(program);
  registerVerify(program, outcome);
  registerCheck(program, setExit);
  registerReport(program, outcome);
  for (const c of program.commands) c.exitOverride();
  requireSubcommand(program);
  requireSubcommand(explore);
  return program;
}

/** One line for an error, and its exit code. Never a stack trace (unless SAMCHECK_DEBUG=1). */
export function describeError(e: unknown): { line: string; code: number } {
  const first = (m: unknown) =>
    String(m ?? '')
      .split('\n')[0]!
      .slice(0, 500);
  if (e instanceof SamcheckError) {
    const kind = e.exitCode === EXIT_NUMERIC ? 'numeric failure' : e.exitCode === EXIT_INTERNAL ? 'internal error' : 'error';
    const hint = e.exitCode === EXIT_INTERNAL ? ` (${REPORT_HINT})` : '';
    return { line: `samcheck: ${kind}: ${first(e.message)}${hint}`, code: e.exitCode };
  }
  if (e instanceof RangeError && !/call stack/i.test(e.message)) {
    // the decimal kernel's overflow / division by zero / non-finite results
    return { line: `samcheck: numeric failure: ${first(e.message)}`, code: EXIT_NUMERIC };
  }
  const msg = e instanceof Error ? `${e.name}: ${first(e.message)}` : first(e);
  return { line: `samcheck: internal error: ${msg} (${REPORT_HINT})`, code: EXIT_INTERNAL };
}

let pipeGuardInstalled = false;
/** EPIPE / ENOSPC on stdout (e.g. `samcheck … | head -1`, a full disk): end quietly with exit 4. */
function installPipeGuard(): void {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ENOSPC' || e.code === 'EIO') process.exit(EXIT_INTERNAL);
    process.stderr.write(`samcheck: internal error: cannot write stdout: ${e.code ?? e.message}\n`);
    process.exit(EXIT_INTERNAL);
  });
}

export async function main(argv: string[]): Promise<number> {
  const outcome: Outcome = { code: EXIT_OK };
  installPipeGuard();
  const program = buildProgram(outcome);
  try {
    await program.parseAsync(argv);
    return outcome.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    const { line, code } = describeError(e);
    process.stderr.write(line + '\n');
    if (process.env.SAMCHECK_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return code;
  }
}
