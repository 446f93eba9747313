/** B5 (derived): ℓ2-SAM leader law for balanced starts, x*(s) = s/(2ρτ(s)). */
import type { Claim } from '../../src/verify/Claim.ts';
import { balancedStart, depthIs, positiveCoordinates, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const B5: Claim = {
  id: 'B5',
  title: 'l2-SAM leader = argmax x_i s - rho x_i^2 tau(s) = x_i nearest x*(s) = s/(2 rho tau)',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'For balanced starts u = v = alpha 1 and x > 0, beta_i(s) = alpha^2 exp(2 x_i s - 2 rho x_i^2 tau(s)); the leading coordinate maximises x_i s - rho x_i^2 tau(s), i.e. is the x_i nearest x*(s) = s/(2 rho tau(s)); switches happen at x*(s) = (x_i + x_j)/2; x*(0+) = N(0)/(2 rho).',
  latex: '\\beta_i(s)=\\alpha^2e^{2x_is-2\\rho x_i^2\\tau(s)},\\quad x^*(s)=\\frac{s}{2\\rho\\tau(s)}',
  hypotheses: [depthIs(2), singleExample, positiveCoordinates, balancedStart, radiusPositive],
  measured: 'mismatches between argmax_i beta_i (integrated flow) and the x_i nearest x*(s), at sampled s',
  tolerances: {
    'leader-law': { kind: 'fixed', value: '0', why: 'an identity: any mismatch at a sampled s (away from switch instants) is a counterexample' },
    'x-star-at-0': {
      kind: 'fixed',
      value: '1e-20',
      why: 'x*(s) -> N(0)/(2 rho) as s -> 0+ with x*(s) - x*(0+) = O(s): evaluated at s = 1e-25 the relative difference is O(1e-25) <= 1e-20',
    },
    'switches-are-full-system-ties': {
      kind: 'fixed',
      value: '1e-10',
      why: 'each switch located on the tau reduction (event x*(s) = (x_i + x_j)/2) must be a tie |beta_i| = |beta_j| of the separately integrated full system; both at rtol 1e-20 and 30 digits, so 1e-10 in log|beta| leaves ample room for switches at s <= 40 (the integration error is amplified by the growth of beta, ~e^{cs}: switches near s = 100 with beta ~ 1e40 are out of reach of any fixed rtol and are not compared, see scope)',
    },
    'nonmonotone-witness': {
      kind: 'fixed',
      value: '1',
      why: 'B5 says x*(s) need not be monotone: the witness start x = (0.5, 1, 2), alpha = 0.5, rho = 1 must show at least one leader step-down (to a smaller x_i) along the flow',
    },
    'x-star-at-switches': {
      kind: 'fixed',
      value: '1e-12',
      why: 'switch times are located by regula falsi to ~full precision at rtol 1e-18; x* = s/(2 rho tau) then matches the midpoint to > 12 digits',
    },
  },
  scope: [
    'balanced starts, x > 0, one example, depth 2',
    'switches-are-full-system-ties compares switches at s <= 40 only (later ones, beta ~ 1e40, are beyond the full-system integration at rtol 1e-20)',
    'monotonicity of x* is NOT claimed: non-monotone starts are reported as findings',
  ],
  basis: ['derivation', 'numerics'],
};
