/**
 * Named observables of one drawn run, computed by the engine's flows and discrete optimizers,
 * for the formulas of a claim file.
 *
 * Main definitions:
 * - `DrawnInput`: one draw (decimal strings): algo, x, the start layers W0 (u0, v0 for depth 2),
 *   alpha (balanced starts), rho, s (flows) or eta, steps (discrete runs), and the edge kind that
 *   produced it (explore search).
 * - `Observer<T>`: a `Resolver` for `evaluate`; observables are computed lazily and cached.
 *   Inputs: x_i, u0_i, v0_i, w0_l_i, alpha, rho, s, eta, steps, t, d, L, algo.
 *   At a clock (bare name = at the drawn s, or after `steps` for discrete runs; `name(c)` = at c):
 *     beta_i, u_i, v_i (depth 2), w_l_i, N (depth 2: N = sqrt(Σ x_i²(u_i²+v_i²))), leader
 *     (1-based argmax_i |beta_i|, 0 if beta = 0), tau (ℓ2-SAM, depth 2: the B3 τ reduction);
 *     discrete and physical time only: clock (the rescaled clock s), loss.
 *   Physical-time flows (model.time "physical", clock t): physicalFlow (any depth, the claim's loss).
 *   Of the whole flow: fate ('escape' | 'collapse' | 'decay' | 'saddle' | 'blowup' | 'undecided'),
 *     collapse_s (none when no collapse), fate_i (ℓ∞-SAM, depth 2: the exact planar fate),
 *     alpha_c (ℓ2-SAM balanced critical scale: midpoint of the certified bisection enclosure of
 *     width 1e-8 ρ; about 3 s per distinct (x, ρ) at 40 digits with bigfloat, 80 s with decimal; cached),
 *     limit, limit_sign (depth 2: the leading coordinate and its sign at s = S_lim = 10^4/min|x_i|).
 * - `ObservableUndefined`: the observable does not exist for this draw (e.g. the flow blew up
 *   before s); such draws are counted apart, never counted as passing.
 *
 * Engines: GD depth 2 closed form (B2); ℓ2-SAM depth 2 τ reduction with the B4 certificates;
 * ℓ∞-SAM depth 2 exact planar pieces; depth ≥ 3 integration (rescaledFlow, linfFlow); discrete runs
 * `simulate` with one example, label 1.
 */
import type { Field } from '../numeric/Field.ts';
import type { AlgoName } from '../optim/algorithms.ts';
import type { LossName } from '../numeric/loss.ts';
import { gdClosedForm, gdStatus } from '../flow/gdClosedForm.ts';
import { l2Flow, tauModel } from '../flow/tauReduction.ts';
import { runL2 } from '../flow/l2FlowDriver.ts';
import { linfClosedForm } from '../flow/linfClosedForm.ts';
import { linfFlow } from '../flow/linfFlow.ts';
import { rescaledFlow } from '../flow/rescaledFlow.ts';
import { l2N, xMinMax } from '../flow/l2Certificates.ts';
import { criticalScale } from '../analysis/criticalScale.ts';
import { simulate } from '../optim/simulate.ts';
import { physicalFlow } from '../flow/physicalFlow.ts';
import { lossValue } from '../model/diagonalNetwork.ts';
import { makeLoss } from '../numeric/loss.ts';
import { NumericError } from '../numeric/errors.ts';
import { FormulaError } from './formula.ts';
import type { Resolver, Value } from './evaluate.ts';

export interface DrawnInput {
  readonly algo: AlgoName;
  readonly x: string[];
  readonly W0: string[][];
  readonly alpha: string | null;
  readonly rho: string;
  readonly s: string | null;
  readonly eta: string | null;
  readonly steps: number | null;
  readonly edge?: string;
}

/** Relative width of the alpha_c enclosure (times rho). */
export const ALPHA_C_TOL = '1e-8';
const alphaCCache = new Map<string, unknown>();
/** s reached before a blow-up, per (backend, precision, algo, x, rho, start) */
const blowupCache = new Map<string, unknown>();

export class ObservableUndefined extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObservableUndefined';
  }
}

interface State<T> {
  W: T[][];
  beta: T[];
  tau: T | null;
  clock?: T;
  loss?: T;
}

export class Observer<T> implements Resolver<T> {
  private readonly x: T[];
  private readonly W0: T[][];
  private readonly rho: T;
  private readonly L: number;
  private readonly states = new Map<string, State<T>>();
  private readonly cache = new Map<string, Value<T>>();
  /** Notes on how observables were obtained (e.g. alpha_c enclosure width), deduplicated. */
  readonly notes = new Set<string>();

  constructor(
    private readonly F: Field<T>,
    readonly input: DrawnInput,
    private readonly model: { time: 'flow' | 'physical' | 'discrete'; loss: LossName },
    private readonly where: string,
  ) {
    this.x = input.x.map((a) => F.fromString(a));
    this.W0 = input.W0.map((r) => r.map((a) => F.fromString(a)));
    this.rho = F.fromString(input.rho);
    this.L = this.W0.length;
  }

  private num(v: T): Value<T> {
    return { k: 'num', v };
  }

  ident(name: string, col: number): Value<T> {
    const F = this.F;
    const inp = this.input;
    let m: RegExpExecArray | null;
    if (name === 'rho') return this.num(this.rho);
    if (name === 'd') return this.num(F.fromNumber(this.x.length));
    if (name === 'L') return this.num(F.fromNumber(this.L));
    if (name === 'algo') return { k: 'str', v: inp.algo };
    if (name === 'alpha') {
      if (inp.alpha === null) throw new FormulaError(this.where, 'alpha exists only for balanced starts', col, name);
      return this.num(F.fromString(inp.alpha));
    }
    if (name === 's' && inp.s !== null && this.model.time === 'flow') return this.num(F.fromString(inp.s));
    if (name === 't' && inp.s !== null && this.model.time === 'physical') return this.num(F.fromString(inp.s));
    if (name === 'eta' && inp.eta !== null) return this.num(F.fromString(inp.eta));
    if (name === 'steps' && inp.steps !== null) return this.num(F.fromNumber(inp.steps));
    if (name === 't' && inp.eta !== null && inp.steps !== null) return this.num(F.mul(F.fromString(inp.eta), F.fromNumber(inp.steps)));
    if ((m = /^x_(\d+)$/.exec(name))) return this.num(this.x[this.idx(m[1]!, col, name)]!);
    if ((m = /^([uv])0_(\d+)$/.exec(name))) return this.num(this.W0[m[1] === 'u' ? 0 : 1]![this.idx(m[2]!, col, name)]!);
    if ((m = /^w0_(\d+)_(\d+)$/.exec(name))) return this.num(this.W0[this.layer(m[1]!, col, name)]![this.idx(m[2]!, col, name)]!);
    // whole-run observables
    if (['fate', 'collapse_s', 'alpha_c', 'limit', 'limit_sign'].includes(name) || /^fate_\d+$/.test(name)) return this.global(name, col);
    // observables at the default clock
    return this.at(name, null, col);
  }

  call(name: string, args: Value<T>[], col: number): Value<T> {
    const a = args[0];
    if (args.length !== 1 || a === undefined || a.k !== 'num') throw new FormulaError(this.where, `${name}(...) takes one number (the clock)`, col, name);
    return this.at(name, a.v, col);
  }

  private idx(sub: string, col: number, name: string): number {
    const i = Number(sub);
    if (!(i >= 1 && i <= this.x.length)) throw new FormulaError(this.where, `subscript ${sub} out of range 1..${this.x.length} in ${name}`, col, name);
    return i - 1;
  }

  private layer(sub: string, col: number, name: string): number {
    const l = Number(sub);
    if (!(l >= 1 && l <= this.L)) throw new FormulaError(this.where, `layer ${sub} out of range 1..${this.L} in ${name}`, col, name);
    return l - 1;
  }

  /** Observable `name` at clock c (null: the drawn s / the last step). */
  private at(name: string, c: T | null, col: number): Value<T> {
    const F = this.F;
    const st = this.state(c, col, name);
    let m: RegExpExecArray | null;
    if ((m = /^beta_(\d+)$/.exec(name))) return this.num(st.beta[this.idx(m[1]!, col, name)]!);
    if ((m = /^([uv])_(\d+)$/.exec(name))) {
      if (this.L !== 2) throw new FormulaError(this.where, `${name} needs depth 2 (use w_l_i)`, col, name);
      return this.num(st.W[m[1] === 'u' ? 0 : 1]![this.idx(m[2]!, col, name)]!);
    }
    if ((m = /^w_(\d+)_(\d+)$/.exec(name))) return this.num(st.W[this.layer(m[1]!, col, name)]![this.idx(m[2]!, col, name)]!);
    if (name === 'N') return this.num(l2N(F, this.x, st.W[0]!, st.W[1]!));
    if (name === 'leader') return this.num(F.fromNumber(leaderOf(F, st.beta)));
    if (name === 'tau') {
      if (st.tau === null) {
        if (this.input.algo !== 'sam-l2') throw new FormulaError(this.where, `tau exists for sam-l2 only (this draw: ${this.input.algo})`, col, name);
        return { k: 'none' };
      }
      return this.num(st.tau);
    }
    if (name === 'clock' && st.clock !== undefined) return this.num(st.clock);
    if (name === 'loss' && st.loss !== undefined) return this.num(st.loss);
    throw new FormulaError(this.where, `unknown observable "${name}"`, col, name);
  }

  private state(c: T | null, col: number, name: string): State<T> {
    const F = this.F;
    const inp = this.input;
    if (this.model.time === 'discrete') {
      let k = inp.steps!;
      if (c !== null) {
        const ks = F.toString(c, F.precision);
        if (!/^\d+$/.test(ks)) throw new FormulaError(this.where, `${name}(k): k must be a step number 0..${inp.steps}, got ${F.toString(c, 12)}`, col, name);
        k = Number(ks);
      }
      const key = `k${k}`;
      const hit = this.states.get(key);
      if (hit) return hit;
      const r = simulate(F, {
        algo: inp.algo,
        loss: this.model.loss,
        eta: F.fromString(inp.eta!),
        rho: this.rho,
        steps: k,
        data: { X: [this.x], Y: [1] },
        W0: this.W0,
      });
      const stt: State<T> = { W: r.W, beta: r.beta, tau: null, clock: r.s, loss: r.loss };
      this.states.set(key, stt);
      return stt;
    }
    const s = c ?? F.fromString(inp.s!);
    if (F.sign(s) < 0)
      throw new FormulaError(this.where, `${name}(${this.model.time === 'physical' ? 't' : 's'}): the clock must be >= 0, got ${F.toString(s, 12)}`, col, name);
    if (this.model.time === 'physical') {
      const key = `t${F.toString(s, F.precision)}`;
      const hit = this.states.get(key);
      if (hit) return hit;
      const r = physicalFlow(F, inp.algo, this.model.loss, { X: [this.x], Y: [1] }, this.rho, this.W0, [s]);
      const p = r.points[0];
      if (r.status === 'sliding' || !p)
        throw new ObservableUndefined(
          `the physical-time ${inp.algo} flow stopped at t = ${r.stoppedAt === null ? '?' : F.toString(r.stoppedAt, 10)} (${r.status}: ${r.status === 'sliding' ? 'sliding on a gradient surface is not implemented for physical time' : 'integration stalled'})`,
        );
      const stt: State<T> = { W: p.W, beta: p.beta, tau: null, clock: p.s, loss: lossValue(F, makeLoss(F, this.model.loss), { X: [this.x], Y: [1] }, p.W) };
      this.states.set(key, stt);
      return stt;
    }
    const key = F.toString(s, F.precision);
    const hit = this.states.get(key);
    if (hit) return hit;
    const stt = this.flowState(s);
    this.states.set(key, stt);
    return stt;
  }

  private flowState(s: T): State<T> {
    const F = this.F;
    const { x, rho, W0, L } = this;
    const algo = this.input.algo;
    if (L === 2) {
      const [u0, v0] = [W0[0]!, W0[1]!];
      if (algo === 'gd') {
        const c = gdClosedForm(F, x, u0, v0, s);
        return { W: [c.u, c.v], beta: c.beta, tau: null };
      }
      if (algo === 'sam-linf') {
        const c = linfClosedForm(F, x, u0, v0, rho, s);
        return { W: [c.u, c.v], beta: c.beta, tau: null };
      }
      const r = l2Flow(F, { x, rho, u0, v0 }, [s], { method: 'tau' });
      const p = r.points[0];
      if (r.incomplete || !p) throw new NumericError(`l2-SAM flow stopped before s = ${F.toString(s, 10)} (step size underflow)`, 'flow');
      return { W: [p.u, p.v], beta: p.beta, tau: p.tau };
    }
    if (algo === 'sam-linf') {
      const r = linfFlow(F, x, rho, W0, [s]);
      const p = r.points[0]!;
      return { W: p.W, beta: p.beta, tau: null };
    }
    // a flow known to blow up before s (same algo, x, rho, start) is not integrated again
    const bkey = `${F.name}:${F.precision}|${algo}|${this.input.x.join(',')}|${this.input.rho}|${this.input.W0.map((r) => r.join(',')).join(';')}`;
    const known = blowupCache.get(bkey) as T | undefined;
    if (known !== undefined && F.cmp(s, known) >= 0)
      throw new ObservableUndefined(`the ${algo} flow blows up near s = ${F.toString(known, 10)}, before s = ${F.toString(s, 10)}`);
    const r = rescaledFlow(F, algo, x, rho, W0, [s]);
    if (r.status === 'blowup') {
      blowupCache.set(bkey, r.blowupS!);
      throw new ObservableUndefined(`the ${algo} flow blows up near s = ${F.toString(r.blowupS!, 10)}, before s = ${F.toString(s, 10)}`);
    }
    const p = r.points[0]!;
    return { W: p.W, beta: p.beta, tau: null };
  }

  private global(name: string, col: number): Value<T> {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const v = this.computeGlobal(name, col);
    this.cache.set(name, v);
    return v;
  }

  private sMax(): T {
    const F = this.F;
    const nz = this.x.filter((xi) => !F.isZero(xi));
    if (nz.length === 0) throw new ObservableUndefined('x = 0: nothing moves');
    return F.div(F.fromNumber(5000), xMinMax(F, nz).min);
  }

  private computeGlobal(name: string, col: number): Value<T> {
    const F = this.F;
    const { x, rho, W0, L } = this;
    const algo = this.input.algo;
    const str = (v: string): Value<T> => ({ k: 'str', v });
    if (this.model.time !== 'flow') throw new FormulaError(this.where, `${name} is an observable of flows`, col, name);
    if (L !== 2) {
      if (name !== 'fate' && name !== 'collapse_s') throw new FormulaError(this.where, `${name} needs depth 2`, col, name);
      if (algo === 'sam-linf') {
        const r = linfFlow(F, x, rho, W0, [this.sMax()]);
        if (name === 'collapse_s') return r.collapseS === null ? { k: 'none' } : this.num(r.collapseS);
        return str(r.collapseS !== null ? 'collapse' : r.points[0]?.status === 'escaped' ? 'escape' : 'undecided');
      }
      const r = rescaledFlow(F, algo, x, rho, W0, [this.sMax()]);
      if (name === 'collapse_s') return { k: 'none' };
      return str(r.status === 'blowup' ? 'blowup' : 'undecided');
    }
    const [u0, v0] = [W0[0]!, W0[1]!];
    let m: RegExpExecArray | null;
    if ((m = /^fate_(\d+)$/.exec(name))) {
      if (algo !== 'sam-linf') throw new FormulaError(this.where, `${name} exists for sam-linf only (this draw: ${algo})`, col, name);
      return str(linfClosedForm(F, x, u0, v0, rho, F.zero).fates[this.idx(m[1]!, col, name)]!);
    }
    if (name === 'alpha_c') {
      if (algo !== 'sam-l2' || this.input.alpha === null) throw new FormulaError(this.where, 'alpha_c exists for sam-l2 with balanced starts only', col, name);
      if (F.sign(rho) <= 0) throw new ObservableUndefined('alpha_c needs rho > 0');
      if (x.some((xi) => F.isZero(xi))) throw new ObservableUndefined('alpha_c needs every x_i != 0');
      const key = `${F.precision}|${this.input.x.join(',')}|${this.input.rho}`;
      let enc = alphaCCache.get(key) as { lo: T; hi: T } | undefined;
      if (!enc) {
        const r = criticalScale(F, x, rho, { tol: F.fromString(ALPHA_C_TOL) });
        enc = { lo: r.lo, hi: r.hi };
        alphaCCache.set(key, enc);
      }
      this.notes.add(
        `alpha_c: midpoint of a certified enclosure [lo, hi] of width <= ${ALPHA_C_TOL} rho (criticalScale); a draw whose alpha lies inside the enclosure is not resolved and counted as undefined`,
      );
      const a = F.fromString(this.input.alpha);
      if (F.cmp(a, enc.lo) >= 0 && F.cmp(a, enc.hi) <= 0) throw new ObservableUndefined('alpha lies inside the certified alpha_c enclosure (not resolved)');
      return this.num(F.div(F.add(enc.lo, enc.hi), F.fromNumber(2)));
    }
    if (name === 'limit' || name === 'limit_sign') {
      const nz = x.filter((xi) => !F.isZero(xi));
      if (nz.length === 0) throw new ObservableUndefined('x = 0: no limit direction');
      const S = F.div(F.fromNumber(10000), xMinMax(F, nz).min);
      this.notes.add('limit = the leading coordinate (argmax |beta_i|, 0 if beta = 0) at s = 1e4/min|x_i|');
      const st = this.state(S, col, name);
      const j = leaderOf(F, st.beta);
      if (name === 'limit') return this.num(F.fromNumber(j));
      return this.num(F.fromNumber(j === 0 ? 0 : F.sign(st.beta[j - 1]!)));
    }
    // fate, collapse_s
    if (algo === 'gd') {
      if (name === 'collapse_s') return { k: 'none' };
      return str(gdStatus(F, x, u0, v0) === 'escaped' ? 'escape' : 'decay');
    }
    if (algo === 'sam-linf') {
      const c = linfClosedForm(F, x, u0, v0, rho, F.zero);
      if (name === 'collapse_s') return c.collapseS === null ? { k: 'none' } : this.num(c.collapseS);
      return str(c.collapseS !== null ? 'collapse' : c.fates.includes('escape') ? 'escape' : 'saddle');
    }
    const st = { x, rho, u0, v0 };
    const r = runL2(F, tauModel(F, st), [this.sMax()], { stopAtCertificate: true });
    const fate = r.certificate?.kind ?? 'undecided';
    if (name === 'fate') return str(fate);
    if (fate !== 'collapse') return { k: 'none' };
    // follow the flow through the collapse (the τ reduction locates it: tail-bound bracket ± radius)
    const far = F.add(F.mul(r.certificate!.s, F.fromNumber(2)), this.sMax());
    const full = l2Flow(F, st, [far], { method: 'tau' });
    if (full.collapseS === null) throw new NumericError('l2-SAM collapse certificate held but the collapse time was not located', 'collapse_s');
    if (full.collapseSRadius !== null)
      this.notes.add(
        `collapse_s: tail-bound bracket +-${F.toString(full.collapseSRadius, 3)} at the integrated s; the integration error of s (about rtol*s) is not included`,
      );
    return this.num(full.collapseS);
  }
}

/** 1-based argmax |beta_i| (first index on ties), 0 when beta = 0. */
export function leaderOf<T>(F: Field<T>, beta: readonly T[]): number {
  let j = -1;
  beta.forEach((b, i) => {
    if (F.isZero(b)) return;
    if (j < 0 || F.cmp(F.abs(b), F.abs(beta[j]!)) > 0) j = i;
  });
  return j + 1;
}
