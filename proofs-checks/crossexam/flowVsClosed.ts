/**
 * B7 cross-examination: the ℓ∞-SAM Filippov flow of the full (vector) system, integrated piece by
 * piece (src/flow/linfFlow.ts: integrator, sign switching, sliding), against the per-coordinate
 * exact planar solution in the normalized time σ = |x_i| s (src/flow/linfClosedForm.ts through
 * src/linf/planarExact.ts). The two share no code: agreement at several s tests the decoupling and
 * time rescaling of B7 and both implementations. Statuses are also judged against the exact fates:
 * 'escaped' at some s requires a coordinate whose fate is escape, 'collapsed' requires every
 * coordinate with x_i ≠ 0 absorbed and s ≥ the collapse time, and at the last target (σ ≥ 6 for
 * every coordinate) a coordinate of fate escape must have made the status 'escaped'.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';

import { probesThenDraws } from './linfProbes.ts';

export const FLOW_VS_CLOSED_PRECISION = 30;

export interface FlowVsClosedInput {
  readonly x: string[];
  readonly u0: string[];
  readonly v0: string[];
  readonly rho: string;
}

/** Largest |Δ|/max(1, |closed|) over the states at the targets, and status findings. */
export function flowVsClosed<T>(F: Field<T>, c: FlowVsClosedInput): { diff: T; statusErrors: string[]; saddle: boolean } {
  const x = c.x.map((s) => F.fromString(s));
  const rho = F.fromString(c.rho);
  const u0 = c.u0.map((s) => F.mul(F.fromString(s), rho));
  const v0 = c.v0.map((s) => F.mul(F.fromString(s), rho));
  let xmin: T | null = null;
  for (const xi of x) if (!F.isZero(xi) && (xmin === null || F.cmp(F.abs(xi), xmin) < 0)) xmin = F.abs(xi);
  const sEnd = F.div(F.fromNumber(6), xmin ?? F.one);
  // a start exactly on a saddle's stable manifold (exact fate 'saddle', e.g. u = 2 rho, v = 0) is
  // unstable: any integration error leaves it, so it is excluded (as in B9)
  const fates0 = linfClosedForm(F, x, u0, v0, rho, F.zero).fates;
  if (fates0.includes('saddle')) return { diff: F.zero, statusErrors: [], saddle: true };
  const targets = [F.zero, F.div(sEnd, F.fromNumber(40)), F.div(sEnd, F.fromNumber(12)), F.div(sEnd, F.fromNumber(4)), sEnd];
  const flow = linfFlow(F, x, rho, [u0, v0], targets);
  let diff = F.zero;
  const statusErrors: string[] = [];
  flow.points.forEach((pt, k) => {
    const cf = linfClosedForm(F, x, u0, v0, rho, targets[k]!);
    // states: compared only until the first escaping coordinate grows beyond 10^6 (relative error then)
    for (let i = 0; i < x.length; i++) {
      for (const [a, b] of [
        [pt.W[0]![i]!, cf.u[i]!],
        [pt.W[1]![i]!, cf.v[i]!],
      ] as const) {
        const scale = F.max(F.one, F.abs(b));
        diff = F.max(diff, F.div(F.abs(F.sub(a, b)), scale));
      }
    }
    // statuses at s = 0 are not compared: a start on an axis enters a quadrant at s = 0+, and whether
    // s = 0 itself counts as inside is decided by rounding (the states are compared there all the same)
    if (k === 0) return;
    const where = `s = ${F.toString(targets[k]!, 6)}`;
    if (pt.status !== cf.status) statusErrors.push(`${where}: flow status ${pt.status}, closed form ${cf.status}`);
    const anyEscape = cf.fates.includes('escape');
    if (pt.status === 'escaped' && !anyEscape) statusErrors.push(`${where}: status escaped but no coordinate's exact fate is escape (${cf.fates.join(',')})`);
    const allAbsorb = cf.fates.every((f) => f === 'absorb' || f === 'static');
    if (pt.status === 'collapsed' && !allAbsorb) statusErrors.push(`${where}: status collapsed but fates ${cf.fates.join(',')}`);
    if (k === targets.length - 1 && anyEscape && pt.status !== 'escaped')
      statusErrors.push(`${where} (sigma >= 6): a coordinate's fate is escape but the status is ${pt.status}`);
  });
  const cfEnd = linfClosedForm(F, x, u0, v0, rho, sEnd);
  if ((flow.collapseS === null) !== (cfEnd.collapseS === null))
    statusErrors.push(
      `collapse time: flow ${flow.collapseS === null ? 'none' : F.toString(flow.collapseS, 10)}, closed form ${cfEnd.collapseS === null ? 'none' : F.toString(cfEnd.collapseS, 10)}`,
    );
  else if (flow.collapseS !== null && cfEnd.collapseS !== null) diff = F.max(diff, F.abs(F.sub(flow.collapseS, cfEnd.collapseS)));
  return { diff, statusErrors, saddle: false };
}

export const b7FlowVsClosed: CheckDef = {
  claimId: 'B7',
  name: 'flow-vs-closed',
  method: 'property',
  quantity:
    'max relative |state(linfFlow, full vector Filippov system) - state(linfClosedForm, per-coordinate planar, sigma = |x_i| s)| at 5 times up to sigma_min = 6, and collapse times; a status disagreement or a status contradicting the exact fates counts 1',
  run(ctx) {
    const tol = ctx.tolerance;
    const F = ctx.field(FLOW_VS_CLOSED_PRECISION);
    // fixed probes first (every region of the phase portrait at every seed), then random draws
    return probesThenDraws(
      ctx,
      tol,
      0.5,
      (c) => {
        const r = flowVsClosed(F, c);
        if (r.saddle) return { margin: '0', skip: true, explain: 'a start on a saddle stable manifold (excluded)' };
        const margin = r.statusErrors.length > 0 ? '1' : F.toString(r.diff, 6);
        return {
          margin,
          detail: r.statusErrors.length ? { statusErrors: r.statusErrors } : undefined,
          explain: `margin ${margin} > ${tol}${r.statusErrors.length ? `; ${r.statusErrors[0]}` : ''}`,
        };
      },
      {
        numRuns: ctx.quick ? 8 : 40,
        note: `precision ${FLOW_VS_CLOSED_PRECISION}; u0, v0 in units of rho; independent path: integrated Filippov flow vs exact planar pieces (no shared code)`,
      },
    );
  },
};
