/**
 * P5 (paper abstract): sequential feature amplification under ℓ2-SAM (L = 2): the predictor
 * first relies on minor coordinates and shifts to larger ones as training proceeds or as the
 * initialization grows.
 *
 * Formalization (an assumption, stated in output): "small" and "large" starts are defined by the
 * initial normalization N(0) = ‖∇𝓛‖/g at the balanced start; the abstract does not say whether the
 * shift is monotone, and it is not: non-monotone leader sequences exist (B5 witness, findings).
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { balancedStart, depthIs, positiveCoordinates, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const P5: Claim = {
  id: 'P5',
  title: 'l2-SAM sequential feature amplification: small starts lead with a minor coordinate, end with the major; large starts lead with the major',
  source: 'paper abstract',
  kind: 'universal',
  statement:
    'Depth 2, one example, x > 0 distinct, l2-SAM flow from balanced escaping starts u = v = alpha 1. Small start (N(0)/(2 rho) below the midpoint of the two largest x_i): at small s the leading coordinate argmax beta_i is a minor one, and the run ends with the largest x_i leading. Large start (N(0)/(2 rho) above max x_i): the largest x_i leads at every s. Monotonicity of the shift is NOT part of the claim (it fails: see findings).',
  latex: '\\arg\\max_i\\beta_i(0^+)\\neq\\arg\\max_i x_i\\ \\text{(small)},\\quad \\arg\\max_i\\beta_i(\\infty)=\\arg\\max_i x_i',
  hypotheses: [depthIs(2), singleExample, positiveCoordinates, balancedStart, radiusPositive],
  measured:
    'violations: a small start whose early leader is the major coordinate or whose final leader is not; a large start where a minor coordinate ever leads',
  tolerances: {
    'minor-first': {
      kind: 'fixed',
      value: '0',
      why: 'one small escaping start that does not begin with a minor leader, or does not end with the major one, is a counterexample',
    },
    'major-first': { kind: 'fixed', value: '0', why: 'one large start where a minor coordinate leads at a sampled s is a counterexample' },
  },
  scope: [
    'balanced starts and x > 0 only; one example; the flow (tau reduction), not discrete runs',
    '"small"/"large" are defined through N(0) (assumption); starts in between are not tested',
    'the shift is not claimed monotone: non-monotone leader sequences are reported as findings',
  ],
  basis: ['numerics', 'assumption'],
};
