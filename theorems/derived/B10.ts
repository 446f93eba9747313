/** B10 (derived): fixed points of the flows and of the discrete maps. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B10: Claim = {
  id: 'B10',
  title: 'fixed points: linf-SAM saddles (rho,rho); l2-SAM u_k=v_k=rho/sqrt2; shared by discrete maps',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'GD: origin only. l_inf-SAM: per coordinate (rho, rho), (-rho, -rho) (x > 0; saddles with eigenvalues +-x) and the absorbing origin. l2-SAM: u_k = v_k = +-rho/sqrt2, other coordinates 0; coordinate j grows there iff |x_j| < |x_k|. The discrete maps share these fixed points.',
  latex: 'u_k=v_k=\\pm\\rho/\\sqrt2,\\ \\text{growth rate of } j:\\ x_j(1-x_j/x_k)',
  hypotheses: [depthIs(2), singleExample],
  measured: 'max |step(W*) - W*| relative to rho for the discrete maps at the predicted fixed points',
  tolerances: {
    'discrete-fixed-points': { kind: 'belowPrecision', guardDigits: 10, why: 'the perturbed gradient vanishes exactly at these points: only rounding remains' },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
  },
  scope: ['depth 2, one example; eigen-analysis is symbolic (see derive)'],
  basis: ['derivation', 'numerics'],
};
