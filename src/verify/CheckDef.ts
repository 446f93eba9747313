/**
 * The definition of one executable check (code, in proofs-checks/) for one claim (data, in
 * theorems/). A check returns an `Outcome`; the runner adds timing and identity.
 */
import type { Claim } from './Claim.ts';
import type { CheckMethod, CheckStatus, Finding } from './CheckResult.ts';
import type { Field } from '../numeric/Field.ts';
import type { Backend } from '../numeric/fieldFactory.ts';

/** What every run (check or finding search) is handed by the runner. */
export interface RunContext {
  readonly precision: number;
  readonly seed: number;
  /** Smaller sample sizes and shorter runs. */
  readonly quick: boolean;
  /** The numeric backend of this run. */
  readonly backend: Backend;
  /** A Field of this run's backend at `precision` digits (checks never construct a backend). */
  readonly field: (precision: number) => Field<unknown>;
  /** Progress message on stderr (never stdout). */
  readonly progress: (msg: string) => void;
}

export interface CheckContext extends RunContext {
  readonly claim: Claim;
  /** The claim's tolerance for this check, resolved at the run's precision (decimal string). */
  readonly tolerance: string;
  /** Replay: property checks evaluate only the draw at this fast-check path (with `seed`). */
  readonly replayPath?: string;
}

export interface Outcome {
  readonly status: CheckStatus;
  readonly margin: string | null;
  readonly tolerance: string | null;
  readonly comparison: '<=' | '>=' | null;
  readonly inputs?: unknown;
  readonly seed?: number | null;
  readonly reason?: string;
  readonly notes?: readonly string[];
  readonly findings?: readonly Finding[];
  readonly counterexample?: unknown;
  readonly replay?: { readonly seed: number; readonly path?: string };
  /** Sampled checks: draws evaluated, and draws generated but rejected by the hypotheses. */
  readonly runs?: number;
  readonly discarded?: number;
}

export interface CheckDef {
  readonly claimId: string;
  /** Unique within the claim; also the key of the claim's tolerance (every check has one). */
  readonly name: string;
  readonly method: CheckMethod;
  readonly quantity: string;
  run(ctx: CheckContext): Outcome | Promise<Outcome>;
}
