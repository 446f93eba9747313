/** B4 (derived): ℓ2-SAM dichotomy collapse/escape, certificates, scaling, α_c = ρ/√2 for d = 1. */
import type { Claim } from '../../src/verify/Claim.ts';
import { depthIs, radiusPositive, singleExample } from '../../src/verify/hypotheses.ts';

export const B4: Claim = {
  id: 'B4',
  title: 'l2-SAM collapses or escapes; certificates decide; alpha_c = rho/sqrt2 for d = 1',
  source: 'derived in docs/derivation.md',
  kind: 'universal',
  statement:
    'The l2-SAM flow either collapses to 0 in finite s or escapes with the l1 max-margin direction. N < rho min|x_i| implies collapse; sum x_i^2 a_i^2/2 > (rho max|x_i|)^2 (a_i = u_i + sgn(x_i) v_i) implies escape. (u, v, rho) -> (lambda u, lambda v, lambda rho) maps trajectories onto trajectories; for d = 1 and balanced starts the critical scale is rho/sqrt(2).',
  latex:
    'N<\\rho\\min|x_i|\\Rightarrow\\text{collapse};\\ \\sum_i x_i^2a_i^2/2>(\\rho\\max|x_i|)^2\\Rightarrow\\text{escape};\\ \\alpha_c=\\rho/\\sqrt2\\ (d=1)',
  hypotheses: [depthIs(2), singleExample, radiusPositive],
  measured: 'number of random starts whose certified fate contradicts the flow; distance of rho/sqrt2 from the certified enclosure of alpha_c (d = 1)',
  tolerances: {
    certificates: { kind: 'fixed', value: '0', why: 'a certificate is a sufficient condition: one contradicting start is a counterexample' },
    'critical-scale-d1': { kind: 'fixed', value: '0', why: 'rho/sqrt2 must lie inside the certified enclosure [lo, hi] (distance 0)' },
    scaling: { kind: 'fixed', value: '1e-25', why: 'the scaling map is exact; the integrated trajectories agree to the integrator tolerance' },
    symbolic: {
      kind: 'belowPrecision',
      guardDigits: 10,
      why: 'a symbolic obligation passes only if the CAS residual is exactly 0; its numeric spot check (random rationals, P digits) must agree to P - 10 digits',
    },
    'certificates-sharp-d1': {
      kind: 'fixed',
      value: '0',
      why: 'at d = 1 both certificates are exact at s = 0 (alpha vs rho/sqrt2, relative offset >= 1e-6 against a safety margin 1e-20): any wrong verdict is a counterexample',
    },
  },
  scope: ['depth 2, one example', 'certificates tested at s = 0 and along sampled flows'],
  basis: ['derivation', 'numerics'],
};
