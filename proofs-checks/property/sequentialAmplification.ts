/**
 * P5: sequential feature amplification under ℓ2-SAM (depth 2, one example, balanced escaping
 * starts, x > 0): along s the leader (argmax β_i, τ reduction) never steps down and ends at
 * argmax x_i; at fixed s the leader never decreases as α grows. Violations are reported both
 * as a failure (with the shrunk counterexample) and as a finding with its data.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { toleranceOf } from '../../src/verify/Claim.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { argmax } from '../../src/verify/direction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
/** Leaders need only a few correct digits: 20-digit arithmetic, integrator rtol 1e-14. */
const LEADER_PRECISION = 20;

/** Geometric grid of s in [0.01, 60] (n points), exact decimal strings. */
function sGrid(n: number): string[] {
  return Array.from({ length: n }, (_, k) => (0.01 * Math.pow(6000, k / (n - 1))).toPrecision(6));
}

function leaderSequence<T>(F: Field<T>, x: T[], alpha: T, rho: T, grid: string[]) {
  const r = l2Flow(F, { x, rho, u0: x.map(() => alpha), v0: x.map(() => alpha) }, grid.map((s) => F.fromString(s)), { method: 'tau', rtol: F.fromString('1e-14') });
  const seq: { s: string; leader: number }[] = [];
  for (const p of r.points) if (p.status !== 'collapsed') seq.push({ s: F.toString(p.s, 6), leader: argmax(F, p.beta) });
  return { seq, collapsed: r.points.some((p) => p.status === 'collapsed'), status: r.points[r.points.length - 1]!.status };
}

export const p5MinorFirst: CheckDef = {
  claimId: 'P5',
  name: 'minor-first',
  method: 'property',
  quantity: 'number of leader decreases along s (24 geometric s in [0.01, 60]) + 1 if the final leader is not argmax x',
  run(ctx) {
    const tol = toleranceOf(ctx.claim, 'minor-first').value;
    const F = decimalField(LEADER_PRECISION);
    const grid = sGrid(24);
    const arb = fc.record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.15 }), alpha: hundredths(0.6, 1.5) });
    return propertyOutcome(ctx, arb, (c) => {
      const x = c.x.map((s) => F.fromString(s));
      const L = leaderSequence(F, x, F.fromString(c.alpha), F.one, grid);
      if (L.collapsed) return { margin: '0', skip: true }; // collapsing starts: see B4 (finding)
      let dec = 0;
      for (let k = 1; k < L.seq.length; k++) if (L.seq[k]!.leader < L.seq[k - 1]!.leader && F.cmp(x[L.seq[k]!.leader]!, x[L.seq[k - 1]!.leader]!) < 0) dec++;
      const final = L.seq[L.seq.length - 1]!.leader;
      const bad = dec + (final === argmax(F, x) ? 0 : 1);
      const compact = L.seq.filter((e, k) => k === 0 || e.leader !== L.seq[k - 1]!.leader);
      const findings = bad > 0 ? [{ id: 'non-monotone-leader', summary: `leader steps down along s for x = (${c.x.join(', ')}), alpha = ${c.alpha}, rho = 1`, data: { x: c.x, alpha: c.alpha, rho: '1', switches: compact } }] : [];
      return { margin: String(bad), detail: { switches: compact }, findings };
    }, { numRuns: ctx.quick ? 3 : 5, tolerance: tol, comparison: '<=', notes: ['"steps down" = the new leader has a smaller x_i than the previous one'] });
  },
};

export const p5MonotoneInAlpha: CheckDef = {
  claimId: 'P5',
  name: 'monotone-in-alpha',
  method: 'property',
  quantity: 'number of decreases of x_leader(s) as alpha runs over 12 values in [0.3, 3] at a fixed s (escaping starts)',
  run(ctx) {
    const tol = toleranceOf(ctx.claim, 'monotone-in-alpha').value;
    const F = decimalField(LEADER_PRECISION);
    const alphas = Array.from({ length: 12 }, (_, k) => (0.3 + (2.7 * k) / 11).toFixed(4));
    const arb = fc.record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.15 }), s: fc.constantFrom('0.3', '1', '3') });
    return propertyOutcome(ctx, arb, (c) => {
      const x = c.x.map((v) => F.fromString(v));
      const leaders: { alpha: string; leader: number }[] = [];
      for (const a of alphas) {
        const L = leaderSequence(F, x, F.fromString(a), F.one, [c.s]);
        if (L.collapsed || L.seq.length === 0) continue;
        leaders.push({ alpha: a, leader: L.seq[0]!.leader });
      }
      if (leaders.length < 2) return { margin: '0', skip: true };
      let dec = 0;
      for (let k = 1; k < leaders.length; k++) if (F.cmp(x[leaders[k]!.leader]!, x[leaders[k - 1]!.leader]!) < 0) dec++;
      const findings = dec > 0 ? [{ id: 'leader-decreases-in-alpha', summary: `at s = ${c.s} the leader's x_i decreases as alpha grows, x = (${c.x.join(', ')}), rho = 1`, data: { x: c.x, s: c.s, rho: '1', leaders } }] : [];
      return { margin: String(dec), detail: { leaders }, findings };
    }, { numRuns: ctx.quick ? 2 : 4, tolerance: tol, comparison: '<=' });
  },
};
