/**
 * For `samcheck verify --audit`: per check (claim/check), what it judges and the INDEPENDENT path
 * it judges it against — a computation sharing no code with the implementation under test beyond
 * Field arithmetic and input parsing. A check absent from this table (or mapped to null) judges an
 * implementation only against itself (self-consistency) and is shown as such; it does not count
 * as an independent path.
 */
export interface IndependentPath {
  /** The implementation(s) or formula judged. */
  readonly judges: string;
  /** The independent computation it is judged against. */
  readonly against: string;
}

export const INDEPENDENT_PATHS: Readonly<Record<string, IndependentPath | null>> = {
  'P1/one-example': { judges: 'discrete GD / l2-SAM / linf-SAM runs (L = 1)', against: 'the l2 max-margin of one example, x/|x|^2, in closed form' },
  'P1/direction-rate': {
    judges: 'discrete runs (L = 1, n >= 2)',
    against:
      'the a-priori prediction sin angle(w_hat log T + w_tilde, w_hat) with its residual bound D(T), from the data, eta and rho before the run (src/analysis/asymptoticResidual.ts)',
  },
  'P1/max-margin-kkt': { judges: 'the exact max-margin solver', against: "a KKT optimality certificate computed in the check (Cramer's rule)" },
  'P2/closed-form': { judges: 'the GD closed form at large s', against: 'the l1 max-margin direction sign(x_j) e_j from x' },
  'P2/discrete': { judges: 'discrete GD runs', against: 'the closed-form flow error at the same clock' },
  'P3/witness-flow': { judges: 'the linf closed form on explicit starts', against: 'the witnessed limits (basis vectors, 0)' },
  'P3/witness-discrete': { judges: 'discrete linf-SAM runs', against: 'the witnessed limits' },
  'P3/zero-discrete': { judges: 'discrete linf-SAM runs', against: 'the witnessed collapse to 0' },
  'P4/escaping-flow': { judges: 'the tau reduction at large s', against: 'the l1 max-margin direction from x' },
  'P4/discrete': { judges: 'discrete l2-SAM runs', against: 'the tau-reduction flow error at the same clock' },
  'P5/minor-first': { judges: 'leaders on the tau reduction', against: 'the ordering of x (minor coordinate first)' },
  'P5/major-first': { judges: 'leaders on the tau reduction', against: 'the ordering of x (major coordinate first)' },
  'P6/growth-rate': { judges: 'engine growth rates', against: 'the rate formula x_i - rho x_i^2/N' },
  'P6/fastest-is-nearest': { judges: 'engine growth rates', against: 'the x_i nearest N/(2 rho)' },
  'P7/witness-discrete': { judges: 'discrete runs at L = 3', against: 'the witnessed minor-coordinate win' },
  'B1/engine-rhs': { judges: 'the B1 loss-independent right-hand sides', against: 'the exact model gradient at the perturbed point divided by g' },
  'B1/symbolic': { judges: 'the B1 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B1/loss-derivative': { judges: "g = -l' and l (src/numeric/loss.ts)", against: 'central differences of the loss written from its definition' },
  'B1/gradient-fd': { judges: 'the model gradient (n >= 2, L = 1..4)', against: 'central differences of the empirical loss written in the check' },
  'B2/discrete-identity': { judges: 'the discrete GD map', against: "the one-step identity p'q' = pq(1 - eta^2 g^2 x^2) (holds for any g: weak on g)" },
  'B2/closed-vs-integrated': { judges: 'the GD closed form', against: 'GBS integration of the rescaled GD field' },
  'B2/symbolic': { judges: 'the B2 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B3/tau-vs-full': { judges: 'the tau reduction', against: 'the full 2d system (shares the l2 flow driver)' },
  'B3/symbolic': { judges: 'the B3 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B3/generic-vs-tau': { judges: 'the tau reduction', against: 'the generic depth-L rescaled l2-SAM field at L = 2 (no shared code)' },
  'B4/certificates': { judges: 'the B4 certificates', against: 'the plain integrated full system (never looks at certificates)' },
  'B4/critical-scale-d1': { judges: 'the critical-scale bisection', against: 'alpha_c = rho/sqrt2 (the B10 fixed point)' },
  'B4/scaling': { judges: 'the tau reduction', against: 'the scaling symmetry (u, v, rho) -> lambda (u, v, rho)' },
  'B4/certificates-sharp-d1': { judges: 'the collapse and escape certificates', against: 'the fixed point alpha_c = rho/sqrt2 where both are sharp (d = 1)' },
  'B4/symbolic': { judges: 'the B4 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B5/leader-law': { judges: 'the leader law x*(s) = s/(2 rho tau)', against: 'argmax beta_i of the integrated full system' },
  'B5/x-star-at-0': { judges: 'x*(0+) = N(0)/(2 rho)', against: 'the tau reduction at s = 1e-25' },
  'B5/switches-are-full-system-ties': {
    judges: 'switch times of src/analysis/leaders.ts',
    against: 'ties |beta_i| = |beta_j| of the full system integrated without events',
  },
  'B5/nonmonotone-witness': { judges: 'leaders on the tau reduction', against: 'the witnessed non-monotone sequence' },
  'B5/x-star-at-switches': { judges: 'the reported x* at each switch', against: 'the midpoint (|x_i| + |x_j|)/2 from x alone' },
  'B6/gd-leader': { judges: 'discrete GD runs', against: 'argmax x_i' },
  'B6/closed-vs-generic-flow': { judges: 'the B6 closed form beta_i = alpha^2 e^{2 x_i s}', against: 'the generic GD rescaled field integrated at L = 2' },
  'B7/decoupling': { judges: 'the engine linf-SAM velocity', against: 'the same velocity with the other coordinates redrawn' },
  'B7/symbolic': { judges: 'the B7 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B7/flow-vs-closed': {
    judges: 'linfFlow (Filippov integration) and linfClosedForm (exact planar pieces); statuses',
    against: 'each other (no shared code) and the exact fates',
  },
  'B8/basin-vs-discrete': { judges: 'the exact escape rule', against: 'discrete linf-SAM runs of the engine (uniform starts)' },
  'B8/symbolic': { judges: 'the B8 derivation and the constants of src/linf/planarExact.ts', against: 'CAS residuals plus an independent bisection route' },
  'B8/basin-boundary': { judges: 'the exact escape rule near the boundary (1 % resolution)', against: 'a discrete linf-SAM map written in the check' },
  'B9/basin-rule': null,
  'B9/closed-vs-discrete': {
    judges: 'the linf closed form (pieces, crossings, sliding, reflection)',
    against: 'a discrete linf-SAM map written in the check (a-priori O(h) bound)',
  },
  'B9/rule-vs-flow': { judges: 'the basin-rule prediction', against: 'the integrated Filippov flow (linfFlow)' },
  'B10/discrete-fixed-points': { judges: 'the predicted fixed points', against: 'one engine step of each discrete map' },
  'B10/symbolic': { judges: 'the B10 derivation', against: 'CAS residuals plus a numeric spot check' },
  'B11/eta-slope': { judges: 'discrete runs vs the flow at matched clock', against: 'the O(eta) law (slope 1 in log-log)' },
  'B11/symbolic': { judges: 'the discrete-map derivation', against: 'CAS residuals plus a numeric spot check' },
  'B11/step-by-definition': { judges: 'one engine step (GD, l2-SAM, linf-SAM)', against: 'the step written from the definitions in the check' },
  'B12/parallel': { judges: 'discrete runs at L = 1', against: 'parallelism with x (2x2 minors)' },
  'B12/increasing': { judges: 'discrete runs at L = 1', against: 'monotone growth of c_t' },
  'B13/blowup-time': { judges: 'the generic rescaled GD flow (L >= 3)', against: 'the blow-up time 1/((L-2) x a^{L-2})' },
  'B13/first-blowup-wins': { judges: 'discrete runs at L = 3', against: 'the first predicted blow-up' },
  'B13/unequal-layers': { judges: 'the generic rescaled GD flow with unequal layers', against: 'the conservation of w_k^2 - w_l^2 written from the field' },
};
