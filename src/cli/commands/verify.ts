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
import { DEFAULT_SEED, SEED_MAX, SEED_MIN } from '../../verify/seed.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { verifyProgress } from '../../report/verifyProgress.ts';

interface VerifyFlags {
  json?: boolean;
  only?: string[];
  precision?: string;
  seed?: string;
  quick?: boolean;
  audit?: boolean;
  verbose?: boolean;
  list?: boolean;
  markdown?: boolean;
  jobs?: string;
  replay?: string;
  path?: string;
  backend?: string;
  claims?: string;
  baseline?: string;
}

export const DEFAULT_VERIFY_PRECISION = 40;

export function registerVerify(program: Command, outcome: Outcome = { code: 0 }): void {
  program
    .command('verify')
    .description('run every claim of the catalogue (see --list) as an executable check and report margins')
    .option('--json', 'print one JSON object {claims, findings, summary}')
    .option('--only <ids...>', 'only these claim ids (e.g. --only P2 B4)')
    .option('--precision <p>', `significant digits (10..1000, default ${DEFAULT_VERIFY_PRECISION})`)
    .option('--seed <s>', `seed for every random draw (default ${DEFAULT_SEED})`)
    .option('--quick', 'fewer samples and shorter runs')
    .option('--audit', 'per claim: whether it rests on derivation, numerics, witnesses or an assumption')
    .option('--verbose', 'one table row per check')
    .option('--list', 'list the claims without running them')
    .option('--markdown', 'with --list: the README catalogue table')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--jobs <n>', 'worker threads (default: min(2, cores)); 1 runs in-process')
    .option('--replay <claim:check>', 'rerun one check (with --seed, --path and the --quick/--precision of the run that printed them)')
    .option(
      '--claims <dir>',
      'run the claim modules (.ts/.js, written like theorems/ + proofs-checks/, importing samcheck/claim) in DIR instead of the shipped catalogue',
    )
    .option(
      '--baseline <file>',
      'compare with a saved `verify --json` (same seed, precision, quick, backend): exit 1 on a worse verdict or a margin 10x closer to its tolerance',
    )
    .option('--path <p>', 'with --replay: the fast-check path of the draw to replay, e.g. 3:0:1')
    .action(
      returning(outcome, async (flags: VerifyFlags) => {
        // Heavy modules load only when the command runs (keeps `samcheck --help` and other commands fast).
        const { catalogueModule } = await import('../catalogue.ts');
        const { checksOf } = await import('../../verify/Catalogue.ts');
        const source =
          flags.claims === undefined ? await catalogueModule() : await (await import('../../userclaims/claimModules.ts')).externalCatalogueModule(flags.claims);
        const { claims: allClaims } = source.catalogue;
        const { runVerificationParallel } = await import('../../verify/parallelRunner.ts');
        const { formatAudit, formatReport, reportToJson } = await import('../../verify/formatReport.ts');
        const backend = parseBackend(flags.backend);
        const precision = flags.precision === undefined ? DEFAULT_VERIFY_PRECISION : parsePrecision('precision', flags.precision);
        const seed = flags.seed === undefined ? DEFAULT_SEED : integerIn('seed', flags.seed, SEED_MIN, SEED_MAX);
        const baseline =
          flags.baseline === undefined
            ? undefined
            : (await import('../../userclaims/baseline.ts')).verifyBaseline(flags.baseline, { seed, precision, quick: !!flags.quick, backend });
        const only = flags.only
          ?.flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean);
        if (flags.only && only!.length === 0) throw new UsageError(`only: no claim id given (got ${JSON.stringify(flags.only.join(' '))})`);
        if (only) {
          const known = new Set(allClaims.map((c) => c.id.toUpperCase()));
          const bad = only.filter((s) => !known.has(s.toUpperCase()));
          if (bad.length > 0) throw new UsageError(`only: unknown claim id(s) ${bad.join(', ')} (known: ${allClaims.map((c) => c.id).join(' ')})`);
        }
        if (flags.list) {
          const rows = allClaims.map((c) => ({
            id: c.id,
            source: c.source,
            kind: c.kind,
            title: c.title,
            checks: checksOf(source.catalogue, c).map((k) => k.name),
          }));
          if (flags.json) printJson({ claims: rows });
          else if (flags.markdown) printLine((await import('../../verify/catalogueMarkdown.ts')).catalogueMarkdown(source.catalogue));
          else for (const r of rows) printLine(`${r.id.padEnd(4)} ${r.kind.padEnd(9)} ${r.source.padEnd(20)} ${r.title}  [${r.checks.join(', ')}]`);
          return;
        }
        if (flags.path !== undefined && flags.replay === undefined) throw new UsageError('path: only with --replay CLAIM:CHECK');
        const { replaySelection, replayed } = await import('../replay.ts');
        const replay = flags.replay === undefined ? undefined : replaySelection(source.catalogue, flags.replay, flags.path);
        const showProgress = !flags.json || process.stderr.isTTY;
        const jobs = replay ? 1 : flags.jobs === undefined ? Math.min(2, availableParallelism()) : integerIn('jobs', flags.jobs, 1, 16);
        const report = await runVerificationParallel(replay ? { ...source, catalogue: replay } : source, {
          jobs,
          precision,
          backend,
          seed,
          quick: !!flags.quick,
          only: replay ? undefined : only,
          ...(flags.path === undefined ? {} : { replayPath: flags.path.trim() }),
          progress: showProgress ? verifyProgress(replay ?? source.catalogue, replay ? undefined : only) : undefined,
        });
        if (replay && flags.path !== undefined && !replayed(report))
          process.stderr.write(`samcheck verify: ${flags.replay} draws no fast-check inputs: it ran in full\n`);
        const vs = baseline?.compare(reportToJson(report));
        if (flags.json) printJson({ ...(reportToJson(report) as Record<string, unknown>), backend, ...(vs ? { baseline: vs } : {}) });
        else if (flags.audit) {
          const { INDEPENDENT_PATHS } = await import('../../../proofs-checks/independentPaths.ts');
          printLine(formatAudit(report, INDEPENDENT_PATHS));
        } else printLine(formatReport(report, { verbose: flags.verbose }));
        if (vs && !flags.json) for (const l of baseline!.lines(vs)) printLine(l);
        return report.summary.failed > 0 || (vs !== undefined && vs.regressions.length > 0) ? EXIT_FAIL : EXIT_OK;
      }),
    );
}
