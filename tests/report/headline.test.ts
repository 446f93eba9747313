/**
 * The verify table's headline: worst check by headroom, closest calls, margin units, draw counts.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/verify/CheckResult.ts';
import { drawCounts, headlineCheck, headroom, isClosestCall, marginUnit } from '../../src/verify/formatReport.ts';

function check(name: string, margin: string | null, tolerance: string | null, comparison: '<=' | '>=' = '<=', extra: Partial<CheckResult> = {}): CheckResult {
  return {
    claimId: 'X',
    check: name,
    method: 'property',
    quantity: 'q',
    margin,
    tolerance,
    comparison,
    inputs: null,
    seed: 1,
    precision: 40,
    seconds: 0,
    notes: [],
    findings: [],
    status: 'pass',
    ...extra,
  } as CheckResult;
}

describe('headline check', () => {
  it('P1: a direction-rate margin -4.37e-4 against 0 is worse than 3.46e-39 against 1e-30', () => {
    const h = headlineCheck([check('one-example', '3.46e-39', '1e-30'), check('direction-rate', '-4.37e-4', '0')]);
    expect(h?.check).toBe('direction-rate');
  });
  it('P2: 5.4e-2 against 0.5 is worse than 4.5e-80 against 1e-30', () => {
    expect(headlineCheck([check('closed-form', '4.5e-80', '1e-30'), check('discrete', '5.4e-2', '0.5')])?.check).toBe('discrete');
  });
  it('a failing check always heads the row', () => {
    const h = headlineCheck([check('a', '0.9', '1'), check('b', '1e-50', '1e-30', '<=', { status: 'fail', reason: 'r' } as Partial<CheckResult>)]);
    expect(h?.check).toBe('b');
  });
  it('headroom is in decades and negative when violated', () => {
    expect(headroom(check('a', '1e-5', '1e-3'))).toBeCloseTo(2, 10);
    expect(headroom(check('a', '1e-2', '1e-3'))).toBeCloseTo(-1, 10);
    expect(headroom(check('a', '3', '1', '>='))).toBeCloseTo(Math.log10(3), 10);
    expect(headroom(check('a', '0', '0'))).toBe(0);
    expect(headroom(check('a', null, null))).toBeNull();
  });
});

describe('closest calls', () => {
  it('a margin within a factor 2 of a non-zero tolerance', () => {
    expect(isClosestCall(check('a', '6.6e-5', '1e-4'))).toBe(true);
    expect(isClosestCall(check('a', '4e-5', '1e-4'))).toBe(false);
    expect(isClosestCall(check('a', '1.5', '1', '>='))).toBe(true);
  });
  it('counts against count bounds are exact criteria, not close calls', () => {
    expect(isClosestCall(check('a', '0', '0'))).toBe(false);
    expect(isClosestCall(check('a', '1', '1', '>='))).toBe(false);
  });
});

describe('units and draws', () => {
  it('reads the unit off the measured quantity', () => {
    expect(marginUnit({ quantity: 'runs (depth 3, 1500 steps) whose final leader is not argmin' })).toBe('count');
    expect(marginUnit({ quantity: '1 - cos(beta(300), e_j)' })).toBe('1 - cos (direction)');
    expect(marginUnit({ quantity: 'anything', unit: 'digits' })).toBe('digits');
  });
  it('prefers runs/discarded fields, falls back to the notes, else nothing', () => {
    expect(drawCounts({ ...check('a', '0', '0'), runs: 7, discarded: 2 } as unknown as CheckResult)).toEqual({ runs: 7, discarded: 2 });
    expect(drawCounts(check('a', '0', '0', '<=', { notes: ['40 inputs evaluated, 3 discarded by the hypotheses'] }))).toEqual({ runs: 40, discarded: 3 });
    expect(drawCounts(check('a', '0', '0'))).toEqual({ runs: null, discarded: null });
  });
});

describe('verbose table', () => {
  it('truncates nothing: long statements and quantities are wrapped', async () => {
    const { formatReport, wrapText } = await import('../../src/verify/formatReport.ts');
    const long =
      'max over {GD, l2-SAM} of |slope - 1|, slope of log err vs log eta at s = 0.5 with a very_long_token_that_exceeds_the_column_width_by_far_and_more';
    expect(
      wrapText(long, 20)
        .split('\n')
        .every((l) => l.length <= 20),
    ).toBe(true);
    expect(wrapText(long, 20).replace(/\n/g, ' ').replace(/\s+/g, '')).toBe(long.replace(/\s+/g, ''));
    const k = { ...check('eta-slope', '1e-2', '0.15'), quantity: long };
    const report = {
      claims: [
        {
          id: 'B11',
          title: long,
          source: 'derived in docs/derivation.md',
          kind: 'universal',
          statement: long,
          scope: [],
          basis: [],
          status: 'pass',
          method: 'numeric',
          margin: '1e-2',
          tolerance: '0.15',
          seed: 1,
          precision: 40,
          seconds: 0.1,
          checks: [k],
        },
      ],
      searches: [],
      findings: [],
      summary: { passed: 1, failed: 0, inconclusive: 0, skipped: 0, total: 1, seconds: 0.1 },
      options: { precision: 40, seed: 1, quick: true },
    } as unknown as Parameters<typeof formatReport>[0];
    const out = formatReport(report, { verbose: true });
    expect(out).not.toContain('…');
    expect(out).toContain('exceeds');
  });
});
