/**
 * A-priori direction error of GD, ℓ2-SAM and ℓ∞-SAM at depth 1 on separable data (logistic loss,
 * MEAN over the n examples, w_0 = 0), computed from the data, η, ρ and the algorithm only —
 * before any run. Used by check P1/direction-rate.
 *
 * Main definitions:
 * - `asymptoticResidual(F, data, mm, run, T, K)`: the predicted error e_pred(T), the a-priori
 *   residual bounds D(T), D⊥(T) and the tolerance on sin∠, or the reason the law makes no prediction.
 * - `rotateTowardOrthogonal(F, w, degrees)`: a wrongly rotated ŵ for power tests.
 * - `symmetricEigenvalues(F, M)`: eigenvalues of a small symmetric matrix (cyclic Jacobi).
 * - `P1_BOUND_FACTOR` (K = 2), `P1_RESOLUTION` (1/2): the constants fixed in advance.
 *
 * Derivation (Soudry et al. 2018, JMLR, Thm 3-4, non-degenerate data whose support vectors span
 * the data). z_k = y_k x_k, ŵ = Σ_S α_k z_k, z_k·ŵ = 1 on S, m_j = z_j·ŵ > 1 off S. The step is
 * w ← w + (η/n) Σ_k g(z_k·(w + ε)) z_k with g(u) = e^{-u} − e^{-2u} + …; asymptotically
 * ε → 0 (GD), −ρŵ/|ŵ| (ℓ2-SAM: ∇𝓛 ∥ −ŵ), −ρ sign(ŵ) (ℓ∞-SAM), so example k is weighted by
 * s_k = 1, e^{ρ z_k·ŵ/|ŵ|}, e^{ρ z_k·sign ŵ}. Inserting w_t = ŵ log t + w̃ + v_t:
 *   (1)  (η/n) s_k e^{−z_k·w̃} = α_k  ⇔  c_k := z_k·w̃ = log(η s_k/(n α_k)),  k ∈ S,
 * w̃ = Z_Sᵀ G⁻¹ c (G = Z_S Z_Sᵀ) is all of w̃ when the support vectors span the data, and
 *   (2)  dv/dτ = −A v + f(τ),  τ = log t,  A = Σ_S α_k z_k z_kᵀ (A ŵ = ŵ, so λ := λ_min(A) ≤ 1),
 * with forcings f decaying like e^{−τ} (logistic vs exponential tail: |f| ≤ F_log = Σ α_k e^{−c_k}|z_k|;
 * discrete steps vs flow: F_disc = |ŵ|/2) and e^{−(m_j−1)τ} (non-support examples:
 * F_ns = Σ_j (η/n) s_j e^{−c_j}|z_j|, c_j = z_j·w̃). A is symmetric, so with μ = min(λ, m_j − 1)
 *   (3)  |v_T| ≤ E(T) := T^{−μ} (V0 + log T · (F_log + F_disc + F_ns)),
 * V0 = |expm1(|δ0|)|/σ_min(Z_S), δ0 = Z_S w_1 − c, w_1 = (η/2n) Σ z_k (one GD step from 0; expm1
 * because a margin ahead of its limit relaxes like log(1 + (e^{δ0} − 1)/t), not like δ0/t).
 * The bound is D = K·E (+ K·E_∞ for ℓ∞-SAM, below) with K = 2 for the second-order terms the
 * linearisation (2) drops.
 *   (4)  Only the modes of A orthogonal to ŵ (spectrum Λ⊥ = spectrum of A on span Z_S without ŵ's
 * eigenvalue 1) move the direction, and they resonate with the 1/t forcings only if λ = 1: per mode,
 * ∫₀^τ e^{−λ(τ−s)} e^{−γs} ds ≤ e^{−min(λ,γ)τ} min(τ, 1/|λ − γ|), so
 *   |P⊥(w_T − a)| ≤ D⊥ := K·[max_Λ⊥ T^{−λ} V0 + (F_log + F_disc) R(1) + Σ_j F_j R(m_j − 1)] (+ K E_∞),
 * R(γ) = max_{λ∈Λ⊥} T^{−min(λ,γ)} min(log T, 1/|λ − γ|); D⊥ = 0 when the data span one line.
 * ℓ∞-SAM: t·η·(−∇𝓛) = e^{−v∥}(ŵ − A v⊥ + …) + forcing (the residual along ŵ only rescales ŵ), so
 * sign(∇𝓛) = −sign(ŵ) is guaranteed from the first t_s with λ_max(A)·D⊥(t_s) + K(F_log/t_s +
 * Σ_j F_j t_s^{1−m_j}) < min|ŵ_i|; before it the exponent of each margin is off by at most
 * 2ρ|z_k|₁, which adds E_∞ = (t_s/T)^μ (1 + log(T/t_s)) · expm1(2ρ max_k |z_k|₁)/σ_min to D and D⊥.
 *   (5)  With a = ŵ log T + w̃, e_pred(T) = sin∠(a, ŵ) = |P⊥a|/|a| and |w_T − a| ≤ D:
 *   |sin∠(w_T, ŵ) − e_pred(T)| ≤ (D⊥ + e_pred·D)/(|a| − D)  (the tolerance).
 * Draws where D/|a| ≥ 1/2 (the law cannot resolve the direction by T) make no prediction.
 */
import type { Field } from '../numeric/Field.ts';
import type { Dataset } from '../model/diagonalNetwork.ts';
import type { AlgoName } from '../optim/algorithms.ts';
import { solveLinear, type MaxMarginResult } from '../maxmargin/l2MaxMargin.ts';

/** K: safety factor on the linearised residual bound E(T) (second-order terms of (2)). */
export const P1_BOUND_FACTOR = 2;
/** Largest x = D/|a| at which the law is said to resolve the direction at T. */
export const P1_RESOLUTION = '0.5';

export interface ResidualRun {
  readonly algo: AlgoName;
  readonly eta: string;
  readonly rho: string;
}

export interface ResidualPrediction<T> {
  readonly ok: true;
  /** ŵ log T + w̃. */
  readonly a: T[];
  readonly wTilde: T[];
  readonly ePred: T;
  /** D = K(E + E_∞): bound on |w_T − a|. */
  readonly D: T;
  /** D⊥: bound on the component of w_T − a orthogonal to ŵ. */
  readonly Dperp: T;
  /** (D⊥ + e_pred D)/(|a| − D): bound on |e(T) − e_pred(T)|. */
  readonly tolerance: T;
  readonly lambda: T;
  readonly mu: T;
  readonly alpha: T[];
  readonly V0: T;
  readonly Flog: T;
  readonly Fdisc: T;
  readonly Fns: T;
  /** ℓ∞-SAM only: the sign-settling time t_s. */
  readonly tSettle?: number;
}

export type ResidualOutcome<T> = ResidualPrediction<T> | { readonly ok: false; readonly reason: string };

const dotv = <T>(F: Field<T>, p: readonly T[], q: readonly T[]) => p.reduce((acc, pi, i) => F.add(acc, F.mul(pi, q[i]!)), F.zero);
const normv = <T>(F: Field<T>, p: readonly T[]) => F.sqrt(dotv(F, p, p));

/** Eigenvalues (ascending) of a small symmetric matrix by cyclic Jacobi rotations. */
export function symmetricEigenvalues<T>(F: Field<T>, M0: readonly (readonly T[])[]): T[] {
  const n = M0.length;
  const M = M0.map((r) => [...r]);
  const two = F.fromNumber(2);
  let scale = F.zero;
  for (const r of M) for (const v of r) scale = F.max(scale, F.abs(v));
  const tiny = F.mul(scale, F.fromString(`1e-${F.precision - 4}`));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = F.zero;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = F.max(off, F.abs(M[p]![q]!));
    if (F.cmp(off, tiny) <= 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = M[p]![q]!;
        if (F.isZero(apq)) continue;
        // rotation zeroing M[p][q]: θ with cot 2θ = (a_qq − a_pp)/(2 a_pq)
        const theta = F.div(F.sub(M[q]![q]!, M[p]![p]!), F.mul(two, apq));
        const t = F.div(F.fromNumber(F.sign(theta) >= 0 ? 1 : -1), F.add(F.abs(theta), F.sqrt(F.add(F.mul(theta, theta), F.one))));
        const c = F.div(F.one, F.sqrt(F.add(F.mul(t, t), F.one)));
        const s = F.mul(t, c);
        for (let k = 0; k < n; k++) {
          const mkp = M[k]![p]!;
          const mkq = M[k]![q]!;
          M[k]![p] = F.sub(F.mul(c, mkp), F.mul(s, mkq));
          M[k]![q] = F.add(F.mul(s, mkp), F.mul(c, mkq));
        }
        for (let k = 0; k < n; k++) {
          const mpk = M[p]![k]!;
          const mqk = M[q]![k]!;
          M[p]![k] = F.sub(F.mul(c, mpk), F.mul(s, mqk));
          M[q]![k] = F.add(F.mul(s, mpk), F.mul(c, mqk));
        }
      }
  }
  return M.map((r, i) => r[i]!).sort((x, y) => F.cmp(x, y));
}

/**
 * The a-priori prediction for a run of `steps` = T steps from w_0 = 0, or why the law makes none
 * (a hypothesis of Soudry et al.'s Thm 3-4 unmet, or the bound too weak to resolve the direction).
 */
export function asymptoticResidual<T>(
  F: Field<T>,
  data: Dataset<T>,
  mm: MaxMarginResult<T>,
  run: ResidualRun,
  steps: number,
  K: number = P1_BOUND_FACTOR,
): ResidualOutcome<T> {
  const n = data.X.length;
  const d = data.X[0]!.length;
  const eta = F.fromString(run.eta);
  const rho = F.fromString(run.rho);
  const Z = data.X.map((x, k) => x.map((v) => (data.Y[k] === 1 ? v : F.neg(v))));
  const S = mm.support;
  const alpha = mm.lambda;
  const ZS = S.map((k) => Z[k]!);
  const what = mm.w;
  const wn = normv(F, what);
  const rel = F.fromString(`1e-${Math.max(5, F.precision - 10)}`);
  if (alpha.some((a) => F.cmp(a, F.mul(rel, F.mul(wn, wn))) <= 0)) return { ok: false, reason: 'a support vector with KKT multiplier 0 (degenerate)' };
  const G = ZS.map((p) => ZS.map((q) => dotv(F, p, q)));
  const nonSupport = [...Array(n).keys()].filter((k) => !S.includes(k));
  // the support vectors must span the data (Soudry et al. Thm 4): otherwise w̃ is not pinned
  for (const j of nonSupport) {
    const zj = Z[j]!;
    const coef = solveLinear(
      F,
      G,
      ZS.map((p) => dotv(F, p, zj)),
    );
    if (!coef) return { ok: false, reason: 'support vectors linearly dependent' };
    const r = zj.map((v, i) =>
      F.sub(
        v,
        coef.reduce((acc, cf, l) => F.add(acc, F.mul(cf, ZS[l]![i]!)), F.zero),
      ),
    );
    if (F.cmp(dotv(F, r, r), F.mul(rel, dotv(F, zj, zj))) > 0) return { ok: false, reason: 'support vectors do not span the data' };
    if (F.cmp(dotv(F, zj, what), F.add(F.one, rel)) <= 0) return { ok: false, reason: 'an example on the margin that is not a support vector (degenerate)' };
  }
  if (run.algo === 'sam-linf' && what.some((v) => F.cmp(F.abs(v), F.mul(rel, wn)) <= 0))
    return { ok: false, reason: 'w_hat has a zero component (linf-SAM sign undetermined)' };
  const signW = what.map((v) => F.fromNumber(F.sign(v)));
  const weight = (z: readonly T[]): T =>
    run.algo === 'gd' ? F.one : run.algo === 'sam-l2' ? F.exp(F.div(F.mul(rho, dotv(F, z, what)), wn)) : F.exp(F.mul(rho, dotv(F, z, signW)));
  const etaOverN = F.div(eta, F.fromNumber(n));
  // (1): c_k = log(η s_k/(n α_k)), w̃ = Z_Sᵀ G⁻¹ c
  const c = ZS.map((z, i) => F.log(F.div(F.mul(etaOverN, weight(z)), alpha[i]!)));
  const y = solveLinear(F, G, c);
  if (!y) return { ok: false, reason: 'support vectors linearly dependent' };
  const wTilde = Array.from({ length: d }, (_, i) => y.reduce((acc, yl, l) => F.add(acc, F.mul(yl, ZS[l]![i]!)), F.zero));
  // (2): spectrum of A on span Z_S = spectrum of D^{1/2} G D^{1/2}
  const sq = alpha.map((a) => F.sqrt(a));
  const eig = symmetricEigenvalues(
    F,
    G.map((row, i) => row.map((g, j) => F.mul(F.mul(sq[i]!, g), sq[j]!))),
  );
  const lambda = eig[0]!;
  const lambdaMax = eig[eig.length - 1]!;
  const sigmaMin = F.sqrt(symmetricEigenvalues(F, G)[0]!);
  let mu = F.min(lambda, F.one);
  let Fns = F.zero;
  /** Non-support forcings: amplitude F_j and rate γ_j = m_j − 1. */
  const nsForcings: { amp: T; rate: T }[] = [];
  for (const j of nonSupport) {
    const zj = Z[j]!;
    const rate = F.sub(dotv(F, zj, what), F.one);
    mu = F.min(mu, rate);
    const amp = F.mul(F.mul(etaOverN, weight(zj)), F.mul(F.exp(F.neg(dotv(F, zj, wTilde))), normv(F, zj)));
    nsForcings.push({ amp, rate });
    Fns = F.add(Fns, amp);
  }
  const Flog = ZS.reduce((acc, z, i) => F.add(acc, F.mul(F.mul(alpha[i]!, F.exp(F.neg(c[i]!))), normv(F, z))), F.zero);
  const Fdisc = F.div(wn, F.fromNumber(2));
  const half = F.div(etaOverN, F.fromNumber(2));
  const w1 = Array.from({ length: d }, (_, i) =>
    F.mul(
      half,
      Z.reduce((acc, z) => F.add(acc, z[i]!), F.zero),
    ),
  );
  const delta0 = ZS.map((z, i) => F.sub(dotv(F, z, w1), c[i]!));
  const V0 = F.div(
    normv(
      F,
      delta0.map((v) => F.sub(F.exp(F.abs(v)), F.one)),
    ),
    sigmaMin,
  );
  const forcing = F.add(F.add(Flog, Fdisc), Fns);
  const E = (t: number): T => {
    const lt = F.log(F.fromNumber(t));
    return F.mul(F.exp(F.neg(F.mul(mu, lt))), F.add(V0, F.mul(lt, forcing)));
  };
  const Kf = F.fromNumber(K);
  let D = F.mul(Kf, E(steps));
  // (4) the modes orthogonal to ŵ: A's spectrum on span Z_S without ŵ's eigenvalue 1
  const iPar = eig.reduce((best, v, i) => (F.cmp(F.abs(F.sub(v, F.one)), F.abs(F.sub(eig[best]!, F.one))) < 0 ? i : best), 0);
  const perpEig = eig.filter((_, i) => i !== iPar);
  /** D⊥(t) = K·[max_Λ⊥ t^{−λ} V0 + (F_log + F_disc) R_t(1) + Σ_j F_j R_t(m_j − 1)], 0 without ⊥ modes. */
  const DperpAt = (t: number): T => {
    if (perpEig.length === 0) return F.zero;
    const lt = F.log(F.fromNumber(t));
    const pow = (r: T) => F.exp(F.neg(F.mul(r, lt)));
    /** max over ⊥ modes λ of t^{−min(λ, γ)} min(log t, 1/|λ − γ|): response to a forcing decaying at rate γ. */
    const response = (gamma: T): T =>
      perpEig.reduce((m, l) => {
        const gap = F.abs(F.sub(l, gamma));
        const fac = F.isZero(gap) ? lt : F.min(lt, F.div(F.one, gap));
        return F.max(m, F.mul(pow(F.min(l, gamma)), fac));
      }, F.zero);
    const homog = perpEig.reduce((m, l) => F.max(m, pow(l)), F.zero);
    let acc = F.add(F.mul(homog, V0), F.mul(F.add(Flog, Fdisc), response(F.one)));
    for (const f of nsForcings) acc = F.add(acc, F.mul(f.amp, response(f.rate)));
    return F.mul(Kf, acc);
  };
  let Dperp = DperpAt(steps);
  let tSettle: number | undefined;
  if (run.algo === 'sam-linf') {
    let wmin = F.abs(what[0]!);
    for (const v of what) wmin = F.min(wmin, F.abs(v));
    let ts = 1;
    // t·η·(−∇𝓛) = Σ α_k e^{−z_k·v} z_k + forcing = e^{−v∥}(ŵ − A v⊥ + …) + forcing: the residual along ŵ
    // only rescales ŵ, so the sign is guaranteed once λ_max(A)·D⊥(t) + K·(F_log/t + Σ_j F_j t^{1−m_j}) < min|ŵ_i|
    const settled = (t: number): boolean => {
      const lt = F.log(F.fromNumber(t));
      let direct = F.div(Flog, F.fromNumber(t));
      for (const f of nsForcings) direct = F.add(direct, F.mul(f.amp, F.exp(F.neg(F.mul(f.rate, lt)))));
      return F.cmp(F.add(F.mul(lambdaMax, DperpAt(t)), F.mul(Kf, direct)), wmin) < 0;
    };
    while (ts < steps && !settled(ts)) ts = Math.floor(1.1 * ts) + 1;
    if (ts >= steps) return { ok: false, reason: 'linf-SAM: sign(grad) = -sign(w_hat) not guaranteed before T (bound vacuous)' };
    tSettle = ts;
    const l1max = ZS.reduce(
      (m, z) =>
        F.max(
          m,
          z.reduce((acc, v) => F.add(acc, F.abs(v)), F.zero),
        ),
      F.zero,
    );
    const Vs = F.div(F.sub(F.exp(F.mul(F.mul(F.fromNumber(2), rho), l1max)), F.one), sigmaMin);
    const ratio = F.log(F.div(F.fromNumber(steps), F.fromNumber(ts)));
    const Einf = F.mul(F.mul(F.exp(F.neg(F.mul(mu, ratio))), F.add(F.one, ratio)), Vs);
    D = F.add(D, F.mul(Kf, Einf));
    if (perpEig.length > 0) Dperp = F.add(Dperp, F.mul(Kf, Einf));
  }
  const logT = F.log(F.fromNumber(steps));
  const a = what.map((v, i) => F.add(F.mul(v, logT), wTilde[i]!));
  const aNorm = normv(F, a);
  const x = F.div(D, aNorm);
  if (F.cmp(x, F.fromString(P1_RESOLUTION)) >= 0)
    return { ok: false, reason: `a-priori bound does not resolve the direction at T (D/|a| >= ${P1_RESOLUTION})` };
  const par = F.div(dotv(F, a, what), wn);
  const perp = a.map((v, i) => F.sub(v, F.div(F.mul(par, what[i]!), wn)));
  const ePred = F.div(normv(F, perp), aNorm);
  // (5) |e(T) − e_pred| ≤ (|P⊥δ| + e_pred |δ|)/(|a| − |δ|), |δ| ≤ D, |P⊥δ| ≤ D⊥
  // floor at rounding level: when the data span one line, D⊥ = 0 and e_pred = 0 up to rounding
  const tolerance = F.max(F.div(F.add(Dperp, F.mul(ePred, D)), F.sub(aNorm, D)), F.fromString(`1e-${Math.max(5, F.precision - 10)}`));
  return {
    ok: true,
    a,
    wTilde,
    ePred,
    D,
    Dperp,
    tolerance,
    lambda,
    mu,
    alpha: [...alpha],
    V0,
    Flog,
    Fdisc,
    Fns,
    ...(tSettle !== undefined ? { tSettle } : {}),
  };
}

/**
 * ŵ rotated by `degrees` toward a fixed unit vector orthogonal to it (the first basis vector's
 * component orthogonal to ŵ, or the second's when that is too small): the wrong max-margin vector
 * of the power tests (a 10° error must fail P1/direction-rate).
 */
export function rotateTowardOrthogonal<T>(F: Field<T>, w: readonly T[], degrees: number): T[] {
  const wn = normv(F, w);
  const u = w.map((v) => F.div(v, wn));
  let best: T[] | null = null;
  for (let k = 0; k < w.length && best === null; k++) {
    const p = u.map((v, i) => F.sub(i === k ? F.one : F.zero, F.mul(u[k]!, v)));
    if (F.cmp(normv(F, p), F.fromString('0.3')) > 0) best = p;
  }
  const p = best ?? u.map((v, i) => F.sub(i === 1 ? F.one : F.zero, F.mul(u[1]!, v)));
  const pn = normv(F, p);
  const th = (degrees * Math.PI) / 180;
  const cs = F.fromNumber(Math.cos(th));
  const sn = F.fromNumber(Math.sin(th));
  return u.map((v, i) => F.mul(wn, F.add(F.mul(cs, v), F.mul(sn, F.div(p[i]!, pn)))));
}
