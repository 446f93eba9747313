/**
 * A claim of the catalogue, as DATA (no checking logic here; checks live in proofs-checks/).
 *
 * Main definitions:
 * - `Claim`: id, source, statement (text + LaTeX), hypotheses (executable predicates on the
 *   inputs a check draws), the measured quantity, the tolerance (fixed in advance, with its
 *   justification) and the scope (what the evidence does NOT show).
 * - `ClaimSource`: where the claim comes from (teorth-style: literature apart from derivation).
 * - `ClaimKind`: universal claims are tested on many inputs; witness claims (existence) are
 *   settled by explicit examples, kept in `theorems/witnesses/`.
 */

import { InternalError } from '../numeric/errors.ts';

export type ClaimSource = 'paper abstract' | 'secondary summary' | 'derived in docs/derivation.md';
export type ClaimKind = 'universal' | 'witness';
export type Basis = 'derivation' | 'numerics' | 'witnesses' | 'assumption';

/** The inputs a check hands to a hypothesis predicate (only the fields it needs are set). */
export interface ClaimInput {
  readonly depth?: number;
  readonly n?: number;
  /** One example's x (as decimal strings) or the rows of X. */
  readonly x?: readonly string[];
  readonly X?: readonly (readonly string[])[];
  readonly Y?: readonly (1 | -1)[];
  readonly u0?: readonly string[];
  readonly v0?: readonly string[];
  readonly rho?: string;
  readonly alpha?: string;
  readonly algo?: string;
}

export interface Hypothesis {
  readonly name: string;
  readonly text: string;
  /** Executable predicate; true when the hypothesis holds for the input. */
  readonly holds: (input: ClaimInput) => boolean;
}

/**
 * A tolerance, fixed before any result is seen. The runner resolves it at the run's precision
 * (`resolveTolerance`) and hands the bound to the check as `ctx.tolerance`.
 * - `fixed`: the bound is `value` (a decimal string, e.g. "1e-20", or a count such as "0").
 * - `belowPrecision`: the bound is 10^-(P - guardDigits) at working precision P (identities
 *   where only rounding remains).
 */
export type Tolerance =
  | { readonly kind: 'fixed'; readonly value: string; /** Why this bound. */ readonly why: string }
  | { readonly kind: 'belowPrecision'; readonly guardDigits: number; readonly why: string };

/** The numeric bound of a tolerance at a given precision (decimal string). */
export function resolveTolerance(t: Tolerance, precision: number): string {
  switch (t.kind) {
    case 'fixed':
      return t.value;
    case 'belowPrecision':
      return `1e-${Math.max(1, precision - t.guardDigits)}`;
  }
}

/** The claim's tolerance for a check; a missing one is a catalogue error. */
export function toleranceOf(claim: Claim, check: string): Tolerance {
  const t = claim.tolerances[check];
  if (!t) throw new InternalError(`claim ${claim.id} states no tolerance for check "${check}"`);
  return t;
}

export interface Claim {
  readonly id: string;
  readonly title: string;
  readonly source: ClaimSource;
  readonly kind: ClaimKind;
  readonly statement: string;
  readonly latex: string;
  readonly hypotheses: readonly Hypothesis[];
  /** The quantity the checks measure (the margin). */
  readonly measured: string;
  /** Named tolerances, one per check (keys are the check names; the order is the order the checks run in). */
  readonly tolerances: Readonly<Record<string, Tolerance>>;
  /** What the evidence does NOT show. */
  readonly scope: readonly string[];
  /** What the verdict rests on (for `verify --audit`). */
  readonly basis: readonly Basis[];
}

/** The hypotheses of `claim` that fail on `input` (empty when all hold). */
export function unmetHypotheses(claim: Claim, input: ClaimInput): Hypothesis[] {
  return claim.hypotheses.filter((h) => !h.holds(input));
}
