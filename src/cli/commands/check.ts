/**
 * `samcheck check FILE`: claims without code (JSON or YAML claim files, src/userclaims).
 *
 * Options: --claim ID (repeatable: only these claims), --seed S, --path P (replay one recorded
 * counterexample; needs one claim), --runs N (draws, default the claim's "draws"), --precision P,
 * --no-symbolic, --backend, --baseline FILE (a saved `check --json`: exit 1 on a regression, 2 when it
 * was made with another seed, precision, backend or number of draws), --json.
 * Exit codes: 0 every claim held, 1 a claim failed, 2 usage / formula error, 3 inconclusive
 * (no draw evaluated, or the engine could not produce a number).
 */
import type { Command } from 'commander';
import { UsageError } from '../../io/UsageError.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { integerIn, precision as precisionOf } from '../../io/validate.ts';
import { readClaimFile, type ClaimSpec } from '../../userclaims/claimFile.ts';
import { DEFAULT_SEED, exitCodeOf, runClaim, type ClaimResult } from '../../userclaims/runClaim.ts';
import { checkBaseline, formatBaselineComparison } from '../../userclaims/baseline.ts';
import { DEFAULT_BACKEND } from '../../numeric/fieldFactory.ts';
import { formatClaimResult } from '../../userclaims/formatResult.ts';
import { CasSession } from '../../symbolic/cas.ts';
import { printJson, printLine, info } from '../output.ts';

interface CheckFlags {
  baseline?: string;
  claim?: string[];
  seed?: string;
  path?: string;
  runs?: string;
  precision?: string;
  backend?: string;
  symbolic?: boolean;
  json?: boolean;
}

export function selectClaims(claims: ClaimSpec[], ids: string[] | undefined, file: string, flag = '--claim'): ClaimSpec[] {
  if (!ids || ids.length === 0) return claims;
  return ids.map((id) => {
    const c = claims.find((k) => k.id === id);
    if (!c) throw new UsageError(`${flag}: no claim ${JSON.stringify(id)} in ${file} (claims: ${claims.map((k) => k.id).join(', ')})`);
    return c;
  });
}

export function quoteArg(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `setExit` records the command's exit code (main's setter; passed in, so commands do not import main.ts). */
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description(
      'check your own claims (JSON/YAML claim file: model, domain, formulas) over random draws, with shrunk counterexamples and a symbolic residual for closed forms',
    )
    .argument('<file>', 'claim file (.json, .yaml, .yml)')
    .option('--claim <id...>', 'only these claims of the file')
    .option('--seed <s>', 'seed of the draws (default: the file\'s "seed", else 20260308)')
    .option('--path <p>', 'fast-check path of a recorded counterexample (replay; with --seed)')
    .option('--runs <n>', 'number of draws per claim (default: the claim\'s "draws")')
    .option('--precision <p>', "working precision in digits (default: the file's, else 40)")
    .option('--no-symbolic', 'skip the symbolic residual')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option(
      '--baseline <file>',
      'compare with a saved `check --json` (same seed, precision, backend, draws): exit 1 on a worse verdict or a margin 10x closer to its tolerance',
    )
    .option('--json', 'JSON output {"file","claims":[...],"summary"}')
    .action(async (file: string, f: CheckFlags) => {
      const cf = readClaimFile(file);
      const claims = selectClaims(cf.claims, f.claim, file);
      if (f.path !== undefined && claims.length !== 1)
        throw new UsageError(`--path replays one claim: add --claim ID (claims: ${claims.map((c) => c.id).join(', ')})`);
      if (f.path !== undefined && f.seed === undefined) throw new UsageError('--path needs the --seed it was recorded with');
      if (f.path !== undefined && !/^\d+(:\d+)*$/.test(f.path))
        throw new UsageError(`--path: expected a fast-check path like 12:0:3, got ${JSON.stringify(f.path)}`);
      const seed = f.seed === undefined ? undefined : integerIn('--seed', f.seed, 0, 2 ** 31 - 1);
      const runs = f.runs === undefined ? undefined : integerIn('--runs', f.runs, 1, 1_000_000);
      const precision = f.precision === undefined ? undefined : precisionOf('--precision', f.precision);
      const backend = f.backend === undefined ? undefined : parseBackend(f.backend);
      const baseline = f.baseline === undefined ? undefined : checkBaseline(f.baseline);
      if (baseline) {
        for (const spec of claims) {
          baseline.assertClaim(spec.id, {
            seed: seed ?? spec.seed ?? DEFAULT_SEED,
            precision: precision ?? spec.precision,
            quick: null,
            backend: backend ?? DEFAULT_BACKEND,
            runs: runs ?? spec.draws,
          });
        }
      }
      const cas = new CasSession();
      const results: ClaimResult[] = [];
      try {
        for (const spec of claims) {
          if (!f.json) info(`checking ${spec.id} (${runs ?? spec.draws} draws)`);
          const r = await runClaim(spec, {
            seed,
            path: f.path,
            runs,
            precision,
            backend,
            symbolic: f.symbolic !== false,
            cas,
            replayBase: `samcheck check ${quoteArg(file)} --claim ${spec.id}`,
          });
          results.push(r);
        }
      } finally {
        await cas.close();
      }
      const vs = baseline?.compare({ claims: results });
      const code = vs && vs.regressions.length > 0 ? 1 : exitCodeOf(results);
      const summary = {
        passed: results.filter((r) => r.status === 'pass').length,
        failed: results.filter((r) => r.status === 'fail').length,
        inconclusive: results.filter((r) => r.status === 'inconclusive').length,
      };
      if (f.json) printJson({ file, claims: results, summary, ...(vs ? { baseline: vs } : {}) });
      else {
        for (const r of results) for (const l of formatClaimResult(r)) printLine(l);
        printLine(`claims: ${summary.passed} passed, ${summary.failed} failed, ${summary.inconclusive} inconclusive`);
        if (vs) for (const l of formatBaselineComparison(vs)) printLine(l);
      }
      setExit(code);
    });
}
