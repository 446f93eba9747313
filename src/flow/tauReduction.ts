/**
 * ℓ2-SAM rescaled flow, L = 2, one example: the scalar τ reduction (docs/derivation.md B3) and, for
 * cross-checking, the full 2d-dimensional system, both driven by `runL2` (l2FlowDriver.ts).
 *
 * Main definitions:
 * - `l2PQ(F, start, s, τ)`: p_i = p_i(0) e^{x_i s − ρ x_i² τ}, q_i = q_i(0) e^{−x_i s − ρ x_i² τ}.
 * - `tauModel(F, start, loss?)`: state [τ] (+ physical time t), τ' = 1/N(s, τ),
 *   N² = Σ (x_i²/2)(p_i² + q_i²).
 * - `fullL2Model(F, start, loss?)`: state [u, v, τ] (+ t), u' = x v − ρx²u/N, v' = x u − ρx²v/N.
 * - `l2Flow(F, start, targets, {method})`: {s, tau, u, v, beta, status, t?} at each target, the
 *   collapse time (certified ± radius) and the B4 certificate reached.
 * - Physical time (optional): t' = 1/g(z̃), z̃ = Σ x_i ũ_i ṽ_i at the evaluation point
 *   ũ = u − ρ x v/N, ṽ = v − ρ x u/N; after collapse (state 0, z̃ = 0) t grows as (s − s_c)/g(0).
 * - `l2Normalize(F, start)`: the start in natural units. The flow is homogeneous of degree 1 in
 *   (u, v, ρ) with s unchanged, and x → c x rescales s by 1/c (see tests/metamorphic/symmetries.ts):
 *   with c = ρ (or max|u0|,|v0| when ρ = 0) and X = max|x_i|, the start (x/X, u0/c, v0/c, ρ/c) has
 *   ρ = 1 and max|x| = 1, and its solution at s' = X s maps back by u = c u', τ = τ'/(c X²),
 *   z̃ = c² X z̃'. `l2Flow` always integrates in these units, so the integrator's absolute
 *   tolerance, step-size floor and the driver's constants are relative to the problem's own scale.
 */
import type { Field } from '../numeric/Field.ts';
import type { Loss } from '../numeric/loss.ts';
import { invG } from './physicalTime.ts';
import { runL2, type L2Model, type L2Status, type L2RunOptions } from './l2FlowDriver.ts';

export interface L2Start<T> {
  readonly x: readonly T[];
  readonly rho: T;
  readonly u0: readonly T[];
  readonly v0: readonly T[];
}

export interface L2FlowPoint<T> {
  readonly s: T;
  readonly tau: T | null;
  readonly u: T[];
  readonly v: T[];
  readonly beta: T[];
  readonly status: L2Status;
  /** physical time, when a loss was given */
  readonly t: T | null;
}

export interface L2FlowResult<T> {
  readonly points: L2FlowPoint<T>[];
  readonly collapseS: T | null;
  readonly collapseSRadius: T | null;
  readonly certificate: { kind: 'collapse' | 'escape'; s: T } | null;
  readonly stats: { steps: number; fevals: number };
  readonly incomplete: boolean;
}

export function l2PQ<T>(F: Field<T>, st: L2Start<T>, s: T, tau: T): { p: T[]; q: T[] } {
  const p: T[] = [];
  const q: T[] = [];
  for (let i = 0; i < st.x.length; i++) {
    const x = st.x[i]!;
    const p0 = F.add(st.u0[i]!, st.v0[i]!);
    const q0 = F.sub(st.u0[i]!, st.v0[i]!);
    const xs = F.mul(x, s);
    const damp = F.mul(F.mul(st.rho, F.mul(x, x)), tau);
    p.push(F.isZero(p0) ? F.zero : F.mul(p0, F.exp(F.sub(xs, damp))));
    q.push(F.isZero(q0) ? F.zero : F.mul(q0, F.exp(F.neg(F.add(xs, damp)))));
  }
  return { p, q };
}

function zTilde<T>(F: Field<T>, st: L2Start<T>, u: readonly T[], v: readonly T[], N: T): T {
  let z = F.zero;
  for (let i = 0; i < st.x.length; i++) {
    const x = st.x[i]!;
    const c = F.isZero(N) ? F.zero : F.div(F.mul(st.rho, x), N);
    const ut = F.sub(u[i]!, F.mul(c, v[i]!));
    const vt = F.sub(v[i]!, F.mul(c, u[i]!));
    z = F.add(z, F.mul(x, F.mul(ut, vt)));
  }
  return z;
}

const halfOf = <T>(F: Field<T>, a: T) => F.div(a, F.fromNumber(2));

/** Physical-clock scaling for a normalized start: t' = dsScale / g(zScale·z̃') (see l2Normalize). */
export interface PhysScale<T> {
  readonly zScale: T;
  readonly dsScale: T;
}

const physRate = <T>(F: Field<T>, loss: Loss<T>, zt: T, phys?: PhysScale<T>): T =>
  phys ? F.mul(phys.dsScale, invG(F, loss, F.mul(phys.zScale, zt))) : invG(F, loss, zt);

export interface L2Normalized<T> {
  readonly st: L2Start<T>;
  /** (u, v, ρ) = c·(u', v', ρ') */
  readonly c: T;
  /** x = X·x', s = s'/X */
  readonly X: T;
}

/** The start in natural units (ρ' = 1 or max|u0'|,|v0'| = 1; max|x'| = 1), see the module header. */
export function l2Normalize<T>(F: Field<T>, st: L2Start<T>): L2Normalized<T> {
  let X = F.zero;
  for (const xi of st.x) X = F.max(X, F.abs(xi));
  if (F.isZero(X)) X = F.one;
  let c = st.rho;
  if (F.sign(c) <= 0) {
    c = F.zero;
    for (let i = 0; i < st.x.length; i++) c = F.max(c, F.max(F.abs(st.u0[i]!), F.abs(st.v0[i]!)));
    if (F.isZero(c)) c = F.one;
  }
  const dc = (a: T) => F.div(a, c);
  return { st: { x: st.x.map((xi) => F.div(xi, X)), rho: dc(st.rho), u0: st.u0.map(dc), v0: st.v0.map(dc) }, c, X };
}

export function tauModel<T>(F: Field<T>, st: L2Start<T>, loss?: Loss<T>, phys?: PhysScale<T>): L2Model<T> {
  const d = st.x.length;
  const uvOf = (s: T, tau: T) => {
    const { p, q } = l2PQ(F, st, s, tau);
    return { p, q, u: p.map((pi, i) => halfOf(F, F.add(pi, q[i]!))), v: p.map((pi, i) => halfOf(F, F.sub(pi, q[i]!))) };
  };
  const Nof = (p: readonly T[], q: readonly T[]) => {
    let acc = F.zero;
    for (let i = 0; i < d; i++) acc = F.add(acc, F.mul(F.mul(st.x[i]!, st.x[i]!), F.add(F.mul(p[i]!, p[i]!), F.mul(q[i]!, q[i]!))));
    return F.sqrt(halfOf(F, acc));
  };
  return {
    x: st.x,
    rho: st.rho,
    dim: loss ? 2 : 1,
    ci: 0,
    init: loss ? [F.zero, F.zero] : [F.zero],
    N(s, tau) {
      const { p, q } = l2PQ(F, st, s, tau);
      return Nof(p, q);
    },
    deriv(s, tau, _Y, N) {
      // Stryker disable next-line ArrayDeclaration: the entry of the clock slot ci = 0 is ignored (runL2 overwrites it)
      if (!loss) return [F.zero];
      const { u, v } = uvOf(s, tau);
      return [F.zero, physRate(F, loss, zTilde(F, st, u, v, N), phys)];
    },
    aligned(s, tau) {
      const { p, q } = l2PQ(F, st, s, tau);
      return st.x.map((x, i) => (F.sign(x) >= 0 ? p[i]! : q[i]!));
    },
    collapsed: (Y) => Y.slice(),
  };
}

export function fullL2Model<T>(F: Field<T>, st: L2Start<T>, loss?: Loss<T>, phys?: PhysScale<T>): L2Model<T> {
  const d = st.x.length;
  const ci = 2 * d;
  return {
    x: st.x,
    rho: st.rho,
    dim: 2 * d + 1 + (loss ? 1 : 0),
    ci,
    init: [...st.u0, ...st.v0, F.zero, ...(loss ? [F.zero] : [])],
    N(_s, _tau, Y) {
      let acc = F.zero;
      for (let i = 0; i < d; i++) {
        const x2 = F.mul(st.x[i]!, st.x[i]!);
        acc = F.add(acc, F.mul(x2, F.add(F.mul(Y[i]!, Y[i]!), F.mul(Y[d + i]!, Y[d + i]!))));
      }
      return F.sqrt(acc);
    },
    deriv(_s, _tau, Y, N) {
      // Stryker disable next-line ArrayDeclaration: every index 0..Y.length−1 is assigned below, so the preset length is unobservable
      const out: T[] = new Array(Y.length);
      for (let i = 0; i < d; i++) {
        const x = st.x[i]!;
        const c = F.isZero(N) ? F.zero : F.div(F.mul(st.rho, F.mul(x, x)), N);
        out[i] = F.sub(F.mul(x, Y[d + i]!), F.mul(c, Y[i]!));
        out[d + i] = F.sub(F.mul(x, Y[i]!), F.mul(c, Y[d + i]!));
      }
      out[ci] = F.zero;
      if (loss) {
        // Stryker disable next-line MethodExpression: zTilde reads u[i] for i < d only, so Y itself gives the same u
        const u = Y.slice(0, d);
        out[ci + 1] = physRate(F, loss, zTilde(F, st, u, Y.slice(d, 2 * d), N), phys);
      }
      return out;
    },
    aligned(_s, _tau, Y) {
      return st.x.map((x, i) => (F.sign(x) >= 0 ? F.add(Y[i]!, Y[d + i]!) : F.sub(Y[i]!, Y[d + i]!)));
    },
    collapsed(Y) {
      const out = Y.slice();
      for (let i = 0; i < d; i++) {
        if (!F.isZero(st.x[i]!)) {
          out[i] = F.zero;
          out[d + i] = F.zero;
        }
      }
      return out;
    },
  };
}

export interface L2FlowOptions<T> extends L2RunOptions<T> {
  readonly method?: 'tau' | 'full';
  readonly loss?: Loss<T>;
}

/**
 * ℓ2-SAM (L = 2, one example) at each target s, via the τ reduction (default) or the full system,
 * integrated in natural units (l2Normalize) and mapped back.
 */
export function l2Flow<T>(F: Field<T>, st0: L2Start<T>, targets: readonly T[], opts: L2FlowOptions<T> = {}): L2FlowResult<T> {
  const d = st0.x.length;
  const full = opts.method === 'full';
  const { st, c, X } = l2Normalize(F, st0);
  const phys: PhysScale<T> = { zScale: F.mul(F.mul(c, c), X), dsScale: F.div(F.one, X) };
  const m = full ? fullL2Model(F, st, opts.loss, phys) : tauModel(F, st, opts.loss, phys);
  const onProgress = opts.onProgress;
  const run = runL2(
    F,
    m,
    targets.map((s) => F.mul(s, X)),
    { ...opts, onProgress: onProgress ? (sv: T) => onProgress(F.div(sv, X)) : undefined },
  );
  const tIdx = full ? 2 * d + 1 : 1;
  const g0 = opts.loss ? opts.loss.g(F.zero) : F.one;
  const back = (a: T | null) => (a === null ? null : F.div(a, X));
  const collapseS = back(run.collapseS);
  const tauBack = F.mul(c, F.mul(X, X));
  const points = run.points.map((pt, k): L2FlowPoint<T> => {
    const s = targets[k]!;
    let u: T[];
    let v: T[];
    if (pt.status === 'collapsed') {
      u = st0.x.map((x, i) => (F.isZero(x) ? st0.u0[i]! : F.zero));
      v = st0.x.map((x, i) => (F.isZero(x) ? st0.v0[i]! : F.zero));
    } else if (full) {
      u = pt.Y.slice(0, d).map((a) => F.mul(c, a));
      v = pt.Y.slice(d, 2 * d).map((a) => F.mul(c, a));
    } else {
      const { p, q } = l2PQ(F, st, pt.s, pt.tau!);
      u = p.map((pi, i) => F.mul(c, halfOf(F, F.add(pi, q[i]!))));
      v = p.map((pi, i) => F.mul(c, halfOf(F, F.sub(pi, q[i]!))));
    }
    let t: T | null = null;
    if (opts.loss) {
      t = pt.Y[tIdx]!;
      if (pt.status === 'collapsed' && collapseS !== null) t = F.add(t, F.div(F.max(F.zero, F.sub(s, collapseS)), g0));
    }
    return { s, tau: pt.tau === null ? null : F.div(pt.tau, tauBack), u, v, beta: u.map((ui, i) => F.mul(ui, v[i]!)), status: pt.status, t };
  });
  return {
    points,
    collapseS,
    collapseSRadius: back(run.collapseSRadius),
    certificate: run.certificate ? { kind: run.certificate.kind, s: F.div(run.certificate.s, X) } : null,
    stats: run.stats,
    incomplete: run.incomplete,
  };
}
