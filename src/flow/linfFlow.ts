/**
 * ℓ∞-SAM rescaled-time flow, depth L, one example, as a piecewise-smooth (Filippov) system
 * integrated piece by piece with exact switching-time location.
 *
 * Derivation: sign(∂𝓛/∂w_k[j]) = −sgn(x_j)·Π_{n≠k} sgn(w_n[j]), so ε_k[j] = −ρ sgn(x_j) Π_{n≠k} σ_n[j]
 * with σ = sgn(w), w̃ = w + ε and dw_k[j]/ds = x_j Π_{n≠k} w̃_n[j] (for L = 2: B1's
 * u' = x v − ρ|x| sgn(u)). Coordinates j evolve independently (B7).
 *
 * Main definitions:
 * - `linfRhsWithSigns`: the smooth vector field of one piece, signs σ frozen; `linfRhsSlope` the
 *   derivative of one of its components along the solution (the event slopes).
 * - `linfSurfaceMode`: the rule that decides, at a switching surface, whether a coordinate crosses,
 *   slides or is frozen.
 * - `linfFlow(F, x, rho, W0, targets)`: states at the targets. Each piece is integrated with the
 *   signs frozen; a terminal event stops it where a component w_c reaches 0 (located by regula
 *   falsi to ~full precision; w_c is then set to exactly 0; the event slopes f_c catch a component
 *   that touches 0 and turns back inside one step, which a sign test at the step ends misses). There the one-sided fields f± (σ_c = ±1)
 *   decide: if f+_c < 0 < f−_c both push into the surface and the solution SLIDES (Filippov:
 *   f = αf+ + (1−α)f−, α = f−_c/(f−_c − f+_c), w_c ≡ 0 exactly), otherwise it crosses. A slide ends
 *   when f+_c or f−_c reaches 0 (event). When a second layer of the same coordinate reaches 0 the
 *   coordinate is frozen: for L = 2 this is the origin, which is absorbing (every one-sided field
 *   points into it), so absorption is exact and happens once, never by chattering. For L ≥ 3,
 *   two vanishing layers make ∇ of that coordinate 0 and we use the sign(0) = 0 definition (a fixed
 *   point) — an assumption, reported in `assumptions`.
 * - Status: 'collapsed' once every coordinate with x_j ≠ 0 is frozen (collapse_s = the last
 *   absorption time); 'escaped' once some coordinate (L = 2) satisfies the B8 certificate
 *   u_j v_j > 0 and |u_j + v_j| > 2ρ (then p − 2ρ sgn p grows like e^{|x|s}).
 * - Units: the right-hand side is x_j times a factor independent of |x|, so the pieces are integrated
 *   in s' = X s with x' = x/X (X = max|x_j|) and an absolute tolerance relative to max(|W0|, ρ)
 *   (`flowUnits`); switching times are mapped back by s = s'/X.
 */
import type { Field } from '../numeric/Field.ts';
import { beta as betaOf } from '../model/diagonalNetwork.ts';
import { integrate, type EventFn, type EventSlope, type OdeSystem } from '../ode/extrapolationIntegrator.ts';
import { flowUnits } from './rescaledFlow.ts';
import { firstStep } from './l2FlowDriver.ts';
import { NumericError } from '../numeric/errors.ts';
import { requireNonDecreasing } from './targets.ts';

export const LINF_ASSUMPTIONS = [
  'Filippov sliding on the switching surfaces w_k[j] = 0; a coordinate with two vanishing layers is frozen (L = 2: the absorbing origin; L >= 3: sign(0) = 0 fixed point)',
  'a start exactly on a repelling switching surface (f+ > 0 > f-) leaves to the positive side',
];

/** d/ds for ONE coordinate j (its L layer values wj) with frozen signs sig. */
export function linfRhsWithSigns<T>(F: Field<T>, xj: T, rho: T, wj: readonly T[], sig: readonly number[]): T[] {
  const L = wj.length;
  const wt = perturbed(F, xj, rho, wj, sig);
  return wj.map((_, k) => {
    let prod = xj;
    for (let n = 0; n < L; n++) if (n !== k) prod = F.mul(prod, wt[n]!);
    return prod;
  });
}

/** The perturbed layers w̃_k = w_k + ε_k of one coordinate, signs sig frozen. */
function perturbed<T>(F: Field<T>, xj: T, rho: T, wj: readonly T[], sig: readonly number[]): T[] {
  const L = wj.length;
  const sx = F.sign(xj);
  return wj.map((w, k) => {
    let p = sx;
    for (let n = 0; n < L; n++) if (n !== k) p *= sig[n]!;
    // Stryker disable next-line EqualityOperator: equivalent (p = 0 was taken by the first test)
    return p === 0 ? w : p > 0 ? F.sub(w, rho) : F.add(w, rho);
  });
}

/**
 * d/ds of component c of the frozen-sign field along a solution with derivative fj:
 * f_c = x Π_{n≠c} w̃_n and w̃_n − w_n is constant, so df_c/ds = x Σ_{k≠c} fj_k Π_{n≠c,k} w̃_n.
 */
export function linfRhsSlope<T>(F: Field<T>, xj: T, rho: T, wj: readonly T[], sig: readonly number[], c: number, fj: readonly T[]): T {
  const L = wj.length;
  const wt = perturbed(F, xj, rho, wj, sig);
  let sum = F.zero;
  for (let k = 0; k < L; k++) {
    if (k === c) continue;
    let prod = F.mul(xj, fj[k]!);
    for (let n = 0; n < L; n++) if (n !== c && n !== k) prod = F.mul(prod, wt[n]!);
    sum = F.add(sum, prod);
  }
  return sum;
}

/** How one coordinate moves: frozen signs, Filippov sliding on layer c (w_c ≡ 0), or frozen (absorbed / x_j = 0). */
export type LinfMode = { kind: 'sign'; sig: number[] } | { kind: 'slide'; sig: number[]; c: number } | { kind: 'frozen' };
type Mode = LinfMode;

/** The one-sided fields f± of coordinate j on the surface w_c = 0 (σ_c = +1 and −1). */
function oneSidedFields<T>(F: Field<T>, xj: T, rho: T, wj: readonly T[], sig: readonly number[], c: number): { fp: T[]; fm: T[] } {
  const sp = sig.slice();
  sp[c] = 1;
  const fp = linfRhsWithSigns(F, xj, rho, wj, sp);
  sp[c] = -1;
  const fm = linfRhsWithSigns(F, xj, rho, wj, sp);
  return { fp, fm };
}

/**
 * The mode of one coordinate at a state whose zero layers are exactly 0 (`prev`: the signs it had
 * before reaching the surface, or null at the start):
 * - x_j = 0 or two zero layers: frozen; no zero layer: the signs of the layers;
 * - one zero layer c, a = sgn f+_c, b = sgn f−_c: a < 0 < b slides; else a > 0 leaves to the
 *   positive side (also the repelling case a > 0 > b, an assumption); b < 0 to the negative side;
 * - tangential (a = 0 or b = 0, no strict push): it crosses to the far side if it came from one
 *   side and the far side's field does not push back, else it slides.
 */
export function linfSurfaceMode<T>(F: Field<T>, xj: T, rho: T, wj: readonly T[], prev: readonly number[] | null): LinfMode {
  if (F.isZero(xj)) return { kind: 'frozen' };
  const zeros = wj.map((v, k) => (F.isZero(v) ? k : -1)).filter((k) => k >= 0);
  if (zeros.length >= 2) return { kind: 'frozen' };
  const sig = wj.map((v) => F.sign(v) as number);
  if (zeros.length === 0) return { kind: 'sign', sig };
  const c = zeros[0]!;
  const { fp, fm } = oneSidedFields(F, xj, rho, wj, sig, c);
  const a = F.sign(fp[c]!);
  const b = F.sign(fm[c]!);
  // a < 0 < b (both sides push into the surface) falls through to 'slide' below
  // sig is this call's own array: set the side in place
  if (a > 0) {
    sig[c] = 1;
    return { kind: 'sign', sig };
  }
  if (b < 0) {
    sig[c] = -1;
    return { kind: 'sign', sig };
  }
  if (prev) {
    const from = prev[c]!; // 0: no side to come from
    if ((from > 0 && b <= 0) || (from < 0 && a >= 0)) {
      sig[c] = -from;
      return { kind: 'sign', sig };
    }
  }
  return { kind: 'slide', sig, c };
}

export interface LinfFlowPoint<T> {
  readonly s: T;
  readonly W: T[][];
  readonly beta: T[];
  readonly status: 'running' | 'collapsed' | 'escaped';
}

export interface LinfFlowResult<T> {
  readonly points: LinfFlowPoint<T>[];
  /** s at which each coordinate was absorbed (frozen), or null. */
  readonly absorbS: (T | null)[];
  readonly collapseS: T | null;
  readonly pieces: number;
  readonly stats: { steps: number; fevals: number };
  readonly assumptions: readonly string[];
}

export function linfFlow<T>(
  F: Field<T>,
  x0: readonly T[],
  rho: T,
  W0: readonly (readonly T[])[],
  targets: readonly T[],
  opts: { rtol?: T; maxPieces?: number; onProgress?: (s: T) => void } = {},
): LinfFlowResult<T> {
  requireNonDecreasing(F, targets, 'linfFlow');
  const { X, atol } = flowUnits(F, x0, rho, W0, opts.rtol);
  const x = x0.map((xi) => F.div(xi, X));
  const r = linfFlowUnit(
    F,
    x,
    rho,
    W0,
    targets.map((t) => F.mul(t, X)),
    { ...opts, atol, onProgress: opts.onProgress ? (sv: T) => opts.onProgress!(F.div(sv, X)) : undefined },
  );
  const back = (a: T | null) => (a === null ? null : F.div(a, X));
  return { ...r, points: r.points.map((p, k) => ({ ...p, s: targets[k]! })), absorbS: r.absorbS.map(back), collapseS: back(r.collapseS) };
}

function linfFlowUnit<T>(
  F: Field<T>,
  x: readonly T[],
  rho: T,
  W0: readonly (readonly T[])[],
  targets: readonly T[],
  opts: { rtol?: T; atol?: T; maxPieces?: number; onProgress?: (s: T) => void } = {},
): LinfFlowResult<T> {
  const L = W0.length;
  const d = x.length;
  const idx = (k: number, j: number) => k * d + j;
  let y = W0.flat();
  let s = F.zero;
  const absorbS: (T | null)[] = x.map(() => null);
  const modes: Mode[] = [];
  const oneSided = (j: number, wj: readonly T[], sig: readonly number[], c: number) => oneSidedFields(F, x[j]!, rho, wj, sig, c);
  const colOf = (w: readonly T[], j: number) => Array.from({ length: L }, (_, k) => w[idx(k, j)]!);
  /** Mode for coordinate j at a state where its zero components are exactly 0. */
  const decide = (j: number, w: T[], prev: number[] | null): Mode => linfSurfaceMode(F, x[j]!, rho, colOf(w, j), prev);
  for (let j = 0; j < d; j++) {
    modes.push(decide(j, y, null));
    // frozen with x_j ≠ 0 means two zero layers: absorbed at the start
    if (modes[j]!.kind === 'frozen' && !F.isZero(x[j]!)) absorbS[j] = F.zero;
  }
  const coordRhs = (j: number, wj: readonly T[]): T[] => {
    const m = modes[j]!;
    if (m.kind === 'frozen') return wj.map(() => F.zero);
    if (m.kind === 'sign') return linfRhsWithSigns(F, x[j]!, rho, wj, m.sig);
    const { fp, fm } = oneSided(j, wj, m.sig, m.c);
    const a = F.div(fm[m.c]!, F.sub(fm[m.c]!, fp[m.c]!));
    const out = fp.map((p, k) => F.add(F.mul(a, p), F.mul(F.sub(F.one, a), fm[k]!)));
    out[m.c] = F.zero;
    return out;
  };
  const sys: OdeSystem<T> = {
    // Stryker disable next-line ArithmeticOperator: equivalent (the integrator takes the dimension from the state vector)
    dim: L * d,
    rhs(_s, w) {
      // Stryker disable next-line ArrayDeclaration: equivalent (a preallocated length only; every slot is written)
      const out: T[] = new Array(L * d);
      for (let j = 0; j < d; j++) {
        const r = coordRhs(j, colOf(w, j));
        // Stryker disable next-line EqualityOperator: equivalent (k = L writes one slot past the state, which the integrator never reads: it iterates over the state's length)
        for (let k = 0; k < L; k++) out[idx(k, j)] = r[k]!;
      }
      return out;
    },
  };
  const status = (w: readonly T[]): 'running' | 'collapsed' | 'escaped' => {
    let allFrozen = true;
    for (let j = 0; j < d; j++) if (!F.isZero(x[j]!) && modes[j]!.kind !== 'frozen') allFrozen = false;
    if (allFrozen) return 'collapsed';
    if (L === 2) {
      for (let j = 0; j < d; j++) {
        // x_j = 0 is always frozen (linfSurfaceMode)
        if (modes[j]!.kind === 'frozen') continue;
        const u = w[idx(0, j)]!;
        // Stryker disable next-line EqualityOperator: equivalent (x_j = 0 was skipped above)
        const v = F.sign(x[j]!) > 0 ? w[idx(1, j)]! : F.neg(w[idx(1, j)]!);
        if (F.sign(u) * F.sign(v) > 0 && F.cmp(F.abs(F.add(u, v)), F.mul(F.fromNumber(2), rho)) > 0) return 'escaped';
      }
    }
    return 'running';
  };
  // event location leaves |w| <= |f|·10^{-(P-3)}·max(1, s) at a located root (eventLocation.ts)
  const snapUnit = F.powInt(F.fromNumber(10), -(F.precision - 4));
  let scale0 = F.abs(rho);
  for (const w of W0.flat()) scale0 = F.max(scale0, F.abs(w));
  const points: LinfFlowPoint<T>[] = [];
  const stats = { steps: 0, fevals: 0 };
  let pieces = 0;
  const maxPieces = opts.maxPieces ?? 10000;
  const unflat = (w: readonly T[]) => Array.from({ length: L }, (_, l) => w.slice(l * d, (l + 1) * d));
  for (const target of targets) {
    while (F.cmp(s, target) < 0) {
      if (pieces++ > maxPieces)
        throw new NumericError(
          `linfFlow: more than ${maxPieces} switching events before s' = ${F.toString(target, 8)} (natural units; Zeno/chattering?)`,
          'l_inf-SAM flow',
        );
      // events: (kind, j, c)
      const evMeta: Array<{ kind: 'cross' | 'exitPlus' | 'exitMinus'; j: number; c: number }> = [];
      const events: EventFn<T>[] = [];
      // slopes catch a component that reaches 0 and turns back inside one step (two roots)
      const slopes: EventSlope<T>[] = [];
      for (let j = 0; j < d; j++) {
        const m = modes[j]!;
        // Stryker disable next-line ConditionalExpression: equivalent (a frozen coordinate's layers are constant, so its events never change sign; this only saves their evaluation)
        if (m.kind === 'frozen') continue;
        for (let k = 0; k < L; k++) {
          // Stryker disable next-line ConditionalExpression: equivalent (the sliding layer is held at exactly 0, so its crossing event never changes sign)
          if (m.kind === 'slide' && k === m.c) continue;
          evMeta.push({ kind: 'cross', j, c: k });
          events.push((_s, w) => w[idx(k, j)]!);
          slopes.push((_s, _w, f) => f[idx(k, j)]!);
        }
        if (m.kind === 'slide') {
          const side = (v: number) => Object.assign(m.sig.slice(), { [m.c]: v });
          evMeta.push({ kind: 'exitPlus', j, c: m.c });
          events.push((_s, w) => F.neg(oneSided(j, colOf(w, j), m.sig, m.c).fp[m.c]!));
          slopes.push((_s, w, f) => F.neg(linfRhsSlope(F, x[j]!, rho, colOf(w, j), side(1), m.c, colOf(f, j))));
          evMeta.push({ kind: 'exitMinus', j, c: m.c });
          events.push((_s, w) => oneSided(j, colOf(w, j), m.sig, m.c).fm[m.c]!);
          slopes.push((_s, w, f) => linfRhsSlope(F, x[j]!, rho, colOf(w, j), side(-1), m.c, colOf(f, j)));
        }
      }
      const r = integrate(F, sys, s, y, target, {
        rtol: opts.rtol,
        atol: opts.atol,
        h0: firstStep(F, F.sub(target, s)),
        events,
        eventSlopes: slopes,
        onStep: (sv) => void opts.onProgress?.(sv),
      });
      stats.steps += r.stats.steps;
      stats.fevals += r.stats.fevals;
      s = r.s;
      y = r.y;
      if (r.status === 'done') {
        s = target;
        break;
      }
      // an event is reported exactly when the status is 'event'
      if (!r.event)
        throw new NumericError(
          `linfFlow: integration stopped (${r.status === 'stepTooSmall' ? 'step size underflow' : r.status}) at s' = ${F.toString(s, 8)} (natural units)`,
          'l_inf-SAM flow',
        );
      const ev = evMeta[r.event.index]!;
      const j = ev.j;
      const m = modes[j]!;
      // modes hold fresh arrays and nothing writes into a mode's sig: no copy needed
      const prevSig = m.kind === 'frozen' ? null : m.sig;
      if (ev.kind === 'cross') {
        y[idx(ev.c, j)] = F.zero;
        if (m.kind === 'slide') y[idx(m.c, j)] = F.zero;
        modes[j] = decide(j, y, prevSig);
        // the sliding component stays exactly zero
      } else {
        const sig = (m as { sig: number[] }).sig.slice();
        sig[ev.c] = ev.kind === 'exitPlus' ? 1 : -1;
        modes[j] = { kind: 'sign', sig };
      }
      // only moving coordinates have events, so a coordinate frozen here is absorbed now
      if (modes[j]!.kind === 'frozen') absorbS[j] = s;
      // simultaneous events (equal coordinates, or both layers of one coordinate reaching 0 at
      // once): a component within the event location's resolution of 0 is on its surface too.
      // Coordinate j was just decided with its exact zeros (after an exit event its sliding layer
      // is 0 by design): only a tiny nonzero layer of j can reopen that decision.
      const snap = F.mul(
        F.mul(snapUnit, F.max(F.one, F.abs(s))),
        y.reduce((a, v) => F.max(a, F.abs(v)), scale0),
      );
      for (let j2 = 0; j2 < d; j2++) {
        const m2 = modes[j2]!;
        if (m2.kind === 'frozen') continue;
        let touched = false;
        for (let k = 0; k < L; k++) {
          if (m2.kind === 'slide' && k === m2.c) continue;
          const v = y[idx(k, j2)]!;
          if (j2 === j && F.isZero(v)) continue;
          // Stryker disable next-line EqualityOperator: equivalent (|v| = snap exactly is a measure-zero coincidence at a resolution far below the location accuracy)
          if (F.cmp(F.abs(v), snap) <= 0) {
            y[idx(k, j2)] = F.zero;
            touched = true;
          }
        }
        if (!touched) continue;
        modes[j2] = decide(j2, y, j2 === j ? prevSig : m2.sig);
        if (modes[j2]!.kind === 'frozen') absorbS[j2] = s;
      }
    }
    // the B8 escape certificate is forward-invariant (p − 2ρ sgn p grows like e^{|x| s}) and an
    // escaping coordinate never freezes, so the status at the target is the status since the first escape
    const W = unflat(y);
    points.push({ s: target, W, beta: betaOf(F, W), status: status(y) });
  }
  let collapseS: T | null = null;
  if (x.every((xj, j) => F.isZero(xj) || absorbS[j] !== null)) {
    collapseS = F.zero;
    // Stryker disable next-line EqualityOperator: equivalent (taking an equal value again)
    for (const a of absorbS) if (a !== null && F.cmp(a, collapseS) > 0) collapseS = a;
  }
  return { points, absorbS, collapseS, pieces, stats, assumptions: LINF_ASSUMPTIONS };
}
