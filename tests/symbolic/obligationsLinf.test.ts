/**
 * Every obligation of B8, B10 and the discrete one-step identities runs and passes, and the runner API
 * (`runObligations` with `only`) returns results in the exported shape.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { obligations, runObligations } from '../../proofs-checks/symbolic/index.ts';
import { closeSharedCas } from '../../src/symbolic/obligation.ts';

const ITEMS = ['B8', 'B10', 'discrete'];
const sel = obligations.filter((o) => ITEMS.includes(o.item));

describe('symbolic obligations: l_inf plane, fixed points, discrete maps', () => {
  afterAll(async () => closeSharedCas());
  it.each(sel.map((o) => [o.id, o] as const))('%s passes', async (_id, o) => {
    const r = await o.run({ seed: 11, precision: 50, maxSamples: 12 });
    expect(r.symbolic.residual, r.notes.join(' | ')).toBe('0');
    expect(r.numeric.status, `max ${r.numeric.maxResidual}`).toBe('pass');
    expect(r.status).toBe('pass');
  });
  it('runObligations honours only and returns the result shape', async () => {
    const rs = await runObligations({ only: ['D.gd', 'B8.sliding'], seed: 3, precision: 60 });
    expect(rs.map((r) => r.id)).toEqual(['B8.sliding', 'D.gd']);
    for (const r of rs) {
      expect(r.numeric.precision).toBe(60);
      expect(r.numeric.seed).toBe(3);
      expect(r.numeric.tolerance).toBe('1e-50');
      expect(typeof r.seconds).toBe('number');
      expect(Array.isArray(r.steps) && r.steps.length > 0).toBe(true);
    }
  });
  it('ids are unique and every obligation has statement and LaTeX', () => {
    const ids = obligations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of obligations) {
      expect(o.statement.length).toBeGreaterThan(10);
      expect(o.latex.length).toBeGreaterThan(3);
    }
  });
});
