/** B1 (derived in docs/derivation.md): in rescaled time ds = g(z̃) dt each flow is loss-independent. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, singleExample } from '../../src/verify/hypotheses.ts';

export const B1: Claim = {
  id: 'B1',
  title: 'rescaled time ds = g(z~)dt makes GD / l2-SAM / linf-SAM flows loss-independent',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    "With ds = g(z~) dt: GD u' = x v, v' = x u; l2-SAM u' = x v - rho x^2 u/N, v' = x u - rho x^2 v/N, N = (sum x_i^2 (u_i^2+v_i^2))^(1/2); l_inf-SAM u' = x v - rho|x| sgn(u), v' = x u - rho|x| sgn(v).",
  latex: "u_i' = x_i v_i - \\rho x_i^2 u_i/N,\\quad v_i' = x_i u_i - \\rho x_i^2 v_i/N,\\quad N=\\Big(\\sum_i x_i^2(u_i^2+v_i^2)\\Big)^{1/2}",
  hypotheses: [depthIs(2), singleExample],
  measured: 'max relative difference between -grad L(w~)/g(z~) from the engine (both losses) and the B1 right-hand sides',
  tolerances: {
    'engine-rhs': { kind: 'belowPrecision', guardDigits: 10, why: 'an algebraic identity evaluated in P-digit arithmetic: 10 guard digits' },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
    'loss-derivative': {
      kind: 'fixed',
      value: '1e-20',
      why: 'central difference at precision 40, step 1e-13: truncation ~1e-26 and rounding ~1e-27 relative; six digits of room',
    },
    'gradient-fd': {
      kind: 'fixed',
      value: '1e-20',
      why: 'central difference at precision 40, step 1e-13: truncation ~1e-26 and rounding ~1e-27 relative to max(1, |grad|); six digits of room',
    },
  },
  scope: ['depth 2, one example; loss independence is shown for logistic and exponential loss only'],
  basis: ['derivation', 'numerics'],
};
