/**
 * B2 (GD closed form, invariant), B3 (ℓ2-SAM closed form with τ' = 1/N, invariant), B4 (scaling,
 * aligned component, certificates, d = 1 critical scale) obligations. Closed forms are verified by
 * substitution (no JS CAS solves ODEs): the ODE residual must simplify to exactly 0.
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { defineObligation, ratArb, sampleToField, type Obligation, type Sample } from '../../src/symbolic/obligation.ts';
import { engineRhs, fdDerivative, maxOf, relDiff } from '../../src/symbolic/numericChecks.ts';
import { algebriteResidual, ev, namedResidual, runNamed, twoCoordinatePoint, type CasLine } from './common.ts';

const SUBST_NOTE = 'method: verification by substitution (no JS CAS solves ODEs); unknown function T(s) kept symbolic by algebrite, d(T(s),s) replaced by 1/N';
const NERD_NOTE = "nerdamer-prime reads T(s) as the product T*s (diff gives no T' term): not used where T(s) appears";

function toTwin<T, S>(F: Field<T>, G: Field<S>, e: Record<string, T>): Record<string, S> {
  const o: Record<string, S> = {};
  for (const [k, v] of Object.entries(e)) o[k] = G.fromString(F.toString(v));
  return o;
}

// ---------- B2 ----------
const GD_U = (i: number) => `(p${i}*exp(x${i}*s)+q${i}*exp(-x${i}*s))/2`;
const GD_V = (i: number) => `(p${i}*exp(x${i}*s)-q${i}*exp(-x${i}*s))/2`;

const closedArb: fc.Arbitrary<Sample> = fc.record({
  x1: ratArb(2, { nonzero: true }),
  x2: ratArb(2, { nonzero: true }),
  p1: ratArb(2),
  q1: ratArb(2),
  p2: ratArb(2),
  q2: ratArb(2),
  s: ratArb(1),
  tau: ratArb(1, { positive: true }),
  rho: ratArb(1, { positive: true }),
});

const b2pq = defineObligation<Sample>({
  id: 'B2.pq',
  item: 'B2',
  statement: "GD flow u' = x v, v' = x u in p = u + v, q = u - v: p' = x p, q' = -x q.",
  latex: "p_i' = x_i p_i,\\quad q_i' = -x_i q_i",
  method: 'derivation',
  async cas(s) {
    const alg = await runNamed(s, 'algebrite', [
      'du=x*v',
      'dv=x*u',
      ['p (algebrite)', 'simplify((du+dv)-x*(u+v))'],
      ['q (algebrite)', 'simplify((du-dv)+x*(u-v))'],
    ]);
    const nd = await runNamed(s, 'nerdamer-prime', [
      ['p (nerdamer)', 'expand((x*v+x*u)-x*(u+v))'],
      ['q (nerdamer)', 'expand((x*v-x*u)+x*(u-v))'],
    ]);
    return {
      engine: 'algebrite+nerdamer-prime',
      residual: namedResidual({ ...alg, ...nd }),
      steps: ['rhs from B1 (rho = 0)', "p' - x p and q' + x q simplified by both CAS"],
    };
  },
  arb: closedArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const u = [e.p1!, e.p2!],
      v = [e.q1!, e.q2!];
    const r = engineRhs(F, 'gd', [e.x1!, e.x2!], u, v, F.zero);
    const out: T[] = [];
    for (let i = 0; i < 2; i++) {
      const x = i === 0 ? e.x1! : e.x2!;
      out.push(
        relDiff(F, F.add(r.du[i]!, r.dv[i]!), F.mul(x, F.add(u[i]!, v[i]!))),
        relDiff(F, F.sub(r.du[i]!, r.dv[i]!), F.neg(F.mul(x, F.sub(u[i]!, v[i]!)))),
      );
    }
    return maxOf(F, out);
  },
});

const b2res = defineObligation<Sample>({
  id: 'B2.residual',
  item: 'B2',
  statement:
    'p_i = p_i(0) e^{x_i s}, q_i = q_i(0) e^{-x_i s} solves the GD flow: the ODE residual of u = (p+q)/2, v = (p-q)/2 is 0 and the initial values match.',
  latex: 'p_i = p_i(0)e^{x_i s},\\ q_i = q_i(0)e^{-x_i s}',
  method: 'substitution',
  async cas(s) {
    return {
      ...(await algebriteResidual(s, [
        `u=${GD_U(1)}`,
        `v=${GD_V(1)}`,
        ["u'", 'simplify(d(u,s)-x1*v)'],
        ["v'", 'simplify(d(v,s)-x1*u)'],
        ['u(0)', 'simplify(subst(0,s,u)-(p1+q1)/2)'],
        ['v(0)', 'simplify(subst(0,s,v)-(p1-q1)/2)'],
      ])),
      steps: ['u, v from the closed forms of p, q', 'd/ds u - x v and d/ds v - x u simplified', 'initial values at s = 0'],
      notes: [SUBST_NOTE],
    };
  },
  arb: closedArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const st = (i: number) => ({ u: ev(F, GD_U(i), e), v: ev(F, GD_V(i), e) });
    const S = [st(1), st(2)];
    const r = engineRhs(
      F,
      'gd',
      [e.x1!, e.x2!],
      S.map((a) => a.u),
      S.map((a) => a.v),
      F.zero,
    );
    const out: T[] = [];
    for (const i of [1, 2]) {
      for (const [k, f] of [
        ['u', GD_U(i)],
        ['v', GD_V(i)],
      ] as const) {
        const d = fdDerivative(F, <S2>(G: Field<S2>, t: S2) => ev(G, f, { ...toTwin(F, G, e), s: t }), e.s!);
        out.push(relDiff(F, d, (k === 'u' ? r.du : r.dv)[i - 1]!));
      }
    }
    return maxOf(F, out);
  },
});

const b2inv = defineObligation<Sample>({
  id: 'B2.invariant',
  item: 'B2',
  statement: 'Under the GD flow u_i^2 - v_i^2 is invariant (= p_i(0) q_i(0)).',
  latex: '\\tfrac{d}{ds}(u_i^2 - v_i^2) = 0',
  method: 'substitution',
  async cas(s) {
    return {
      ...(await algebriteResidual(s, [`u=${GD_U(1)}`, `v=${GD_V(1)}`, ['d/ds', 'simplify(d(u^2-v^2,s))'], ['value', 'simplify(u^2-v^2-p1*q1)']])),
      steps: ['closed forms of B2 substituted', 'd/ds (u^2 - v^2) simplified', 'u^2 - v^2 - p(0) q(0) simplified'],
    };
  },
  arb: closedArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    // independent: engine GD rhs, d/ds(u^2 - v^2) = 2(u du - v dv)
    const r = engineRhs(F, 'gd', [e.x1!, e.x2!], [e.p1!, e.p2!], [e.q1!, e.q2!], F.zero);
    const dI = F.mul(F.fromNumber(2), F.sub(F.mul(e.p1!, r.du[0]!), F.mul(e.q1!, r.dv[0]!)));
    return relDiff(F, dI, F.zero);
  },
});

// ---------- B3 ----------
/** Claimed B3 closed forms; `sg` is the sign in front of rho x^2 tau (the correct one is -1; +1 is a deliberately wrong variant used by the tests). */
const L2_U = (i: number, T: string, sg = -1) => `(p${i}*exp(x${i}*s+(${sg})*rho*x${i}^2*${T})+q${i}*exp(-x${i}*s+(${sg})*rho*x${i}^2*${T}))/2`;
const L2_V = (i: number, T: string, sg = -1) => `(p${i}*exp(x${i}*s+(${sg})*rho*x${i}^2*${T})-q${i}*exp(-x${i}*s+(${sg})*rho*x${i}^2*${T}))/2`;
const N2 = 'x1^2*(u1^2+v1^2)+x2^2*(u2^2+v2^2)';

const b3pq = defineObligation<Sample>({
  id: 'B3.pq',
  item: 'B3',
  statement: "l2-SAM flow in p, q: p_i' = (x_i - rho x_i^2/N) p_i, q_i' = (-x_i - rho x_i^2/N) q_i; N^2 = sum (x_i^2/2)(p_i^2 + q_i^2).",
  latex: "p_i' = (x_i - \\rho x_i^2/N)p_i,\\ q_i' = -(x_i + \\rho x_i^2/N)q_i,\\ N^2 = \\sum_i \\tfrac{x_i^2}{2}(p_i^2+q_i^2)",
  method: 'derivation',
  async cas(s) {
    const alg = await runNamed(s, 'algebrite', [
      'du=x*v-rho*x^2*u/N',
      'dv=x*u-rho*x^2*v/N',
      ['p', 'simplify((du+dv)-(x-rho*x^2/N)*(u+v))'],
      ['q', 'simplify((du-dv)+(x+rho*x^2/N)*(u-v))'],
      ['N^2', 'simplify(subst((p-q)/2,v,subst((p+q)/2,u,x^2*(u^2+v^2)))-x^2/2*(p^2+q^2))'],
    ]);
    const nd = await runNamed(s, 'nerdamer-prime', [
      ['p (nerdamer)', 'simplify(((x*v-rho*x^2*u/N)+(x*u-rho*x^2*v/N))-(x-rho*x^2/N)*(u+v))'],
      ['N^2 (nerdamer)', 'expand(x^2*(((p+q)/2)^2+((p-q)/2)^2)-x^2/2*(p^2+q^2))'],
    ]);
    return {
      engine: 'algebrite+nerdamer-prime',
      residual: namedResidual({ ...alg, ...nd }),
      steps: ['rhs of B1.l2-flow', "p' and q' residuals simplified", 'x^2(u^2+v^2) = x^2(p^2+q^2)/2 checked'],
    };
  },
  arb: closedArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const u = [e.p1!, e.p2!],
      v = [e.q1!, e.q2!],
      x = [e.x1!, e.x2!];
    const N = F.sqrt(ev(F, N2, { x1: x[0]!, x2: x[1]!, u1: u[0]!, u2: u[1]!, v1: v[0]!, v2: v[1]! }));
    if (F.isZero(N)) return F.zero;
    const r = engineRhs(F, 'sam-l2', x, u, v, e.rho!);
    const out: T[] = [];
    for (let i = 0; i < 2; i++) {
      const k = F.div(F.mul(e.rho!, F.mul(x[i]!, x[i]!)), N);
      out.push(
        relDiff(F, F.add(r.du[i]!, r.dv[i]!), F.mul(F.sub(x[i]!, k), F.add(u[i]!, v[i]!))),
        relDiff(F, F.sub(r.du[i]!, r.dv[i]!), F.neg(F.mul(F.add(x[i]!, k), F.sub(u[i]!, v[i]!)))),
      );
    }
    return maxOf(F, out);
  },
});

/** B3.residual with the exponent sign `sg` (-1 is docs/derivation.md's formula). */
export function makeB3Residual(sg: 1 | -1 = -1): Obligation {
  return defineObligation<Sample>({
    id: sg === -1 ? 'B3.residual' : 'B3.residual-wrong-sign',
    item: 'B3',
    statement:
      "With tau an unknown function, tau' = 1/N: p_i = p_i(0) exp(x_i s - rho x_i^2 tau), q_i = q_i(0) exp(-x_i s - rho x_i^2 tau) solve the l2-SAM flow (d = 2); the flow reduces to the scalar ODE tau' = 1/N(s, tau).",
    latex: "p_i = p_i(0)e^{x_i s-\\rho x_i^2\\tau},\\ q_i = q_i(0)e^{-x_i s-\\rho x_i^2\\tau},\\ \\tau' = 1/N",
    method: 'substitution',
    async cas(s) {
      return {
        ...(await algebriteResidual(s, [
          `u1=${L2_U(1, 'T(s)', sg)}`,
          `v1=${L2_V(1, 'T(s)', sg)}`,
          `u2=${L2_U(2, 'T(s)', sg)}`,
          `v2=${L2_V(2, 'T(s)', sg)}`,
          ["u1'", 'simplify(subst(1/N,d(T(s),s),d(u1,s))-(x1*v1-rho*x1^2*u1/N))'],
          ["v1'", 'simplify(subst(1/N,d(T(s),s),d(v1,s))-(x1*u1-rho*x1^2*v1/N))'],
          ["u2'", 'simplify(subst(1/N,d(T(s),s),d(u2,s))-(x2*v2-rho*x2^2*u2/N))'],
          ["v2'", 'simplify(subst(1/N,d(T(s),s),d(v2,s))-(x2*u2-rho*x2^2*v2/N))'],
          ['u1(0)', 'simplify(subst(0,T(0),subst(0,s,u1))-(p1+q1)/2)'],
        ])),
        steps: [
          'closed forms with T(s) an unknown function (algebrite keeps it symbolic)',
          'd/ds computed; d(T(s),s) substituted by 1/N',
          'residual against B1 l2 rhs simplified, all four components',
          'initial value with T(0) = 0',
        ],
        notes: [SUBST_NOTE, NERD_NOTE],
      };
    },
    arb: closedArb,
    numeric<T>(F: Field<T>, s: Sample) {
      const e = sampleToField(F, s);
      const st = (G: Field<any>, env: Record<string, any>) => ({
        u1: ev(G, L2_U(1, 'tau', sg), env),
        v1: ev(G, L2_V(1, 'tau', sg), env),
        u2: ev(G, L2_U(2, 'tau', sg), env),
        v2: ev(G, L2_V(2, 'tau', sg), env),
      });
      const S = st(F, e);
      const N = F.sqrt(ev(F, N2, { ...e, ...S }));
      const r = engineRhs(F, 'sam-l2', [e.x1!, e.x2!], [S.u1, S.u2], [S.v1, S.v2], e.rho!);
      const out: T[] = [];
      const comps: Array<[string, T]> = [
        [L2_U(1, 'tau', sg), r.du[0]!],
        [L2_V(1, 'tau', sg), r.dv[0]!],
        [L2_U(2, 'tau', sg), r.du[1]!],
        [L2_V(2, 'tau', sg), r.dv[1]!],
      ];
      for (const [f, want] of comps) {
        const ds = fdDerivative(F, <S2>(G: Field<S2>, t: S2) => ev(G, f, { ...toTwin(F, G, e), s: t }), e.s!);
        const dt = fdDerivative(F, <S2>(G: Field<S2>, t: S2) => ev(G, f, { ...toTwin(F, G, e), tau: t }), e.tau!);
        out.push(relDiff(F, F.add(ds, F.div(dt, N)), want));
      }
      return maxOf(F, out);
    },
  });
}
const b3res = makeB3Residual(-1);

const b3inv = defineObligation<Sample>({
  id: 'B3.invariant',
  item: 'B3',
  statement: "(u_i^2 - v_i^2) e^{2 rho x_i^2 tau} is invariant under the l2-SAM flow (tau' = 1/N).",
  latex: '\\tfrac{d}{ds}\\big[(u_i^2-v_i^2)e^{2\\rho x_i^2\\tau}\\big] = 0',
  method: 'substitution',
  async cas(s) {
    return {
      ...(await algebriteResidual(s, [
        `u=${L2_U(1, 'T(s)')}`,
        `v=${L2_V(1, 'T(s)')}`,
        'I=(u^2-v^2)*exp(2*rho*x1^2*T(s))',
        ['dI/ds (closed form)', 'simplify(subst(1/N,d(T(s),s),d(I,s)))'],
        ['I - p q', 'simplify(I-p1*q1)'],
        // independent of the closed form: along the B1 flow dI/ds = 2(u u' - v v') e^{..} + (u^2-v^2) 2 rho x^2/N e^{..}
        ['dI/ds along the flow', 'simplify(2*(u0*(x*v0-rho*x^2*u0/N)-v0*(x*u0-rho*x^2*v0/N))+(u0^2-v0^2)*2*rho*x^2/N)'],
      ])),
      steps: [
        'I = (u^2 - v^2) exp(2 rho x^2 T(s)) with the B3 closed forms',
        "dI/ds with T' = 1/N simplified",
        'I = p(0) q(0)',
        'directly along the flow: d/ds I / e^{..} simplified',
      ],
      notes: [SUBST_NOTE],
    };
  },
  arb: closedArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const u = [e.p1!, e.p2!],
      v = [e.q1!, e.q2!];
    const N = F.sqrt(ev(F, N2, { x1: e.x1!, x2: e.x2!, u1: u[0]!, u2: u[1]!, v1: v[0]!, v2: v[1]! }));
    if (F.isZero(N)) return F.zero;
    const r = engineRhs(F, 'sam-l2', [e.x1!, e.x2!], u, v, e.rho!);
    // dI/ds e^{-..} = 2(u du - v dv) + (u^2 - v^2) 2 rho x^2 / N
    const two = F.fromNumber(2);
    const a = F.mul(two, F.sub(F.mul(u[0]!, r.du[0]!), F.mul(v[0]!, r.dv[0]!)));
    const b = F.div(F.mul(F.sub(F.mul(u[0]!, u[0]!), F.mul(v[0]!, v[0]!)), F.mul(two, F.mul(e.rho!, F.mul(e.x1!, e.x1!)))), N);
    return relDiff(F, F.add(a, b), F.zero);
  },
});

// ---------- B4 ----------
const scaleArb: fc.Arbitrary<Sample> = fc.record({ ...twoCoordinatePoint(2), lam: ratArb(3, { positive: true }) });

const b4scaling = defineObligation<Sample>({
  id: 'B4.scaling',
  item: 'B4',
  statement:
    'The l2-SAM rhs is homogeneous: rhs(lambda u, lambda v, lambda rho) = lambda rhs(u, v, rho) for lambda > 0 (trajectories map onto trajectories), and rhs(mu x) = mu rhs(x) for mu > 0 (x -> mu x only rescales time).',
  latex: 'F(\\lambda u,\\lambda v;\\lambda\\rho) = \\lambda F(u,v;\\rho),\\ F(\\cdot;\\mu x) = \\mu F(\\cdot;x)',
  method: 'derivation',
  async cas(s) {
    const N = '(x1^2*(u1^2+v1^2)+x2^2*(u2^2+v2^2))^(1/2)';
    const f = `x1*v1-rho*x1^2*u1/${N}`;
    const script = (fl: string, fm: string): CasLine[] => [fl, ['lambda', 'simplify(fl-lam*f)'], fm, ['mu', 'simplify(fm-mu*f)']];
    let res = await runNamed(s, 'algebrite', [
      `f=${f}`,
      ...script(`fl=subst(lam*rho,rho,subst(lam*u1,u1,subst(lam*v1,v1,subst(lam*u2,u2,subst(lam*v2,v2,f)))))`, 'fm=subst(mu*x1,x1,subst(mu*x2,x2,f))'),
    ]);
    const notes: string[] = [];
    if (res.lambda !== '0' || res.mu !== '0') {
      // sqrt(lam^2 N^2) is not reduced to lam N without the sign condition lam > 0: apply it explicitly
      notes.push(
        `algebrite keeps sqrt(lam^2 ...) (answers: ${res.lambda} | ${res.mu}); rule applied explicitly with the sign condition lam, mu > 0: (lam^2 A)^(1/2) = lam A^(1/2)`,
      );
      res = await runNamed(s, 'algebrite', [
        'f=x1*v1-rho*x1^2*u1/M',
        ...script('fl=(lam*x1*v1-lam*rho*x1^2*lam*u1/(lam*M))', 'fm=(mu*x1*v1-rho*mu^2*x1^2*u1/(mu*M))'),
      ]);
    }
    return {
      engine: 'algebrite',
      residual: namedResidual(res),
      steps: [
        "rhs u1' of B1.l2-flow with N written out",
        'substitute (lam u, lam v, lam rho) and simplify against lam*rhs',
        'substitute mu x and simplify against mu*rhs',
      ],
      notes,
    };
  },
  arb: scaleArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const L = e.lam!;
    const out: T[] = [];
    for (const algo of ['sam-l2', 'sam-linf'] as const) {
      const a = engineRhs(F, algo, [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!);
      const b = engineRhs(F, algo, [e.x1!, e.x2!], [F.mul(L, e.u1!), F.mul(L, e.u2!)], [F.mul(L, e.v1!), F.mul(L, e.v2!)], F.mul(L, e.rho!));
      const c = engineRhs(F, algo, [F.mul(L, e.x1!), F.mul(L, e.x2!)], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!);
      for (let i = 0; i < 2; i++)
        out.push(
          relDiff(F, b.du[i]!, F.mul(L, a.du[i]!)),
          relDiff(F, b.dv[i]!, F.mul(L, a.dv[i]!)),
          relDiff(F, c.du[i]!, F.mul(L, a.du[i]!)),
          relDiff(F, c.dv[i]!, F.mul(L, a.dv[i]!)),
        );
    }
    return maxOf(F, out);
  },
});

const b4aligned = defineObligation<Sample>({
  id: 'B4.certificates',
  item: 'B4',
  statement:
    "Aligned component a_i = u_i + sgn(x_i) v_i obeys a_i' = a_i(|x_i| - rho x_i^2/N). Identities behind the certificates: N^2 - sum x_i^2 a_i^2/2 = sum x_i^2 (u_i - sgn(x_i) v_i)^2/2 >= 0 (escape), and 2 sum x_i^2(u_i^2+v_i^2)(|x_i| - rho x_i^2/N) - d(N^2)/ds = 2 sum |x_i|^3 (u_i - sgn(x_i) v_i)^2 >= 0 (collapse).",
  latex: "a_i' = a_i(|x_i| - \\rho x_i^2/N),\\ N^2 - \\tfrac12\\sum x_i^2 a_i^2 = \\tfrac12\\sum x_i^2(u_i-\\mathrm{sgn}(x_i)v_i)^2",
  method: 'derivation',
  async cas(s) {
    const lines: CasLine[] = [];
    for (const s1 of [-1, 1])
      for (const s2 of [-1, 1]) {
        const x1 = `(${s1})*a1x`,
          x2 = `(${s2})*a2x`;
        const du = (i: number, x: string) => `(${x}*v${i}-rho*(${x})^2*u${i}/N)`;
        const dv = (i: number, x: string) => `(${x}*u${i}-rho*(${x})^2*v${i}/N)`;
        lines.push([`a1'[${s1},${s2}]`, `simplify(${du(1, x1)}+(${s1})*${dv(1, x1)}-(u1+(${s1})*v1)*(a1x-rho*a1x^2/N))`]);
        const N2s = `(${x1})^2*(u1^2+v1^2)+(${x2})^2*(u2^2+v2^2)`;
        lines.push([
          `escape identity[${s1},${s2}]`,
          `simplify(${N2s}-((${x1})^2*(u1+(${s1})*v1)^2+(${x2})^2*(u2+(${s2})*v2)^2)/2-((${x1})^2*(u1-(${s1})*v1)^2+(${x2})^2*(u2-(${s2})*v2)^2)/2)`,
        ]);
        const dN2 = `2*((${x1})^2*(u1*${du(1, x1)}+v1*${dv(1, x1)})+(${x2})^2*(u2*${du(2, x2)}+v2*${dv(2, x2)}))`;
        const bound = `2*((${x1})^2*(u1^2+v1^2)*(a1x-rho*a1x^2/N)+(${x2})^2*(u2^2+v2^2)*(a2x-rho*a2x^2/N))`;
        lines.push([`collapse identity[${s1},${s2}]`, `simplify(${bound}-${dN2}-2*(a1x^3*(u1-(${s1})*v1)^2+a2x^3*(u2-(${s2})*v2)^2))`]);
      }
    return {
      ...(await algebriteResidual(s, lines)),
      steps: [
        'x_i = sgn(x_i)|x_i|, case split over sgn(x_1), sgn(x_2)',
        "a_i' from B1 l2 rhs",
        "escape: N^2 >= sum x^2 a^2/2, so sum x^2 a^2/2 > (rho max|x|)^2 gives N > rho max|x|, every a_i' a_i >= 0 and the bound persists",
        'collapse: d(N^2)/ds <= 2 sum x^2(u^2+v^2)(|x| - rho x^2/N) < 0 when N < rho min|x| (each |x_i| > N/rho > N/(2 rho))',
      ],
    };
  },
  arb: scaleArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const x = [e.x1!, e.x2!],
      u = [e.u1!, e.u2!],
      v = [e.v1!, e.v2!];
    const N = F.sqrt(ev(F, N2, { x1: x[0]!, x2: x[1]!, u1: u[0]!, u2: u[1]!, v1: v[0]!, v2: v[1]! }));
    if (F.isZero(N)) return F.zero;
    const r = engineRhs(F, 'sam-l2', x, u, v, e.rho!);
    const out: T[] = [];
    for (let i = 0; i < 2; i++) {
      const sg = F.fromNumber(F.sign(x[i]!));
      const a = F.add(u[i]!, F.mul(sg, v[i]!));
      const da = F.add(r.du[i]!, F.mul(sg, r.dv[i]!));
      out.push(relDiff(F, da, F.mul(a, F.sub(F.abs(x[i]!), F.div(F.mul(e.rho!, F.mul(x[i]!, x[i]!)), N)))));
    }
    return maxOf(F, out);
  },
});

const b4d1 = defineObligation<Sample>({
  id: 'B4.critical-d1',
  item: 'B4',
  statement:
    "d = 1, balanced start u = v = alpha > 0, x > 0: a = 2 alpha, a' = a x (alpha - rho/sqrt 2)/alpha, so the critical scale is alpha_c = rho/sqrt(2) (escape above, collapse below).",
  latex: '\\alpha_c = \\rho/\\sqrt2\\quad(d=1)',
  method: 'solve',
  async cas(s) {
    return {
      ...(await algebriteResidual(s, [
        'N=x*alpha*2^(1/2)',
        'g=x-rho*x^2/N',
        ['factored rate', 'simplify(g-x*(alpha-rho/2^(1/2))/alpha)'],
        ['rate at alpha_c', 'simplify(subst(rho/2^(1/2),alpha,g))'],
      ])),
      steps: [
        'N = |x| sqrt(u^2+v^2) = x alpha sqrt 2 on the balanced line (u = v stays balanced: q = 0)',
        "a'/a = x - rho x^2/N = x(alpha - rho/sqrt 2)/alpha",
        'sign change exactly at alpha = rho/sqrt 2',
      ],
    };
  },
  arb: fc.record({ x1: ratArb(3, { positive: true }), rho: ratArb(2, { positive: true }) }),
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const a = F.div(e.rho!, F.sqrt(F.fromNumber(2)));
    const r = engineRhs(F, 'sam-l2', [e.x1!], [a], [a], e.rho!);
    return maxOf(F, [relDiff(F, r.du[0]!, F.zero), relDiff(F, r.dv[0]!, F.zero)]);
  },
});

export const closedFormObligations: Obligation[] = [b2pq, b2res, b2inv, b3pq, b3res, b3inv, b4scaling, b4aligned, b4d1];
