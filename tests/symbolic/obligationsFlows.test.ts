/**
 * Every obligation of B1, B7, B2, B3, B4 runs and passes: CAS residual exactly 0 and the 50-digit numeric
 * spot check within the fixed tolerance 1e-40.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { obligations } from '../../proofs-checks/symbolic/index.ts';
import { closeSharedCas } from '../../src/symbolic/obligation.ts';

const ITEMS = ['B1', 'B7', 'B2', 'B3', 'B4'];
const sel = obligations.filter((o) => ITEMS.includes(o.item));

describe('symbolic obligations: flows (B1-B4, B7)', () => {
  afterAll(async () => closeSharedCas());
  it('covers every item', () => {
    for (const it of ITEMS) expect(sel.some((o) => o.item === it), it).toBe(true);
  });
  it.each(sel.map((o) => [o.id, o] as const))('%s passes', async (_id, o) => {
    const r = await o.run({ seed: 7, precision: 50, maxSamples: 12 });
    expect(r.symbolic.residual, r.notes.join(' | ')).toBe('0');
    expect(r.numeric.status, `max ${r.numeric.maxResidual}`).toBe('pass');
    expect(r.numeric.samples).toBe(12);
    expect(r.status).toBe('pass');
  });
});
