/**
 * The obligation machinery (unit tier): the runner API (`runObligations` with `only`) returns
 * results in the exported shape, ids are unique and documented, and a CAS script's outputs are
 * read by name. Every obligation of the catalogue runs once, in the e2e tier, through
 * `samcheck verify` (the claims' symbolic checks): nothing runs twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { obligations, runObligations } from '../../proofs-checks/symbolic/index.ts';
import { namedResidual, runNamed } from '../../proofs-checks/symbolic/common.ts';
import { closeSharedCas, sharedCas } from '../../src/symbolic/obligation.ts';

describe('symbolic obligations: runner and metadata', () => {
  afterAll(async () => closeSharedCas());
  it('runObligations honours only and returns the result shape', async () => {
    const rs = await runObligations({ only: ['D.gd', 'B8.sliding'], seed: 3, precision: 60 });
    expect(rs.map((r) => r.id)).toEqual(['B8.sliding', 'D.gd']);
    for (const r of rs) {
      expect(r.status).toBe('pass');
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
  it('CAS outputs are read by name: setup lines are skipped, a nonzero residual is reported under its name', async () => {
    const o = await runNamed(sharedCas(), 'algebrite', ['a=x+1', ['zero', 'simplify(a-x-1)'], 'b=2', ['nonzero', 'simplify(a-x)']]);
    expect(o).toEqual({ zero: '0', nonzero: '1' });
    expect(namedResidual(o)).toBe('nonzero: 1');
  });
});
