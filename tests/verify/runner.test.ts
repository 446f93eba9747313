import { DEFAULT_BACKEND } from '../../src/numeric/fieldFactory.ts';
import { describe, expect, it } from 'vitest';
import { runVerification, runCheck } from '../../src/verify/runner.ts';
import { judge } from '../../src/verify/judge.ts';
import { aggregateStatus } from '../../src/verify/CheckResult.ts';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import fc from 'fast-check';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { separableData } from '../../src/verify/hypotheses.ts';
import type { ClaimInput } from '../../src/verify/Claim.ts';
import { makeCatalogue } from '../../src/verify/Catalogue.ts';
import { runContext } from '../../src/verify/runner.ts';
import { WRONG_DOMINANT, wrongDominantCheck, WRONG_L2_DECOUPLES, wrongL2DecouplesCheck } from '../fixtures/wrongClaims.ts';

const opts = { precision: 30, seed: 42, quick: true };

describe('judge: exact decimal comparison', () => {
  it.each([
    ['3e-412', '1e-30', '<=', 'pass'], // far below float64's range: must not round to 0 and misjudge
    ['1e-30', '1e-30', '<=', 'pass'], // equality passes
    ['1.0000000000000000000000000001e-30', '1e-30', '<=', 'fail'], // differs beyond float64 digits
    ['0', '0', '<=', 'pass'],
    ['1', '0', '<=', 'fail'],
    ['0.9', '0.85', '>=', 'pass'],
  ] as const)('%s %s %s -> %s', (m, t, c, want) => {
    expect(judge(m, t, c)).toBe(want);
  });
});

describe('aggregateStatus', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail'], 'fail'],
    [['pass', 'inconclusive'], 'inconclusive'],
    [['skipped', 'pass'], 'pass'],
    [['skipped'], 'skipped'],
    [[], 'skipped'],
  ] as const)('%j -> %s', (s, want) => {
    expect(aggregateStatus([...s])).toBe(want);
  });
});

describe('runner', () => {
  it('turns a thrown error into a fail with the message', async () => {
    const boom: CheckDef = {
      claimId: 'W1',
      name: 'dominant',
      method: 'numeric',
      quantity: 'x',
      run: () => {
        throw new Error('kaput');
      },
    };
    const r = await runCheck(boom, WRONG_DOMINANT, opts);
    expect(r.status).toBe('fail');
    expect(r.status === 'fail' && r.reason).toContain('kaput');
  });

  it('refuses a pass that contradicts its own margin and tolerance', async () => {
    const liar: CheckDef = {
      claimId: 'W1',
      name: 'dominant',
      method: 'numeric',
      quantity: 'x',
      run: () => ({ status: 'pass', margin: '2', tolerance: '1', comparison: '<=' }),
    };
    const r = await runCheck(liar, WRONG_DOMINANT, opts);
    expect(r.status).toBe('fail');
  });

  it('hands the check its tolerance resolved at the run precision, and a Field of the run backend', async () => {
    let seen: { tolerance: string; backend: string; digits: number } | undefined;
    const claim = { ...WRONG_DOMINANT, tolerances: { spy: { kind: 'belowPrecision' as const, guardDigits: 10, why: 'test' } } };
    const spy: CheckDef = {
      claimId: 'W1',
      name: 'spy',
      method: 'numeric',
      quantity: 'x',
      run: (ctx) => {
        seen = { tolerance: ctx.tolerance, backend: ctx.backend, digits: ctx.field(25).precision };
        return { status: 'pass', margin: '0', tolerance: ctx.tolerance, comparison: '<=' };
      },
    };
    const r = await runCheck(spy, claim, opts);
    expect(r.status).toBe('pass');
    expect(seen).toEqual({ tolerance: '1e-20', backend: DEFAULT_BACKEND, digits: 25 });
  });

  it('a check whose claim states no tolerance for it fails as a catalogue error', async () => {
    const stray: CheckDef = {
      claimId: 'W1',
      name: 'no-such-key',
      method: 'numeric',
      quantity: 'x',
      run: () => ({ status: 'pass', margin: '0', tolerance: '0', comparison: '<=' }),
    };
    const r = await runCheck(stray, WRONG_DOMINANT, opts);
    expect(r.status === 'fail' && r.reason).toMatch(/no tolerance for check "no-such-key"/);
  });

  it('a claim with no check is inconclusive, never pass', async () => {
    const rep = await runVerification(makeCatalogue({ claims: [WRONG_DOMINANT], checks: [] }), opts);
    expect(rep.claims[0]!.status).toBe('inconclusive');
    expect(rep.summary.inconclusive).toBe(1);
  });
});

describe('deliberately wrong claims FAIL with a shrunk counterexample', () => {
  it('"linf-SAM always converges to the dominant coordinate" fails', async () => {
    const rep = await runVerification(makeCatalogue({ claims: [WRONG_DOMINANT], checks: [wrongDominantCheck] }), opts);
    const c = rep.claims[0]!;
    expect(c.status).toBe('fail');
    const k = c.checks[0]!;
    expect(k.status).toBe('fail');
    if (k.status !== 'fail') return;
    expect(k.counterexample).toBeDefined();
    expect(k.replay?.seed).toBe(42);
    expect(k.reason).toMatch(/shrunk/);
    expect(rep.summary.failed).toBe(1);
  });

  it('"l2-SAM decouples" fails with a measured margin above its tolerance', async () => {
    const rep = await runVerification(makeCatalogue({ claims: [WRONG_L2_DECOUPLES], checks: [wrongL2DecouplesCheck] }), opts);
    const k = rep.claims[0]!.checks[0]!;
    expect(k.status).toBe('fail');
    expect(judge(k.margin!, '1e-20', '<=')).toBe('fail');
  });
});

describe('replay (verify --replay CLAIM:CHECK --seed S --path P)', () => {
  it('reruns exactly the failing draw a report printed: same counterexample and margin, one evaluation', async () => {
    const cat = makeCatalogue({ claims: [WRONG_L2_DECOUPLES], checks: [wrongL2DecouplesCheck] });
    const first = (await runVerification(cat, opts)).claims[0]!.checks[0]!;
    expect(first.status).toBe('fail');
    if (first.status !== 'fail' || !first.replay?.path) throw new Error('no replay path printed');
    const again = (await runVerification(cat, { ...opts, seed: first.replay.seed, replayPath: first.replay.path })).claims[0]!.checks[0]!;
    expect(again.status).toBe('fail');
    if (again.status !== 'fail') return;
    expect(again.counterexample).toEqual(first.counterexample);
    expect(again.margin).toBe(first.margin);
    expect(again.notes.join(' ')).toMatch(/replayed fast-check path .* 1 inputs evaluated/);
  });

  it.each([
    [3, 'skipped'],
    [2, 'pass'],
  ] as const)("evaluates the claim's hypotheses on the replayed draw itself (depth %i: %s)", async (depth, want) => {
    const ctx = { ...runContext({ precision: 30, seed: 1, quick: true }), claim: WRONG_DOMINANT, tolerance: '0', replayPath: '0' };
    const o = await propertyOutcome(ctx, fc.constant(depth), () => ({ margin: '0' }), {
      numRuns: 5,
      comparison: '<=',
      claimInput: (d) => ({ depth: d, n: 1 }),
    });
    expect(o.status).toBe(want);
    if (o.status === 'skipped') expect(o.reason).toMatch(/replayed draw does not meet the claim's hypotheses: depth = 2/);
  });
});

describe("the claim's executable hypotheses", () => {
  const ctx = { ...runContext({ precision: 30, seed: 1, quick: true }), claim: WRONG_DOMINANT, tolerance: '0' };

  it('discard drawn inputs that fail them (depth 3 against a depth-2 claim): nothing evaluated, skipped', async () => {
    let evaluated = 0;
    const o = await propertyOutcome(
      ctx,
      fc.integer(),
      () => {
        evaluated++;
        return { margin: '5' };
      },
      { numRuns: 5, tolerance: '0', comparison: '<=', claimInput: () => ({ depth: 3, n: 1 }) },
    );
    expect(evaluated).toBe(0);
    expect(o.status).toBe('skipped');
    expect(o.notes?.join(' ')).toMatch(/depth = 2/);
  });

  it('let inputs that meet them through to the check (and a violated tolerance still fails)', async () => {
    const o = await propertyOutcome(ctx, fc.integer(), () => ({ margin: '5' }), {
      numRuns: 5,
      tolerance: '0',
      comparison: '<=',
      claimInput: () => ({ depth: 2, n: 1 }),
    });
    expect(o.status).toBe('fail');
  });

  it.each<[ClaimInput, boolean, string]>([
    [{ x: ['1', '-2'] }, true, 'one non-zero example is separable'],
    [{ x: ['0', '0'] }, false, 'the zero example is not'],
    [{ X: [['1'], ['-1']], Y: [1, 1] }, false, 'opposite points with the same label'],
    [
      {
        X: [
          ['1', '0'],
          ['0', '1'],
        ],
        Y: [1, -1],
      },
      true,
      'two orthogonal points',
    ],
  ])('separableData %j -> %s (%s)', (input, want) => {
    expect(separableData.holds(input)).toBe(want);
  });
});
