/**
 * Semantic mutants: plausible mistakes of someone DERIVING the formulas of docs/derivation.md (not random
 * token flips). Each is a small textual patch of one file under src/, anchored on a distinctive
 * search string that must occur exactly once (a missing or ambiguous anchor is an error, never a
 * silent pass), with the claim(s) of `samcheck verify` that must fail when it is applied.
 *
 * Main definitions:
 * - `Mutant`: id, file, edits (search → replace, each search unique in the file), claims (the claim
 *   that must catch it — `npm run mutants` runs `verify --quick --only <claims>` and requires exit 1
 *   with one of them failing; `--full` runs the whole catalogue), why (the mistake in one line).
 * - `MUTANTS`: the catalogue. `E2E_MUTANTS`: the three ids the e2e tier runs.
 */

export interface MutantEdit {
  /** Exact text; must occur exactly once in the file. */
  readonly search: string;
  readonly replace: string;
}

export interface Mutant {
  readonly id: string;
  /** Path relative to the repository root (under src/). */
  readonly file: string;
  readonly edits: readonly MutantEdit[];
  /** Claim ids; `verify --quick` must exit 1 with at least one of them failing. */
  readonly claims: readonly string[];
  readonly why: string;
}

const one = (id: string, file: string, search: string, replace: string, claims: string[], why: string): Mutant => ({
  id,
  file,
  edits: [{ search, replace }],
  claims,
  why,
});

export const MUTANTS: readonly Mutant[] = [
  // ---- ℓ∞-SAM planar basin (B8/B9) ----
  one(
    'linf-same-quadrant-1.9rho',
    'src/linf/planarExact.ts',
    'if (!mixed) return { lhs: F.abs(p), rhs: F.mul(two, rho), mixed };',
    "if (!mixed) return { lhs: F.abs(p), rhs: F.mul(F.fromString('1.9'), rho), mixed };",
    ['B8'],
    'same-quadrant escape threshold |u+v| > 2ρ mis-derived as 1.9ρ (5 % off)',
  ),
  one(
    'linf-same-quadrant-rho',
    'src/linf/planarExact.ts',
    'if (!mixed) return { lhs: F.abs(p), rhs: F.mul(two, rho), mixed };',
    'if (!mixed) return { lhs: F.abs(p), rhs: rho, mixed };',
    ['B8'],
    'escape threshold taken at the saddle coordinate ρ instead of the saddle line u+v = 2ρ',
  ),
  one(
    'linf-mixed-7rho2',
    'src/linf/planarExact.ts',
    'rhs: F.mul(F.fromNumber(8), F.mul(rho, rho))',
    'rhs: F.mul(F.fromNumber(7), F.mul(rho, rho))',
    ['B8'],
    'mixed-quadrant threshold 8ρ² mis-derived as 7ρ²',
  ),
  one(
    'linf-mixed-8.08rho2',
    'src/linf/planarExact.ts',
    'rhs: F.mul(F.fromNumber(8), F.mul(rho, rho))',
    "rhs: F.mul(F.fromString('8.08'), F.mul(rho, rho))",
    ['B8'],
    'mixed-quadrant threshold 1 % too high (8.08ρ²)',
  ),
  one(
    'linf-mixed-factor-rho',
    'src/linf/planarExact.ts',
    'F.mul(F.abs(p), F.add(F.mul(two, rho), F.abs(q)))',
    'F.mul(F.abs(p), F.add(rho, F.abs(q)))',
    ['B8'],
    'mixed-quadrant rule |u+v|(2ρ + |u−v|) with 2ρ dropped to ρ',
  ),
  one(
    'linf-centre-swapped',
    'src/linf/planarExact.ts',
    'return { us: sv > 0 ? rho : F.neg(rho), vs: su > 0 ? rho : F.neg(rho) };',
    'return { us: su > 0 ? rho : F.neg(rho), vs: sv > 0 ? rho : F.neg(rho) };',
    ['B9', 'B7'],
    'quadrant centre (u*, v*) = (ρ s_v, ρ s_u) with u/v swapped (ρ s_u, ρ s_v)',
  ),
  one(
    'linf-slide-time-half',
    'src/linf/planarExact.ts',
    'const end = F.add(sigma, F.div(F.abs(other), rho));',
    'const end = F.add(sigma, F.div(F.abs(other), F.mul(F.fromNumber(2), rho)));',
    ['B9', 'B7'],
    'sliding along an axis at speed 2ρ instead of ρ (absorption time |v|/ρ halved)',
  ),
  one(
    'linf-slide-band-2rho',
    'src/linf/planarExact.ts',
    'if (F.cmp(F.abs(other), rho) <= 0) {',
    'if (F.cmp(F.abs(other), F.mul(F.fromNumber(2), rho)) <= 0) {',
    ['B9', 'B7'],
    'sliding band on an axis |v| ≤ 2ρ instead of |v| ≤ ρ',
  ),
  one(
    'linf-quadratic-root-2ac',
    'src/linf/planarExact.ts',
    'const D = F.sub(F.mul(B, B), F.mul(F.fromNumber(4), F.mul(A, C)));',
    'const D = F.sub(F.mul(B, B), F.mul(F.fromNumber(2), F.mul(A, C)));',
    ['B9', 'B7'],
    'discriminant B² − 2AC of the crossing-time quadratic (should be 4AC)',
  ),
  one(
    'linf-status-rho',
    'src/flow/linfClosedForm.ts',
    'F.cmp(F.abs(F.add(st.u, st.v)), F.mul(two, rho)) > 0) escaped = true;',
    'F.cmp(F.abs(F.add(st.u, st.v)), rho) > 0) escaped = true;',
    ['B7'],
    'closed form reports "escaped" at |u+v| > ρ instead of the B8 certificate 2ρ',
  ),
  one(
    'linf-closed-negx-no-reflect',
    'src/flow/linfClosedForm.ts',
    'const vv0 = neg ? F.neg(v0[i]!) : v0[i]!;',
    'const vv0 = v0[i]!;',
    ['B9', 'B7'],
    'x_i < 0 handled without the B7 reflection v ↦ −v',
  ),
  one(
    'linf-flow-perturbation-sign',
    'src/flow/linfFlow.ts',
    'return p === 0 ? w : p > 0 ? F.sub(w, rho) : F.add(w, rho);',
    'return p === 0 ? w : p > 0 ? F.add(w, rho) : F.sub(w, rho);',
    ['B7'],
    'ℓ∞-SAM flow evaluates at w − ε instead of w + ε (ascent step sign flipped)',
  ),
  one(
    'linf-flow-escape-status-rho',
    'src/flow/linfFlow.ts',
    "F.cmp(F.abs(F.add(u, v)), F.mul(F.fromNumber(2), rho)) > 0) return 'escaped';",
    "F.cmp(F.abs(F.add(u, v)), rho) > 0) return 'escaped';",
    ['B7'],
    'ℓ∞ flow status "escaped" at |u+v| > ρ instead of 2ρ',
  ),
  one(
    'linf-discrete-sign-flip',
    'src/optim/algorithms.ts',
    'return s === 0 ? F.zero : s > 0 ? rho : F.neg(rho);',
    'return s === 0 ? F.zero : s > 0 ? F.neg(rho) : rho;',
    ['B11'],
    'discrete ℓ∞-SAM perturbation −ρ sign(∇𝓛) (descent instead of ascent)',
  ),
  // ---- losses and gradient ----
  one(
    'logistic-g-times-2',
    'src/numeric/loss.ts',
    'return F.div(e, F.add(F.one, e));',
    'return F.div(F.add(e, e), F.add(F.one, e));',
    ['B1'],
    'g(z) = −ℓ′(z) off by a factor 2 on z ≥ 0 (derivative of log(1+e^{−z}) mis-derived)',
  ),
  one(
    'logistic-value-drop-z',
    'src/numeric/loss.ts',
    'return F.add(F.neg(z), F.log1p(F.exp(z)));',
    'return F.log1p(F.exp(z));',
    ['B1'],
    'stable logistic form for z < 0 forgets the −z term (ℓ(z) = log(1+e^{z}))',
  ),
  one(
    'gradient-sum-not-mean',
    'src/model/diagonalNetwork.ts',
    'c[j] = F.neg(F.div(acc, nT));',
    'c[j] = F.neg(acc);',
    ['B1'],
    'gradient sums over examples instead of averaging (the loss is a mean)',
  ),
  one(
    'gradient-prefix-wrong-layer',
    'src/model/diagonalNetwork.ts',
    'for (let l = 1; l < L; l++) prefix[l] = F.mul(prefix[l - 1]!, W[l - 1]![j]!);',
    'for (let l = 1; l < L; l++) prefix[l] = F.mul(prefix[l - 1]!, W[Math.min(l - 1, 1)]![j]!);',
    ['B1'],
    'layer-indexing bug visible only at L ≥ 3 (prefix product reuses layer 1)',
  ),
  one(
    'beta-two-layers-only',
    'src/model/diagonalNetwork.ts',
    'for (let l = 1; l < W.length; l++) p = F.mul(p, W[l]![j]!);',
    'for (let l = 1; l < Math.min(W.length, 2); l++) p = F.mul(p, W[l]![j]!);',
    ['B1'],
    'β = w_1 ⊙ w_2 at every depth (layers beyond the second ignored)',
  ),
  // ---- ℓ2-SAM ----
  one(
    'l2-discrete-rho-over-norm2',
    'src/optim/algorithms.ts',
    'const scale = F.div(rho, F.sqrt(sq));',
    'const scale = F.div(rho, sq);',
    ['B11'],
    'discrete ℓ2-SAM ε = ρ∇𝓛/‖∇𝓛‖² (normalised twice)',
  ),
  one(
    'l2-rescaled-rho-over-G2',
    'src/flow/rescaledFlow.ts',
    'const c = F.isZero(n2) ? F.zero : F.div(rho, F.sqrt(n2));',
    'const c = F.isZero(n2) ? F.zero : F.div(rho, n2);',
    ['B3'],
    'generic rescaled ℓ2-SAM right-hand side with ρ/‖G‖² instead of ρ/‖G‖',
  ),
  one(
    'rescaled-suffix-last-layer',
    'src/flow/rescaledFlow.ts',
    'for (let l = L - 2; l >= 0; l--) suf[l] = F.mul(suf[l + 1]!, w[(l + 1) * d + j]!);',
    'for (let l = L - 2; l >= 0; l--) suf[l] = F.mul(suf[l + 1]!, w[(L - 1) * d + j]!);',
    ['B13'],
    'suffix product always takes the last layer: identical at L = 2, wrong at L ≥ 3',
  ),
  one(
    'tau-damping-abs-x',
    'src/flow/tauReduction.ts',
    'const damp = F.mul(F.mul(st.rho, F.mul(x, x)), tau);',
    'const damp = F.mul(F.mul(st.rho, F.abs(x)), tau);',
    ['B3'],
    'τ reduction damping ρ|x_i|τ instead of ρx_i²τ',
  ),
  one(
    'tau-N-no-half',
    'src/flow/tauReduction.ts',
    'return F.sqrt(halfOf(F, acc));',
    'return F.sqrt(acc);',
    ['B3'],
    'N² = Σ x_i²(p_i² + q_i²) without the 1/2 from u² + v² = (p² + q²)/2',
  ),
  one(
    'full-l2-damping-x',
    'src/flow/tauReduction.ts',
    'const c = F.isZero(N) ? F.zero : F.div(F.mul(st.rho, F.mul(x, x)), N);',
    'const c = F.isZero(N) ? F.zero : F.div(F.mul(st.rho, x), N);',
    ['B3'],
    'full ℓ2 system u′ = xv − ρxu/N (one factor x lost)',
  ),
  one(
    'xstar-s-over-rho-tau',
    'src/analysis/leaders.ts',
    'F.div(s, F.mul(two, F.mul(rho, tau))));',
    'F.div(s, F.mul(rho, tau)));',
    ['B5'],
    'leader law x*(s) = s/(ρτ) instead of s/(2ρτ)',
  ),
  one(
    'escape-certificate-quarter',
    'src/flow/l2Certificates.ts',
    'return F.div(acc, F.fromNumber(2));',
    'return F.div(acc, F.fromNumber(4));',
    ['B4'],
    'B4 escape energy Σ x_i² a_i²/4 instead of /2',
  ),
  one(
    'collapse-certificate-xmax',
    'src/flow/l2Certificates.ts',
    'const { min } = xMinMax(F, x);\n  const bound = F.mul(F.mul(rho, min), F.sub(F.one, certMargin(F)));',
    'const { max } = xMinMax(F, x);\n  const bound = F.mul(F.mul(rho, max), F.sub(F.one, certMargin(F)));',
    ['B4'],
    'collapse certificate N < ρ x_max instead of ρ x_min',
  ),
  one(
    'critical-scale-rho-over-2',
    'src/analysis/criticalScale.ts',
    'const base = F.mul(F.sqrt(F.fromNumber(2)), F.sqrt(n2));',
    'const base = F.mul(F.fromNumber(2), F.sqrt(n2));',
    ['B4'],
    'critical-scale bracket from α_c = ρ/2 (d = 1) instead of ρ/√2',
  ),
  // ---- GD closed form (B2) ----
  one(
    'gd-closed-q-grows',
    'src/flow/gdClosedForm.ts',
    'const q = F.isZero(q0) ? F.zero : F.mul(q0, F.exp(F.neg(xs)));',
    'const q = F.isZero(q0) ? F.zero : F.mul(q0, F.exp(xs));',
    ['B2'],
    'q = u − v grows like e^{xs} instead of decaying',
  ),
  one(
    'gd-closed-uv-swapped',
    'src/flow/gdClosedForm.ts',
    'u.push(F.div(F.add(p, q), two));\n    v.push(F.div(F.sub(p, q), two));',
    'v.push(F.div(F.add(p, q), two));\n    u.push(F.div(F.sub(p, q), two));',
    ['B2'],
    'u = (p − q)/2, v = (p + q)/2: u and v swapped',
  ),
  // ---- max-margin (P1) ----
  one(
    'maxmargin-labels-ignored',
    'src/maxmargin/l2MaxMargin.ts',
    'const a = data.X.map((x, k) => x.map((v) => (data.Y[k] === 1 ? v : F.neg(v))));',
    'const a = data.X.map((x) => x.map((v) => v));',
    ['P1'],
    'max-margin constraints written ⟨w, x_k⟩ ≥ 1 without the labels y_k',
  ),
  // ---- events (the integrator under B5/B7) ----
  one(
    'event-at-zero-skipped',
    'src/ode/extrapolationIntegrator.ts',
    'if (sa === 0 && slopePrev[i] != null) sa = F.sign(slopePrev[i]!);',
    '',
    ['B5', 'B7'],
    'an event that is exactly 0 at the start of a step (a pair of equal β at s = 0, a layer just set to 0 at a switch) is never watched in that step',
  ),
  one(
    'event-double-root-ignored',
    'src/ode/extrapolationIntegrator.ts',
    'if (da != null && db != null && F.sign(da) === -sa && F.sign(db) === sa) {',
    'if (false && da != null && db != null) {',
    ['B5', 'B7'],
    'only sign changes at the ends of a step are seen: an event that reaches 0 and turns back inside one step is missed',
  ),
];

/** The three mutants the e2e tier runs (cheap, different modules). */
export const E2E_MUTANTS: readonly string[] = ['linf-same-quadrant-1.9rho', 'gradient-sum-not-mean', 'linf-closed-negx-no-reflect'];
