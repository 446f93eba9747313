/**
 * B1 (rescaled flows, loss independence) and B7 (decoupling) obligations, derived from the symbolic loss
 * ℓ(z), z = ⟨u⊙v, x⟩, d = 2 explicitly.
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { gradient } from '../../src/model/diagonalNetwork.ts';
import { perturbation } from '../../src/optim/algorithms.ts';
import { defineObligation, ratArb, sampleToField, type Obligation, type Sample } from '../../src/symbolic/obligation.ts';
import { engineRhs, maxOf, relDiff } from '../../src/symbolic/numericChecks.ts';
import { algebriteResidual, ev, namedResidual, runNamed, twoCoordinatePoint, type CasLine } from './common.ts';

const Z = 'x1*u1*v1+x2*u2*v2';
const W = ['u1', 'u2', 'v1', 'v2'];
const CLAIM_GRAD: Record<string, string> = { u1: '-g*x1*v1', u2: '-g*x2*v2', v1: '-g*x1*u1', v2: '-g*x2*u2' };
const N2 = 'x1^2*(u1^2+v1^2)+x2^2*(u2^2+v2^2)';

const pointArb: fc.Arbitrary<Sample> = fc.record(twoCoordinatePoint(3));

/** Symbolic gradient: the CAS differentiates z; the chain rule ∂ℓ(z)/∂w = ℓ'(z)·∂z/∂w with ℓ' = −g is applied explicitly. */
async function derivedGradient(run: (script: CasLine[]) => Promise<Record<string, string>>): Promise<{ raw: string; grad: Record<string, string> }> {
  const o = await run([['raw', `d(l(${Z}),u1)`], ...W.map((w): CasLine => [w, `-g*d(${Z},${w})`])]);
  return { raw: o.raw!, grad: Object.fromEntries(W.map((w) => [w, o[w]!])) };
}

const gradientOb = defineObligation<Sample>({
  id: 'B1.gradient',
  item: 'B1',
  statement: "For L(u,v) = l(<u*v, x>), dL/du_i = -g(z) x_i v_i and dL/dv_i = -g(z) x_i u_i, g = -l'.",
  latex: '\\partial_{u_i}\\ell(\\langle u\\odot v,x\\rangle) = -g(z)\\,x_i v_i,\\quad \\partial_{v_i}\\ell = -g(z)\\,x_i u_i',
  method: 'derivation',
  async cas(s) {
    const run = (script: CasLine[]) => runNamed(s, 'algebrite', script);
    const { raw, grad } = await derivedGradient(run);
    const res = await run(W.map((w): CasLine => [w, `simplify((${grad[w]})-(${CLAIM_GRAD[w]}))`]));
    return {
      engine: 'algebrite',
      residual: namedResidual(res),
      steps: [
        'z = x1 u1 v1 + x2 u2 v2 (d = 2)',
        `algebrite d(l(z),u1) -> ${raw}`,
        "chain rule applied explicitly: dL/dw = l'(z) dz/dw, l' = -g",
        ...W.map((w) => `dL/d${w} = ${grad[w]}`),
        'residual against the claim simplified',
      ],
      notes: raw.startsWith('d(')
        ? [
            'algebrite leaves the derivative of an unknown function of a compound argument unevaluated (no chain rule); samcheck applies the chain rule as an explicit step',
          ]
        : [],
      data: grad,
    };
  },
  arb: pointArb,
  numeric<T>(F: Field<T>, s: Sample, cas: { data?: Record<string, string> }) {
    const e = sampleToField(F, s);
    const loss = makeLoss(F, 'logistic');
    const r = gradient(F, loss, { X: [[e.x1!, e.x2!]], Y: [1] }, [
      [e.u1!, e.u2!],
      [e.v1!, e.v2!],
    ]);
    const env = { ...e, g: r.gz[0]! };
    const diffs = W.map((w, i) => relDiff(F, ev(F, cas.data![w]!, env), r.grad[i < 2 ? 0 : 1]![i % 2]!));
    return maxOf(F, diffs);
  },
});

/** ℓ2-SAM: perturbation, gradient at the perturbed point, rescaled flow. */
const L2_CLAIM: Record<string, string> = { u1: 'x1*v1-rho*x1^2*u1/N', u2: 'x2*v2-rho*x2^2*u2/N', v1: 'x1*u1-rho*x1^2*v1/N', v2: 'x2*u2-rho*x2^2*v2/N' };
const LINF_PERT_NOTE =
  'sign rule (applied by samcheck, not the CAS): sign(-g x v) = -sgn(x) sgn(v) because g > 0; verified case by case over sgn(x) in {-1,1}, sgn(u), sgn(v) in {-1,0,1}';

const NORM_CHECK = '|grad|^2 - g^2 N^2';

async function l2Flow(run: (script: CasLine[]) => Promise<Record<string, string>>) {
  const G = CLAIM_GRAD;
  const o = await run([
    [NORM_CHECK, `simplify((${G.u1})^2+(${G.u2})^2+(${G.v1})^2+(${G.v2})^2 - g^2*(${N2}))`],
    ...W.map((w) => `${w}t=${w}+rho*(${G[w]})/(g*N)`),
    ...W.map((w) => `r${w}=-(${G[w]!.replace(/\bg\b/g, 'gt').replace(/([uv])([12])/g, '$1$2t')})/gt`),
    ...W.map((w): CasLine => [`${w}'`, `simplify(r${w})`]),
    ...W.map((w): CasLine => [`rhs_${w}`, `simplify(r${w}-(${L2_CLAIM[w]}))`]),
    ...W.map((w): CasLine => [`d/dg,d/dgt rhs_${w}`, `d(r${w},g)+d(r${w},gt)`]),
  ]);
  const pick = (name: (w: string) => string) => Object.fromEntries(W.map((w) => [name(w), o[name(w)]!]));
  return {
    normCheck: o[NORM_CHECK]!,
    rhs: Object.fromEntries(W.map((w) => [w, o[`${w}'`]!])),
    residuals: { [NORM_CHECK]: o[NORM_CHECK]!, ...pick((w) => `rhs_${w}`) },
    gDeps: pick((w) => `d/dg,d/dgt rhs_${w}`),
  };
}

const l2FlowOb = defineObligation<Sample>({
  id: 'B1.l2-flow',
  item: 'B1',
  statement:
    "l2-SAM: eps = rho grad/|grad| = -rho (x*v, x*u)/N with N = (sum x_i^2(u_i^2+v_i^2))^(1/2); after dividing by g(z~) the flow is u_i' = x_i v_i - rho x_i^2 u_i/N, v_i' = x_i u_i - rho x_i^2 v_i/N.",
  latex: "u_i' = x_i v_i - \\rho x_i^2 u_i/N,\\ v_i' = x_i u_i - \\rho x_i^2 v_i/N,\\ N = \\big(\\sum_i x_i^2(u_i^2+v_i^2)\\big)^{1/2}",
  method: 'derivation',
  async cas(s) {
    const r = await l2Flow((l) => runNamed(s, 'algebrite', l));
    return {
      engine: 'algebrite',
      residual: namedResidual(r.residuals),
      steps: [
        'gradient from B1.gradient',
        `|grad|^2 - g^2 N^2 -> ${r.normCheck}; with g > 0 and N >= 0: |grad| = g N (sign rule, explicit)`,
        'w~ = w + rho grad/(g N)',
        'gradient at w~ with g~ = g(z~) (symbol gt)',
        'rescaled rhs = -grad(w~)/g~',
        ...W.map((w) => `${w}' = ${r.rhs[w]}`),
        'residual against the claim simplified',
      ],
      data: r.rhs,
    };
  },
  arb: pointArb,
  numeric<T>(F: Field<T>, s: Sample, cas: { data?: Record<string, string> }) {
    const e = sampleToField(F, s);
    const N = F.sqrt(ev(F, N2, e));
    if (F.isZero(N)) return F.zero;
    const r = engineRhs(F, 'sam-l2', [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!);
    const env = { ...e, N };
    return maxOf(
      F,
      W.map((w, i) => relDiff(F, ev(F, cas.data![w]!, env), (w[0] === 'u' ? r.du : r.dv)[i % 2]!)),
    );
  },
});

/** ℓ∞-SAM: case split over the signs. */
const SX = [-1, 1];
const S3 = [-1, 0, 1];
const linfCases: Array<{ sx: number; su: number; sv: number }> = [];
for (const sx of SX) for (const su of S3) for (const sv of S3) linfCases.push({ sx, su, sv });

const linfFlowOb = defineObligation<Sample>({
  id: 'B1.linf-flow',
  item: 'B1',
  statement:
    "l_inf-SAM: eps = rho sign(grad) = -rho (sgn(x)sgn(v), sgn(x)sgn(u)); after dividing by g(z~): u' = x v - rho|x| sgn(u), v' = x u - rho|x| sgn(v).",
  latex: "u_i' = x_i v_i - \\rho|x_i|\\,\\mathrm{sgn}(u_i),\\quad v_i' = x_i u_i - \\rho|x_i|\\,\\mathrm{sgn}(v_i)",
  method: 'derivation',
  async cas(s) {
    const lines: CasLine[] = [];
    for (const c of linfCases) {
      // x = sx*ax with ax = |x| > 0; eps_u = rho*sign(-g x v) = -rho*sx*sv (sign rule), eps_v = -rho*sx*su.
      const x = `(${c.sx})*ax`;
      const ut = `(u-rho*(${c.sx})*(${c.sv}))`;
      const vt = `(v-rho*(${c.sx})*(${c.su}))`;
      const tag = `[sx=${c.sx},su=${c.su},sv=${c.sv}]`;
      lines.push([`u'${tag}`, `simplify(-(-gt*${x}*${vt})/gt - (${x}*v-rho*ax*(${c.su})))`]);
      lines.push([`v'${tag}`, `simplify(-(-gt*${x}*${ut})/gt - (${x}*u-rho*ax*(${c.sv})))`]);
    }
    return {
      ...(await algebriteResidual(s, lines)),
      steps: [
        'grad_u = -g x v, grad_v = -g x u (B1.gradient)',
        LINF_PERT_NOTE,
        'u~ = u - rho sgn(x) sgn(v), v~ = v - rho sgn(x) sgn(u) (sign(0) = 0)',
        'rescaled rhs = -grad(w~)/g~ = (x v~, x u~)',
        `${linfCases.length} sign cases, each residual simplified`,
      ],
      data: { u: 'x*v-rho*abs(x)*sgn(u)', v: 'x*u-rho*abs(x)*sgn(v)' },
    };
  },
  arb: fc.record({
    x1: ratArb(3, { nonzero: true }),
    x2: ratArb(3, { nonzero: true }),
    u1: fc.oneof(ratArb(2), fc.constant({ n: 0, d: 1 })),
    u2: ratArb(2),
    v1: fc.oneof(ratArb(2), fc.constant({ n: 0, d: 1 })),
    v2: ratArb(2),
    rho: ratArb(1, { positive: true }),
  }),
  numeric<T>(F: Field<T>, s: Sample, cas: { data?: Record<string, string> }) {
    const e = sampleToField(F, s);
    const r = engineRhs(F, 'sam-linf', [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!);
    const out: T[] = [];
    for (const i of [1, 2]) {
      const env = { x: e[`x${i}`]!, u: e[`u${i}`]!, v: e[`v${i}`]!, rho: e.rho! };
      out.push(relDiff(F, ev(F, cas.data!.u!, env), r.du[i - 1]!), relDiff(F, ev(F, cas.data!.v!, env), r.dv[i - 1]!));
    }
    return maxOf(F, out);
  },
});

const lossIndependenceOb = defineObligation<Sample>({
  id: 'B1.loss-independence',
  item: 'B1',
  statement:
    'After dividing by g(z~) the l2-SAM (and GD, l_inf-SAM) right-hand sides contain neither g(z) nor g(z~): the rescaled flow does not depend on the loss.',
  latex: '\\partial_g\\,\\mathrm{rhs} = \\partial_{\\tilde g}\\,\\mathrm{rhs} = 0',
  method: 'derivation',
  async cas(s) {
    const r = await l2Flow((l) => runNamed(s, 'algebrite', l));
    return {
      engine: 'algebrite',
      residual: namedResidual(r.gDeps),
      steps: ['rhs of B1.l2-flow derived with g = g(z) and gt = g(z~) as free symbols', 'd(rhs, g) + d(rhs, gt) simplified for every component'],
      data: r.rhs,
    };
  },
  arb: pointArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const out: T[] = [];
    for (const algo of ['gd', 'sam-l2', 'sam-linf'] as const) {
      const a = engineRhs(F, algo, [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!, 'logistic');
      const b = engineRhs(F, algo, [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!, 'exponential');
      for (let i = 0; i < 2; i++) out.push(relDiff(F, a.du[i]!, b.du[i]!), relDiff(F, a.dv[i]!, b.dv[i]!));
    }
    return maxOf(F, out);
  },
});

const decouplingOb = defineObligation<Sample>({
  id: 'B7.decoupling',
  item: 'B7',
  statement:
    'l_inf-SAM (and GD): the rescaled rhs of coordinate 1 does not depend on coordinate 2 (the coupling through g(z~) cancels); x_1 only rescales time: rhs(x) = |x| rhs_{x>0}(u, sgn(x) v) up to the sign map.',
  latex: "\\partial_{u_2} u_1' = \\partial_{v_2} u_1' = 0,\\quad (u, \\mathrm{sgn}(x)v)' = |x|\\,(\\cdot)",
  method: 'derivation',
  async cas(s) {
    const lines: CasLine[] = [];
    // gradient at the perturbed point keeps g(z~) with z~ depending on all coordinates: gt = G(zt) as an unknown function
    const zt = '(x1*(u1-rho*s1)*(v1-rho*t1)+x2*(u2-rho*s2)*(v2-rho*t2))';
    lines.push(`r1=-(-G(${zt})*x1*(v1-rho*t1))/G(${zt})`);
    lines.push(['d r1/du2', 'd(r1,u2)'], ['d r1/dv2', 'd(r1,v2)']);
    // time rescaling: with x = sx*ax, w = sx*v: (u, w)' = ax*(w - rho*sgn(u), u - rho*sgn(w)), per sign case
    for (const sx of [-1, 1])
      for (const su of [-1, 0, 1])
        for (const sv of [-1, 0, 1]) {
          const x = `(${sx})*ax`;
          lines.push([`rescale u'[sx=${sx},su=${su},sv=${sv}]`, `simplify((${x}*v-rho*ax*(${su})) - ax*((${sx})*v-rho*(${su})))`]);
          lines.push([`rescale w'[sx=${sx},su=${su},sv=${sv}]`, `simplify((${sx})*(${x}*u-rho*ax*(${sv})) - ax*(u-rho*(${sx})*(${sv})))`]);
        }
    return {
      ...(await algebriteResidual(s, lines)),
      steps: [
        "u1' = -grad_u1(w~)/g(z~) with g(z~) = G(z~) unknown function of the perturbed margin (s_i, t_i: the sign symbols of the perturbation)",
        'd/du2 and d/dv2 simplified',
        "time rescaling: with w = sgn(x) v, (u, w)' = |x| (w - rho sgn(u), u - rho sgn(w)) checked in 18 sign cases (sgn(w) = sgn(x) sgn(v))",
      ],
    };
  },
  arb: pointArb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const a = engineRhs(F, 'sam-linf', [e.x1!, e.x2!], [e.u1!, e.u2!], [e.v1!, e.v2!], e.rho!);
    const b = engineRhs(F, 'sam-linf', [e.x1!, e.x2!], [e.u1!, F.add(e.u2!, F.one)], [e.v1!, F.mul(e.v2!, F.fromNumber(3))], e.rho!);
    return maxOf(F, [relDiff(F, a.du[0]!, b.du[0]!), relDiff(F, a.dv[0]!, b.dv[0]!)]);
  },
});

/** d = 3 explicitly: the perturbations of both SAM variants and the l2 rescaled flow. */
const D3 = [1, 2, 3];
const N2_3 = D3.map((i) => `x${i}^2*(u${i}^2+v${i}^2)`).join('+');
const pert3Arb: fc.Arbitrary<Sample> = fc.record({
  x1: ratArb(3, { nonzero: true }),
  x2: ratArb(3, { nonzero: true }),
  x3: ratArb(3, { nonzero: true }),
  u1: ratArb(2),
  u2: ratArb(2),
  u3: ratArb(2),
  v1: ratArb(2),
  v2: ratArb(2),
  v3: ratArb(2),
  rho: ratArb(1, { positive: true }),
});
const perturbationsOb = defineObligation<Sample>({
  id: 'B1.perturbations',
  item: 'B1',
  statement:
    "d = 3: the l2-SAM perturbation is eps = rho grad/|grad| = -rho (x*v, x*u)/N (independent of g), the l_inf one eps = rho sign(grad) = -rho (sgn(x)sgn(v), sgn(x)sgn(u)); with them the l2-SAM rescaled flow is u_i' = x_i v_i - rho x_i^2 u_i/N, v_i' = x_i u_i - rho x_i^2 v_i/N for every i.",
  latex:
    '\\varepsilon^{(2)} = -\\tfrac{\\rho}{N}(x\\odot v, x\\odot u),\\quad \\varepsilon^{(\\infty)} = -\\rho\\,(\\mathrm{sgn}(x)\\mathrm{sgn}(v), \\mathrm{sgn}(x)\\mathrm{sgn}(u))',
  method: 'derivation',
  async cas(s) {
    const lines: CasLine[] = [];
    const Z3 = D3.map((i) => `x${i}*u${i}*v${i}`).join('+');
    const grad: Record<string, string> = {};
    for (const i of D3) {
      grad[`u${i}`] = `(-g*d(${Z3},u${i}))`;
      grad[`v${i}`] = `(-g*d(${Z3},v${i}))`;
    }
    const nrm2 = Object.values(grad)
      .map((g) => `${g}^2`)
      .join('+');
    lines.push([NORM_CHECK, `simplify(${nrm2}-g^2*(${N2_3}))`]);
    for (const i of D3) {
      lines.push(
        [`eps_u${i}`, `simplify(rho*${grad[`u${i}`]}/(g*N)-(-rho*x${i}*v${i}/N))`],
        [`eps_v${i}`, `simplify(rho*${grad[`v${i}`]}/(g*N)-(-rho*x${i}*u${i}/N))`],
      );
      const ut = `(u${i}-rho*x${i}*v${i}/N)`,
        vt = `(v${i}-rho*x${i}*u${i}/N)`;
      lines.push(
        [`u${i}'`, `simplify(-(-gt*x${i}*${vt})/gt-(x${i}*v${i}-rho*x${i}^2*u${i}/N))`],
        [`v${i}'`, `simplify(-(-gt*x${i}*${ut})/gt-(x${i}*u${i}-rho*x${i}^2*v${i}/N))`],
      );
    }
    return {
      ...(await algebriteResidual(s, lines)),
      steps: [
        'z = sum_i x_i u_i v_i (d = 3); grad = -g dz/dw (chain rule explicit, see B1.gradient)',
        '|grad|^2 = g^2 N^2, g > 0 => |grad| = g N (sign rule)',
        'eps = rho grad/(g N) simplified per component',
        LINF_PERT_NOTE,
        'gradient at w + eps divided by g~: rescaled rhs for i = 1..3',
      ],
    };
  },
  arb: pert3Arb,
  numeric<T>(F: Field<T>, s: Sample) {
    const e = sampleToField(F, s);
    const x = D3.map((i) => e[`x${i}`]!),
      u = D3.map((i) => e[`u${i}`]!),
      v = D3.map((i) => e[`v${i}`]!);
    const loss = makeLoss(F, 'logistic');
    const gr = gradient(F, loss, { X: [x], Y: [1] }, [u, v]);
    const N = F.sqrt(ev(F, N2_3, e));
    const out: T[] = [];
    const p2 = perturbation(F, 'sam-l2', e.rho!, gr.grad);
    const pI = perturbation(F, 'sam-linf', e.rho!, gr.grad);
    for (let j = 0; j < 3; j++) {
      if (!F.isZero(N)) {
        out.push(relDiff(F, p2.eps[0]![j]!, F.neg(F.div(F.mul(e.rho!, F.mul(x[j]!, v[j]!)), N))));
        out.push(relDiff(F, p2.eps[1]![j]!, F.neg(F.div(F.mul(e.rho!, F.mul(x[j]!, u[j]!)), N))));
      }
      const sx = F.sign(x[j]!);
      out.push(relDiff(F, pI.eps[0]![j]!, F.mul(F.fromNumber(-sx * F.sign(v[j]!)), e.rho!)));
      out.push(relDiff(F, pI.eps[1]![j]!, F.mul(F.fromNumber(-sx * F.sign(u[j]!)), e.rho!)));
    }
    if (!F.isZero(N)) {
      const r = engineRhs(F, 'sam-l2', x, u, v, e.rho!);
      for (let j = 0; j < 3; j++) {
        const k = F.div(F.mul(e.rho!, F.mul(x[j]!, x[j]!)), N);
        out.push(relDiff(F, r.du[j]!, F.sub(F.mul(x[j]!, v[j]!), F.mul(k, u[j]!))), relDiff(F, r.dv[j]!, F.sub(F.mul(x[j]!, u[j]!), F.mul(k, v[j]!))));
      }
    }
    return maxOf(F, out);
  },
});

export const flowObligations: Obligation[] = [gradientOb, perturbationsOb, l2FlowOb, linfFlowOb, lossIndependenceOb, decouplingOb];
