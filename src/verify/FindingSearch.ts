/**
 * A finding search: an exploration that looks for behaviour the abstract does not state
 * (e.g. a non-monotone leader sequence) and reports what it finds, with reproducible data.
 * It is NOT a check: it has no verdict, so it can neither pass nor fail a claim; its findings are
 * listed apart from pass/fail, together with how much was searched.
 */
import type { RunContext } from './CheckDef.ts';
import type { Finding } from './CheckResult.ts';

export interface SearchOutcome {
  readonly findings: readonly Finding[];
  /** What was searched (e.g. "12 random starts, seed 20260308"). */
  readonly searched: string;
}

export interface FindingSearch {
  readonly id: string;
  /** The claim the search explores around. */
  readonly claimId: string;
  readonly question: string;
  run(ctx: RunContext): SearchOutcome | Promise<SearchOutcome>;
}

export interface SearchReport {
  readonly id: string;
  readonly claimId: string;
  readonly question: string;
  readonly searched: string;
  readonly found: number;
  readonly seconds: number;
  readonly error?: string;
}
