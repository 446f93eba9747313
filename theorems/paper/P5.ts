/**
 * P5 (paper abstract): sequential feature amplification under ℓ2-SAM (L = 2): the predictor
 * first relies on minor coordinates and shifts to larger ones as training proceeds or as the
 * initialization grows.
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { balancedStart, depthIs, positiveCoordinates, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const P5: Claim = {
  id: 'P5',
  title: 'l2-SAM sequential feature amplification: minor coordinates lead first, major last',
  source: 'paper abstract',
  kind: 'universal',
  statement: 'Depth 2, one example, l2-SAM from a small balanced escaping start: the leading coordinate starts at a minor one and moves to larger x_i as s grows, ending at the largest; at fixed s the leader is non-decreasing in the initialization scale alpha.',
  latex: '\\arg\\max_i \\beta_i(s) \\text{ non-decreasing in } s \\text{ and in } \\alpha',
  hypotheses: [depthIs(2), singleExample, positiveCoordinates, balancedStart, radiusPositive],
  measured: 'leader sequence (0-based) along s; its number of decreases (must be 0) and the final leader',
  tolerances: {
    'minor-first': { value: '0', why: 'a leader sequence that ever steps down is a counterexample to "shifts to larger ones": zero decreases allowed' },
    'monotone-in-alpha': { value: '0', why: 'the leader at fixed s must not decrease as alpha grows; zero decreases allowed (violations are also reported as findings)' },
  },
  scope: ['balanced starts and x > 0 only', 'the flow (tau reduction), not discrete runs', '"minor first" is tested from small escaping starts'],
  basis: ['numerics'],
};
