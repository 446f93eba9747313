/** B2 (derived): GD closed form p_i = p_i(0)e^{x_i s}, q_i = q_i(0)e^{-x_i s}; u_i²−v_i² invariant. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B2: Claim = {
  id: 'B2',
  title: 'GD closed form p=p0 e^{xs}, q=q0 e^{-xs}; u^2-v^2 invariant; discrete pq identity',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'Under the GD flow (rescaled time) p_i = p_i(0) e^{x_i s}, q_i = q_i(0) e^{-x_i s} and u_i^2 - v_i^2 is invariant; the discrete GD step satisfies p_{t+1} q_{t+1} = p_t q_t (1 - eta^2 g_t^2 x_i^2).',
  latex: 'p_i=p_i(0)e^{x_is},\\ q_i=q_i(0)e^{-x_is};\\quad p_{t+1}q_{t+1}=p_tq_t(1-\\eta^2g_t^2x_i^2)',
  hypotheses: [depthIs(2), singleExample],
  measured: 'relative residual of the discrete identity; relative difference closed form vs integrated flow',
  tolerances: {
    'discrete-identity': { kind: 'belowPrecision', guardDigits: 10, why: 'an exact identity of the discrete map: only rounding remains' },
    'closed-vs-integrated': {
      kind: 'fixed',
      value: '1e-20',
      why: 'the integrator runs at tolerance 1e-30 over s <= 3; 1e-20 allows error growth by e^{2 max|x| s}',
    },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
  },
  scope: ['depth 2, one example'],
  basis: ['derivation', 'numerics'],
};
