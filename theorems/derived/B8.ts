/** B8 (derived): ℓ∞-SAM planar fates: first/third quadrants escape iff |u+v| > 2ρ; mixed quadrants exact. */
import type { Claim } from '../../src/verify/Claim.ts';
import { radiusPositive } from '../../src/verify/hypotheses.ts';

export const B8: Claim = {
  id: 'B8',
  title: 'linf-SAM planar basin: |u+v| > 2 rho in quadrants I/III; exact rule in mixed quadrants',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'For x > 0, in u v > 0: p - 2 rho sgn(p) = (p(0) - 2 rho sgn(p(0))) e^{x s}, q = q(0) e^{-x s}; escape iff |u+v| > 2 rho, the saddle on equality, absorption at 0 otherwise (Filippov sliding on the axes). The mixed quadrants have an exact escape rule from crossing times (a quadratic in e^{x s}).',
  latex: '|u_0+v_0|>2\\rho \\iff \\text{escape}\\ (u_0v_0>0)',
  hypotheses: [radiusPositive],
  measured:
    'number of random starts (all four quadrants, away from a band of relative width 0.02 around the boundary (|lhs - rhs| < 0.02 rhs in the exact rule), discrete run with eta = 0.002, rho = 1, x = 1) whose exact-rule fate differs from a discrete l_inf-SAM run with small eta',
  tolerances: {
    'basin-vs-discrete': {
      kind: 'fixed',
      value: '0',
      why: 'away from the boundary band the discrete run (eta -> 0) must agree: one mismatch is a counterexample',
    },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
    'basin-boundary': {
      kind: 'fixed',
      value: '0',
      why: 'starts outside the excluded band 2.5 h around the boundary are resolved by the discrete run: one disagreement is a counterexample',
    },
  },
  scope: [
    'one coordinate (planar system), x > 0 (x < 0 by the B7 reflection)',
    'a thin band around the basin boundary is excluded: there the discrete run need not resolve the fate',
  ],
  basis: ['derivation', 'numerics'],
};
