/**
 * Deep evidence is structural: every sampled check of a universal claim asks fast-check for at
 * least MIN_DRAWS draws (100 in a full run, 20 with --quick), whatever the check file requests,
 * and a property that stops before its draw count is inconclusive (never pass). fast-check's
 * `check` is replaced by a recorder here, so the whole catalogue is walked without evaluating a
 * single draw.
 */
import { describe, expect, it, vi } from 'vitest';

const calls: { numRuns: number }[] = [];
vi.mock('fast-check', async (importOriginal) => {
  const m = await importOriginal<typeof import('fast-check')>();
  const check = async (_p: unknown, params: { numRuns?: number; seed?: number }) => {
    calls.push({ numRuns: params.numRuns ?? 100 });
    return {
      failed: false,
      interrupted: false,
      numRuns: 0,
      numSkips: 0,
      numShrinks: 0,
      seed: params.seed ?? 0,
      counterexample: null,
      counterexamplePath: null,
      errorInstance: null,
      failures: [],
      executionSummary: [],
      verbose: 0,
      runConfiguration: params,
    };
  };
  const fc = { ...m.default, check };
  return { ...m, default: fc, check };
});

const { catalogue } = await import('../../src/cli/catalogue.ts');
const { checksOf } = await import('../../src/verify/Catalogue.ts');
const { runContext } = await import('../../src/verify/runner.ts');
const { resolveTolerance } = await import('../../src/verify/Claim.ts');
const { MIN_DRAWS, drawCount, propertyOutcome } = await import('../../src/verify/propertyCheck.ts');
const { default: fc } = await import('fast-check');

describe('draw counts of the real catalogue', () => {
  it.each([true, false])('quick = %s: every property check of a universal claim asks fast-check for >= MIN_DRAWS draws', async (quick) => {
    const cat = await catalogue;
    const floor = quick ? MIN_DRAWS.quick : MIN_DRAWS.full;
    const seen: string[] = [];
    for (const claim of cat.claims.filter((c) => c.kind === 'universal')) {
      for (const def of checksOf(cat, claim)) {
        if (def.method !== 'property' && def.method !== 'numeric') continue;
        calls.length = 0;
        const ctx = { ...runContext({ precision: 30, seed: 1, quick }), claim, tolerance: resolveTolerance(claim.tolerances[def.name]!, 30) };
        await def.run(ctx);
        const id = `${claim.id}:${def.name}`;
        if (def.method === 'property') expect(calls.length, `${id} never calls fast-check`).toBeGreaterThan(0);
        for (const c of calls) expect(c.numRuns, `${id} asks for ${c.numRuns} draws`).toBeGreaterThanOrEqual(floor);
        if (calls.length > 0) seen.push(id);
      }
    }
    expect(seen.length).toBeGreaterThan(20);
  });
});

describe('drawCount', () => {
  const universal = { kind: 'universal' } as never;
  const witness = { kind: 'witness' } as never;
  it('raises a smaller request of a universal claim to the minimum, and says so', () => {
    expect(drawCount({ quick: false, claim: universal }, { numRuns: 5 })).toEqual({ numRuns: 100, raised: expect.stringMatching(/raised from 5 to 100/) });
    expect(drawCount({ quick: true, claim: universal }, { draws: { full: 300, quick: 3 } }).numRuns).toBe(20);
    expect(drawCount({ quick: false, claim: universal }, {}).numRuns).toBe(MIN_DRAWS.full);
    expect(drawCount({ quick: false, claim: universal }, { draws: { full: 300, quick: 3 } }).numRuns).toBe(300);
    expect(drawCount({ quick: true, claim: witness }, { numRuns: 3 }).numRuns).toBe(3);
  });
});

describe('a property that stops before its draw count', () => {
  it('is inconclusive, with runs and discarded on the outcome', async () => {
    const real = await vi.importActual<typeof import('fast-check')>('fast-check');
    // fast-check that evaluates 7 draws and then reports an interrupt (as interruptAfterTimeLimit does)
    const interrupted = vi.spyOn(fc, 'check').mockImplementationOnce(async (prop, params) => {
      const d = await real.check(prop as never, { ...(params as object), numRuns: 7 } as never);
      return { ...d, interrupted: true } as never;
    });
    const ctx = { ...runContext({ precision: 30, seed: 1, quick: false }), claim: { id: 'X', kind: 'universal', hypotheses: [] } as never, tolerance: '0' };
    const o = await propertyOutcome(ctx, fc.integer(), () => ({ margin: '0' }), { comparison: '<=' });
    interrupted.mockRestore();
    expect(o.status).toBe('inconclusive');
    expect(o.runs).toBe(7);
    expect(o.discarded).toBe(0);
    expect(o.reason).toMatch(/time limit .* after 7 of 100 draws/);
  });
});
