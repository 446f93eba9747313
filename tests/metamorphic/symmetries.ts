/**
 * Metamorphic properties from the model's exact symmetries, shared by the unit tier
 * (tests/metamorphic/symmetries.test.ts, small budgets) and the end-to-end tier
 * (tests/e2e/metamorphic.test.ts, full budgets and the CLI).
 *
 * Derivations (one example, label 1, L = 2, rescaled time s; a_i = u_i + sgn(x_i) v_i):
 *
 * (H) Homogeneity in (u, v, ρ). The flows are
 *       GD:     u' = x v,                      v' = x u
 *       ℓ2-SAM: u' = x v − ρ x² u / N,          v' = x u − ρ x² v / N,   N = (Σ x_i²(u_i² + v_i²))^{1/2}
 *       ℓ∞-SAM: u' = x v − ρ |x| sgn(u),        v' = x u − ρ |x| sgn(v)   (x > 0 form of B7)
 *     Put (U, V, R) = c(u, v, ρ), c > 0. Then N(U, V) = c N(u, v), so ρ/N = R/N(U,V), sgn(U) = sgn(u),
 *     and every right-hand side is multiplied by c: (U, V)(s) = c (u, v)(s) with the SAME s. Hence
 *     collapse_s, certificate times, switch times and fates are invariant, u, v scale by c, β by c²,
 *     the τ of B3 (τ' = 1/N) scales by 1/c. The B4 certificates N < ρ x_min and
 *     Σ x²a²/2 > (ρ x_max)² are invariant, so the balanced critical scale is α_c(cρ) = c α_c(ρ), and the
 *     ℓ∞ planar fate depends on (u0, v0)/ρ only (linfEscapeCondition is homogeneous of degree 1 / 2).
 * (X) Scaling x. With X = c x (c > 0) and S = s / c: dU/dS = c·(x v − ρ x² u·c/(cN)) … in detail
 *     N(X; u, v) = c N(x; u, v), so ρX²/N(X) = c ρ x²/N(x) and d/dS = c d/ds: the solution at S = s/c
 *     equals the original at s. So collapse_s, switch times and certificate times scale by 1/c,
 *     τ by 1/c² (τ' = 1/N, ds = c dS), α_c is unchanged. For ℓ∞: |X| sgn = c|x| sgn, same argument.
 * (P) Permutation: the coordinates enter only through the symmetric sum in N (ℓ2) or not at all
 *     (GD, ℓ∞ decouple, B7): permuting (x_i, u_i, v_i) permutes the solution; collapse_s, the
 *     critical scale and the leader sequence (as x values) are unchanged.
 * (S) Sign: x_i → −x_i, v_i → −v_i. x v → (−x)(−v) = x v, x u → −x u = (−v)' and x² and N unchanged, and
 *     for ℓ∞ ρ|x|sgn(−v) = −ρ|x|sgn(v): the new solution is (u, −v) coordinatewise. β_i → −β_i; fates,
 *     collapse_s, the balanced critical scale (balanced start v = sgn(x) α) and switch times unchanged.
 * Discrete maps (any L, any loss, ℓ2 and ℓ∞ SAM and GD; w_k the layers):
 * (D1) With c > 0: x → c^L x, w → w / c, η → η / c², ρ → ρ / c. Margins z = x Π w are unchanged, so
 *      g(z) is; ∂𝓛/∂w_k = −g x Π_{n≠k} w_n is multiplied by c^L / c^{L−1} = c, ‖∇𝓛‖ by c, so
 *      ε_ℓ2 = ρ∇/‖∇‖ → ε/c and ε_ℓ∞ = ρ sign(∇) → ε/c, the evaluation point by 1/c, its gradient by c,
 *      and w − η∇ → (w − η∇)/c. Clock s = Σ η g(z̃) → s / c². For c = 10^k every multiplication by c is
 *      exact in decimal arithmetic, so the identity holds to the last digit (checked bit-exactly).
 * (D2) Sign: x_i → −x_i with the i-th entry of the LAST layer negated: z and g unchanged, the
 *      gradient of that entry flips sign, the others unchanged, |∇| and sign patterns map accordingly:
 *      exact (negation is exact).
 * (D3) Permutation of coordinates: exact in exact arithmetic; in P-digit arithmetic the sums are
 *      reassociated, so agreement to P − 6 digits after a short run is required.
 * Scales: c = m·10^k with 1 ≤ m < 10 and k uniform in [−30, 30] (ρ and the state from 1e-30 to 1e30).
 * Tolerances (fixed before running): integrated quantities must agree to ⌊(P−10)/2⌋ digits relative (the
 * integrators run at rtol 10^{-(P−10)}); closed forms to P − 8 (ℓ∞) or P − 6 (GD) digits; collapse times within the sum of
 * their certified radii plus that; critical-scale enclosures must intersect.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { gdClosedForm } from '../../src/flow/gdClosedForm.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { linfEscapeCondition, linfPlanarFate } from '../../src/linf/planarExact.ts';
import { criticalScale } from '../../src/analysis/criticalScale.ts';
import { leaders, balancedStart } from '../../src/analysis/leaders.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { evaluateFlow } from '../../src/cli/evaluateFlow.ts';
import { parseFlowConfig } from '../../src/io/flowConfig.ts';

export type D = ReturnType<typeof decimalField> extends Field<infer T> ? T : never;

export interface Budget {
  /** fast-check runs per property */
  readonly runs: number;
  /** working precision of the flows */
  readonly P: number;
  readonly seed: number;
}

/** A scale c = m·10^k as a decimal string (1 ≤ m < 10, k ∈ [kLo, kHi]). */
export const scaleArb = (kLo = -30, kHi = 30): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: kLo, max: kHi }))
    .map(([a, b, k]) => `${a}.${String(b).padStart(3, '0')}e${k}`);
/** An exact power of ten 10^k as a decimal string. */
export const pow10Arb = (kLo = -30, kHi = 30): fc.Arbitrary<string> => fc.integer({ min: kLo, max: kHi }).map((k) => `1e${k}`);
/** A decimal in [lo, hi] with 3 decimals, as a string. */
const decArb = (lo: number, hi: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(lo * 1000), max: Math.round(hi * 1000) }).map((n) => (n / 1000).toFixed(3));
/** x entries: |x_i| ∈ [0.2, 4], random sign. */
const xEntry = fc.tuple(decArb(0.2, 4), fc.boolean()).map(([a, neg]) => (neg ? `-${a}` : a));
export const xArb = (dMax = 3): fc.Arbitrary<string[]> => fc.array(xEntry, { minLength: 1, maxLength: dMax });

/** |a − b| ≤ 10^{-digits}·max(|a|, |b|, floor). */
export function close(F: Field<D>, a: D, b: D, digits: number, floor: D = F.zero): boolean {
  const ref = F.max(F.max(F.abs(a), F.abs(b)), floor);
  if (F.isZero(ref)) return true;
  return F.cmp(F.abs(F.sub(a, b)), F.mul(ref, F.powInt(F.fromNumber(10), -digits))) <= 0;
}
/** Vectors agree componentwise relative to the vector's largest entry. */
export function closeVec(F: Field<D>, a: readonly D[], b: readonly D[], digits: number): boolean {
  let floor = F.zero;
  for (const v of [...a, ...b]) floor = F.max(floor, F.abs(v));
  return a.length === b.length && a.every((ai, i) => close(F, ai, b[i]!, digits, floor));
}
const msg = (F: Field<D>, what: string, a: readonly D[], b: readonly D[]) =>
  `${what}: ${a.map((v) => F.toString(v, 12)).join(',')} vs ${b.map((v) => F.toString(v, 12)).join(',')}`;

/** Failures of the properties run so far in one entry point (all are run, then reported together). */
let failures: string[] = [];
function check(name: string, budget: Budget, prop: fc.IPropertyWithHooks<any> | fc.IProperty<any>): void {
  const r = fc.check(prop as fc.IProperty<unknown>, { numRuns: budget.runs, seed: budget.seed, endOnFailure: true });
  if (r.failed) {
    const err = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
    failures.push(`${name} failed: counterexample ${JSON.stringify(r.counterexample)} (seed ${r.seed}, path ${r.counterexamplePath}): ${err.split('\n')[0]}`);
  }
}
/** Run one entry point's properties; throw once with every failing property listed. */
export function all(fn: () => void): void {
  failures = [];
  fn();
  if (failures.length > 0) throw new Error(`${failures.length} propert${failures.length === 1 ? 'y' : 'ies'} failed:\n${failures.join('\n')}`);
}

/** Digits two integrated results must share: half of the integrator's 10^{-(P-10)} (fixed before running). */
export function agreeDigits(P: number): number {
  return Math.floor((P - 10) / 2);
}

function rtolOf(F: Field<D>): D {
  return F.powInt(F.fromNumber(10), -(F.precision - 10));
}

/** ℓ2-SAM l2Flow (τ reduction and full system): (H), (X), (S), (P). */
export function l2FlowProperties(budget: Budget, method: 'tau' | 'full'): void {
  const F = decimalField(budget.P);
  const rtol = rtolOf(F);
  const dig = agreeDigits(budget.P);
  const run = (x: string[], u0: string[], v0: string[], rho: string, s: string) =>
    l2Flow(
      F,
      { x: x.map((a) => F.fromString(a)), rho: F.fromString(rho), u0: u0.map((a) => F.fromString(a)), v0: v0.map((a) => F.fromString(a)) },
      [F.fromString(s)],
      { method, rtol },
    );
  const startArb = xArb(3).chain((x) =>
    fc.tuple(
      fc.constant(x),
      fc.array(decArb(-1.2, 1.2), { minLength: x.length, maxLength: x.length }),
      fc.array(decArb(-1.2, 1.2), { minLength: x.length, maxLength: x.length }),
      decArb(0.5, 3),
    ),
  );
  const sameRun = (a: ReturnType<typeof run>, b: ReturnType<typeof run>, c: D, sScale: D, what: string) => {
    const pa = a.points[0]!;
    const pb = b.points[0]!;
    expect(pb.status, `${what}: status`).toBe(pa.status);
    expect((a.collapseS === null) === (b.collapseS === null), `${what}: collapse_s presence ${a.collapseS} vs ${b.collapseS}`).toBe(true);
    if (a.collapseS !== null && b.collapseS !== null) {
      const sa = F.mul(a.collapseS, sScale);
      const slack = F.add(F.mul(F.add(a.collapseSRadius ?? F.zero, F.zero), sScale), b.collapseSRadius ?? F.zero);
      const ok = F.cmp(F.abs(F.sub(sa, b.collapseS)), F.add(slack, F.mul(F.abs(sa), F.powInt(F.fromNumber(10), -dig)))) <= 0;
      expect(ok, `${what}: collapse_s ${F.toString(sa, 15)} vs ${F.toString(b.collapseS, 15)}`).toBe(true);
    }
    if (pa.status !== 'collapsed') {
      const ua = pa.u.map((v) => F.mul(c, v));
      expect(closeVec(F, ua, pb.u, dig), msg(F, `${what}: u`, ua, pb.u)).toBe(true);
    }
  };
  check(
    `l2Flow(${method}) homogeneity (u,v,rho) -> c(u,v,rho)`,
    budget,
    fc.property(startArb, scaleArb(), decArb(0.1, 6), ([x, u0, v0, rho], cS, s) => {
      const c = F.fromString(cS);
      const sc = (v: string) => F.toString(F.mul(c, F.fromString(v)));
      const a = run(x, u0, v0, rho, s);
      const b = run(x, u0.map(sc), v0.map(sc), sc(rho), s);
      sameRun(a, b, c, F.one, `c = ${cS}`);
    }),
  );
  check(
    `l2Flow(${method}) x -> c x, s -> s/c`,
    budget,
    fc.property(startArb, scaleArb(-8, 8), decArb(0.1, 6), ([x, u0, v0, rho], cS, s) => {
      const c = F.fromString(cS);
      const a = run(x, u0, v0, rho, s);
      const b = run(
        x.map((v) => F.toString(F.mul(c, F.fromString(v)))),
        u0,
        v0,
        rho,
        F.toString(F.div(F.fromString(s), c)),
      );
      sameRun(a, b, F.one, F.div(F.one, c), `c = ${cS}`);
    }),
  );
  check(
    `l2Flow(${method}) x_i -> -x_i, v_i -> -v_i`,
    budget,
    fc.property(startArb, decArb(0.1, 6), fc.nat(), ([x, u0, v0, rho], s, mask) => {
      const flip = (i: number) => ((mask >> i) & 1) === 1;
      const neg = (v: string) => (v.startsWith('-') ? v.slice(1) : `-${v}`);
      const a = run(x, u0, v0, rho, s);
      const b = run(
        x.map((v, i) => (flip(i) ? neg(v) : v)),
        u0,
        v0.map((v, i) => (flip(i) ? neg(v) : v)),
        rho,
        s,
      );
      sameRun(a, b, F.one, F.one, `mask ${mask}`);
      if (a.points[0]!.status !== 'collapsed') {
        const va = a.points[0]!.v.map((v, i) => (flip(i) ? F.neg(v) : v));
        expect(closeVec(F, va, b.points[0]!.v, dig), msg(F, 'v', va, b.points[0]!.v)).toBe(true);
      }
    }),
  );
  check(
    `l2Flow(${method}) permutation`,
    budget,
    fc.property(startArb, decArb(0.1, 6), ([x, u0, v0, rho], s) => {
      const perm = x.map((_, i) => i).reverse();
      const a = run(x, u0, v0, rho, s);
      const b = run(
        perm.map((i) => x[i]!),
        perm.map((i) => u0[i]!),
        perm.map((i) => v0[i]!),
        rho,
        s,
      );
      expect(b.points[0]!.status).toBe(a.points[0]!.status);
      if (a.points[0]!.status !== 'collapsed') {
        const ua = perm.map((i) => a.points[0]!.u[i]!);
        expect(closeVec(F, ua, b.points[0]!.u, dig), msg(F, 'u', ua, b.points[0]!.u)).toBe(true);
      }
    }),
  );
}

/** GD: closed form (X), and the integrated rescaledFlow (H) at L = 2. */
export function gdProperties(budget: Budget): void {
  const F = decimalField(budget.P);
  const rtol = rtolOf(F);
  const startArb = xArb(3).chain((x) =>
    fc.tuple(
      fc.constant(x),
      fc.array(decArb(-1.2, 1.2), { minLength: x.length, maxLength: x.length }),
      fc.array(decArb(-1.2, 1.2), { minLength: x.length, maxLength: x.length }),
    ),
  );
  check(
    'gdClosedForm x -> c x, s -> s/c',
    budget,
    fc.property(startArb, scaleArb(), decArb(0, 5), ([x, u0, v0], cS, s) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const U = u0.map((v) => F.fromString(v));
      const V = v0.map((v) => F.fromString(v));
      const a = gdClosedForm(F, X, U, V, F.fromString(s));
      const b = gdClosedForm(
        F,
        X.map((v) => F.mul(c, v)),
        U,
        V,
        F.div(F.fromString(s), c),
      );
      expect(closeVec(F, a.u, b.u, budget.P - 6), msg(F, 'u', a.u, b.u)).toBe(true);
    }),
  );
  check(
    'rescaledFlow(gd, L = 2) homogeneity',
    budget,
    fc.property(startArb, scaleArb(), decArb(0.1, 3), ([x, u0, v0], cS, s) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const W = [u0.map((v) => F.fromString(v)), v0.map((v) => F.fromString(v))];
      const a = rescaledFlow(F, 'gd', X, F.zero, W, [F.fromString(s)], { rtol });
      const b = rescaledFlow(
        F,
        'gd',
        X,
        F.zero,
        W.map((r) => r.map((v) => F.mul(c, v))),
        [F.fromString(s)],
        { rtol },
      );
      const ua = a.points[0]!.W[0]!.map((v) => F.mul(c, v));
      expect(closeVec(F, ua, b.points[0]!.W[0]!, agreeDigits(budget.P)), msg(F, 'u', ua, b.points[0]!.W[0]!)).toBe(true);
    }),
  );
  check(
    'rescaledFlow(sam-l2, L = 2) homogeneity',
    budget,
    fc.property(startArb, scaleArb(), decArb(0.1, 2), ([x, u0, v0], cS, s) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const rho = F.fromString('0.3');
      const W = [u0.map((v) => F.add(F.fromString(v), F.fromNumber(2))), v0.map((v) => F.add(F.fromString(v), F.fromNumber(2)))];
      const a = rescaledFlow(F, 'sam-l2', X, rho, W, [F.fromString(s)], { rtol });
      const b = rescaledFlow(
        F,
        'sam-l2',
        X,
        F.mul(c, rho),
        W.map((r) => r.map((v) => F.mul(c, v))),
        [F.fromString(s)],
        { rtol },
      );
      expect(b.status).toBe(a.status);
      if (a.status === 'running') {
        const ua = a.points[0]!.W[0]!.map((v) => F.mul(c, v));
        expect(closeVec(F, ua, b.points[0]!.W[0]!, agreeDigits(budget.P)), msg(F, 'u', ua, b.points[0]!.W[0]!)).toBe(true);
      }
    }),
  );
}

/** ℓ∞-SAM: closed form and integrated flow (H), (X), (S); planar fates (H). */
export function linfProperties(budget: Budget, withIntegration = true): void {
  const F = decimalField(budget.P);
  const rtol = rtolOf(F);
  const startArb = xArb(3).chain((x) =>
    fc.tuple(
      fc.constant(x),
      fc.array(decArb(-3, 3), { minLength: x.length, maxLength: x.length }),
      fc.array(decArb(-3, 3), { minLength: x.length, maxLength: x.length }),
      decArb(0.2, 2),
    ),
  );
  const close6 = budget.P - 8;
  check(
    'linf planar fate depends on (u0, v0)/rho only (exact scale 10^k)',
    budget,
    fc.property(decArb(-4, 4), decArb(-4, 4), decArb(0.1, 3), pow10Arb(), (u, v, r, cS) => {
      const c = F.fromString(cS);
      const a = linfEscapeCondition(F, F.fromString(u), F.fromString(v), F.fromString(r));
      const b = linfEscapeCondition(F, F.mul(c, F.fromString(u)), F.mul(c, F.fromString(v)), F.mul(c, F.fromString(r)));
      expect(b).toBe(a);
      const pa = linfPlanarFate(F, F.fromString(u), F.fromString(v), F.fromString(r));
      const pb = linfPlanarFate(F, F.mul(c, F.fromString(u)), F.mul(c, F.fromString(v)), F.mul(c, F.fromString(r)));
      expect(pb.fate).toBe(pa.fate);
      if (pa.absorbSigma !== null) expect(close(F, pa.absorbSigma, pb.absorbSigma!, close6), `sigma ${pa.absorbSigma} vs ${pb.absorbSigma}`).toBe(true);
    }),
  );
  check(
    'linfClosedForm homogeneity, x scaling and sign flip',
    budget,
    fc.property(startArb, scaleArb(), decArb(0.1, 4), fc.nat(), ([x, u0, v0, rho], cS, s, mask) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const U = u0.map((v) => F.fromString(v));
      const V = v0.map((v) => F.fromString(v));
      const R = F.fromString(rho);
      const S = F.fromString(s);
      const a = linfClosedForm(F, X, U, V, R, S);
      const b = linfClosedForm(
        F,
        X,
        U.map((v) => F.mul(c, v)),
        V.map((v) => F.mul(c, v)),
        F.mul(c, R),
        S,
      );
      expect(b.fates).toEqual(a.fates);
      expect(b.status).toBe(a.status);
      const ua = a.u.map((v) => F.mul(c, v));
      expect(closeVec(F, ua, b.u, close6), msg(F, 'u', ua, b.u)).toBe(true);
      const e = linfClosedForm(
        F,
        X.map((v) => F.mul(c, v)),
        U,
        V,
        R,
        F.div(S, c),
      );
      expect(e.fates).toEqual(a.fates);
      expect(closeVec(F, a.u, e.u, close6), msg(F, 'u (x scaled)', a.u, e.u)).toBe(true);
      const flip = (i: number) => ((mask >> i) & 1) === 1;
      const f = linfClosedForm(
        F,
        X.map((v, i) => (flip(i) ? F.neg(v) : v)),
        U,
        V.map((v, i) => (flip(i) ? F.neg(v) : v)),
        R,
        S,
      );
      expect(f.fates).toEqual(a.fates);
      const vf = a.v.map((v, i) => (flip(i) ? F.neg(v) : v));
      expect(closeVec(F, vf, f.v, close6), msg(F, 'v (flipped)', vf, f.v)).toBe(true);
    }),
  );
  if (!withIntegration) return;
  check(
    'linfFlow (Filippov integration) homogeneity',
    budget,
    fc.property(startArb, scaleArb(), decArb(0.1, 2), ([x, u0, v0, rho], cS, s) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const W = [u0.map((v) => F.fromString(v)), v0.map((v) => F.fromString(v))];
      const R = F.fromString(rho);
      const a = linfFlow(F, X, R, W, [F.fromString(s)], { rtol });
      const b = linfFlow(
        F,
        X,
        F.mul(c, R),
        W.map((r) => r.map((v) => F.mul(c, v))),
        [F.fromString(s)],
        { rtol },
      );
      expect(b.points[0]!.status).toBe(a.points[0]!.status);
      const ua = a.points[0]!.W[0]!.map((v) => F.mul(c, v));
      expect(closeVec(F, ua, b.points[0]!.W[0]!, agreeDigits(budget.P)), msg(F, 'u', ua, b.points[0]!.W[0]!)).toBe(true);
      if (a.collapseS !== null)
        expect(b.collapseS !== null && close(F, a.collapseS, b.collapseS, agreeDigits(budget.P)), `collapse_s ${a.collapseS} vs ${b.collapseS}`).toBe(true);
    }),
  );
}

/** Critical scale: α_c(cρ) = c α_c(ρ), α_c(cx) = α_c(x), sign flips (enclosures intersect). */
export function criticalScaleProperties(budget: Budget, tol = '1e-5'): void {
  const F = decimalField(budget.P);
  const rtol = rtolOf(F);
  const T = F.fromString(tol);
  const intersects = (aLo: D, aHi: D, bLo: D, bHi: D) => F.cmp(aLo, bHi) <= 0 && F.cmp(bLo, aHi) <= 0;
  const xs = fc.array(decArb(0.3, 3), { minLength: 1, maxLength: 3 });
  check(
    'criticalScale rho -> c rho scales the enclosure by c',
    budget,
    fc.property(xs, scaleArb(), (x, cS) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const a = criticalScale(F, X, F.one, { tol: T, rtol });
      const b = criticalScale(F, X, c, { tol: T, rtol });
      expect(b.undecided).toBe(0);
      expect(F.cmp(F.sub(b.hi, b.lo), F.mul(F.mul(T, c), F.fromString('1.000001'))) <= 0, `width ${F.toString(F.sub(b.hi, b.lo), 6)} > tol*rho`).toBe(true);
      const ok = intersects(F.mul(c, a.lo), F.mul(c, a.hi), b.lo, b.hi);
      expect(
        ok,
        `c[lo,hi] = [${F.toString(F.mul(c, a.lo), 12)}, ${F.toString(F.mul(c, a.hi), 12)}] vs [${F.toString(b.lo, 12)}, ${F.toString(b.hi, 12)}]`,
      ).toBe(true);
    }),
  );
  check(
    'criticalScale x -> c x and x_i -> -x_i leave alpha_c unchanged',
    budget,
    fc.property(xs, scaleArb(-6, 6), fc.nat(), (x, cS, mask) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const a = criticalScale(F, X, F.one, { tol: T, rtol });
      const b = criticalScale(
        F,
        X.map((v, i) => (((mask >> i) & 1) === 1 ? F.neg(F.mul(c, v)) : F.mul(c, v))),
        F.one,
        { tol: T, rtol },
      );
      expect(
        intersects(a.lo, a.hi, b.lo, b.hi),
        `[${F.toString(a.lo, 12)}, ${F.toString(a.hi, 12)}] vs [${F.toString(b.lo, 12)}, ${F.toString(b.hi, 12)}]`,
      ).toBe(true);
    }),
  );
}

/** Leaders: switch times invariant under (α, ρ) → c(α, ρ), scale by 1/c under x → c x; permutation. */
export function leadersProperties(budget: Budget): void {
  const F = decimalField(budget.P);
  const rtol = rtolOf(F);
  const dig = agreeDigits(budget.P);
  const xs = fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { minLength: 2, maxLength: 3 }).map((a) => a.map((n) => (n / 10).toFixed(1)));
  const seq = (r: ReturnType<typeof leaders<D>>, x: readonly string[]) => [r.initialLeader, ...r.switches.map((w) => w.leader)].map((i) => x[i]);
  check(
    'leaders homogeneity and x scaling',
    budget,
    fc.property(xs, decArb(0.2, 1.5), scaleArb(), scaleArb(-6, 6), (x, alpha, cS, kS) => {
      const c = F.fromString(cS);
      const k = F.fromString(kS);
      const X = x.map((v) => F.fromString(v));
      const A = F.fromString(alpha);
      const a = leaders(F, balancedStart(F, X, F.one, A), { rtol });
      const b = leaders(F, balancedStart(F, X, c, F.mul(c, A)), { rtol });
      expect(seq(b, x)).toEqual(seq(a, x));
      expect(b.final.reason).toBe(a.final.reason);
      a.switches.forEach((w, i) => expect(close(F, w.s, b.switches[i]!.s, dig), `switch ${i}: ${w.s} vs ${b.switches[i]!.s}`).toBe(true));
      const e = leaders(
        F,
        balancedStart(
          F,
          X.map((v) => F.mul(k, v)),
          F.one,
          A,
        ),
        { rtol },
      );
      expect(seq(e, x)).toEqual(seq(a, x));
      a.switches.forEach((w, i) =>
        expect(close(F, F.div(w.s, k), e.switches[i]!.s, dig), `switch ${i} (x scaled): ${F.div(w.s, k)} vs ${e.switches[i]!.s}`).toBe(true),
      );
      const perm = x.map((_, i) => i).reverse();
      const p = leaders(
        F,
        balancedStart(
          F,
          perm.map((i) => X[i]!),
          F.one,
          A,
        ),
        { rtol },
      );
      expect(
        seq(
          p,
          perm.map((i) => x[i]!),
        ),
      ).toEqual(seq(a, x));
    }),
  );
}

/** The `flow` command's engine (evaluateFlow) for every algo and method: (H). */
export function evaluateFlowProperties(budget: Budget): void {
  const algos: Array<[string, string]> = [
    ['gd', 'closed-form'],
    ['gd', 'integrate'],
    ['sam-l2', 'closed-form'],
    ['sam-l2', 'integrate'],
    ['sam-linf', 'closed-form'],
    ['sam-linf', 'integrate'],
  ];
  const dig = agreeDigits(budget.P);
  check(
    'evaluateFlow homogeneity for every algo/method',
    budget,
    fc.property(fc.constantFrom(...algos), xArb(3), decArb(0.2, 1.5), scaleArb(), decArb(0.1, 3), ([algo, method], x, alpha, cS, s) => {
      const cfg = (sc: string) => {
        const F0 = decimalField(budget.P);
        const m = (v: string) => F0.toString(F0.mul(F0.fromString(sc), F0.fromString(v)));
        return parseFlowConfig({
          algo,
          method,
          rho: m('1'),
          x,
          u0: x.map(() => m(alpha)),
          v0: x.map((xi) => m(xi.startsWith('-') ? `-${alpha}` : alpha)),
          s,
          precision: budget.P,
        });
      };
      const F = decimalField(budget.P);
      const a = evaluateFlow(F, cfg('1'), [F.fromString(s)]);
      const b = evaluateFlow(F, cfg(cS), [F.fromString(s)]);
      expect(b.points[0]!.status).toBe(a.points[0]!.status);
      expect(b.collapse_s === null).toBe(a.collapse_s === null);
      if (a.collapse_s !== null)
        expect(
          close(F, F.fromString(a.collapse_s), F.fromString(b.collapse_s!), dig, F.fromString(a.collapse_s_radius ?? '0')),
          `collapse_s ${a.collapse_s} vs ${b.collapse_s}`,
        ).toBe(true);
      const c = F.fromString(cS);
      const ua = a.points[0]!.u!.map((v) => F.mul(c, F.fromString(v)));
      const ub = b.points[0]!.u!.map((v) => F.fromString(v));
      expect(closeVec(F, ua, ub, dig), msg(F, 'u', ua, ub)).toBe(true);
    }),
  );
}

/** Discrete maps: (D1) exact scaling with c = 10^k, (D2) exact sign flip, (D3) permutation. */
export function discreteProperties(budget: Budget): void {
  const F = decimalField(budget.P);
  const algoArb = fc.constantFrom('gd', 'sam-l2', 'sam-linf') as fc.Arbitrary<'gd' | 'sam-l2' | 'sam-linf'>;
  const lossArb = fc.constantFrom('logistic', 'exponential') as fc.Arbitrary<'logistic' | 'exponential'>;
  const setup = fc.tuple(algoArb, lossArb, fc.integer({ min: 1, max: 3 }), xArb(3), decArb(0.1, 1), decArb(0.01, 0.2), decArb(0, 1));
  const run = (algo: 'gd' | 'sam-l2' | 'sam-linf', loss: 'logistic' | 'exponential', x: D[], W0: D[][], eta: D, rho: D) =>
    simulate(F, { algo, loss, eta, rho, steps: 6, data: { X: [x], Y: [1] }, W0 });
  check(
    'discrete maps: x -> c^L x, w -> w/c, eta -> eta/c^2, rho -> rho/c (c = 10^k, exact)',
    budget,
    fc.property(setup, pow10Arb(-12, 12), ([algo, loss, L, x, a, eta, rho], cS) => {
      const c = F.fromString(cS);
      const X = x.map((v) => F.fromString(v));
      const W0 = Array.from({ length: L + 1 }, (_, l) => x.map((_, i) => F.add(F.fromString(a), F.fromString(`0.0${(l + i) % 10}`))));
      const Lw = W0.length;
      const A = run(algo, loss, X, W0, F.fromString(eta), F.fromString(rho));
      const B = run(
        algo,
        loss,
        X.map((v) => F.mul(F.powInt(c, Lw), v)),
        W0.map((r) => r.map((v) => F.div(v, c))),
        F.div(F.fromString(eta), F.mul(c, c)),
        F.div(F.fromString(rho), c),
      );
      A.W.forEach((row, l) => row.forEach((w, i) => expect(F.toString(F.div(w, c)), `W[${l}][${i}]`).toBe(F.toString(B.W[l]![i]!))));
      expect(F.toString(F.div(A.s, F.mul(c, c)))).toBe(F.toString(B.s));
    }),
  );
  check(
    'discrete maps: x_i -> -x_i with the last layer entry negated (exact)',
    budget,
    fc.property(setup, fc.nat(), ([algo, loss, L, x, a, eta, rho], mask) => {
      const X = x.map((v) => F.fromString(v));
      const W0 = Array.from({ length: L + 1 }, (_, l) => x.map((_, i) => F.add(F.fromString(a), F.fromString(`0.0${(l + 2 * i) % 10}`))));
      const flip = (i: number) => ((mask >> i) & 1) === 1;
      const last = W0.length - 1;
      const A = run(algo, loss, X, W0, F.fromString(eta), F.fromString(rho));
      const B = run(
        algo,
        loss,
        X.map((v, i) => (flip(i) ? F.neg(v) : v)),
        W0.map((r, l) => r.map((v, i) => (l === last && flip(i) ? F.neg(v) : v))),
        F.fromString(eta),
        F.fromString(rho),
      );
      A.W.forEach((row, l) => row.forEach((w, i) => expect(F.toString(l === last && flip(i) ? F.neg(w) : w)).toBe(F.toString(B.W[l]![i]!))));
      expect(F.toString(A.s)).toBe(F.toString(B.s));
    }),
  );
  check(
    'discrete maps: permutation of coordinates (P - 6 digits)',
    budget,
    fc.property(setup, ([algo, loss, L, x, a, eta, rho]) => {
      const X = x.map((v) => F.fromString(v));
      const W0 = Array.from({ length: L + 1 }, (_, l) => x.map((_, i) => F.add(F.fromString(a), F.fromString(`0.0${(3 * l + i) % 10}`))));
      const perm = x.map((_, i) => i).reverse();
      const A = run(algo, loss, X, W0, F.fromString(eta), F.fromString(rho));
      const B = run(
        algo,
        loss,
        perm.map((i) => X[i]!),
        W0.map((r) => perm.map((i) => r[i]!)),
        F.fromString(eta),
        F.fromString(rho),
      );
      A.W.forEach((row, l) => {
        const pa = perm.map((i) => row[i]!);
        expect(closeVec(F, pa, B.W[l]!, budget.P - 6), msg(F, `W[${l}]`, pa, B.W[l]!)).toBe(true);
      });
    }),
  );
}
