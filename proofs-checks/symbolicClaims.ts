/**
 * Adapter from the symbolic proof obligations (proofs-checks/symbolic) to claim checks: each
 * obligation names the claim it backs (its `item` is the claim id, as a check's `claimId`), and
 * every claim with obligations gets one `symbolic` check that passes only if every obligation's
 * CAS residual is exactly 0 AND its numeric spot check passes. Margin: the largest numeric
 * spot-check residual (the symbolic part is all-or-nothing and reported in the reason; a failure
 * of the CAS part alone reports no margin).
 */
import type { CheckDef, Outcome } from '../src/verify/CheckDef.ts';
import { judge, maxDecimal } from '../src/verify/judge.ts';
import { obligations, runObligations } from './symbolic/index.ts';

function symbolicCheck(claimId: string): CheckDef {
  const ids = obligations.filter((o) => o.item === claimId).map((o) => o.id);
  return {
    claimId,
    name: 'symbolic',
    method: 'symbolic',
    quantity: `max numeric spot-check residual over obligations ${ids.join(', ')} (each CAS residual must be exactly 0)`,
    async run(ctx): Promise<Outcome> {
      const tol = ctx.tolerance;
      const res = await runObligations({ seed: ctx.seed, precision: ctx.precision, only: ids });
      const margin = maxDecimal(res.map((r) => r.numeric.maxResidual));
      const bad = res.filter((r) => r.status !== 'pass');
      const inputs = res.map((r) => ({
        id: r.id,
        status: r.status,
        cas: r.symbolic.engine,
        residual: r.symbolic.residual,
        numeric: r.numeric.maxResidual,
        samples: r.numeric.samples,
      }));
      const notes = res.flatMap((r) => r.notes.map((n) => `${r.id}: ${n}`));
      if (bad.length > 0) {
        // a CAS residual that is not 0 fails the check even when every numeric spot check is within
        // tolerance: then the numeric margin does not measure the failure and is not reported
        const numericFails = margin !== null && judge(margin, tol, '<=') === 'fail';
        return {
          status: 'fail',
          margin: numericFails ? margin : null,
          tolerance: tol,
          comparison: '<=',
          inputs,
          notes,
          reason: bad
            .map((r) => `${r.id}: ${r.status} (CAS residual "${r.symbolic.residual.slice(0, 80)}", numeric ${r.numeric.status} ${r.numeric.maxResidual})`)
            .join('; '),
          counterexample: bad.map((r) => r.numeric.counterexample).find((c) => c !== undefined),
        };
      }
      return {
        status: margin === null ? 'inconclusive' : 'pass',
        margin,
        tolerance: tol,
        comparison: '<=',
        inputs,
        notes,
        reason: `${res.length} obligations: CAS residuals all exactly 0`,
      };
    },
  };
}

/** One `symbolic` check per claim that obligations name (in the order obligations first name it). */
export const symbolicChecks: readonly CheckDef[] = [...new Set(obligations.map((o) => o.item))].map(symbolicCheck);
