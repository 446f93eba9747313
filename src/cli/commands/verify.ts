/**
 * `samcheck verify`: every claim of the catalogue as an executable check with its margin.
 * Exit 0 when nothing failed, 1 when a claim failed, 2 for usage errors.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../io/UsageError.ts';
import { integerIn, precision as parsePrecision } from '../../io/validate.ts';
import { printJson, printLine } from '../output.ts';
import { EXIT_FAIL, EXIT_OK, returning, type Outcome } from '../outcome.ts';

interface VerifyFlags {
  json?: boolean;
  only?: string[];
  precision?: string;
  seed?: string;
  quick?: boolean;
  audit?: boolean;
  verbose?: boolean;
  list?: boolean;
  jobs?: string;
}

export const DEFAULT_VERIFY_PRECISION = 40;
export const DEFAULT_SEED = 20260308;

export function registerVerify(program: Command, outcome: Outcome = { code: 0 }): void {
  program
    .command('verify')
    .description('run every claim (P1-P7, B1-B13) as an executable check and report margins')
    .option('--json', 'print one JSON object {claims, findings, summary}')
    .option('--only <ids...>', 'only these claim ids (e.g. --only P2 B4)')
    .option('--precision <p>', `significant digits (10..1000, default ${DEFAULT_VERIFY_PRECISION})`)
    .option('--seed <s>', `seed for every random draw (default ${DEFAULT_SEED})`)
    .option('--quick', 'fewer samples and shorter runs')
    .option('--audit', 'per claim: whether it rests on derivation, numerics, witnesses or an assumption')
    .option('--verbose', 'one table row per check')
    .option('--list', 'list the claims without running them')
    .option('--jobs <n>', 'worker threads (default: min(2, cores)); 1 runs in-process')
    .action(returning(outcome, async (flags: VerifyFlags) => {
      // Heavy modules load only when the command runs (keeps `samcheck --help` and other commands fast).
      const { allClaims } = await import('../../../theorems/index.ts');
      const { allChecks, allSearches } = await import('../../../proofs-checks/index.ts');
      const { runVerificationParallel } = await import('../../verify/parallelRunner.ts');
      const { formatAudit, formatReport, reportToJson } = await import('../../verify/formatReport.ts');
      const precision = flags.precision === undefined ? DEFAULT_VERIFY_PRECISION : parsePrecision('precision', flags.precision);
      const seed = flags.seed === undefined ? DEFAULT_SEED : integerIn('seed', flags.seed, -(2 ** 31), 2 ** 31 - 1);
      const only = flags.only?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
      if (flags.only && only!.length === 0) throw new UsageError(`only: no claim id given (got ${JSON.stringify(flags.only.join(' '))})`);
      if (only) {
        const known = new Set(allClaims.map((c) => c.id.toUpperCase()));
        const bad = only.filter((s) => !known.has(s.toUpperCase()));
        if (bad.length > 0) throw new UsageError(`only: unknown claim id(s) ${bad.join(', ')} (known: ${allClaims.map((c) => c.id).join(' ')})`);
      }
      if (flags.list) {
        const rows = allClaims.map((c) => ({ id: c.id, source: c.source, kind: c.kind, title: c.title, checks: allChecks.filter((k) => k.claimId === c.id).map((k) => k.name) }));
        if (flags.json) printJson({ claims: rows });
        else for (const r of rows) printLine(`${r.id.padEnd(4)} ${r.kind.padEnd(9)} ${r.source.padEnd(20)} ${r.title}  [${r.checks.join(', ')}]`);
        return;
      }
      const showProgress = !flags.json || process.stderr.isTTY;
      const jobs = flags.jobs === undefined ? Math.min(2, availableParallelism()) : integerIn('jobs', flags.jobs, 1, 16);
      const report = await runVerificationParallel(allClaims, allChecks, {
        jobs,
        precision,
        seed,
        quick: !!flags.quick,
        only,
        progress: showProgress ? (m) => process.stderr.write(`samcheck verify: ${m}\n`) : undefined,
      }, allSearches);
      if (flags.json) printJson(reportToJson(report));
      else if (flags.audit) printLine(formatAudit(report));
      else printLine(formatReport(report, { verbose: flags.verbose }));
      return report.summary.failed > 0 ? EXIT_FAIL : EXIT_OK;
    }));
}
