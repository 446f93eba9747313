/**
 * The checker can fail: deliberately wrong formulas run through the SAME obligation code must fail both the
 * symbolic residual and the numeric spot check.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { makeB3Residual } from '../../proofs-checks/symbolic/closedForms.ts';
import { makeMixedThreshold } from '../../proofs-checks/symbolic/linfPlanarBasin.ts';
import { closeSharedCas } from '../../src/symbolic/obligation.ts';

describe('wrong formulas fail', () => {
  afterAll(async () => closeSharedCas());
  const cases = [
    // wrong sign of rho x^2 tau in the B3 exponent: the residual is a nonzero multiple of rho x^2/N
    ['B3 with exp(+rho x^2 tau)', makeB3Residual(1), 8],
    // mixed-quadrant threshold 4 rho^2 instead of 8 rho^2: wrong on a band of starts the samples hit
    ['mixed threshold 4 rho^2', makeMixedThreshold(4), 40],
    // threshold 9 rho^2: off by 1, the other direction (caught by the near-boundary samples)
    ['mixed threshold 9 rho^2', makeMixedThreshold(9), 40],
  ] as const;
  it.each(cases)('%s fails', async (_name, ob, n) => {
    const r = await ob.run({ seed: 5, precision: 50, maxSamples: n });
    expect(r.status).toBe('fail');
    expect(r.symbolic.status).toBe('nonzero');
    expect(r.numeric.status).toBe('fail');
    expect(r.numeric.counterexample).toBeDefined();
  });
});
