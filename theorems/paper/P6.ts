/**
 * P6 (paper abstract, mechanism): the gradient-normalization factor 1/N in the ℓ2 perturbation
 * amplifies minor coordinates early and lets major ones dominate later.
 */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, positiveCoordinates, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const P6: Claim = {
  id: 'P6',
  title: 'mechanism: gradient normalization 1/N amplifies minor coordinates early, majors later',
  source: 'paper abstract',
  kind: 'universal',
  statement:
    'In the l2-SAM flow the growth rate of log beta_i is 2 x_i (1 - rho x_i / N): while N is small, coordinates with x_i > N/rho shrink and the fastest-growing coordinate is the one nearest N/(2 rho); as N grows the penalty vanishes and the largest x_i wins. Without the normalization (perturbation rho * grad) no such reordering occurs.',
  latex: '\\tfrac{d}{ds}\\log\\beta_i = 2x_i\\left(1-\\tfrac{\\rho x_i}{N}\\right),\\quad N=\\|\\nabla\\mathcal L\\|/g',
  hypotheses: [depthIs(2), singleExample, positiveCoordinates, radiusPositive],
  measured: 'relative error between the engine growth rate d log beta_i/ds (from the exact gradient at the perturbed point) and 2 x_i (1 - rho x_i / N)',
  tolerances: {
    'growth-rate': { kind: 'belowPrecision', guardDigits: 10, why: 'an identity: agreement to the working precision less 10 guard digits' },
    'fastest-is-nearest': {
      kind: 'fixed',
      value: '0',
      why: 'the argmax of the growth rate must be the x_i nearest N/(2 rho) at every sampled point: zero mismatches',
    },
  },
  scope: ['balanced and random starts with x > 0, one example', 'instantaneous rates at sampled states, not whole trajectories'],
  basis: ['derivation', 'numerics'],
};
