/**
 * `samcheck report [--out DIR] [--quick | --full] [--from VERIFY.json] [--seed S] [--precision P] [--jobs N] [--json]`:
 * writes DIR/index.html (default report/) with the verify table, the figures and the derivation
 * (src/report/buildReport.ts). By default it runs `verify --quick` in-process (under 2 minutes);
 * `--full` runs the full catalogue; `--from FILE` reuses the output of `samcheck verify --json`.
 * Exit 0 when the report was written and no claim failed, 1 when a claim failed, 2 for usage errors.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { UsageError } from '../../io/UsageError.ts';
import { integerIn, precision as parsePrecision } from '../../io/validate.ts';
import { printJson, printLine } from '../output.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { EXIT_FAIL, EXIT_OK, returning, type Outcome } from '../outcome.ts';
import { DEFAULT_VERIFY_PRECISION } from './verify.ts';
import { DEFAULT_SEED, SEED_MAX, SEED_MIN } from '../../verify/seed.ts';

interface ReportFlags {
  out?: string;
  quick?: boolean;
  full?: boolean;
  from?: string;
  seed?: string;
  precision?: string;
  jobs?: string;
  json?: boolean;
  backend?: string;
}

export function registerReport(program: Command, outcome: Outcome = { code: EXIT_OK }): void {
  program
    .command('report')
    .description("write an HTML report (verify table, figures of the paper's phenomena, the derivation) to DIR/index.html")
    .option('--out <dir>', 'output directory (default report/)')
    .option('--quick', 'run verify --quick (the default)')
    .option('--full', 'run the full verify catalogue (slower)')
    .option('--from <file>', 'reuse the output of samcheck verify --json instead of running verify')
    .option('--seed <s>', `seed of the verify run (default ${DEFAULT_SEED})`)
    .option('--precision <p>', `digits of the verify run (default ${DEFAULT_VERIFY_PRECISION})`)
    .option('--jobs <n>', 'verify worker threads (default min(2, cores))')
    .option(BACKEND_FLAG, `${BACKEND_HELP}; used by the verify run and the figures`)
    .option('--json', 'print {"index","figures","seconds","summary"} on stdout')
    .action(
      returning(outcome, async (f: ReportFlags) => {
        if (f.quick && f.full) throw new UsageError('report: give --quick or --full, not both');
        if (f.from && f.full) throw new UsageError('report: --from reuses a verify run; --full would run one');
        const seed = f.seed === undefined ? DEFAULT_SEED : integerIn('seed', f.seed, SEED_MIN, SEED_MAX);
        const precision = f.precision === undefined ? DEFAULT_VERIFY_PRECISION : parsePrecision('precision', f.precision);
        const jobs = f.jobs === undefined ? Math.min(2, availableParallelism()) : integerIn('jobs', f.jobs, 1, 16);
        const backend = parseBackend(f.backend);
        const out = resolve(f.out ?? 'report');
        const { buildReport } = await import('../../report/buildReport.ts');
        const { catalogueModule } = await import('../catalogue.ts');
        const source = await catalogueModule();
        // the parameters the checks define, handed to the figures (src/report never imports the catalogue)
        const { NON_MONOTONE_START } = await import('../../../proofs-checks/witness/nonMonotoneLeader.ts');
        const { B11_START } = await import('../../../proofs-checks/numeric/etaSlopeCheck.ts');
        const { P7_RUN, P7_WITNESSES } = await import('../../../proofs-checks/witness/minorWinsDepth3.ts');
        const { P1_RUN } = await import('../../../proofs-checks/property/directionRate.ts');
        const { B8_DISCRETE, discreteFate } = await import('../../../proofs-checks/property/linfBasin.ts');
        const figureParams = { NON_MONOTONE_START, B11_START, P7_RUN, P7_WITNESSES, P1_RUN, B8_DISCRETE, discreteFate };
        const command = [
          'samcheck report',
          f.full ? '--full' : '--quick',
          f.from ? `--from ${f.from}` : '',
          f.seed ? `--seed ${seed}` : '',
          f.precision ? `--precision ${precision}` : '',
        ]
          .filter(Boolean)
          .join(' ');
        const r = await buildReport({ out, quick: !f.full, from: f.from, seed, precision, jobs, command, progress: true, source, figureParams, backend });
        if (f.json) printJson({ index: r.index, figures: r.figures, seconds: Number(r.seconds.toFixed(1)), summary: r.verify.summary });
        else
          printLine(
            `${r.index}: ${r.figures} figures, ${r.verify.summary.total} claims (${r.verify.summary.passed} passed, ${r.verify.summary.failed} failed), ${r.seconds.toFixed(1)} s`,
          );
        return r.verify.summary.failed > 0 ? EXIT_FAIL : EXIT_OK;
      }),
    );
}
