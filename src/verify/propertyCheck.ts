/**
 * Property-based checks (fast-check) that report a measured margin, not a bare boolean.
 *
 * Main definitions:
 * - `propertyOutcome(ctx, arbitrary, evaluate, options)`: draws inputs with the run's seed,
 *   evaluates each to a margin, and compares the worst margin with the tolerance. On failure
 *   the outcome carries fast-check's SHRUNK counterexample, its margin, and the replay seed
 *   and path. Inputs whose hypotheses fail are discarded (`fc.pre`) and counted: both the
 *   claim's own executable hypotheses (through `claimInput`) and the check's extra conditions
 *   (an evaluation returning `skip`).
 */
import fc from 'fast-check';
import type { CheckContext, Outcome } from './CheckDef.ts';
import type { Finding } from './CheckResult.ts';
import { compareDecimal, judge } from './judge.ts';
import { unmetHypotheses, type ClaimInput } from './Claim.ts';

export interface CaseResult {
  /** The measured margin for this input (decimal string). */
  readonly margin: string;
  /** Set when the input does not satisfy the claim's hypotheses. */
  readonly skip?: boolean;
  readonly detail?: unknown;
  readonly findings?: readonly Finding[];
}

export interface PropertyOptions<I = unknown> {
  readonly numRuns: number;
  /** The bound (default: the claim's tolerance for this check, `ctx.tolerance`). */
  readonly tolerance?: string;
  readonly comparison: '<=' | '>=';
  /** Cap on total time including shrinking (seconds). */
  readonly timeLimitSeconds?: number;
  readonly notes?: readonly string[];
  /** Describes a drawn input to the claim's hypotheses; inputs that fail one are discarded. */
  readonly claimInput?: (input: I) => ClaimInput;
}

export async function propertyOutcome<I>(
  ctx: CheckContext,
  arbitrary: fc.Arbitrary<I>,
  evaluate: (input: I) => CaseResult | Promise<CaseResult>,
  opts: PropertyOptions<I>,
): Promise<Outcome> {
  const tolerance = opts.tolerance ?? ctx.tolerance;
  const cmp = compareDecimal;
  let worst: string | null = null;
  let worstInput: unknown = null;
  let evaluated = 0;
  let discarded = 0;
  const samples: unknown[] = [];
  const findings: Finding[] = [];
  const worse = (a: string, b: string) => (opts.comparison === '<=' ? cmp(a, b) > 0 : cmp(a, b) < 0);
  let shrinking = false;
  const unmetCounts = new Map<string, number>();
  /** Replay (`samcheck verify --replay`): the one draw at fast-check's path, with its unmet hypotheses. */
  const replayed: { input: unknown; unmet: string[] }[] = [];
  const replay = ctx.replayPath !== undefined;
  const prop = fc.asyncProperty(arbitrary, async (input) => {
    if (opts.claimInput) {
      const unmet = unmetHypotheses(ctx.claim, opts.claimInput(input));
      if (replay) replayed.push({ input, unmet: unmet.map((h) => h.name) });
      if (unmet.length > 0) {
        for (const h of unmet) unmetCounts.set(h.name, (unmetCounts.get(h.name) ?? 0) + 1);
        discarded++;
        fc.pre(false);
      }
    }
    const r = await evaluate(input);
    if (r.skip) {
      discarded++;
      fc.pre(false);
    }
    if (!shrinking) {
      evaluated++;
      if (samples.length < 3) samples.push({ input, margin: r.margin, detail: r.detail });
      if (worst === null || worse(r.margin, worst)) {
        worst = r.margin;
        worstInput = input;
      }
      for (const f of r.findings ?? []) if (findings.length < 5) findings.push(f);
    }
    const ok = judge(r.margin, tolerance, opts.comparison) === 'pass';
    if (!ok) shrinking = true;
    return ok;
  });
  const details = await fc.check(prop, {
    seed: ctx.seed,
    numRuns: replay ? 1 : opts.numRuns,
    interruptAfterTimeLimit: (opts.timeLimitSeconds ?? 120) * 1000,
    markInterruptAsFailure: false,
    // replay: exactly the draw at `path` (generation index, then shrink steps), no further shrinking
    ...(replay ? { path: ctx.replayPath, endOnFailure: true } : {}),
  });
  const notes = [...(opts.notes ?? []), `${evaluated} inputs evaluated, ${discarded} discarded by the hypotheses${unmetCounts.size ? ` (claim hypotheses unmet: ${[...unmetCounts].map(([n, k]) => `${n} x${k}`).join(', ')})` : ''}`];
  if (replay) {
    notes.unshift(`replayed fast-check path ${ctx.replayPath} (seed ${ctx.seed})`);
    const first = replayed[0];
    if (first && first.unmet.length > 0) {
      return { status: 'skipped', margin: null, tolerance, comparison: opts.comparison, inputs: { replayed: first.input, unmetHypotheses: first.unmet }, seed: ctx.seed, reason: `the replayed draw does not meet the claim's hypotheses: ${first.unmet.join(', ')}`, notes, findings };
    }
  }
  if (!opts.claimInput) notes.push("the claim's hypotheses are enforced by the check's own input conditions");
  if (details.failed && details.counterexample) {
    const ce = details.counterexample[0] as I;
    const r = await evaluate(ce);
    return {
      status: 'fail',
      margin: r.margin,
      tolerance,
      comparison: opts.comparison,
      inputs: { counterexample: ce, detail: r.detail },
      seed: details.seed,
      reason: `property violated after ${details.numRuns} runs (shrunk ${details.numShrinks} times): margin ${r.margin} not ${opts.comparison} ${tolerance}`,
      counterexample: ce,
      replay: { seed: details.seed, path: details.counterexamplePath ?? undefined },
      notes,
      findings,
    };
  }
  if (details.failed && worst === null && details.counterexample === null) {
    // fast-check gives up when too many draws are discarded: no evidence either way.
    return { status: 'skipped', margin: null, tolerance, comparison: opts.comparison, seed: details.seed, reason: `no generated input satisfied the hypotheses (${discarded} discarded)`, notes, findings };
  }
  if (details.failed) {
    return { status: 'fail', margin: worst, tolerance, comparison: opts.comparison, seed: details.seed, reason: `property errored: ${String(details.errorInstance ?? 'unknown')}`, notes, findings };
  }
  if (worst === null) {
    return { status: 'skipped', margin: null, tolerance, comparison: opts.comparison, seed: details.seed, reason: 'no generated input satisfied the hypotheses', notes, findings };
  }
  if (details.interrupted && evaluated < opts.numRuns) notes.push(`time limit reached after ${evaluated} of ${opts.numRuns} inputs`);
  return {
    status: 'pass',
    margin: worst,
    tolerance,
    comparison: opts.comparison,
    inputs: { worst: worstInput, samples },
    seed: details.seed,
    notes,
    findings,
  };
}
