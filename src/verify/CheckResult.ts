/**
 * The result of one executable check: a discriminated union on `status`, each variant
 * carrying the measured margin against its tolerance, the inputs, seed and precision
 * (fast-check style: a failure carries its counterexample and the replay seed).
 *
 * Main definitions:
 * - `CheckResult` = Pass | Fail | Inconclusive | Skipped
 * - `Finding`: behaviour the abstract does not state, reported apart from pass/fail.
 * - `aggregateStatus`: fail > inconclusive > pass > skipped.
 */

export type CheckMethod = 'symbolic' | 'numeric' | 'property' | 'witness';
export type CheckStatus = 'pass' | 'fail' | 'inconclusive' | 'skipped';

export interface Finding {
  readonly id: string;
  readonly summary: string;
  /** Reproducible data (decimal strings), e.g. the start and the observed sequence. */
  readonly data: unknown;
}

interface Common {
  readonly claimId: string;
  readonly check: string;
  readonly method: CheckMethod;
  /** What `margin` measures, e.g. "1 - cos(beta/|beta|, e_3)". */
  readonly quantity: string;
  /** Measured margin (decimal string); null when nothing could be measured. */
  readonly margin: string | null;
  /** The bound the margin is compared with (decimal string), or null. */
  readonly tolerance: string | null;
  /** "<=" means pass when margin <= tolerance; ">=" when margin >= tolerance. */
  readonly comparison: '<=' | '>=' | null;
  readonly inputs: unknown;
  readonly seed: number | null;
  readonly precision: number;
  readonly seconds: number;
  readonly notes: readonly string[];
  readonly findings: readonly Finding[];
  /** Sampled (property) checks only: draws evaluated, and draws generated but rejected by the hypotheses. */
  readonly runs?: number;
  readonly discarded?: number;
}

export interface Pass extends Common {
  readonly status: 'pass';
}
export interface Fail extends Common {
  readonly status: 'fail';
  readonly reason: string;
  /** For property checks: the shrunk counterexample and how to replay it. */
  readonly counterexample?: unknown;
  readonly replay?: { readonly seed: number; readonly path?: string };
}
export interface Inconclusive extends Common {
  readonly status: 'inconclusive';
  readonly reason: string;
}
export interface Skipped extends Common {
  readonly status: 'skipped';
  readonly reason: string;
}

export type CheckResult = Pass | Fail | Inconclusive | Skipped;

const RANK: Record<CheckStatus, number> = { skipped: 0, pass: 1, inconclusive: 2, fail: 3 };

export function aggregateStatus(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.length === 0) return 'skipped';
  return statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'skipped' as CheckStatus);
}
