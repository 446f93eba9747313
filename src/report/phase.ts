/**
 * The ℓ2-SAM phase data behind `samcheck explore phase` and the report's phase figures: for
 * balanced starts u_i = α, v_i = sgn(x_i) α over a range of α, the fate (collapse / escape), the
 * B4 certificate time, the initial leader, the leader sequence and the switch times (B5).
 * Leaders are 0-based here (as in all JSON); human output adds 1.
 *
 * Main definitions:
 * - `alphaGrid(F, a, b, n)`: n equally spaced α in [a, b] (decimal, exact endpoints).
 * - `phaseRow(F, x, rho, alpha, opts)`: one α, from `leaders` (src/analysis) and, when asked,
 *   the certificate time from `classifyBalanced` (src/analysis/criticalScale).
 * - `leaderAt(row, s)`: the leader (or 'collapsed') at rescaled time s.
 */
import type { Field } from '../numeric/Field.ts';
import { balancedStart, leaders } from '../analysis/leaders.ts';
import { classifyBalanced } from '../analysis/criticalScale.ts';

export interface PhaseRow<T> {
  readonly alpha: T;
  /** the flow's fate: from the B4 certificate reached along the flow; 'undecided' if none by sMax */
  readonly fate: 'collapse' | 'escape' | 'undecided';
  /** s at which the B4 certificate (collapse or escape) first holds; null when not computed */
  readonly certificateS: T | null;
  /** 0-based */
  readonly initialLeader: number;
  /** 0-based leaders: initial, then after each switch */
  readonly sequence: readonly number[];
  readonly switches: readonly { s: T; from: number; to: number; xStar: T }[];
  /** where the leader tracking stopped (escape: largest coordinate leads and escape certificate holds) */
  readonly stopS: T;
  /** s of the collapse (β = 0 from then on), when the flow collapses */
  readonly collapseS: T | null;
  /**
   * false when the leader tracking reached sMax without its stopping rule (escape certificate with
   * the largest coordinate leading, or collapse): the sequence is then not a conclusion.
   */
  readonly leadersComplete: boolean;
}

export function alphaGrid<T>(F: Field<T>, a: T, b: T, n: number): T[] {
  if (n === 1) return [a];
  return Array.from({ length: n }, (_, k) => F.add(a, F.div(F.mul(F.sub(b, a), F.fromNumber(k)), F.fromNumber(n - 1))));
}

export function phaseRow<T>(F: Field<T>, x: readonly T[], rho: T, alpha: T, opts: { rtol?: T; certificates?: boolean } = {}): PhaseRow<T> {
  const lr = leaders(F, balancedStart(F, x, rho, alpha), { rtol: opts.rtol });
  let fate: PhaseRow<T>['fate'] = lr.final.reason === 'sMax' ? 'undecided' : lr.final.reason;
  let certificateS: T | null = null;
  if (opts.certificates) {
    const c = classifyBalanced(F, x, rho, alpha, { rtol: opts.rtol });
    certificateS = c.s;
    // both come from the same certificates; a disagreement is reported as undecided, never guessed
    if (c.kind === null || (fate !== 'undecided' && c.kind !== fate)) fate = 'undecided';
    else fate = c.kind;
  }
  return {
    alpha,
    fate,
    certificateS,
    initialLeader: lr.initialLeader,
    sequence: [lr.initialLeader, ...lr.switches.map((w) => w.leader)],
    switches: lr.switches.map((w) => ({ s: w.s, from: w.from, to: w.leader, xStar: w.xStar })),
    stopS: lr.final.s,
    collapseS: lr.final.collapseS,
    leadersComplete: lr.final.reason !== 'sMax',
  };
}

/** Leader (0-based) at s, 'collapsed' after the collapse; beyond the stop of an escaping run the final leader. */
export function leaderAt<T>(F: Field<T>, row: PhaseRow<T>, s: T): number | 'collapsed' {
  if (row.collapseS !== null && F.cmp(s, row.collapseS) >= 0) return 'collapsed';
  let lead = row.initialLeader;
  for (const w of row.switches) if (F.cmp(s, w.s) >= 0) lead = w.to;
  return lead;
}
