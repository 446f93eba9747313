/**
 * Adapter from the symbolic proof obligations (proofs-checks/symbolic) to claim checks: every
 * THEORY item with obligations gets a `symbolic` check that passes only if every obligation's
 * CAS residual is exactly 0 AND its numeric spot check passes. Margin: the largest numeric
 * spot-check residual (the symbolic part is all-or-nothing and reported in the reason).
 */
import type { CheckDef, Outcome } from '../src/verify/CheckDef.ts';
import { toleranceOf, toleranceValue } from '../src/verify/Claim.ts';
import { maxDecimal } from '../src/verify/judge.ts';
import { obligations, runObligations } from './symbolic/index.ts';

/** Obligation item → claim id ("discrete": the exact one-step maps, evidence for B11). */
export const OBLIGATION_CLAIM: Readonly<Record<string, string>> = { B1: 'B1', B2: 'B2', B3: 'B3', B4: 'B4', B7: 'B7', B8: 'B8', B10: 'B10', discrete: 'B11' };

function symbolicCheck(item: string, claimId: string): CheckDef {
  const ids = obligations.filter((o) => o.item === item).map((o) => o.id);
  return {
    claimId,
    name: 'symbolic',
    method: 'symbolic',
    quantity: `max numeric spot-check residual over obligations ${ids.join(', ')} (each CAS residual must be exactly 0)`,
    async run(ctx): Promise<Outcome> {
      const tol = toleranceValue(toleranceOf(ctx.claim, 'symbolic'), ctx.precision);
      const res = await runObligations({ seed: ctx.seed, precision: ctx.precision, only: ids });
      const margin = maxDecimal(res.map((r) => r.numeric.maxResidual));
      const bad = res.filter((r) => r.status !== 'pass');
      const inputs = res.map((r) => ({ id: r.id, status: r.status, cas: r.symbolic.engine, residual: r.symbolic.residual, numeric: r.numeric.maxResidual, samples: r.numeric.samples }));
      const notes = res.flatMap((r) => r.notes.map((n) => `${r.id}: ${n}`));
      if (bad.length > 0) {
        return {
          status: 'fail',
          margin,
          tolerance: tol,
          comparison: '<=',
          inputs,
          notes,
          reason: bad.map((r) => `${r.id}: ${r.status} (CAS residual "${r.symbolic.residual.slice(0, 80)}", numeric ${r.numeric.status} ${r.numeric.maxResidual})`).join('; '),
          counterexample: bad.map((r) => r.numeric.counterexample).find((c) => c !== undefined),
        };
      }
      return { status: margin === null ? 'inconclusive' : 'pass', margin, tolerance: tol, comparison: '<=', inputs, notes, reason: `${res.length} obligations: CAS residuals all exactly 0` };
    },
  };
}

export const symbolicChecks: readonly CheckDef[] = Object.entries(OBLIGATION_CLAIM)
  .filter(([item]) => obligations.some((o) => o.item === item))
  .map(([item, claimId]) => symbolicCheck(item, claimId));
