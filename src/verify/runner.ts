/**
 * Runs the checks of a set of claims and aggregates them into a report (no formatting here;
 * see formatReport.ts).
 *
 * Main definitions:
 * - `runVerification(catalogue, options)`: every check of every selected claim, with per-check
 *   timing; a check that throws becomes a `fail` carrying the error message. The runner
 *   resolves each check's tolerance and hands it, with a Field factory of the run's backend, in
 *   the `CheckContext`.
 * - `ClaimReport`, `VerifyReport`, `Summary`.
 */
import { resolveTolerance, type Claim } from './Claim.ts';
import type { CheckDef, CheckContext, RunContext } from './CheckDef.ts';
import { checksOf, type Catalogue } from './Catalogue.ts';
import { DEFAULT_BACKEND, makeField, type Backend } from '../numeric/fieldFactory.ts';
import { aggregateStatus, type CheckResult, type CheckStatus, type Finding } from './CheckResult.ts';
import { judge } from './judge.ts';
import type { FindingSearch, SearchReport } from './FindingSearch.ts';

export interface VerifyOptions {
  readonly precision: number;
  readonly seed: number;
  readonly quick: boolean;
  /** Numeric backend handed to every check as `ctx.field` (default DEFAULT_BACKEND). */
  readonly backend?: Backend;
  readonly only?: readonly string[];
  /** Replay one fast-check draw (`verify --replay`): handed to every check as `ctx.replayPath`. */
  readonly replayPath?: string;
  readonly progress?: (msg: string) => void;
}

export interface ClaimReport {
  readonly id: string;
  readonly title: string;
  readonly source: Claim['source'];
  readonly kind: Claim['kind'];
  readonly statement: string;
  readonly scope: readonly string[];
  readonly basis: Claim['basis'];
  readonly status: CheckStatus;
  readonly method: string;
  /** The deciding check's margin and tolerance (the worst one). */
  readonly margin: string | null;
  readonly tolerance: string | null;
  readonly seed: number;
  readonly precision: number;
  readonly seconds: number;
  readonly checks: readonly CheckResult[];
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly skipped: number;
  readonly total: number;
  readonly seconds: number;
}

export interface VerifyReport {
  readonly claims: readonly ClaimReport[];
  /** Finding searches run alongside (no verdicts). */
  readonly searches: readonly SearchReport[];
  readonly findings: readonly (Finding & { readonly claimId: string })[];
  readonly summary: Summary;
  readonly options: { readonly precision: number; readonly seed: number; readonly quick: boolean };
}

/** Select claims by id (exact, or prefix followed by nothing: "P3" selects P3). */
export function selectClaims(claims: readonly Claim[], only?: readonly string[]): Claim[] {
  if (!only || only.length === 0) return [...claims];
  const wanted = new Set(only.map((s) => s.toUpperCase()));
  return claims.filter((c) => wanted.has(c.id.toUpperCase()));
}

const RANK: Record<CheckStatus, number> = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };

/** The check that decides the claim's row: the worst status; ties broken by the first. */
function deciding(results: readonly CheckResult[]): CheckResult | undefined {
  return [...results].sort((a, b) => RANK[a.status] - RANK[b.status])[0];
}

/** The context shared by every check and search of a run. */
export function runContext(opts: VerifyOptions): RunContext {
  const backend = opts.backend ?? DEFAULT_BACKEND;
  return { precision: opts.precision, seed: opts.seed, quick: opts.quick, backend, field: (p) => makeField(backend, p), progress: opts.progress ?? (() => {}) };
}

export async function runCheck(def: CheckDef, claim: Claim, opts: VerifyOptions): Promise<CheckResult> {
  const t0 = performance.now();
  const base = { claimId: claim.id, check: def.name, method: def.method, quantity: def.quantity, precision: opts.precision };
  try {
    const t = claim.tolerances[def.name];
    if (!t) throw new Error(`catalogue error: claim ${claim.id} states no tolerance for check "${def.name}"`);
    const ctx: CheckContext = {
      ...runContext(opts),
      claim,
      tolerance: resolveTolerance(t, opts.precision),
      ...(opts.replayPath === undefined ? {} : { replayPath: opts.replayPath }),
    };
    const o = await def.run(ctx);
    const seconds = (performance.now() - t0) / 1000;
    // Consistency: a pass/fail with a margin and tolerance must agree with the exact comparison.
    if ((o.status === 'pass' || o.status === 'fail') && o.margin !== null && o.tolerance !== null && o.comparison !== null) {
      const j = judge(o.margin, o.tolerance, o.comparison);
      if (j !== o.status) {
        return {
          ...base,
          status: 'fail',
          margin: o.margin,
          tolerance: o.tolerance,
          comparison: o.comparison,
          inputs: o.inputs ?? null,
          seed: o.seed ?? opts.seed,
          seconds,
          notes: o.notes ?? [],
          findings: o.findings ?? [],
          ...(o.runs === undefined ? {} : { runs: o.runs, discarded: o.discarded ?? 0 }),
          reason: `internal: check reported ${o.status} but margin ${o.comparison} tolerance says ${j}`,
        };
      }
    }
    const common = {
      ...base,
      margin: o.margin,
      tolerance: o.tolerance,
      comparison: o.comparison,
      inputs: o.inputs ?? null,
      seed: o.seed === undefined ? opts.seed : o.seed,
      seconds,
      notes: o.notes ?? [],
      findings: o.findings ?? [],
      ...(o.runs === undefined ? {} : { runs: o.runs, discarded: o.discarded ?? 0 }),
    };
    switch (o.status) {
      case 'pass':
        return { ...common, status: 'pass' };
      case 'fail':
        return { ...common, status: 'fail', reason: o.reason ?? 'check failed', counterexample: o.counterexample, replay: o.replay };
      case 'inconclusive':
        return { ...common, status: 'inconclusive', reason: o.reason ?? 'evidence too weak' };
      case 'skipped':
        return { ...common, status: 'skipped', reason: o.reason ?? 'hypotheses not met' };
    }
  } catch (e) {
    const seconds = (performance.now() - t0) / 1000;
    return {
      ...base,
      status: 'fail',
      margin: null,
      tolerance: null,
      comparison: null,
      inputs: null,
      seed: opts.seed,
      seconds,
      notes: [],
      findings: [],
      reason: `check threw: ${(e as Error).message ?? String(e)}`,
    };
  }
}

export async function runVerification(catalogue: Catalogue, opts: VerifyOptions): Promise<VerifyReport> {
  const t0 = performance.now();
  const selected = selectClaims(catalogue.claims, opts.only);
  const reports: ClaimReport[] = [];
  for (const claim of selected) {
    const defs = checksOf(catalogue, claim);
    const results: CheckResult[] = [];
    const c0 = performance.now();
    for (const def of defs) {
      opts.progress?.(`${claim.id} ${def.name} ...`);
      results.push(await runCheck(def, claim, opts));
    }
    const dec = deciding(results);
    reports.push({
      id: claim.id,
      title: claim.title,
      source: claim.source,
      kind: claim.kind,
      statement: claim.statement,
      scope: claim.scope,
      basis: claim.basis,
      status: defs.length === 0 ? 'inconclusive' : aggregateStatus(results.map((r) => r.status)),
      method: [...new Set(defs.map((d) => d.method))].join('+') || 'none',
      margin: dec?.margin ?? null,
      tolerance: dec?.tolerance ?? null,
      seed: opts.seed,
      precision: opts.precision,
      seconds: (performance.now() - c0) / 1000,
      checks:
        defs.length === 0
          ? [
              {
                claimId: claim.id,
                check: 'none',
                method: 'numeric',
                quantity: '-',
                margin: null,
                tolerance: null,
                comparison: null,
                inputs: null,
                seed: null,
                precision: opts.precision,
                seconds: 0,
                notes: [],
                findings: [],
                status: 'inconclusive',
                reason: 'no executable check is registered for this claim',
              },
            ]
          : results,
    });
  }
  const found = [];
  for (const search of selectSearches(catalogue.searches, opts.only)) found.push(await runSearch(search, opts));
  return summarize(reports, opts, (performance.now() - t0) / 1000, found);
}

/** Searches whose claim is selected (all when no selection). */
export function selectSearches(searches: readonly FindingSearch[], only?: readonly string[]): FindingSearch[] {
  if (!only || only.length === 0) return [...searches];
  const wanted = new Set(only.map((s) => s.toUpperCase()));
  return searches.filter((s) => wanted.has(s.claimId.toUpperCase()));
}

export interface SearchRun {
  readonly report: SearchReport;
  readonly findings: readonly Finding[];
}

export async function runSearch(search: FindingSearch, opts: VerifyOptions): Promise<SearchRun> {
  const t0 = performance.now();
  opts.progress?.(`search ${search.id} ...`);
  try {
    const r = await search.run(runContext(opts));
    return {
      report: {
        id: search.id,
        claimId: search.claimId,
        question: search.question,
        searched: r.searched,
        found: r.findings.length,
        seconds: (performance.now() - t0) / 1000,
      },
      findings: r.findings,
    };
  } catch (e) {
    return {
      report: {
        id: search.id,
        claimId: search.claimId,
        question: search.question,
        searched: 'nothing (error)',
        found: 0,
        seconds: (performance.now() - t0) / 1000,
        error: (e as Error).message,
      },
      findings: [],
    };
  }
}

/** Build the report (summary and findings) from per-claim reports. */
export function summarize(reports: readonly ClaimReport[], opts: VerifyOptions, seconds: number, searches: readonly SearchRun[] = []): VerifyReport {
  const count = (s: CheckStatus) => reports.filter((r) => r.status === s).length;
  return {
    claims: reports,
    searches: searches.map((s) => s.report),
    findings: [
      ...reports.flatMap((r) => r.checks.flatMap((c) => c.findings.map((f) => ({ ...f, claimId: r.id })))),
      ...searches.flatMap((s) => s.findings.map((f) => ({ ...f, claimId: s.report.claimId }))),
    ],
    summary: {
      passed: count('pass'),
      failed: count('fail'),
      inconclusive: count('inconclusive'),
      skipped: count('skipped'),
      total: reports.length,
      seconds,
    },
    options: { precision: opts.precision, seed: opts.seed, quick: opts.quick },
  };
}
