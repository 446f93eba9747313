/**
 * Exact piecewise solution of the ℓ∞-SAM planar system (docs/derivation.md B7, B8 and the mixed quadrants).
 *
 * For one coordinate with x > 0, in normalized time σ = x·s:
 *   u' = v − ρ·sgn(u),   v' = u − ρ·sgn(v),   Filippov sliding on the axes.
 * For a coordinate with x < 0, callers use σ = |x|·s and the pair (u, −v) (the map v ↦ −v turns the
 * x < 0 system into the x > 0 one); convert back by negating v.
 *
 * Main results (derived and verified symbolically in proofs-checks/symbolic, obligations B8.*):
 * - In an open quadrant with signs (s_u, s_v) the system is affine with centre (u*, v*) = (ρ s_v, ρ s_u):
 *     u = u* + (P e^σ + Q e^{−σ})/2,  v = v* + (P e^σ − Q e^{−σ})/2,
 *     P = (u0 − u*) + (v0 − v*),  Q = (u0 − u*) − (v0 − v*).
 *   u = 0 ⇔ P E² + 2u* E + Q = 0 and v = 0 ⇔ P E² + 2v* E − Q = 0, with E = e^σ (roots by the
 *   cancellation-free formula).
 * - Axes (ρ > 0): on u = 0 with |v| ≤ ρ the vector field points into the axis from both sides; the
 *   Filippov solution slides with u = 0, v' = −ρ sgn(v) and reaches the origin after |v|/ρ. With
 *   |v| > ρ it crosses into the quadrant sgn(u) = sgn(v). Same for v = 0 with u and v swapped.
 *   The origin is absorbing (ρ > 0).
 * - `linfEscapeCondition` (exact, polynomial in the data; ρ > 0):
 *     u0·v0 ≥ 0:  escape ⇔ |u0 + v0| > 2ρ,   saddle ⇔ |u0 + v0| = 2ρ (and not the origin);
 *     u0·v0 < 0:  escape ⇔ |u0 + v0|·(2ρ + |u0 − v0|) > 8ρ²,  saddle ⇔ equality;
 *   otherwise absorbed at the origin in finite time. ρ = 0: escape ⇔ u0 + v0 ≠ 0, else the
 *   trajectory tends to the (then unique) saddle at the origin.
 * - Ties are decided exactly: when the two sides of the escape condition agree to within 10^{-(P−5)}
 *   relative, they are recomputed from the decimal values as exact rationals (BigInt-scaled decimals,
 *   `exactEscapeCmp`), so |u0 + v0| = 2ρ is a saddle exactly when it holds for the given decimals, not
 *   after rounding u0 + v0 to P digits.
 * - `linfPlanarFate`, `linfPlanarAt`: the fate, the exact absorption time and the pieces; the state at
 *   any σ. The fate is decided by the exact condition (so boundary points are classified exactly);
 *   the pieces give the times.
 */
import { DomainError, InternalError, NumericError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';

export type PlanarFate = 'escape' | 'absorb' | 'saddle';

/** Quadrant / region names used in pieces. */
export type PlanarRegion = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'slide-u' | 'slide-v' | 'origin' | 'plane';

interface InternalPiece<T> {
  region: PlanarRegion;
  sigma0: T;
  sigma1: T | null;
  u0: T;
  v0: T;
}

/** The exact escape condition (see the module header): sign of (measure − threshold). */
export function linfEscapeMargin<T>(F: Field<T>, u0: T, v0: T, rho: T): { lhs: T; rhs: T; mixed: boolean } {
  const p = F.add(u0, v0);
  const q = F.sub(u0, v0);
  const two = F.fromNumber(2);
  const mixed = F.sign(u0) * F.sign(v0) < 0;
  if (!mixed) return { lhs: F.abs(p), rhs: F.mul(two, rho), mixed };
  return { lhs: F.mul(F.abs(p), F.add(F.mul(two, rho), F.abs(q))), rhs: F.mul(F.fromNumber(8), F.mul(rho, rho)), mixed };
}

/** A decimal string as m·10^e with BigInt m. */
function scaled(s: string): { m: bigint; e: number } {
  const t = s.trim();
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  const [mant, ex] = body.split(/[eE]/);
  const [ip, fp = ''] = mant!.split('.');
  // Stryker disable next-line Regex,StringLiteral: BigInt accepts leading zeros and BigInt('') is 0n, so stripping one or all zeros, and the '0' fallback, give the same m
  const digits = `${ip}${fp}`.replace(/^0+/, '') || '0';
  const m = BigInt(digits);
  return { m: neg ? -m : m, e: Number(ex ?? 0) - fp.length };
}

/** Largest exponent spread handled exactly (BigInts of about this many digits). */
const MAX_EXACT_SPREAD = 100000;

/**
 * Exact sign of lhs − rhs of the escape condition for the decimal values u0, v0, ρ (module header):
 * u0·v0 ≥ 0: |u0 + v0| − 2ρ;  u0·v0 < 0: |u0 + v0|·(2ρ + |u0 − v0|) − 8ρ².
 */
export function exactEscapeCmp(u0: string, v0: string, rho: string): -1 | 0 | 1 {
  const xs = [scaled(u0), scaled(v0), scaled(rho)];
  const nz = xs.filter((x) => x.m !== 0n);
  const E = Math.min(...nz.map((x) => x.e), 0);
  const Emax = Math.max(...nz.map((x) => x.e), 0);
  if (Emax - E > MAX_EXACT_SPREAD)
    throw new DomainError(
      `linf escape rule: u0, v0 and rho span more than ${MAX_EXACT_SPREAD} orders of magnitude; the tie |u0+v0| = 2 rho cannot be decided exactly`,
    );
  const [u, v, r] = xs.map((x) => (x.m === 0n ? 0n : x.m * 10n ** BigInt(x.e - E))) as [bigint, bigint, bigint];
  // Stryker disable next-line EqualityOperator: −0n = 0n
  const abs = (a: bigint) => (a < 0n ? -a : a);
  const p = abs(u + v);
  // Stryker disable next-line EqualityOperator: `>=`/`<=` add only axis starts (u or v = 0) to the mixed form, where |w|(2ρ + |w|) − 8ρ² = (|w| + 4ρ)(|w| − 2ρ) has the sign of |w| − 2ρ
  const mixed = (u > 0n && v < 0n) || (u < 0n && v > 0n);
  const d = mixed ? p * (2n * r + abs(u - v)) - 8n * r * r : p - 2n * r;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Fate from the exact algebraic condition alone (near-ties decided on the exact decimal values). */
export function linfEscapeCondition<T>(F: Field<T>, u0: T, v0: T, rho: T): PlanarFate {
  if (F.sign(rho) < 0) throw new DomainError(`rho must be >= 0, got ${F.toString(rho)}`);
  if (F.isZero(rho)) return F.isZero(F.add(u0, v0)) || F.cmp(u0, F.neg(v0)) === 0 ? 'saddle' : 'escape';
  // Stryker disable next-line ConditionalExpression: without the shortcut the origin still gets lhs = 0 < 2ρ = rhs, i.e. 'absorb'
  if (F.isZero(u0) && F.isZero(v0)) return 'absorb';
  const m = linfEscapeMargin(F, u0, v0, rho);
  let c = F.cmp(m.lhs, m.rhs);
  // Stryker disable next-line MethodExpression,UnaryOperator: within the band lhs ≈ rhs, so min and max of |lhs|, |rhs| differ by a factor 1 + O(10^{-(P-5)}); a band of 10^{P-5} sends every case to the exact rule, which is always right
  const near = F.mul(F.max(F.abs(m.lhs), F.abs(m.rhs)), F.powInt(F.fromNumber(10), -(F.precision - 5)));
  if (F.cmp(F.abs(F.sub(m.lhs, m.rhs)), near) <= 0) c = exactEscapeCmp(F.toString(u0), F.toString(v0), F.toString(rho));
  return c > 0 ? 'escape' : c === 0 ? 'saddle' : 'absorb';
}

/**
 * Smallest E > 1 with A E² + B E + C = 0 (double roots count), or null. Roots by the
 * cancellation-free pair q = −(B + sgn(B)√D)/2, r1 = q/A, r2 = C/q.
 */
export function firstRootAbove1<T>(F: Field<T>, A: T, B: T, C: T): T | null {
  const one = F.one;
  const cands: T[] = [];
  if (F.isZero(A)) {
    if (F.isZero(B)) return null;
    cands.push(F.neg(F.div(C, B)));
  } else {
    const D = F.sub(F.mul(B, B), F.mul(F.fromNumber(4), F.mul(A, C)));
    if (F.sign(D) < 0) return null;
    const sq = F.sqrt(D);
    // Stryker disable next-line EqualityOperator: for B = 0 both branches give q = ∓√D/2, i.e. the same two roots ±√(−C/A) in the other order
    const q = F.div(F.neg(F.sign(B) >= 0 ? F.add(B, sq) : F.sub(B, sq)), F.fromNumber(2));
    // Stryker disable next-line BlockStatement: q = 0 means B = D = 0, C = 0: the only root is 0, which is not above 1 (no candidate or the candidate 0 give the same null)
    if (F.isZero(q)) {
      cands.push(F.zero);
    } else {
      cands.push(F.div(q, A), F.div(C, q));
    }
  }
  let best: T | null = null;
  for (const r of cands)
    if (
      F.cmp(r, one) > 0 &&
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the candidates come as [q/A, C/q] with |q/A| ≥ |C/q| (q² ≥ |AC|), so when both exceed 1 the last is the smallest: keeping the last (or ties) is the same root
      (best === null || F.cmp(r, best) < 0)
    )
      best = r;
  return best;
}

function quadrantOf<T>(F: Field<T>, u: T, v: T): PlanarRegion {
  const su = F.sign(u);
  const sv = F.sign(v);
  // Stryker disable next-line EqualityOperator: quadrantOf is called only with u ≠ 0 and v ≠ 0, so su, sv ∈ {−1, 1} and `>= 0` equals `> 0`
  if (su > 0 && sv > 0) return 'Q1';
  // Stryker disable next-line EqualityOperator,ConditionalExpression: su, sv ∈ {−1, 1} (u, v ≠ 0) and the quadrants are tested in order, so `<= 0`/`>= 0` and dropping `su < 0` select the same quadrant: quadrantOf is called only with u ≠ 0 and v ≠ 0, so su, sv ∈ {−1, 1} and `>= 0`/`<= 0` equal `> 0`/`< 0`
  if (su < 0 && sv > 0) return 'Q2';
  // Stryker disable next-line EqualityOperator,ConditionalExpression: su, sv ∈ {−1, 1} (u, v ≠ 0) and the quadrants are tested in order, so `<= 0`/`>= 0` and dropping `su < 0` select the same quadrant: quadrantOf is called only with u ≠ 0 and v ≠ 0, so su, sv ∈ {−1, 1} and `>= 0`/`<= 0` equal `> 0`/`< 0`
  if (su < 0 && sv < 0) return 'Q3';
  return 'Q4';
}

function centre<T>(F: Field<T>, region: PlanarRegion, rho: T): { us: T; vs: T } {
  // (u*, v*) = (ρ s_v, ρ s_u)
  const su = region === 'Q1' || region === 'Q4' ? 1 : -1;
  const sv = region === 'Q1' || region === 'Q2' ? 1 : -1;
  // Stryker disable next-line EqualityOperator: su, sv ∈ {−1, 1} (set just above), so `>= 0` equals `> 0`
  return { us: sv > 0 ? rho : F.neg(rho), vs: su > 0 ? rho : F.neg(rho) };
}

/** Closed-form state in an open quadrant after normalized time dσ. */
function quadrantState<T>(F: Field<T>, region: PlanarRegion, rho: T, u0: T, v0: T, E: T): { u: T; v: T } {
  // Stryker disable next-line ConditionalExpression,BlockStatement: 'plane' occurs only with ρ = 0, where the quadrant formula has centre (∓0, ∓0) and is the same
  if (region === 'plane') {
    const P = F.add(u0, v0);
    const Q = F.sub(u0, v0);
    const a = F.mul(P, E);
    const b = F.div(Q, E);
    const two = F.fromNumber(2);
    return { u: F.div(F.add(a, b), two), v: F.div(F.sub(a, b), two) };
  }
  const { us, vs } = centre(F, region, rho);
  const a0 = F.sub(u0, us);
  const b0 = F.sub(v0, vs);
  const P = F.add(a0, b0);
  const Q = F.sub(a0, b0);
  const two = F.fromNumber(2);
  const pe = F.mul(P, E);
  const qe = F.div(Q, E);
  return { u: F.add(us, F.div(F.add(pe, qe), two)), v: F.add(vs, F.div(F.sub(pe, qe), two)) };
}

function computePieces<T>(F: Field<T>, u0: T, v0: T, rho: T, fate: PlanarFate): { pieces: InternalPiece<T>[]; absorbSigma: T | null } {
  const pieces: InternalPiece<T>[] = [];
  if (F.isZero(rho)) {
    pieces.push({ region: 'plane', sigma0: F.zero, sigma1: null, u0, v0 });
    return { pieces, absorbSigma: null };
  }
  let sigma = F.zero;
  let u = u0;
  let v = v0;
  // Stryker disable next-line EqualityOperator,UpdateOperator: a guard only: the phase portrait has at most 4 pieces (quadrant, crossing quadrant, slide, origin), so the loop always returns first
  for (let guard = 0; guard < 8; guard++) {
    // Origin: absorbed.
    if (F.isZero(u) && F.isZero(v)) {
      pieces.push({ region: 'origin', sigma0: sigma, sigma1: null, u0: F.zero, v0: F.zero });
      return { pieces, absorbSigma: sigma };
    }
    // On an axis: slide (|other| ≤ ρ) or cross into Q1/Q3.
    if (F.isZero(u) || F.isZero(v)) {
      const other = F.isZero(u) ? v : u;
      if (F.cmp(F.abs(other), rho) <= 0) {
        const end = F.add(sigma, F.div(F.abs(other), rho));
        pieces.push({ region: F.isZero(u) ? 'slide-u' : 'slide-v', sigma0: sigma, sigma1: end, u0: u, v0: v });
        sigma = end;
        u = F.zero;
        v = F.zero;
        continue;
      }
      // Crossing: the vector field pushes the zero coordinate to the sign of the other one.
      // Stryker disable next-line EqualityOperator: here |other| > ρ > 0, so sign(other) ≠ 0
      const region: PlanarRegion = F.sign(other) > 0 ? 'Q1' : 'Q3';
      const next = quadrantPiece(F, region, rho, u, v, sigma, fate);
      pieces.push(next.piece);
      if (next.piece.sigma1 === null) return { pieces, absorbSigma: null };
      sigma = next.piece.sigma1;
      u = next.u;
      v = next.v;
      continue;
    }
    const region = quadrantOf(F, u, v);
    const next = quadrantPiece(F, region, rho, u, v, sigma, fate);
    pieces.push(next.piece);
    if (next.piece.sigma1 === null) return { pieces, absorbSigma: null };
    sigma = next.piece.sigma1;
    u = next.u;
    v = next.v;
  }
  // Stryker disable next-line StringLiteral: unreachable (at most 4 pieces, see the loop guard)
  throw new InternalError('linfPlanar: more pieces than the phase portrait allows');
}

/** One open-quadrant piece starting at (u, v) (possibly on the bounding axis, see computePieces). */
function quadrantPiece<T>(F: Field<T>, region: PlanarRegion, rho: T, u: T, v: T, sigma: T, fate: PlanarFate): { piece: InternalPiece<T>; u: T; v: T } {
  const { us, vs } = centre(F, region, rho);
  const a0 = F.sub(u, us);
  const b0 = F.sub(v, vs);
  let P = F.add(a0, b0);
  const Q = F.sub(a0, b0);
  const centreInside = region === 'Q1' || region === 'Q3';
  // On the stable manifold of the saddle (decided exactly from the initial data) the growing mode is 0.
  if (centreInside && fate === 'saddle') P = F.zero;
  // Escaping from Q1/Q3: the growing mode carries it away (the escape sign was decided exactly).
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut: escaping in Q1/Q3 means P > 0, and then u(E) = u* + (P E + Q/E)/2 and v(E) never reach 0 for E > 1 (increasing, or ≥ ρ), so the roots give E = null and the same infinite piece
  if (centreInside && fate === 'escape') {
    return { piece: { region, sigma0: sigma, sigma1: null, u0: u, v0: v }, u, v };
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut: with P = 0 in Q1/Q3 the only roots are E = ∓Q/(2ρ) < 1 (u0, v0 > 0 give |Q| < 2ρ), so E = null and the same infinite piece
  if (centreInside && F.isZero(P)) {
    return { piece: { region, sigma0: sigma, sigma1: null, u0: u, v0: v }, u, v };
  }
  const two = F.fromNumber(2);
  // u = 0: P E² + 2u* E + Q = 0 ;  v = 0: P E² + 2v* E − Q = 0.  Roots E = 1 belong to a start on the axis.
  // Starting on an axis, E = 1 is a root; the other one is exactly the product of the roots.
  const otherRoot = (c: T): T | null => {
    // Stryker disable next-line ConditionalExpression: otherRoot runs only from an axis into Q1/Q3 with fate ≠ escape, where P = 0 has already returned (centreInside && P = 0), so P ≠ 0 here
    if (F.isZero(P)) return null;
    const r = F.div(c, P);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: from the axis with ρ < |w| < 2ρ (w the non-zero coordinate) the other root is |w|/(2ρ − |w|) > 1, never ≤ 1
    return F.cmp(r, F.one) > 0 ? r : null;
  };
  const Eu = F.isZero(u) ? otherRoot(Q) : firstRootAbove1(F, P, F.mul(two, us), Q);
  const Ev = F.isZero(v) ? otherRoot(F.neg(Q)) : firstRootAbove1(F, P, F.mul(two, vs), F.neg(Q));
  let E: T | null = null;
  let hit: 'u' | 'v' | 'both' = 'u';
  if (Eu !== null && (Ev === null || F.cmp(Eu, Ev) < 0)) {
    E = Eu;
    hit = 'u';
  } else if (Ev !== null && (Eu === null || F.cmp(Ev, Eu) < 0)) {
    E = Ev;
    hit = 'v';
  } else if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: reached only when Eu = Ev or both are null; with both null E stays null either way
    Eu !== null &&
    Ev !== null
  ) {
    E = Eu;
    hit = 'both';
  }
  if (E === null) {
    // Stays in the quadrant forever: escape (P ≠ 0) — only reachable in Q1/Q3 near the boundary band.
    return { piece: { region, sigma0: sigma, sigma1: null, u0: u, v0: v }, u, v };
  }
  const st = quadrantState(F, region, rho, u, v, E);
  const nu = hit === 'u' || hit === 'both' ? F.zero : st.u;
  const nv = hit === 'v' || hit === 'both' ? F.zero : st.v;
  const s1 = F.add(sigma, F.log(E));
  return { piece: { region, sigma0: sigma, sigma1: s1, u0: u, v0: v }, u: nu, v: nv };
}

/**
 * Fate of the planar ℓ∞-SAM system from (u0, v0) with radius ρ ≥ 0 (x > 0, σ = x s).
 * absorbSigma: the exact normalized time at which the origin is reached (null unless absorbed).
 * pieces: the regions visited with their time intervals (sigma1 = null for the last, infinite piece).
 */
export function linfPlanarFate<T>(
  F: Field<T>,
  u0: T,
  v0: T,
  rho: T,
): { fate: PlanarFate; absorbSigma: T | null; pieces: Array<{ quadrant: string; sigma0: T; sigma1: T | null }> } {
  const fate = linfEscapeCondition(F, u0, v0, rho);
  const { pieces, absorbSigma } = computePieces(F, u0, v0, rho, fate);
  if (fate === 'absorb' && absorbSigma === null)
    throw new NumericError(
      'linfPlanarFate: the exact condition says absorb but the computed pieces never reach the origin (raise --precision)',
      'absorption time',
    );
  // Stryker disable next-line ConditionalExpression: the pieces reach the origin only for absorbed starts (escape and saddle end in an infinite Q1/Q3 or plane piece), so absorbSigma is already null otherwise
  return { fate, absorbSigma: fate === 'absorb' ? absorbSigma : null, pieces: pieces.map((p) => ({ quadrant: p.region, sigma0: p.sigma0, sigma1: p.sigma1 })) };
}

/** State at normalized time σ ≥ 0. phase: 'absorbed' once at the origin (ρ > 0), 'saddle' on the last piece of a saddle trajectory. */
export function linfPlanarAt<T>(F: Field<T>, u0: T, v0: T, rho: T, sigma: T): { u: T; v: T; phase: 'running' | 'absorbed' | 'saddle' } {
  if (F.sign(sigma) < 0) throw new DomainError(`sigma must be >= 0, got ${F.toString(sigma)}`);
  const fate = linfEscapeCondition(F, u0, v0, rho);
  const { pieces } = computePieces(F, u0, v0, rho, fate);
  // Stryker disable next-line EqualityOperator: the last piece always returns, so i never reaches pieces.length
  for (let i = 0; i < pieces.length; i++) {
    const pc = pieces[i]!;
    const last = i === pieces.length - 1;
    // Stryker disable next-line LogicalOperator: every non-last piece has sigma1 ≠ null and the last has sigma1 = null, so `!last || sigma1 ≠ null` equals `!last`
    if (!last && pc.sigma1 !== null && F.cmp(sigma, pc.sigma1) >= 0) continue;
    const ds = F.sub(sigma, pc.sigma0);
    if (pc.region === 'origin') return { u: F.zero, v: F.zero, phase: 'absorbed' };
    if (pc.region === 'slide-u') {
      const mv = F.sub(F.abs(pc.v0), F.mul(rho, ds));
      // Stryker disable next-line EqualityOperator: a slide-u piece has v0 ≠ 0 (u = v = 0 is the origin piece)
      return { u: F.zero, v: F.sign(pc.v0) >= 0 ? mv : F.neg(mv), phase: 'running' };
    }
    if (pc.region === 'slide-v') {
      const mu = F.sub(F.abs(pc.u0), F.mul(rho, ds));
      // Stryker disable next-line EqualityOperator: a slide-v piece has u0 ≠ 0
      return { u: F.sign(pc.u0) >= 0 ? mu : F.neg(mu), v: F.zero, phase: 'running' };
    }
    let st = quadrantState(F, pc.region, rho, pc.u0, pc.v0, F.exp(ds));
    if (last && fate === 'saddle' && pc.region !== 'plane') {
      // growing mode exactly zero on the stable manifold
      const { us, vs } = centre(F, pc.region, rho);
      const Q = F.sub(F.sub(pc.u0, us), F.sub(pc.v0, vs));
      const h = F.div(Q, F.mul(F.fromNumber(2), F.exp(ds)));
      st = { u: F.add(us, h), v: F.sub(vs, h) };
    } else if (
      // Stryker disable next-line ConditionalExpression,EqualityOperator: redundant with the plane formula of quadrantState: a ρ = 0 saddle has u0 + v0 = 0 exactly (the fate test), so its growing mode P = u0 + v0 is already 0
      last &&
      fate === 'saddle' &&
      pc.region === 'plane'
    ) {
      const Q = F.sub(pc.u0, pc.v0);
      const h = F.div(Q, F.mul(F.fromNumber(2), F.exp(ds)));
      st = { u: h, v: F.neg(h) };
    }
    return { u: st.u, v: st.v, phase: last && fate === 'saddle' ? 'saddle' : 'running' };
  }
  return { u: F.zero, v: F.zero, phase: 'absorbed' };
}
