/**
 * `samcheck explore search --claim ID` for a claim of a catalogue (the shipped one, or --claims DIR):
 * a counterexample hunt with a larger budget than `verify`, by rerunning the claim's randomized
 * (property) checks with `runs` consecutive seeds through the same runner.
 *
 * Main definitions:
 * - `searchCatalogueClaim(catalogue, id, opts)` → `CatalogueSearchResult`: per check the runs and
 *   verdict counts, the worst margin (relative to its tolerance), and the first failure with its
 *   shrunk counterexample and the `samcheck verify --replay ID:CHECK --seed S --path P` command.
 *   Checks without draws (symbolic, numeric, witness) do not depend on the seed and are not rerun.
 */
import { Decimal } from 'decimal.js';
import { UsageError } from '../io/UsageError.ts';
import { checksOf, makeCatalogue, type Catalogue } from '../verify/Catalogue.ts';
import { runVerification } from '../verify/runner.ts';
import type { Backend } from '../numeric/fieldFactory.ts';
import { SEED_MAX } from '../verify/seed.ts';

export interface CatalogueSearchResult {
  readonly id: string;
  readonly seeds: number[];
  readonly checks: Record<
    string,
    {
      runs: number;
      pass: number;
      fail: number;
      inconclusive: number;
      skipped: number;
      worstMargin: string | null;
      tolerance: string | null;
      comparison: string | null;
    }
  >;
  readonly counterexample: { check: string; seed: number; path: string | null; reason: string; counterexample: unknown; replay: string } | null;
  readonly status: 'fail' | 'pass' | 'inconclusive';
}

export async function searchCatalogueClaim(
  catalogue: Catalogue,
  id: string,
  opts: { runs: number; seed: number; precision: number; quick: boolean; backend?: Backend; claimsDir?: string; progress?: (m: string) => void },
): Promise<CatalogueSearchResult> {
  const claim = catalogue.claims.find((c) => c.id.toUpperCase() === id.toUpperCase());
  if (!claim)
    throw new UsageError(`--claim: ${JSON.stringify(id)} is neither a claim file nor a claim id (known: ${catalogue.claims.map((c) => c.id).join(' ')})`);
  const prop = checksOf(catalogue, claim).filter((d) => d.method === 'property');
  if (prop.length === 0)
    throw new UsageError(
      `--claim ${claim.id}: no randomized (property) check to search with (its checks do not depend on the seed; \`samcheck verify --only ${claim.id}\` decides it)`,
    );
  const sub = makeCatalogue({ claims: [claim], checks: prop });
  const checks: CatalogueSearchResult['checks'] = {};
  for (const d of prop) checks[d.name] = { runs: 0, pass: 0, fail: 0, inconclusive: 0, skipped: 0, worstMargin: null, tolerance: null, comparison: null };
  const worstRatio = new Map<string, Decimal>();
  const seeds: number[] = [];
  let counterexample: CatalogueSearchResult['counterexample'] = null;
  for (let i = 0; i < opts.runs && !counterexample; i++) {
    let seed = opts.seed + i;
    if (seed > SEED_MAX) seed -= 2 ** 32;
    seeds.push(seed);
    opts.progress?.(`${claim.id}: seed ${seed} (${i + 1}/${opts.runs})`);
    const rep = await runVerification(sub, { precision: opts.precision, seed, quick: opts.quick, backend: opts.backend, only: [claim.id] });
    for (const k of rep.claims[0]?.checks ?? []) {
      const c = checks[k.check]!;
      c.runs++;
      c[k.status]++;
      c.tolerance = k.tolerance;
      c.comparison = k.comparison;
      if (k.margin !== null && k.tolerance !== null) {
        const m = new Decimal(k.margin);
        const t = new Decimal(k.tolerance);
        // closeness to the tolerance: margin/τ for <=, τ/margin for >=
        const r = k.comparison === '>=' ? (m.gt(0) ? t.div(m) : new Decimal(Infinity)) : t.gt(0) ? m.abs().div(t) : m.abs();
        if (!worstRatio.has(k.check) || r.gt(worstRatio.get(k.check)!)) {
          worstRatio.set(k.check, r);
          c.worstMargin = k.margin;
        }
      }
      if (k.status === 'fail' && !counterexample) {
        const path = k.replay?.path ?? null;
        const s = k.replay?.seed ?? seed;
        counterexample = {
          check: k.check,
          seed: s,
          path,
          reason: k.reason,
          counterexample: k.counterexample ?? null,
          replay: `samcheck verify${opts.claimsDir ? ` --claims ${opts.claimsDir}` : ''} --replay ${claim.id}:${k.check} --seed ${s}${path ? ` --path ${path}` : ''}${opts.quick ? ' --quick' : ''} --precision ${opts.precision}${opts.backend ? ` --backend ${opts.backend}` : ''}`,
        };
      }
    }
  }
  const anyInconclusive = Object.values(checks).some((c) => c.inconclusive > 0);
  return { id: claim.id, seeds, checks, counterexample, status: counterexample ? 'fail' : anyInconclusive ? 'inconclusive' : 'pass' };
}

export function formatCatalogueSearch(r: CatalogueSearchResult): string[] {
  const out = [
    `${r.id}: ${r.counterexample ? 'COUNTEREXAMPLE' : 'no counterexample'} over ${r.seeds.length} seeds (${r.seeds[0]}..${r.seeds[r.seeds.length - 1]})`,
  ];
  out.push('  check                          runs  pass  fail  inconcl.  skipped  worst margin');
  for (const [name, c] of Object.entries(r.checks)) {
    out.push(
      `  ${name.padEnd(30)} ${String(c.runs).padStart(4)}  ${String(c.pass).padStart(4)}  ${String(c.fail).padStart(4)}  ${String(c.inconclusive).padStart(8)}  ${String(c.skipped).padStart(7)}  ${c.worstMargin ?? '-'} (${c.comparison ?? ''} ${c.tolerance ?? '-'})`,
    );
  }
  if (r.counterexample) {
    out.push(`  ${r.counterexample.check}: ${r.counterexample.reason}`);
    out.push(`  counterexample: ${JSON.stringify(r.counterexample.counterexample)}`);
    out.push(`  replay: ${r.counterexample.replay}`);
  }
  return out;
}
