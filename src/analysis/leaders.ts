/**
 * Leader law of the ℓ2-SAM flow, L = 2, one example (docs/derivation.md B5), on the scalar τ reduction.
 *
 * Main definitions:
 * - `leaders(F, start, opts)`: the sequence of leading coordinates (0-based) and switch times.
 *   Balanced starts (u_i = α, v_i = sgn(x_i) α): β_i = α² exp(2|x_i| s − 2ρ x_i² τ(s)), the leader
 *   maximises |x_i| s − ρ x_i² τ, and the lead passes from i to j exactly where
 *   (|x_i| − |x_j|)(s − ρ(|x_i| + |x_j|)τ) = 0, i.e. x*(s) = s/(2ρτ) = (|x_i| + |x_j|)/2: these are the
 *   event functions, located by regula falsi on re-integrated τ to ~full precision (≫ 10 digits).
 *   At s = 0+ all β_i are equal; the first leader maximises the derivative |x_i| − ρx_i²/N(0).
 *   General starts: leader = argmax_i |β_i|, switches where |β_i| = |β_j|.
 * - x*(s) monotonicity: the s-derivative of x* has the sign of ψ = τN − s; its sign changes (turning points of x*)
 *   are located as events too and reported.
 * - Stopping rule (as specified): the largest-|x| coordinate leads AND the B4 escape certificate
 *   holds, or the B4 collapse certificate holds (then the flow is followed in τ, ds/dτ = N, up to the
 *   located collapse, still tracking switches), or s reaches `sMax`.
 *   NOTE: "largest leads + escape certificate" is the specified rule, not a proof that the lead never
 *   changes again; `finalMargin` reports x*(s) − (x_max + x_second)/2 at the stop.
 *
 * Non-monotone lead (B5 asks for such starts; found with balanced starts, no unbalanced start needed):
 *   x = (0.5, 1, 2), ρ = 1 (α_c ≈ 0.4445155810): α = 0.48, 0.50, 0.52 all give the lead 1 → 0 → 1 → 2
 *   (α = 0.5: switches at s = 0.4911054678, 4.0821109048, 9.3850406219; x* has one minimum
 *   0.6398 at s = 1.9921). Mechanism: for α < ρΣx⁴/(√2‖x‖Σx³) ≈ 0.577, N decreases at first, τ
 *   outruns s/N(0) and x* = s/(2ρτ) dips below (x_0 + x_1)/2 = 0.75 before rising again once the
 *   flow escapes. α = 0.46 (starts with 0) and α = 0.55 (1 → 2) are monotone. The switch times
 *   agree with an independent full-system oracle (oracle/flow_oracle.py) to ~1e-12.
 */
import type { Field } from '../numeric/Field.ts';
import { integrate, gbsDefaultTolerance, type EventFn, type EventSlope, type OdeSystem } from '../ode/extrapolationIntegrator.ts';
import { collapseCertificate, collapseTailBound, escapeCertificateFromA, xMinMax } from '../flow/l2Certificates.ts';
import { firstStep } from '../flow/l2FlowDriver.ts';
import { l2PQ, l2Normalize, tauModel, type L2Start } from '../flow/tauReduction.ts';
import { NumericError, DomainError } from '../numeric/errors.ts';

export interface LeaderSwitch<T> {
  readonly s: T;
  /** the new leader (0-based) */
  readonly leader: number;
  readonly from: number;
  readonly tau: T;
  readonly xStar: T;
}

export interface LeadersResult<T> {
  readonly initialLeader: number;
  readonly switches: LeaderSwitch<T>[];
  readonly final: {
    readonly leader: number;
    readonly s: T;
    readonly reason: 'escape' | 'collapse' | 'sMax';
    readonly collapseS: T | null;
    readonly finalMargin: T | null;
  };
  /** leader sequence (initial then after each switch) is monotone in |x| */
  readonly leadMonotone: boolean;
  readonly xStarMonotone: boolean;
  readonly xStarTurningPoints: { s: T; xStar: T }[];
  readonly balanced: boolean;
}

export interface LeadersOptions<T> {
  readonly rtol?: T;
  readonly sMax?: T;
  readonly onProgress?: (s: T) => void;
}

export function balancedStart<T>(F: Field<T>, x: readonly T[], rho: T, alpha: T): L2Start<T> {
  return { x, rho, u0: x.map(() => alpha), v0: x.map((xi) => (F.sign(xi) < 0 ? F.neg(alpha) : alpha)) };
}

export function isBalanced<T>(F: Field<T>, st: L2Start<T>): boolean {
  const a = st.u0[0]!;
  return st.x.every((xi, i) => F.cmp(st.u0[i]!, a) === 0 && F.cmp(st.v0[i]!, F.sign(xi) < 0 ? F.neg(a) : a) === 0) && F.sign(a) > 0;
}

/**
 * Leaders in natural units: the start is normalized by l2Normalize (ρ' = 1, max|x'| = 1; the flow is
 * homogeneous in (u, v, ρ) and x → c x rescales s by 1/c), solved there, and mapped back:
 * s = s'/X, τ = τ'/(c X²), x* = X·x*' (x* = s/(2ρτ)).
 */
export function leaders<T>(F: Field<T>, st0: L2Start<T>, opts: LeadersOptions<T> = {}): LeadersResult<T> {
  if (F.sign(st0.rho) <= 0) throw new DomainError('leaders: rho must be > 0');
  const { st, c, X } = l2Normalize(F, st0);
  const onProgress = opts.onProgress;
  const r = leadersUnit(F, st, {
    rtol: opts.rtol,
    sMax: opts.sMax ? F.mul(opts.sMax, X) : undefined,
    onProgress: onProgress ? (sv: T) => onProgress(F.div(sv, X)) : undefined,
  });
  const sB = (a: T) => F.div(a, X);
  const xB = (a: T) => F.mul(a, X);
  const tB = (a: T) => F.div(a, F.mul(c, F.mul(X, X)));
  return {
    ...r,
    switches: r.switches.map((w) => ({ ...w, s: sB(w.s), tau: tB(w.tau), xStar: xB(w.xStar) })),
    final: {
      ...r.final,
      s: sB(r.final.s),
      collapseS: r.final.collapseS === null ? null : sB(r.final.collapseS),
      finalMargin: r.final.finalMargin === null ? null : xB(r.final.finalMargin),
    },
    xStarTurningPoints: r.xStarTurningPoints.map((t) => ({ s: sB(t.s), xStar: xB(t.xStar) })),
  };
}

function leadersUnit<T>(F: Field<T>, st: L2Start<T>, opts: LeadersOptions<T> = {}): LeadersResult<T> {
  const rtol = opts.rtol ?? gbsDefaultTolerance(F);
  const { x, rho } = st;
  const d = x.length;
  const ax = x.map((xi) => F.abs(xi));
  const balanced = isBalanced(F, st);
  const m = tauModel(F, st);
  // natural units: the slowest coordinate moves at rate ~ ρ x_min²/N, N = O(1)
  const sMax = opts.sMax ?? F.div(F.fromNumber(1e6), F.mul(xMinMax(F, x).min, xMinMax(F, x).min));
  const two = F.fromNumber(2);
  const absBeta = (s: T, tau: T): T[] => {
    const { p, q } = l2PQ(F, st, s, tau);
    return p.map((pi, i) => F.abs(F.div(F.sub(F.mul(pi, pi), F.mul(q[i]!, q[i]!)), F.fromNumber(4))));
  };
  const score = (i: number, s: T, tau: T): T => F.sub(F.mul(ax[i]!, s), F.mul(F.mul(rho, F.mul(ax[i]!, ax[i]!)), tau));
  // leader-vs-j function (> 0 while `lead` leads j)
  const versus = (lead: number, j: number, s: T, tau: T): T => {
    if (balanced) return F.mul(F.sub(ax[lead]!, ax[j]!), F.sub(s, F.mul(F.mul(rho, F.add(ax[lead]!, ax[j]!)), tau)));
    const b = absBeta(s, tau);
    return F.sub(b[lead]!, b[j]!);
  };
  const N0 = m.N(F.zero, F.zero, m.init);
  // initial leader
  let leader = 0;
  if (balanced) {
    const rate = (i: number) => F.sub(ax[i]!, F.div(F.mul(rho, F.mul(ax[i]!, ax[i]!)), N0));
    for (let i = 1; i < d; i++) if (F.cmp(rate(i), rate(leader)) > 0) leader = i;
  } else {
    const b = absBeta(F.zero, F.zero);
    for (let i = 1; i < d; i++) if (F.cmp(b[i]!, b[leader]!) > 0) leader = i;
  }
  const initialLeader = leader;
  let iMax = 0;
  for (let i = 1; i < d; i++) if (F.cmp(ax[i]!, ax[iMax]!) > 0) iMax = i;
  let second: T | null = null;
  for (let i = 0; i < d; i++) if (i !== iMax && (second === null || F.cmp(ax[i]!, second) > 0)) second = ax[i]!;
  const switches: LeaderSwitch<T>[] = [];
  const turning: { s: T; xStar: T }[] = [];
  const xStarOf = (s: T, tau: T) => (F.isZero(tau) ? F.div(N0, F.mul(two, rho)) : F.div(s, F.mul(two, F.mul(rho, tau))));
  const escapeNow = (s: T, tau: T) => escapeCertificateFromA(F, x, rho, m.aligned(s, tau, [tau]));
  let s = F.zero;
  let tau = F.zero;
  let phase: 's' | 'tau' = 's';
  let final: LeadersResult<T>['final'] | null = null;
  const sSys: OdeSystem<T> = { dim: 1, rhs: (sv, y) => [F.div(F.one, m.N(sv, y[0]!, y))] };
  const tSys: OdeSystem<T> = { dim: 1, rhs: (tv, z) => [m.N(z[0]!, tv, [tv])] };
  const psi = (sv: T, tv: T) => F.sub(F.mul(tv, m.N(sv, tv, [tv])), sv);
  const { min: xmin } = xMinMax(F, x);
  for (let guard = 0; guard < 10000 && final === null; guard++) {
    const lead = leader;
    const others = Array.from({ length: d }, (_, j) => j).filter((j) => j !== lead && F.cmp(ax[j]!, ax[lead]!) !== 0);
    const evS: EventFn<T>[] = others.map((j) => (sv, y) => versus(lead, j, sv, y[0]!));
    if (balanced) evS.push((sv, y) => psi(sv, y[0]!));
    // balanced: d/ds of (|x_l| − |x_j|)(s − ρ(|x_l| + |x_j|)τ) is (|x_l| − |x_j|)(1 − ρ(|x_l| + |x_j|)τ'),
    // so a lead taken and given back inside one step is caught (ψ's slope is not formed: null)
    const pairRate = (j: number) => F.mul(rho, F.add(ax[lead]!, ax[j]!));
    const slopeS: (EventSlope<T> | null)[] = balanced
      ? [...others.map((j) => (_sv: T, _y: readonly T[], f: readonly T[]) => F.mul(F.sub(ax[lead]!, ax[j]!), F.sub(F.one, F.mul(pairRate(j), f[0]!)))), null]
      : [];
    if (phase === 's') {
      let cert: 'collapse' | 'escape' | null = null;
      const r = integrate(F, sSys, s, [tau], sMax, {
        rtol,
        h0: F.min(F.sub(sMax, s), F.div(F.one, F.mul(F.fromNumber(4), xMinMax(F, x).max))),
        events: evS,
        eventSlopes: slopeS,
        onStep: (sv, y) => {
          opts.onProgress?.(sv);
          const tv = y[0]!;
          if (collapseCertificate(F, x, rho, m.N(sv, tv, y))) {
            cert = 'collapse';
            return true;
          }
          if (leader === iMax && escapeNow(sv, tv)) {
            cert = 'escape';
            return true;
          }
          return false;
        },
      });
      s = r.s;
      tau = r.y[0]!;
      if (r.status === 'event') {
        handleEvent(r.event!.index, s, tau);
        continue;
      }
      if (cert === 'collapse') {
        phase = 'tau';
        continue;
      }
      if (cert === 'escape') {
        final = {
          leader,
          s,
          reason: 'escape',
          collapseS: null,
          finalMargin: second === null ? null : F.sub(xStarOf(s, tau), F.div(F.add(ax[iMax]!, second), two)),
        };
        break;
      }
      if (r.status !== 'done')
        throw new NumericError(
          `leaders: the integration of tau stopped (${r.status === 'stepTooSmall' ? 'step size underflow' : r.status}) at s = ${F.toString(s, 10)} (natural units) before a certificate`,
          'switch times',
        );
      final = { leader, s, reason: 'sMax', collapseS: null, finalMargin: null };
      break;
    } else {
      const evT: EventFn<T>[] = others.map((j) => (tv, z) => versus(lead, j, z[0]!, tv));
      if (balanced) evT.push((tv, z) => psi(z[0]!, tv));
      // in τ time s' = N: d/dτ of the pair event is (|x_l| − |x_j|)(N − ρ(|x_l| + |x_j|))
      const slopeT: (EventSlope<T> | null)[] = balanced
        ? [...others.map((j) => (_tv: T, _z: readonly T[], f: readonly T[]) => F.mul(F.sub(ax[lead]!, ax[j]!), F.sub(f[0]!, pairRate(j)))), null]
        : [];
      const tolS = F.mul(rtol, F.max(F.one, s));
      const Nc = m.N(s, tau, [tau]);
      const kappa0 = F.mul(xmin, F.sub(F.mul(rho, xmin), Nc));
      const span = F.add(F.one, F.div(F.fromNumber(3 * F.precision), kappa0));
      let done = false;
      const r = integrate(F, tSys, tau, [s], F.add(tau, span), {
        rtol,
        h0: firstStep(F, span),
        events: evT,
        eventSlopes: slopeT,
        onStep: (tv, z) => {
          const N = m.N(z[0]!, tv, [tv]);
          done = F.isZero(N) || F.cmp(collapseTailBound(F, x, rho, N), tolS) < 0;
          return done;
        },
      });
      tau = r.s;
      s = r.y[0]!;
      if (r.status === 'event') {
        handleEvent(r.event!.index, s, tau);
        continue;
      }
      if (done || r.status === 'done') {
        if (!done) continue;
        const N = m.N(s, tau, [tau]);
        const b = F.isZero(N) ? F.zero : collapseTailBound(F, x, rho, N);
        final = { leader, s, reason: 'collapse', collapseS: F.add(s, F.div(b, two)), finalMargin: null };
        break;
      }
      throw new NumericError(
        `leaders: the integration of tau stopped (${r.status === 'stepTooSmall' ? 'step size underflow' : r.status}) at s = ${F.toString(s, 10)} (natural units) while locating the collapse`,
        'switch times',
      );
    }
    function handleEvent(index: number, sv: T, tv: T): void {
      if (balanced && index === others.length) {
        turning.push({ s: sv, xStar: xStarOf(sv, tv) });
        return;
      }
      const j = others[index]!;
      // among coordinates that now beat the leader, the new leader is the best
      let best = j;
      for (const k of others) if (F.cmp(score(k, sv, tv), score(best, sv, tv)) > 0 && !balanced) best = k;
      if (!balanced) {
        const b = absBeta(sv, tv);
        for (const k of others) if (F.cmp(b[k]!, b[best]!) > 0) best = k;
      }
      switches.push({ s: sv, leader: best, from: lead, tau: tv, xStar: xStarOf(sv, tv) });
      leader = best;
    }
  }
  if (final === null) throw new NumericError('leaders: more than 10000 switch / turning-point events (chattering?)', 'switch times');
  const seq = [initialLeader, ...switches.map((w) => w.leader)].map((i) => ax[i]!);
  let up = true;
  let down = true;
  for (let i = 1; i < seq.length; i++) {
    if (F.cmp(seq[i]!, seq[i - 1]!) < 0) up = false;
    if (F.cmp(seq[i]!, seq[i - 1]!) > 0) down = false;
  }
  return {
    initialLeader,
    switches,
    final,
    leadMonotone: up || down,
    xStarMonotone: turning.length === 0,
    xStarTurningPoints: turning,
    balanced,
  };
}
