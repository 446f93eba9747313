/**
 * Property-based checks (fast-check) that report a measured margin, not a bare boolean.
 *
 * Main definitions:
 * - `propertyOutcome(ctx, arbitrary, evaluate, options)`: draws inputs with the run's seed,
 *   evaluates each to a margin, and compares the worst margin with the tolerance. On failure
 *   the outcome carries fast-check's SHRUNK counterexample, its margin, and the replay seed
 *   and path. Inputs whose hypotheses fail are discarded (`fc.pre`) and counted: both the
 *   claim's own executable hypotheses (through `claimInput`) and the check's extra conditions
 *   (an evaluation returning `skip`). The outcome carries `runs` (draws evaluated) and
 *   `discarded` (draws generated but rejected by the hypotheses).
 * - `MIN_DRAWS`, `drawCount(ctx, opts)`: the draw count of a run. For a universal claim it is
 *   never below 100 in a full run and 20 with `--quick` (a smaller request is raised, with a
 *   note); a property that stops before its draw count (time limit, too many discards) is
 *   `inconclusive`, never pass.
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

/** The least number of evaluated draws behind a universal claim's property check. */
export const MIN_DRAWS = { full: 100, quick: 20 } as const;

export interface PropertyOptions<I = unknown> {
  /**
   * Draws requested (full run / `--quick`); default MIN_DRAWS. For a universal claim a request
   * below MIN_DRAWS is raised to it.
   */
  readonly draws?: { readonly full: number; readonly quick: number };
  /** A single draw count for this run (legacy form of `draws`; raised like it). */
  readonly numRuns?: number;
  /** The bound (default: the claim's tolerance for this check, `ctx.tolerance`). */
  readonly tolerance?: string;
  readonly comparison: '<=' | '>=';
  /** Cap on total time including shrinking (seconds, default 600); stopping early is inconclusive. */
  readonly timeLimitSeconds?: number;
  readonly notes?: readonly string[];
  /** Describes a drawn input to the claim's hypotheses; inputs that fail one are discarded. */
  readonly claimInput?: (input: I) => ClaimInput;
  /**
   * Fixed inputs evaluated first at every seed (fast-check `examples`, counted among the runs):
   * regression cases and hard corners that random draws rarely reach. Each must be a value the
   * arbitrary could produce in shape.
   */
  readonly examples?: readonly I[];
}

/** The number of draws this run evaluates (before replay), and why when a request was raised. */
export function drawCount(ctx: Pick<CheckContext, 'quick' | 'claim'>, opts: Pick<PropertyOptions, 'draws' | 'numRuns'>): { numRuns: number; raised?: string } {
  const requested = opts.numRuns ?? (opts.draws ? (ctx.quick ? opts.draws.quick : opts.draws.full) : undefined);
  const floor = ctx.quick ? MIN_DRAWS.quick : MIN_DRAWS.full;
  if (requested === undefined) return { numRuns: floor };
  if (ctx.claim.kind === 'universal' && requested < floor)
    return { numRuns: floor, raised: `draw count raised from ${requested} to ${floor} (the minimum for a universal claim${ctx.quick ? ' with --quick' : ''})` };
  return { numRuns: requested };
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
  const plan = drawCount(ctx, opts);
  const numRuns = replay ? 1 : plan.numRuns;
  const prop = fc.asyncProperty(arbitrary, async (input) => {
    if (opts.claimInput) {
      const unmet = unmetHypotheses(ctx.claim, opts.claimInput(input));
      if (replay) replayed.push({ input, unmet: unmet.map((h) => h.name) });
      if (unmet.length > 0) {
        for (const h of unmet) unmetCounts.set(h.name, (unmetCounts.get(h.name) ?? 0) + 1);
        if (!shrinking) discarded++;
        fc.pre(false);
      }
    }
    const r = await evaluate(input);
    if (r.skip) {
      if (!shrinking) discarded++;
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
    numRuns,
    interruptAfterTimeLimit: (opts.timeLimitSeconds ?? 600) * 1000,
    markInterruptAsFailure: false,
    // kept under replay too: the examples come first in fast-check's path numbering
    ...(opts.examples?.length ? { examples: opts.examples.map((e) => [e] as [I]) } : {}),
    // replay: exactly the draw at `path` (generation index, then shrink steps), no further shrinking
    ...(replay ? { path: ctx.replayPath, endOnFailure: true } : {}),
  });
  const counts = { runs: evaluated, discarded };
  const notes = [
    ...(opts.notes ?? []),
    ...(plan.raised && !replay ? [plan.raised] : []),
    `${evaluated} inputs evaluated, ${discarded} discarded by the hypotheses${unmetCounts.size ? ` (claim hypotheses unmet: ${[...unmetCounts].map(([n, k]) => `${n} x${k}`).join(', ')})` : ''}`,
  ];
  /** An outcome of this run: its own fields over those every return shares. */
  const outcome = (own: Pick<Outcome, 'status' | 'margin'> & Partial<Outcome>): Outcome => ({
    tolerance,
    comparison: opts.comparison,
    seed: details.seed,
    notes,
    findings,
    ...counts,
    ...own,
  });
  if (replay) {
    notes.unshift(`replayed fast-check path ${ctx.replayPath} (seed ${ctx.seed})`);
    const first = replayed[0];
    if (first && first.unmet.length > 0) {
      return outcome({
        status: 'skipped',
        margin: null,
        inputs: { replayed: first.input, unmetHypotheses: first.unmet },
        seed: ctx.seed,
        reason: `the replayed draw does not meet the claim's hypotheses: ${first.unmet.join(', ')}`,
      });
    }
  }
  if (!opts.claimInput) notes.push("the claim's hypotheses are enforced by the check's own input conditions");
  if (details.failed && details.counterexample) {
    const ce = details.counterexample[0] as I;
    const r = await evaluate(ce);
    return outcome({
      status: 'fail',
      margin: r.margin,
      inputs: { counterexample: ce, detail: r.detail },
      reason: `property violated after ${details.numRuns} runs (shrunk ${details.numShrinks} times): margin ${r.margin} not ${opts.comparison} ${tolerance}`,
      counterexample: ce,
      replay: { seed: details.seed, path: details.counterexamplePath ?? undefined },
    });
  }
  const err: unknown = (details as { errorInstance?: unknown }).errorInstance;
  if (details.failed && err !== null && err !== undefined) return outcome({ status: 'fail', margin: worst, reason: `property errored: ${String(err)}` });
  if (worst === null && details.interrupted)
    return outcome({ status: 'inconclusive', margin: null, reason: `time limit (${opts.timeLimitSeconds ?? 600} s) reached before any draw was evaluated` });
  // fast-check gives up when too many draws are discarded: no evidence either way.
  if (worst === null) return outcome({ status: 'skipped', margin: null, reason: `no generated input satisfied the hypotheses (${discarded} discarded)` });
  const pass = { margin: worst, inputs: { worst: worstInput, samples } } as const;
  // Fewer draws than asked for (time limit, or fast-check gave up on discards): the worst margin
  // is reported, but the evidence is not what the check promises.
  if (!replay && evaluated < numRuns) {
    const why = details.interrupted
      ? `time limit (${opts.timeLimitSeconds ?? 600} s) reached`
      : details.failed
        ? 'fast-check gave up: too many draws discarded by the hypotheses'
        : 'stopped early';
    return outcome({ ...pass, status: 'inconclusive', reason: `${why} after ${evaluated} of ${numRuns} draws (all evaluated draws within tolerance)` });
  }
  if (details.failed) return outcome({ status: 'fail', margin: worst, reason: 'property failed without a counterexample' });
  return outcome({ ...pass, status: 'pass' });
}
