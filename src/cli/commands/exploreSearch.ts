/**
 * `samcheck explore search --claim FILE [--only ID...] [--runs N] [--seed S] [--edge] [--path P]`:
 * a counterexample hunt over a claim file's claims with a larger budget than `check` (default
 * 10× each claim's draws), optionally biased to the edges where claims of this paper break
 * (`--edge`, see src/userclaims/draws.ts: ℓ∞ basin boundary, α_c, ties, zeros, fixed points, mixed
 * signs, depth 3 with a zero layer). Prints the draws tried per edge kind, the worst margins, and a
 * shrunk counterexample with its replay command.
 * `--claim ID` of a catalogue claim reruns its property checks over `--runs` consecutive seeds
 * (default 5, i.e. 5x the draws of verify) and prints the `verify --replay` command of a failure.
 * Exit codes: 1 a counterexample was found, 0 none, 2 usage / formula error, 3 nothing evaluated.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../io/UsageError.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { integerIn, precision as precisionOf } from '../../io/validate.ts';
import { readClaimFile } from '../../userclaims/claimFile.ts';
import { exitCodeOf, runClaim, type ClaimResult } from '../../userclaims/runClaim.ts';
import { formatClaimResult, formatEdgeTable } from '../../userclaims/formatResult.ts';
import { printJson, printLine, info } from '../output.ts';
import { quoteArg, selectClaims } from './check.ts';

interface SearchFlags {
  claim: string;
  only?: string[];
  runs?: string;
  seed?: string;
  path?: string;
  edge?: boolean;
  precision?: string;
  backend?: string;
  timeLimit?: string;
  quick?: boolean;
  claims?: string;
  json?: boolean;
}

/** Default digits of a catalogue-claim search: verify's default (40). */
const CATALOGUE_SEARCH_PRECISION = 40;

/** `--claim ID`: the claim's property checks of the shipped catalogue, rerun over consecutive seeds. */
async function searchShipped(f: SearchFlags, setExit: (code: number) => void): Promise<void> {
  if (f.edge)
    throw new UsageError('--edge biases the draws of claim files; a catalogue claim draws with its own arbitraries (give a claim FILE to use --edge)');
  if (f.path !== undefined || f.only !== undefined)
    throw new UsageError('--path/--only apply to claim files; replay a catalogue check with `samcheck verify --replay ID:CHECK --seed S --path P`');
  // awaited at once: a rejected load left pending across the next await is an unhandled rejection
  const catalogue =
    f.claims === undefined
      ? await (
          await import('../catalogue.ts')
        ).catalogue
      : await (await import('../../userclaims/claimModules.ts')).loadClaimsDir(f.claims);
  const { searchCatalogueClaim, formatCatalogueSearch } = await import('../../userclaims/shippedSearch.ts');
  const { DEFAULT_SEED, SEED_MAX, SEED_MIN } = await import('../../verify/seed.ts');
  const r = await searchCatalogueClaim(catalogue, f.claim, {
    runs: f.runs === undefined ? 5 : integerIn('--runs', f.runs, 1, 100_000),
    seed: f.seed === undefined ? DEFAULT_SEED : integerIn('--seed', f.seed, SEED_MIN, SEED_MAX),
    precision: f.precision === undefined ? CATALOGUE_SEARCH_PRECISION : precisionOf('--precision', f.precision),
    quick: !!f.quick,
    claimsDir: f.claims === undefined ? undefined : quoteArg(f.claims),
    backend: f.backend === undefined ? undefined : parseBackend(f.backend),
    progress: f.json ? undefined : (m) => info(m),
  });
  if (f.json) printJson(r);
  else for (const l of formatCatalogueSearch(r)) printLine(l);
  setExit(r.status === 'fail' ? 1 : r.status === 'inconclusive' ? 3 : 0);
}

/** `setExit` records the command's exit code (main's setter; passed in, so commands do not import main.ts). */
export function registerExploreSearch(explore: Command, setExit: (code: number) => void): void {
  explore
    .command('search')
    .description(
      'counterexample hunt over a claim file (larger budget; --edge biases draws to basin boundaries, alpha_c, ties, zeros, fixed points, mixed signs)',
    )
    .requiredOption(
      '--claim <file|id>',
      'claim file (JSON/YAML, as for `samcheck check`), or the id of a catalogue claim (its property checks rerun over --runs seeds, default 5)',
    )
    .option('--only <id...>', 'only these claims of the file')
    .option('--runs <n>', 'draws per claim (default 10x the claim\'s "draws")')
    .option('--seed <s>', "seed (default: the file's, else 20260308)")
    .option('--path <p>', 'replay a recorded counterexample (with --seed and the same --edge)')
    .option('--edge', 'bias draws to the edges (3 in 4 draws on an edge)')
    .option('--precision <p>', 'working precision in digits')
    .option('--time-limit <sec>', 'time limit per claim in seconds (default 600)')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--claims <dir>', 'catalogue claim ids: look them up in the claim modules of DIR (as `verify --claims`)')
    .option('--quick', "catalogue claim ids: the checks' quick budgets")
    .option('--json', 'JSON output')
    .action(async (f: SearchFlags) => {
      if (!existsSync(f.claim)) {
        await searchShipped(f, setExit);
        return;
      }
      if (f.quick || f.claims) throw new UsageError('--quick/--claims apply to catalogue claim ids; for a claim file use --runs');
      const cf = readClaimFile(f.claim);
      const claims = selectClaims(cf.claims, f.only, f.claim, '--only');
      if (f.path !== undefined && claims.length !== 1) throw new UsageError('--path replays one claim: add --only ID');
      if (f.path !== undefined && f.seed === undefined) throw new UsageError('--path needs the --seed it was recorded with');
      if (f.path !== undefined && !/^\d+(:\d+)*$/.test(f.path))
        throw new UsageError(`--path: expected a fast-check path like 12:0:3, got ${JSON.stringify(f.path)}`);
      const seed = f.seed === undefined ? undefined : integerIn('--seed', f.seed, 0, 2 ** 31 - 1);
      const runsFlag = f.runs === undefined ? undefined : integerIn('--runs', f.runs, 1, 10_000_000);
      const precision = f.precision === undefined ? undefined : precisionOf('--precision', f.precision);
      const backend = f.backend === undefined ? undefined : parseBackend(f.backend);
      const timeLimit = f.timeLimit === undefined ? undefined : integerIn('--time-limit', f.timeLimit, 1, 86400);
      const results: ClaimResult[] = [];
      for (const spec of claims) {
        const runs = runsFlag ?? spec.draws * 10;
        if (!f.json) info(`searching ${spec.id}: ${runs} draws${f.edge ? ', edge-biased' : ''}`);
        results.push(
          await runClaim(spec, {
            seed,
            path: f.path,
            runs,
            precision,
            backend,
            edge: !!f.edge,
            symbolic: false,
            timeLimitSeconds: timeLimit,
            replayBase: `samcheck explore search --claim ${quoteArg(f.claim)} --only ${spec.id}${f.edge ? ' --edge' : ''}`,
          }),
        );
      }
      const found = results.filter((r) => r.status === 'fail').length;
      if (f.json) printJson({ file: f.claim, edge: !!f.edge, claims: results, summary: { counterexamples: found, searched: results.length } });
      else {
        for (const r of results) {
          for (const l of formatClaimResult(r)) printLine(l);
          for (const l of formatEdgeTable(r)) printLine(l);
        }
        printLine(`search: ${found} of ${results.length} claims with a counterexample`);
      }
      setExit(exitCodeOf(results));
    })
    .exitOverride();
}
