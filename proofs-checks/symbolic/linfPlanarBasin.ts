/**
 * B8 obligations: ℓ∞-SAM planar system (x > 0, σ = x s), all four quadrants and the axes.
 *
 * Results derived here (and used by src/linf/planarExact.ts):
 * - Q1/Q3 (c = sgn u = sgn v): p − 2cρ = (p0 − 2cρ)e^σ, q = q0 e^{−σ}; escape ⇔ |p0| > 2ρ.
 * - Q2 (u < 0 < v): p = p0 e^σ, u − v − 2ρ = (q0 − 2ρ)e^{−σ}; with E = e^σ,
 *   u = 0 ⇔ p0E² + 2ρE + (q0 − 2ρ) = 0, v = 0 ⇔ p0E² − 2ρE − (q0 − 2ρ) = 0; at u = 0, v = p0E; at v = 0, u = p0E.
 *   p0 > 0: u hits first, at v1 = p0E_u; p0 < 0: v hits first, at u1 = p0E_v; the continuation escapes iff
 *   |p0E| > 2ρ ⇔ |p0|(2ρ − q0) > 8ρ² (Q4 by the swap u ↔ v): for u0·v0 < 0,
 *   escape ⇔ |u0 + v0|·(2ρ + |u0 − v0|) > 8ρ².
 * - Axes: Filippov sliding on u = 0 iff |v| ≤ ρ with v' = −ρ sgn v (same on v = 0).
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { defineObligation, ratArb, sampleToField, type Obligation, type Sample } from '../../src/symbolic/obligation.ts';
import { engineRhs, fdDerivative, maxOf, relDiff } from '../../src/symbolic/numericChecks.ts';
import { linfEscapeMargin } from '../../src/linf/planarExact.ts';
import { srcMixedConstant, srcSameQuadrantConstant } from './srcConstants.ts';
import { algebriteResidual, ev, namedResidual, runNamed, type CasLine } from './common.ts';

function toTwin<T, S>(F: Field<T>, G: Field<S>, e: Record<string, T>): Record<string, S> {
  const o: Record<string, S> = {};
  for (const [k, v] of Object.entries(e)) o[k] = G.fromString(F.toString(v));
  return o;
}

/** Closed form in the open quadrant with signs (su, sv): centre (u*, v*) = (rho sv, rho su). */
export function quadrantClosedForm(su: number, sv: number): { u: string; v: string } {
  const us = `(${sv})*rho`,
    vs = `(${su})*rho`;
  const P = `((u0-${us})+(v0-${vs}))`,
    Q = `((u0-${us})-(v0-${vs}))`;
  return { u: `${us}+(${P}*exp(x*s)+${Q}*exp(-x*s))/2`, v: `${vs}+(${P}*exp(x*s)-${Q}*exp(-x*s))/2` };
}
const QUADS: Array<[string, number, number]> = [
  ['Q1', 1, 1],
  ['Q2', -1, 1],
  ['Q3', -1, -1],
  ['Q4', 1, -1],
];

const quadArb: fc.Arbitrary<Sample> = fc.record({
  a: ratArb(3, { positive: true }),
  b: ratArb(3, { positive: true }),
  rho: ratArb(1, { positive: true }),
  x: ratArb(2, { positive: true }),
  s: fc.record({ n: fc.integer({ min: 0, max: 20 }), d: fc.constant(100) }),
});

const closedForms = defineObligation<Sample>({
  id: 'B8.closed-forms',
  item: 'B8',
  statement:
    'In each open quadrant (signs su, sv) the l_inf-SAM flow (x > 0) is affine with centre (rho sv, rho su): u = u* + (P e^{xs} + Q e^{-xs})/2, v = v* + (P e^{xs} - Q e^{-xs})/2, P = (u0-u*)+(v0-v*), Q = (u0-u*)-(v0-v*). In Q1/Q3 this is p - 2c rho = (p0 - 2c rho) e^{xs}, q = q0 e^{-xs}; in Q2 p = p0 e^{xs}, u - v - 2 rho = (q0 - 2 rho) e^{-xs}.',
  latex: 'p-2c\\rho = (p_0-2c\\rho)e^{xs},\\ q = q_0e^{-xs}\\ (Q1,Q3);\\quad p = p_0e^{xs},\\ q-2\\rho = (q_0-2\\rho)e^{-xs}\\ (Q2)',
  method: 'substitution',
  async cas(s) {
    const lines: CasLine[] = [];
    for (const [name, su, sv] of QUADS) {
      const cf = quadrantClosedForm(su, sv);
      lines.push(
        [`${name} u'`, `simplify(d(${cf.u},s)-x*((${cf.v})-rho*(${su})))`],
        [`${name} v'`, `simplify(d(${cf.v},s)-x*((${cf.u})-rho*(${sv})))`],
        [`${name} u(0)`, `simplify(subst(0,s,${cf.u})-u0)`],
        [`${name} v(0)`, `simplify(subst(0,s,${cf.v})-v0)`],
      );
    }
    // the p, q forms
    const q1 = quadrantClosedForm(1, 1),
      q2 = quadrantClosedForm(-1, 1);
    lines.push(
      ['Q1 p', `simplify((${q1.u})+(${q1.v})-2*rho-(u0+v0-2*rho)*exp(x*s))`],
      ['Q1 q', `simplify((${q1.u})-(${q1.v})-(u0-v0)*exp(-x*s))`],
      ['Q2 p', `simplify((${q2.u})+(${q2.v})-(u0+v0)*exp(x*s))`],
      ['Q2 q', `simplify((${q2.u})-(${q2.v})-2*rho-(u0-v0-2*rho)*exp(-x*s))`],
    );
    return {
      ...(await algebriteResidual(s, lines)),
      steps: [
        "rhs in quadrant (su, sv): u' = x(v - rho su), v' = x(u - rho sv) (B1, x > 0)",
        "centre (u*, v*) = (rho sv, rho su), shifted system a' = x b, b' = x a",
        'closed forms substituted: residual and initial values simplified in all four quadrants',
        'p, q forms in Q1 and Q2 (Q3, Q4 by the symmetries (u,v) -> (-u,-v) and (u,v) -> (v,u))',
      ],
      notes: ['method: verification by substitution (no JS CAS solves ODEs)'],
    };
  },
  arb: fc.tuple(quadArb, fc.integer({ min: 0, max: 3 })).map(([s, q]) => ({ ...s, q: { n: q, d: 1 } })),
  numeric<T>(F: Field<T>, smp: Sample) {
    const e = sampleToField(F, smp);
    const [, su, sv] = QUADS[smp.q!.n]!;
    const env = { ...e, u0: su > 0 ? e.a! : F.neg(e.a!), v0: sv > 0 ? e.b! : F.neg(e.b!) };
    const cf = quadrantClosedForm(su, sv);
    const u = ev(F, cf.u, env),
      v = ev(F, cf.v, env);
    if (F.sign(u) !== su || F.sign(v) !== sv) return F.zero; // left the quadrant before s: formula not claimed there
    const r = engineRhs(F, 'sam-linf', [e.x!], [u], [v], e.rho!);
    const du = fdDerivative(F, <S>(G: Field<S>, t: S) => ev(G, cf.u, { ...toTwin(F, G, env), s: t }), e.s!);
    const dv = fdDerivative(F, <S>(G: Field<S>, t: S) => ev(G, cf.v, { ...toTwin(F, G, env), s: t }), e.s!);
    return maxOf(F, [relDiff(F, du, r.du[0]!), relDiff(F, dv, r.dv[0]!)]);
  },
});

const q2Arb: fc.Arbitrary<Sample> = fc.record({ a: ratArb(4, { positive: true }), b: ratArb(4, { positive: true }), rho: ratArb(1, { positive: true }) });

/**
 * E = e^σ at which a start in Q2 (inQ2(1) true) leaves it: doubling to a bracket, then bisection
 * to the working precision; the upper end of the final bracket.
 */
function exitFromQ2<T>(F: Field<T>, inQ2: (E: T) => boolean): T {
  let lo = F.one,
    hi = F.fromNumber(2);
  while (inQ2(hi)) {
    lo = hi;
    hi = F.mul(hi, F.fromNumber(2));
  }
  for (let k = 0; k < Math.ceil(F.precision * 3.4) + 10; k++) {
    const mid = F.div(F.add(lo, hi), F.fromNumber(2));
    if (inQ2(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

const crossing = defineObligation<Sample>({
  id: 'B8.mixed-crossing',
  item: 'B8',
  statement:
    'Q2 (u < 0 < v), E = e^{sigma}: 2E u = p0 E^2 + 2 rho E + (q0 - 2 rho) and 2E v = p0 E^2 - 2 rho E - (q0 - 2 rho); where u = 0, v = p0 E; where v = 0, u = p0 E. After entering Q1 at (0, v1), rho < v1 < 2 rho: (v1 - 2 rho)E^2 + 2 rho E - v1 = (E - 1)((v1 - 2 rho)E + v1), so u returns to 0 at E = v1/(2 rho - v1), with v = 2 rho - v1 in (0, rho): sliding, absorbed.',
  latex: 'p_0E^2+2\\rho E+(q_0-2\\rho) = 0\\ (u=0),\\quad p_0E^2-2\\rho E-(q_0-2\\rho)=0\\ (v=0)',
  method: 'solve',
  async cas(s) {
    const cf = quadrantClosedForm(-1, 1);
    const uE = `subst(E,exp(x*s),subst(1/E,exp(-x*s),${cf.u}))`;
    const vE = `subst(E,exp(x*s),subst(1/E,exp(-x*s),${cf.v}))`;
    const q1 = quadrantClosedForm(1, 1);
    const RES = [
      'u quadratic',
      'v quadratic',
      'p = p0 E (so v = p0 E at u = 0)',
      'Q1 re-entry quadratic',
      'factorization',
      'return point v = 2 rho - v1',
    ] as const;
    const o = await runNamed(s, 'algebrite', [
      `uE=${uE}`,
      `vE=${vE}`,
      ['uE', 'uE'],
      ['vE', 'vE'],
      [RES[0], 'simplify(2*E*uE-((u0+v0)*E^2+2*rho*E+(u0-v0-2*rho)))'],
      [RES[1], 'simplify(2*E*vE-((u0+v0)*E^2-2*rho*E-(u0-v0-2*rho)))'],
      [RES[2], 'simplify((vE+uE)-(u0+v0)*E)'],
      [RES[3], `simplify(2*E*subst(0,u0,subst(E,exp(x*s),subst(1/E,exp(-x*s),${q1.u})))-((v0-2*rho)*E^2+2*rho*E-v0))`],
      [RES[4], 'simplify((v0-2*rho)*E^2+2*rho*E-v0-(E-1)*((v0-2*rho)*E+v0))'],
      [RES[5], `simplify(subst(v0/(2*rho-v0),E,subst(0,u0,subst(E,exp(x*s),subst(1/E,exp(-x*s),${q1.v}))))-(2*rho-v0))`],
    ]);
    return {
      engine: 'algebrite',
      residual: namedResidual(Object.fromEntries(RES.map((n) => [n, o[n]!]))),
      steps: [
        'closed form of B8.closed-forms in Q2 with exp(x s) -> E',
        `u(E) = ${o.uE}`,
        `v(E) = ${o.vE}`,
        'multiply by 2E: quadratics in E for u = 0 and v = 0',
        'u + v = p0 E, hence the other coordinate equals p0 E at a crossing',
        "Q2, p0 > 0: u increases (u' = v + rho > 0) and v decreases (v' = u - rho < 0) while in Q2; v(E_u) = p0 E_u > 0, so u = 0 is reached first; p0 < 0: u(E_v) = p0 E_v < 0, so v = 0 first; p0 = 0: both at once (origin)",
        'entering Q1 at (0, v1): quadratic factorizes, other root v1/(2 rho - v1) > 1 iff v1 > rho; return point 2 rho - v1 <= rho: sliding (B8.sliding)',
      ],
      data: { u: cf.u, v: cf.v, uE: o.uE!, vE: o.vE! },
    };
  },
  arb: q2Arb,
  samples: 25,
  numeric<T>(F: Field<T>, smp: Sample, cas: { data?: Record<string, string> }) {
    // independent: bisection on the closed form for the exit time from Q2, then compare with the quadratic roots
    const e = sampleToField(F, smp);
    const u0 = F.neg(e.a!),
      v0 = e.b!,
      rho = e.rho!;
    // the CAS's own E-form of the closed form (exp(x s) -> E): rational in E, evaluated exactly in decimal
    const env = (E: T) => ({ u0, v0, rho, E });
    const inQ2 = (E: T) => F.sign(ev(F, cas.data!.uE!, env(E))) < 0 && F.sign(ev(F, cas.data!.vE!, env(E))) > 0;
    const hi = exitFromQ2(F, inQ2);
    const p0 = F.add(u0, v0),
      Qt = F.sub(F.sub(u0, v0), F.mul(F.fromNumber(2), rho));
    // predicted exit: the quadratic whose root comes first (p0 > 0: u, p0 < 0: v), cancellation-free root
    const disc = (sgn: number) => F.sqrt(F.add(F.mul(rho, rho), F.mul(F.fromNumber(sgn), F.mul(p0, Qt))));
    const Epred = F.sign(p0) >= 0 ? F.div(F.neg(Qt), F.add(rho, disc(-1))) : F.div(F.neg(Qt), F.add(rho, disc(1)));
    return relDiff(F, hi, Epred);
  },
});

/** Q2 starts at relative distance k/1000 from the exact boundary p0 (2 rho + |q0|) = 8 rho^2 (|q0| scaled by 1 + k/1000). */
const nearBoundaryArb: fc.Arbitrary<Sample> = fc
  .record({
    ra: fc.integer({ min: 1, max: 5 }),
    rb: fc.integer({ min: 1, max: 5 }),
    pc: fc.integer({ min: 1, max: 6 }),
    pe: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: -30, max: 30 }).filter((k) => k !== 0),
    swap: fc.boolean(),
  })
  .map(({ ra, rb, pc, pe, k, swap }) => {
    // rho = ra/rb, p0 = pc/pe, Qa = 8 rho^2/p0 - 2 rho = (8 ra^2 pe - 2 ra rb pc)/(rb^2 pc); |q0| = Qa (1000 + k)/1000
    const qn = (8 * ra * ra * pe - 2 * ra * rb * pc) * (1000 + k),
      qd = rb * rb * pc * 1000;
    // a = (|q0| - p0)/2, b = (|q0| + p0)/2 over the common denominator 2 qd pe
    const den = 2 * qd * pe;
    return { a: { n: qn * pe - pc * qd, d: den }, b: { n: qn * pe + pc * qd, d: den }, rho: { n: ra, d: rb }, swap: { n: swap ? 1 : 0, d: 1 } };
  })
  .filter((r) => r.a.n > 0);

/**
 * B8.mixed-threshold with the constant k in k rho^2. Without `wrongK` the constant is READ FROM
 * src/linf/planarExact.ts (srcConstants.ts) and verified (derived: 8); other k are deliberately
 * wrong variants for the tests.
 */
export function makeMixedThreshold(wrongK?: number): Obligation {
  const k = wrongK ?? srcMixedConstant();
  return defineObligation<Sample>({
    id: wrongK === undefined ? 'B8.mixed-threshold' : `B8.mixed-threshold-wrong-${wrongK}`,
    item: 'B8',
    statement:
      'Mixed quadrants (u0 v0 < 0, rho > 0): the trajectory escapes iff |u0 + v0| (2 rho + |u0 - v0|) > 8 rho^2, tends to the saddle (+-rho, +-rho) iff equality, otherwise it is absorbed at the origin in finite time.',
    latex: '\\text{escape} \\iff |u_0+v_0|\\,(2\\rho+|u_0-v_0|) > 8\\rho^2\\quad(u_0v_0<0)',
    method: 'solve',
    async cas(s) {
      // f(E) = p0 E^2 + 2 rho E + (q0 - 2 rho) increasing on E > 0 when p0 > 0; escape iff p0 E_u > 2 rho iff f(2 rho/p0) < 0.
      const o = await runNamed(s, 'algebrite', [
        'f=p0*E^2+2*rho*E+(q0-2*rho)',
        ['p0 f(2rho/p0) (p0 > 0)', `simplify(p0*subst(2*rho/p0,E,f)-(${k}*rho^2-p0*(2*rho-q0)))`],
        'g=p0*E^2-2*rho*E-(q0-2*rho)',
        ['p0 g(-2rho/p0) (p0 < 0)', `simplify(p0*subst(-2*rho/p0,E,g)-(${k}*rho^2-p0*(q0-2*rho)))`],
        ['continuity with Q1 at u0 = 0', `simplify(subst(2*rho,v0,(0+v0)*(2*rho+v0)-${k}*rho^2))`],
        ['roots', 'roots(v^2+2*rho*v-8*rho^2,v)'],
      ]);
      const nd = await runNamed(s, 'nerdamer-prime', [
        ['nerdamer cross-check', `expand(p0*(p0*(2*rho/p0)^2+2*rho*(2*rho/p0)+(q0-2*rho))-(${k}*rho^2-p0*(2*rho-q0)))`],
      ]);
      const { roots, ...residuals } = o;
      return {
        engine: 'algebrite+nerdamer-prime',
        residual: namedResidual({ ...residuals, ...nd }),
        steps: [
          'p0 > 0: exit through u = 0 at v1 = p0 E_u (B8.mixed-crossing); v1 <= rho slides to 0, rho < v1 < 2 rho returns and slides, v1 = 2 rho saddle, v1 > 2 rho escapes (Q1 rule)',
          'f increasing for E > 0, f(E_u) = 0: p0 E_u > 2 rho <=> f(2 rho/p0) < 0 <=> 8 rho^2 < p0(2 rho - q0)',
          'p0 < 0: exit through v = 0 at u1 = p0 E_v into Q3 rule; g decreasing for E > 0: |p0| E_v > 2 rho <=> g(2 rho/|p0|) > 0 <=> |p0|(2 rho - q0) > 8 rho^2',
          'in Q2, 2 rho - q0 = 2 rho + |u0 - v0|; Q4 follows by the swap (u, v) -> (v, u) which keeps |u0 + v0| and |u0 - v0|',
          `at u0 = 0: v0(2 rho + v0) = 8 rho^2 has roots ${roots}: the positive one is 2 rho, matching the Q1 threshold`,
        ],
      };
    },
    samples: 40,
    // half uniform, half within 0.1%..3% of the boundary (where a wrong constant or a wrong branch shows)
    arb: fc.oneof(
      fc.record({
        a: ratArb(4, { positive: true }),
        b: ratArb(4, { positive: true }),
        rho: ratArb(1, { positive: true }),
        swap: fc.boolean().map((b) => ({ n: b ? 1 : 0, d: 1 })),
      }),
      nearBoundaryArb,
    ),
    numeric<T>(F: Field<T>, smp: Sample) {
      // independent route: exit from the mixed quadrant by bisection on the closed form, then the axis/Q1/Q3 rules
      const e = sampleToField(F, smp);
      const swap = smp.swap!.n === 1;
      const rho = e.rho!;
      const u0 = F.neg(e.a!),
        v0 = e.b!;
      // closed form of B8.closed-forms in Q2 written with E = e^sigma (independent Field code)
      const two = F.fromNumber(2);
      const p0 = F.add(u0, v0),
        Qt = F.sub(F.sub(u0, v0), F.mul(two, rho));
      const at = (E: T) => {
        const a = F.mul(p0, E),
          b = F.div(Qt, E);
        return { u: F.add(rho, F.div(F.add(a, b), two)), v: F.sub(F.div(F.sub(a, b), two), rho) };
      };
      const inQ2 = (E: T) => {
        const st = at(E);
        return F.sign(st.u) < 0 && F.sign(st.v) > 0;
      };
      const st = at(exitFromQ2(F, inQ2));
      const other = F.cmp(F.abs(st.u), F.abs(st.v)) < 0 ? st.v : st.u; // the coordinate that is not ~0
      const c = F.cmp(F.abs(other), F.mul(F.fromNumber(2), rho));
      const simFate = F.cmp(F.abs(other), rho) <= 0 ? -1 : c;
      // exact condition, evaluated on the (possibly swapped) start: the swap must not change it
      const m0 = swap ? linfEscapeMargin(F, v0, u0, rho) : linfEscapeMargin(F, u0, v0, rho);
      const m = { lhs: m0.lhs, rhs: wrongK === undefined ? m0.rhs : F.mul(F.fromNumber(wrongK), F.mul(rho, rho)) };
      const condFate = F.cmp(m.lhs, m.rhs);
      if (simFate > 0 === condFate > 0) return F.zero;
      return F.div(F.abs(F.sub(m.lhs, m.rhs)), F.max(F.one, m.rhs));
    },
  });
}
const threshold = makeMixedThreshold();

const sliding = defineObligation<Sample>({
  id: 'B8.sliding',
  item: 'B8',
  statement:
    "On u = 0 (x > 0): the one-sided fields are f+ = (v - rho, -rho sgn v), f- = (v + rho, -rho sgn v); the Filippov combination a f+ + (1-a) f- with zero u-component has a = (v + rho)/(2 rho), admissible (0 <= a <= 1) iff |v| <= rho; then v' = -rho sgn(v): the state slides to the origin in normalized time |v|/rho. For |v| > rho both sides push u the same way: the trajectory crosses. Same on v = 0.",
  latex:
    "\\alpha = \\tfrac{v+\\rho}{2\\rho},\\ \\alpha(1-\\alpha) = \\tfrac{\\rho^2-v^2}{4\\rho^2} \\ge 0 \\iff |v|\\le\\rho;\\ v' = -\\rho\\,\\mathrm{sgn}\\,v",
  method: 'solve',
  async cas(s) {
    const { a, ...residuals } = await runNamed(s, 'algebrite', [
      ['a', 'roots(a*(v-rho)+(1-a)*(v+rho),a)'],
      'A=(v+rho)/(2*rho)',
      ['u-component of the combination', 'simplify(A*(v-rho)+(1-A)*(v+rho))'],
      ['a(1-a)', 'simplify(A*(1-A)-(rho^2-v^2)/(4*rho^2))'],
      ['f+_u f-_u = v^2 - rho^2', 'simplify((v-rho)*(v+rho)-(v^2-rho^2))'],
    ]);
    return {
      engine: 'algebrite',
      residual: namedResidual(residuals),
      steps: [
        `solve a(v - rho) + (1 - a)(v + rho) = 0 for a: ${a}`,
        'a in [0, 1] iff a(1 - a) >= 0 iff |v| <= rho',
        'f+_u f-_u = v^2 - rho^2 > 0 iff |v| > rho: same sign on both sides, crossing',
        'v-component is -rho sgn v on both sides, so the sliding speed is rho toward 0',
      ],
      data: { a: a!.replace(/^\[|\]$/g, '') },
    };
  },
  arb: fc
    .record({ v: ratArb(1), rho: ratArb(1, { positive: true }), x: ratArb(2, { positive: true }) })
    .filter((r) => Math.abs(r.v.n / r.v.d) <= r.rho.n / r.rho.d),
  numeric<T>(F: Field<T>, smp: Sample, cas: { data?: Record<string, string> }) {
    const e = sampleToField(F, smp);
    const tiny = F.fromString(`1e-${2 * F.precision}`);
    const fp = engineRhs(F, 'sam-linf', [e.x!], [tiny], [e.v!], e.rho!);
    const fm = engineRhs(F, 'sam-linf', [e.x!], [F.neg(tiny)], [e.v!], e.rho!);
    const a = ev(F, cas.data!.a!, { v: e.v!, rho: e.rho! });
    const cu = F.add(F.mul(a, fp.du[0]!), F.mul(F.sub(F.one, a), fm.du[0]!));
    const cv = F.add(F.mul(a, fp.dv[0]!), F.mul(F.sub(F.one, a), fm.dv[0]!));
    const want = F.neg(F.mul(F.mul(e.x!, e.rho!), F.fromNumber(F.sign(e.v!))));
    // a in [0, 1] up to the working precision (the CAS form of a evaluates to ~-1e-50 at |v| = rho)
    const slack = F.fromString(`1e-${Math.max(5, F.precision - 10)}`);
    const inRange = F.cmp(a, F.neg(slack)) >= 0 && F.cmp(a, F.add(F.one, slack)) <= 0 ? F.zero : F.one;
    return maxOf(F, [relDiff(F, cu, F.zero), relDiff(F, cv, want), inRange]);
  },
});

const q1Threshold = defineObligation<Sample>({
  id: 'B8.q1q3-threshold',
  item: 'B8',
  statement:
    'First/third quadrant (x > 0): escape iff |u0 + v0| > 2 rho; on |u0 + v0| = 2 rho the state tends to the saddle (c rho, c rho); below, it reaches an axis at a point with |other coordinate| <= rho, slides (B8.sliding) and is absorbed at the origin in finite time.',
  latex: '\\text{escape} \\iff |u_0+v_0| > 2\\rho\\quad(u_0v_0 \\ge 0)',
  method: 'solve',
  async cas(s) {
    const cf = quadrantClosedForm(1, 1);
    const vE = `subst(E,exp(x*s),subst(1/E,exp(-x*s),${cf.v}))`;
    const uE = `subst(E,exp(x*s),subst(1/E,exp(-x*s),${cf.u}))`;
    return {
      ...(await algebriteResidual(s, [
        `uE=${uE}`,
        `vE=${vE}`,
        // p - 2 rho = P E with P = p0 - 2 rho
        ['p - 2rho = P E', 'simplify(uE+vE-2*rho-(u0+v0-2*rho)*E)'],
        // u' = v - rho = rho + P E - u, which is rho + P E where u = 0
        ["u' = rho + P E - u", 'simplify((vE-rho)-(rho+(u0+v0-2*rho)*E-uE))'],
        // P = 0: the state is (rho, rho) + (q0/2)(1, -1)/E -> (rho, rho)
        ['P = 0 tends to (rho, rho)', 'simplify(subst(2*rho-v0,u0,uE)-rho-(2*rho-2*v0)/(2*E))'],
        // the threshold constant of src/linf/planarExact.ts must be the stable manifold P = 0 of the saddle
        ['src threshold is the stable manifold', `simplify(subst(${srcSameQuadrantConstant()}*rho-v0,u0,uE)-rho-(2*rho-2*v0)/(2*E))`],
      ])),
      steps: [
        'Q1 closed form (B8.closed-forms) with E = e^{x s}',
        'p - 2 rho = P E, P = p0 - 2 rho',
        "P > 0: at a first hit of u = 0 we would have u' = rho + P E > 0, impossible when arriving from u > 0; same for v: the state stays in Q1 and |p| grows: escape",
        "P < 0: p decreases to -infinity, so an axis is reached; arriving at u = 0 needs u' = rho + P E <= 0, i.e. v = 2 rho + P E <= rho: sliding, absorbed",
        'P = 0: stable manifold of the saddle (rho, rho)',
        'Q3 by the symmetry (u, v) -> (-u, -v)',
      ],
    };
  },
  arb: fc.record({ a: ratArb(3), b: ratArb(3), rho: ratArb(1, { positive: true }) }).filter((r) => r.a.n * r.b.n >= 0 && (r.a.n !== 0 || r.b.n !== 0)),
  samples: 40,
  numeric<T>(F: Field<T>, smp: Sample) {
    // independent route: exact Q1/Q3 closed form in E, search for an axis hit up to E = 10^6, then the sliding test
    const e = sampleToField(F, smp);
    const rho = e.rho!;
    const c = F.sign(F.add(e.a!, e.b!)) >= 0 ? 1 : -1;
    const u0 = e.a!,
      v0 = e.b!;
    const cr = c > 0 ? rho : F.neg(rho);
    const two = F.fromNumber(2);
    const P = F.sub(F.add(u0, v0), F.mul(two, cr)),
      Q = F.sub(u0, v0);
    const at = (E: T) => ({ u: F.add(cr, F.div(F.add(F.mul(P, E), F.div(Q, E)), two)), v: F.add(cr, F.div(F.sub(F.mul(P, E), F.div(Q, E)), two)) });
    const inside = (E: T) => {
      const st = at(E);
      return F.sign(st.u) === c && F.sign(st.v) === c;
    };
    let simFate: 'escape' | 'absorb' | 'saddle';
    if (F.isZero(P)) simFate = F.isZero(u0) && F.isZero(v0) ? 'absorb' : 'saddle';
    else if (F.isZero(u0) || F.isZero(v0)) {
      // on an axis: slides iff |other| <= rho, else enters the quadrant (then P decides)
      const other = F.isZero(u0) ? v0 : u0;
      simFate = F.cmp(F.abs(other), rho) <= 0 ? 'absorb' : F.sign(P) === c ? 'escape' : 'absorb';
    } else {
      let E = F.one,
        hit = false;
      for (let k = 0; k < 200 && !hit; k++) {
        E = F.mul(E, F.fromString('1.072'));
        if (!inside(E)) hit = true;
      }
      if (!hit) simFate = 'escape';
      else {
        // bisection for the exit, then the sliding admissibility of the hit point
        let lo = F.div(E, F.fromString('1.072')),
          hi = E;
        for (let k = 0; k < Math.ceil(F.precision * 3.4); k++) {
          const mid = F.div(F.add(lo, hi), two);
          if (inside(mid)) lo = mid;
          else hi = mid;
        }
        const st = at(hi);
        const other = F.cmp(F.abs(st.u), F.abs(st.v)) < 0 ? st.v : st.u;
        simFate = F.cmp(F.abs(other), F.add(rho, F.fromString(`1e-${F.precision - 15}`))) <= 0 ? 'absorb' : 'escape';
      }
    }
    const cond = F.cmp(F.abs(F.add(u0, v0)), F.mul(two, rho));
    const condFate = cond > 0 ? 'escape' : cond === 0 ? (F.isZero(u0) && F.isZero(v0) ? 'absorb' : 'saddle') : 'absorb';
    return simFate === condFate ? F.zero : F.one;
  },
});

export const linfBasinObligations: Obligation[] = [closedForms, q1Threshold, crossing, threshold, sliding];
