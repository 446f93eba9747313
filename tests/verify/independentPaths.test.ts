import { describe, expect, it } from 'vitest';
import { catalogue as realCatalogue } from '../../src/cli/catalogue.ts';
import { checksOf } from '../../src/verify/Catalogue.ts';
import { INDEPENDENT_PATHS } from '../../proofs-checks/independentPaths.ts';

describe('verify --audit: independent paths', () => {
  it('every derived item B1-B13 is judged along at least two independent paths', async () => {
    const cat = await realCatalogue;
    const thin: string[] = [];
    for (const c of cat.claims.filter((k) => /^B\d+$/.test(k.id))) {
      const n = checksOf(cat, c).filter((d) => INDEPENDENT_PATHS[`${c.id}/${d.name}`]).length;
      if (n < 2) thin.push(`${c.id} (${n})`);
    }
    expect(thin).toEqual([]);
  });

  it('the path table names only existing checks', async () => {
    const cat = await realCatalogue;
    const names = new Set(cat.checks.map((d) => `${d.claimId}/${d.name}`));
    expect(Object.keys(INDEPENDENT_PATHS).filter((k) => !names.has(k))).toEqual([]);
  });
});
