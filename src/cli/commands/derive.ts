/**
 * `samcheck derive [--json] [--latex] [--only ID] [--seed S] [--precision P]`: run the symbolic proof
 * obligations of docs/derivation.md Part B (CAS residual must be exactly 0 AND a ≥ 50-digit numeric spot check must
 * pass). Exit 1 if any obligation fails or errors.
 */
import type { Command } from 'commander';
import { integerIn, precision as parsePrecision } from '../../io/validate.ts';
import { DEFAULT_SEED, OBLIGATION_MIN_PRECISION, SEED_MAX, SEED_MIN } from '../../verify/seed.ts';
import { UsageError } from '../../io/UsageError.ts';
import { printJson, printLine } from '../output.ts';
import { EXIT_FAIL, EXIT_OK, returning, type Outcome } from '../outcome.ts';

interface DeriveFlags {
  json?: boolean;
  markdown?: boolean;
  latex?: boolean;
  only?: string[];
  seed?: string;
  precision?: string;
}

export function registerDerive(program: Command, outcome: Outcome = { code: 0 }): void {
  program
    .command('derive')
    .description('derive / verify the closed forms of docs/derivation.md Part B symbolically (algebrite, nerdamer-prime) with numeric spot checks')
    .option('--json', 'JSON output')
    .option('--latex', 'print each statement in LaTeX')
    .option('--markdown', 'print docs/derivation.md (model, algorithms, assumptions, claims, every obligation with its CAS steps, residual and spot check)')
    .option('--only <id>', 'run only this obligation id, id prefix or THEORY item (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--seed <s>', `fast-check seed for the numeric spot checks (default ${DEFAULT_SEED})`)
    .option('--precision <p>', `decimal digits of the numeric spot checks (10..1000; they run at no fewer than ${OBLIGATION_MIN_PRECISION}, the default)`)
    .action(
      returning(outcome, async (f: DeriveFlags) => {
        // loaded lazily: the obligations (and fast-check) are not needed by the other commands
        const { runObligations, obligations } = await import('../../../proofs-checks/symbolic/index.ts');
        const seed = f.seed === undefined ? DEFAULT_SEED : integerIn('--seed', f.seed, SEED_MIN, SEED_MAX);
        const precision = Math.max(OBLIGATION_MIN_PRECISION, f.precision === undefined ? OBLIGATION_MIN_PRECISION : parsePrecision('--precision', f.precision));
        if (f.only) {
          for (const o of f.only) {
            if (!obligations.some((ob) => ob.id === o || ob.id.startsWith(o + '.') || ob.item === o)) {
              throw new UsageError(`--only: no obligation matches ${JSON.stringify(o)} (known: ${obligations.map((ob) => ob.id).join(', ')})`);
            }
          }
        }
        if (f.markdown && (f.json || f.only))
          throw new UsageError('--markdown: the document covers every obligation as JSON-free Markdown; drop --json / --only');
        const t0 = performance.now();
        const { ProgressCounter } = await import('../../report/progress.ts');
        let counter: InstanceType<typeof ProgressCounter> | null = null;
        const results = await runObligations({
          seed,
          precision,
          only: f.only,
          onStart: (o, _k, n) => {
            counter ??= new ProgressCounter('samcheck derive', n);
            counter.start(`${o.item} ${o.id}`);
          },
        });
        (counter as InstanceType<typeof ProgressCounter> | null)?.done();
        const passed = results.filter((r) => r.status === 'pass').length;
        const failed = results.length - passed;
        const meta = new Map(obligations.map((o) => [o.id, o]));
        if (f.markdown) {
          const { derivationMarkdown } = await import('../../report/derivationMarkdown.ts');
          const { catalogue } = await import('../catalogue.ts');
          const { DEFAULT_BACKEND } = await import('../../numeric/fieldFactory.ts');
          process.stdout.write(derivationMarkdown({ obligations, results, claims: (await catalogue).claims, seed, precision, backend: DEFAULT_BACKEND }));
          return failed > 0 ? EXIT_FAIL : EXIT_OK;
        }
        if (f.json) {
          printJson({
            seed,
            precision,
            seconds: Number(((performance.now() - t0) / 1000).toFixed(3)),
            passed,
            failed,
            obligations: results.map((r) => ({ ...r, statement: meta.get(r.id)?.statement, latex: meta.get(r.id)?.latex, method: meta.get(r.id)?.method })),
          });
          return failed > 0 ? EXIT_FAIL : EXIT_OK;
        }
        const w = Math.max(...results.map((r) => r.id.length), 4);
        printLine(`${'id'.padEnd(w)}  item      status  CAS residual  numeric (max / tol, n)          engine`);
        for (const r of results) {
          const cas = r.symbolic.status === 'zero' ? '0' : r.symbolic.status;
          printLine(
            `${r.id.padEnd(w)}  ${r.item.padEnd(8)}  ${r.status.padEnd(6)}  ${cas.padEnd(12)}  ${`${r.numeric.maxResidual} / ${r.numeric.tolerance}, ${r.numeric.samples}`.padEnd(30)}  ${r.symbolic.engine}`,
          );
          if (f.latex) printLine(`    ${meta.get(r.id)?.latex ?? ''}`);
          if (r.status !== 'pass') {
            if (r.symbolic.status !== 'zero') printLine(`    residual: ${r.symbolic.residual.slice(0, 300)}`);
            for (const n of r.notes) printLine(`    note: ${n}`);
            if (r.numeric.counterexample !== undefined) printLine(`    counterexample: ${JSON.stringify(r.numeric.counterexample)}`);
          }
        }
        const notes = results.flatMap((r) => r.notes.map((n) => `${r.id}: ${n}`)).filter((n) => /algebrite|nerdamer/.test(n));
        if (notes.length > 0) {
          printLine('CAS notes:');
          for (const n of notes) printLine(`  ${n}`);
        }
        printLine(`seed ${seed}, precision ${precision} digits, tolerance 1e-${precision - 10} (fixed before sampling)`);
        printLine(`obligations: ${passed} passed, ${failed} failed`);
        return failed > 0 ? EXIT_FAIL : EXIT_OK;
      }),
    );
}
