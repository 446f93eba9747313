/**
 * P5: sequential feature amplification under ℓ2-SAM (depth 2, one example, balanced escaping
 * starts, x > 0 distinct). The leader argmax_i β_i is read off the τ reduction on a geometric grid
 * of s in [0.01, 200] (not from the B5 law).
 * - minor-first: small starts (N(0)/(2ρ) below the midpoint of the two largest x_i) lead with a
 *   minor coordinate at s = 0.01 and end (s = 200) with the largest x_i;
 * - major-first: large starts (N(0)/(2ρ) > max x_i) have the largest x_i leading at every s.
 */
import fc from 'fast-check';
import type { CheckContext, CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { l2N } from '../../src/flow/l2Certificates.ts';
import { argmax } from '../../src/verify/direction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';

/** Leaders need only a few correct digits: 20-digit arithmetic, integrator rtol 1e-14. */
export const LEADER_PRECISION = 20;

/** Geometric grid of s in [0.01, sMax] (n points), as decimal strings. */
export function sGrid(n: number, sMax = 200): string[] {
  return Array.from({ length: n }, (_, k) => (0.01 * Math.pow(sMax / 0.01, k / (n - 1))).toPrecision(6));
}

/** Leader (argmax β_i on the τ reduction) at each grid point of a balanced start; null if it collapses. */
export function leaderSequence<T>(F: Field<T>, x: T[], alpha: T, rho: T, grid: readonly string[]): { s: string; leader: number }[] | null {
  const r = l2Flow(F, { x, rho, u0: x.map(() => alpha), v0: x.map(() => alpha) }, grid.map((s) => F.fromString(s)), { method: 'tau', rtol: F.fromString('1e-14') });
  if (r.points.some((p) => p.status === 'collapsed')) return null;
  return r.points.map((p) => ({ s: F.toString(p.s, 6), leader: argmax(F, p.beta) }));
}

/** 'small' | 'large' | 'between' by N(0)/(2ρ) against the two largest x_i. */
export function startSize<T>(F: Field<T>, x: T[], alpha: T, rho: T): 'small' | 'large' | 'between' {
  const xs = [...x].sort((a, b) => F.cmp(b, a));
  const xStar0 = F.div(l2N(F, x, x.map(() => alpha), x.map(() => alpha)), F.mul(F.fromNumber(2), rho));
  if (F.cmp(xStar0, F.div(F.add(xs[0]!, xs[1]!), F.fromNumber(2))) < 0) return 'small';
  if (F.cmp(xStar0, xs[0]!) > 0) return 'large';
  return 'between';
}

function amplification(ctx: CheckContext, which: 'small' | 'large'): Promise<Outcome> {
  const tol = ctx.tolerance;
  const F = ctx.field(LEADER_PRECISION);
  const grid = sGrid(which === 'small' ? 16 : 10);
  const arb = fc.record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.15 }), alpha: which === 'small' ? hundredths(0.2, 1.2) : hundredths(1, 4) });
  return propertyOutcome(ctx, arb, (c) => {
    const x = c.x.map((s) => F.fromString(s));
    const alpha = F.fromString(c.alpha);
    if (startSize(F, x, alpha, F.one) !== which) return { margin: '0', skip: true };
    const seq = leaderSequence(F, x, alpha, F.one, grid);
    if (seq === null) return { margin: '0', skip: true }; // collapsing start: not in P5's scope (B4 finding)
    const major = argmax(F, x);
    const bad = which === 'small'
      ? (seq[0]!.leader === major ? 1 : 0) + (seq[seq.length - 1]!.leader === major ? 0 : 1)
      : seq.filter((e) => e.leader !== major).length;
    const compact = seq.filter((e, k) => k === 0 || e.leader !== seq[k - 1]!.leader);
    return { margin: String(bad), detail: { major, switches: compact } };
  }, { claimInput: (c) => ({ depth: 2, n: 1, x: c.x, alpha: c.alpha, rho: '1' }), numRuns: ctx.quick ? 3 : 5, tolerance: tol, comparison: '<=', notes: [`tau reduction at ${LEADER_PRECISION} digits, rtol 1e-14, rho = 1, grid of ${grid.length} s in [0.01, 200]`] });
}

export const p5MinorFirst: CheckDef = {
  claimId: 'P5',
  name: 'minor-first',
  method: 'property',
  quantity: 'small escaping starts: [leader at s = 0.01 is the major] + [leader at s = 200 is not the major]',
  run: (ctx) => amplification(ctx, 'small'),
};

export const p5MajorFirst: CheckDef = {
  claimId: 'P5',
  name: 'major-first',
  method: 'property',
  quantity: 'large starts: grid points s in [0.01, 200] where a minor coordinate leads',
  run: (ctx) => amplification(ctx, 'large'),
};
