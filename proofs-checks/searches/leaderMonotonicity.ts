/**
 * Finding searches around P5/B5 (no verdicts): is the ℓ2-SAM leader sequence monotone along s,
 * and is the leader at a fixed s monotone in the initialization scale α? Every violation found is
 * reported with the data that reproduces it (`samcheck explore leaders --x … --alpha … --rho 1`).
 */
import fc from 'fast-check';
import type { FindingSearch } from '../../src/verify/FindingSearch.ts';
import type { Finding } from '../../src/verify/CheckResult.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';
import { LEADER_PRECISION, leaderSequence, sGrid } from '../property/sequentialAmplification.ts';

export const leaderStepsDownInS: FindingSearch = {
  id: 'leader-steps-down-in-s',
  claimId: 'P5',
  question: 'Does the l2-SAM leader ever move to a SMALLER x_i as s grows (balanced escaping starts, x > 0)?',
  run(ctx) {
    const F = ctx.field(LEADER_PRECISION);
    const grid = sGrid(28, 60);
    const n = ctx.quick ? 4 : 10;
    const draws = fc.sample(fc.record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.15 }), alpha: hundredths(0.3, 0.9) }), {
      seed: ctx.seed,
      numRuns: n,
    });
    const findings: Finding[] = [];
    let escaping = 0;
    for (const c of draws) {
      const x = c.x.map((s) => F.fromString(s));
      const seq = leaderSequence(F, x, F.fromString(c.alpha), F.one, grid);
      if (!seq) continue;
      escaping++;
      const compact = seq.filter((e, k) => k === 0 || e.leader !== seq[k - 1]!.leader);
      const down = compact.some((e, k) => k > 0 && F.cmp(x[e.leader]!, x[compact[k - 1]!.leader]!) < 0);
      if (down)
        findings.push({
          id: 'non-monotone-leader',
          summary: `the leader steps down to a smaller x_i along s: x = (${c.x.join(', ')}), alpha = ${c.alpha}, rho = 1, leaders ${compact.map((e) => `x_${e.leader + 1}@s=${e.s}`).join(' -> ')} (x_k is the k-th coordinate; data keep 0-based indices)`,
          data: { x: c.x, alpha: c.alpha, rho: '1', switches: compact, reproduce: `samcheck explore leaders --x ${c.x.join(',')} --alpha ${c.alpha} --rho 1` },
        });
    }
    return { findings, searched: `${n} random balanced starts (alpha in [0.3, 0.9]), ${escaping} escaping, seed ${ctx.seed}, ${grid.length} s in [0.01, 60]` };
  },
};

export const leaderDecreasesInAlpha: FindingSearch = {
  id: 'leader-decreases-in-alpha',
  claimId: 'P5',
  question: 'At a fixed s, can a LARGER initialization scale alpha give a leader with a SMALLER x_i?',
  run(ctx) {
    const F = ctx.field(LEADER_PRECISION);
    const alphas = Array.from({ length: 16 }, (_, k) => (0.35 + (0.65 * k) / 15).toFixed(4));
    const cases = [
      { x: ['0.5', '1', '2'], s: '2' },
      ...fc.sample(fc.record({ x: distinctMagnitudes(3, { lo: 0.2, hi: 2.5, gap: 0.15 }), s: fc.constantFrom('0.5', '2', '5') }), {
        seed: ctx.seed,
        numRuns: ctx.quick ? 1 : 3,
      }),
    ];
    const findings: Finding[] = [];
    for (const c of cases) {
      const x = c.x.map((v) => F.fromString(v));
      const leaders: { alpha: string; leader: number }[] = [];
      for (const a of alphas) {
        const seq = leaderSequence(F, x, F.fromString(a), F.one, [c.s]);
        if (seq) leaders.push({ alpha: a, leader: seq[0]!.leader });
      }
      const drops = leaders.filter((e, k) => k > 0 && F.cmp(x[e.leader]!, x[leaders[k - 1]!.leader]!) < 0);
      if (drops.length > 0)
        findings.push({
          id: 'leader-decreases-in-alpha',
          summary: `at s = ${c.s}, x = (${c.x.join(', ')}), rho = 1 the leader's x_i decreases as alpha grows (first at alpha = ${drops[0]!.alpha})`,
          data: { x: c.x, s: c.s, rho: '1', leaders },
        });
    }
    return { findings, searched: `${cases.length} (x, s) cases x ${alphas.length} alphas in [0.35, 1], escaping starts only` };
  },
};

export const allSearches: readonly FindingSearch[] = [leaderStepsDownInS, leaderDecreasesInAlpha];
