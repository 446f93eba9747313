/**
 * B10 (fixed points, Jacobians, eigenvalues) and the discrete one-step identities for p and q.
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step } from '../../src/optim/algorithms.ts';
import { defineObligation, ratArb, sampleToField, type Obligation, type Sample } from '../../src/symbolic/obligation.ts';
import { engineRhs, fdDerivative, maxOf, relDiff } from '../../src/symbolic/numericChecks.ts';
import { combineResiduals, ev } from './common.ts';

/** Jacobian of the engine rhs (coordinate i block) by finite differences in the twin field. */
function engineJacobian<T>(F: Field<T>, algo: 'gd' | 'sam-l2' | 'sam-linf', x: T[], u: T[], v: T[], rho: T, i: number): T[][] {
  const col = (which: 'u' | 'v') => (['du', 'dv'] as const).map((out) => fdDerivative(F, <S>(G: Field<S>, t: S) => {
    const tw = (a: T) => G.fromString(F.toString(a));
    const uu = u.map(tw), vv = v.map(tw);
    if (which === 'u') uu[i] = t; else vv[i] = t;
    return engineRhs(G, algo, x.map(tw), uu, vv, tw(rho))[out][i]!;
  }, which === 'u' ? u[i]! : v[i]!));
  const cu = col('u'), cv = col('v');
  return [[cu[0]!, cv[0]!], [cu[1]!, cv[1]!]];
}

/** det(J - lam I) for a 2x2 J. */
function charPoly<T>(F: Field<T>, J: T[][], lam: T): T {
  return F.sub(F.mul(F.sub(J[0]![0]!, lam), F.sub(J[1]![1]!, lam)), F.mul(J[0]![1]!, J[1]![0]!));
}

const gdFixed = defineObligation<Sample>({
  id: 'B10.gd', item: 'B10',
  statement: 'GD flow: the only fixed point is the origin (x != 0); Jacobian [[0, x], [x, 0]] with eigenvalues +-x (a saddle).',
  latex: "J = \\begin{pmatrix}0&x\\\\x&0\\end{pmatrix},\\ \\lambda = \\pm x",
  method: 'solve',
  async cas(s) {
    const outs = await s.run('algebrite', ['F=[x*v,x*u]', 'J=[[d(F[1],u),d(F[1],v)],[d(F[2],u),d(F[2],v)]]', 'J', 'cp=det(J-lam*unit(2))', 'cp', 'roots(cp,lam)', 'simplify(subst(x,lam,cp))', 'simplify(subst(-x,lam,cp))', 'det(J)']);
    return { engine: 'algebrite', residual: combineResiduals(['cp(x)', 'cp(-x)'], [outs[6]!, outs[7]!]), notes: [`algebrite roots() prints the real roots +-x as +-i(-x^2)^(1/2); verified by substitution instead`], steps: [`Jacobian ${outs[2]!.trim()}`, `characteristic polynomial ${outs[4]!.trim()}`, `roots (algebrite) ${outs[5]!.trim()}`, `det J = ${outs[8]!.trim()} != 0 for x != 0: the linear rhs vanishes only at the origin`] };
  },
  arb: fc.record({ x: ratArb(3, { nonzero: true }), u: ratArb(2), v: ratArb(2) }),
  samples: 20,
  numeric<T>(F: Field<T>, smp: Sample) {
    const e = sampleToField(F, smp);
    const J = engineJacobian(F, 'gd', [e.x!], [e.u!], [e.v!], F.zero, 0);
    return maxOf(F, [relDiff(F, charPoly(F, J, e.x!), F.zero), relDiff(F, charPoly(F, J, F.neg(e.x!)), F.zero)]);
  },
});

const linfSaddle = defineObligation<Sample>({
  id: 'B10.linf-saddle', item: 'B10',
  statement: 'l_inf-SAM (x > 0): (rho, rho) and (-rho, -rho) are fixed points, saddles with eigenvalues +-x; the origin is a fixed point (absorbing, B8.sliding).',
  latex: "F(\\pm\\rho,\\pm\\rho) = 0,\\ \\lambda = \\pm x",
  method: 'solve',
  async cas(s) {
    const lines: string[] = [];
    for (const c of [1, -1]) {
      lines.push(`F=[x*(v-rho*(${c})),x*(u-rho*(${c}))]`, `simplify(subst(${c}*rho,u,subst(${c}*rho,v,F[1])))`, `simplify(subst(${c}*rho,u,subst(${c}*rho,v,F[2])))`, 'J=[[d(F[1],u),d(F[1],v)],[d(F[2],u),d(F[2],v)]]', 'cp=det(J-lam*unit(2))', 'simplify(subst(x,lam,cp))', 'simplify(subst(-x,lam,cp))');
    }
    const outs = await s.run('algebrite', lines);
    const pick = [1, 2, 5, 6, 8, 9, 12, 13].map((i) => outs[i]!);
    return { engine: 'algebrite', residual: combineResiduals(['F1(rho,rho)', 'F2(rho,rho)', 'cp(x)', 'cp(-x)', 'F1(-rho,-rho)', 'F2(-rho,-rho)', 'cp(x) Q3', 'cp(-x) Q3'], pick), steps: ['rhs in Q1 / Q3 (B8.closed-forms)', 'evaluated at (c rho, c rho)', 'Jacobian and characteristic polynomial, roots +-x'] };
  },
  arb: fc.record({ x: ratArb(3, { positive: true }), rho: ratArb(2, { positive: true }) }),
  samples: 20,
  numeric<T>(F: Field<T>, smp: Sample) {
    const e = sampleToField(F, smp);
    const r = engineRhs(F, 'sam-linf', [e.x!], [e.rho!], [e.rho!], e.rho!);
    const J = engineJacobian(F, 'sam-linf', [e.x!], [e.rho!], [e.rho!], e.rho!, 0);
    return maxOf(F, [relDiff(F, r.du[0]!, F.zero), relDiff(F, r.dv[0]!, F.zero), relDiff(F, charPoly(F, J, e.x!), F.zero), relDiff(F, charPoly(F, J, F.neg(e.x!)), F.zero)]);
  },
});

const l2Fixed = defineObligation<Sample>({
  id: 'B10.l2-fixed', item: 'B10',
  statement: 'l2-SAM (d = 2, x1 > 0): u1 = v1 = rho/sqrt(2), u2 = v2 = 0 is a fixed point (N = rho x1); the linearization of coordinate 2 there has eigenvalues x2(1 - x2/x1) and -x2(1 + x2/x1) for x2 > 0 (|x2| - x2^2/x1 and -|x2| - x2^2/x1 in general): coordinate 2 grows iff |x2| < x1.',
  latex: "u_k=v_k=\\rho/\\sqrt2:\\ \\lambda_j = |x_j|(1-|x_j|/x_k),\\ -|x_j|(1+|x_j|/x_k)",
  method: 'solve',
  async cas(s) {
    const N = '(x1^2*(u1^2+v1^2)+x2^2*(u2^2+v2^2))^(1/2)';
    const fp = (e: string) => `subst(rho/2^(1/2),u1,subst(rho/2^(1/2),v1,subst(0,u2,subst(0,v2,${e}))))`;
    const lines = [
      `F1=x1*v1-rho*x1^2*u1/${N}`, `F3=x2*v2-rho*x2^2*u2/${N}`, `F4=x2*u2-rho*x2^2*v2/${N}`,
      `simplify(${fp('F1')})`,
      `J=[[${fp('d(F3,u2)')},${fp('d(F3,v2)')}],[${fp('d(F4,u2)')},${fp('d(F4,v2)')}]]`, 'J',
      'cp=det(J-lam*unit(2))', 'cp',
      'simplify(subst(x2*(1-x2/x1),lam,cp))', 'simplify(subst(-x2*(1+x2/x1),lam,cp))',
    ];
    const outs = await s.run('algebrite', lines);
    const notes: string[] = [];
    let r0 = outs[3]!.trim();
    let r1 = outs[8]!.trim(), r2 = outs[9]!.trim();
    const fixAbs = (t: string) => t.replace(/abs\(x1\)/g, 'x1').replace(/abs\(rho\)/g, 'rho').split('(rho^2*x1^2)^(1/2)').join('(rho*x1)');
    if (r0 !== '0' || r1 !== '0' || r2 !== '0') {
      notes.push(`algebrite does not reduce (rho^2 x1^2)^(1/2) (nor abs(x1), abs(rho)) without sign information (raw: ${r0} | ${r1} | ${r2}); sign rule applied explicitly (textual rewrite of the CAS output): x1 > 0, rho > 0 => (rho^2 x1^2)^(1/2) = rho x1, abs(x1) = x1, abs(rho) = rho, then re-simplified`);
      const o2 = await s.run('algebrite', [`simplify(${fixAbs(outs[3]!)})`, `cp=${fixAbs(outs[7]!)}`, 'simplify(subst(x2*(1-x2/x1),lam,cp))', 'simplify(subst(-x2*(1+x2/x1),lam,cp))']);
      r0 = o2[0]!; r1 = o2[2]!; r2 = o2[3]!;
    }
    return { engine: 'algebrite', residual: combineResiduals(['u1\' at the fixed point', 'cp(x2(1 - x2/x1))', 'cp(-x2(1 + x2/x1))'], [r0, r1, r2]), steps: ['B1 l2 rhs with N written out', `Jacobian of coordinate 2 at the fixed point: ${outs[5]!.trim()}`, `characteristic polynomial: ${outs[7]!.trim()}`, 'both claimed eigenvalues are roots'], notes };
  },
  arb: fc.record({ x1: ratArb(3, { positive: true }), x2: ratArb(3, { positive: true }), rho: ratArb(2, { positive: true }) }),
  samples: 15,
  numeric<T>(F: Field<T>, smp: Sample) {
    const e = sampleToField(F, smp);
    const a = F.div(e.rho!, F.sqrt(F.fromNumber(2)));
    const x = [e.x1!, e.x2!], u = [a, F.zero], v = [a, F.zero];
    const r = engineRhs(F, 'sam-l2', x, u, v, e.rho!);
    const J = engineJacobian(F, 'sam-l2', x, u, v, e.rho!, 1);
    const lam1 = F.mul(e.x2!, F.sub(F.one, F.div(e.x2!, e.x1!)));
    const lam2 = F.neg(F.mul(e.x2!, F.add(F.one, F.div(e.x2!, e.x1!))));
    return maxOf(F, [relDiff(F, r.du[0]!, F.zero), relDiff(F, r.dv[0]!, F.zero), relDiff(F, charPoly(F, J, lam1), F.zero), relDiff(F, charPoly(F, J, lam2), F.zero)]);
  },
});

// ---------- discrete one-step identities ----------
const stepArb: fc.Arbitrary<Sample> = fc.record({ x1: ratArb(2, { nonzero: true }), x2: ratArb(2, { nonzero: true }), u1: ratArb(2), u2: ratArb(2), v1: ratArb(2), v2: ratArb(2), rho: ratArb(1, { positive: true }), eta: ratArb(1, { positive: true, den: 20 }) });

type Algo = 'gd' | 'sam-l2' | 'sam-linf';
const CLAIMS: Record<Algo, { p: string; q: string; ut: string; vt: string }> = {
  gd: { ut: 'u', vt: 'v', p: 'p*(1+eta*gt*x)', q: 'q*(1-eta*gt*x)' },
  'sam-l2': { ut: 'u-rho*x*v/N', vt: 'v-rho*x*u/N', p: 'p*(1+eta*gt*x*(1-rho*x/N))', q: 'q*(1-eta*gt*x*(1+rho*x/N))' },
  'sam-linf': { ut: 'u-rho*sx*sv', vt: 'v-rho*sx*su', p: 'p+eta*gt*x*(p-rho*sx*(su+sv))', q: 'q-eta*gt*x*(q+rho*sx*(su-sv))' },
};

function discreteOb(algo: Algo): Obligation {
  const c = CLAIMS[algo];
  return defineObligation<Sample>({
    id: `D.${algo}`, item: 'discrete',
    statement: `One discrete ${algo} step (L = 2, one example, y = 1), per coordinate with p = u + v, q = u - v and gt = g(z~) at the evaluation point: p+ = ${c.p}, q+ = ${c.q}` + (algo === 'sam-l2' ? ' (N = (sum x_i^2(u_i^2+v_i^2))^(1/2), one global norm)' : algo === 'sam-linf' ? ' (sx, su, sv the signs of x, u, v; sign(0) = 0)' : ''),
    latex: `p^+ = ${c.p.replace(/\*/g, '\\,')},\\ q^+ = ${c.q.replace(/\*/g, '\\,')}`,
    method: 'derivation',
    async cas(s) {
      const lines: string[] = [];
      const labels: string[] = [];
      const signCases = algo === 'sam-linf' ? [-1, 1].flatMap((sx) => [-1, 0, 1].flatMap((su) => [-1, 0, 1].map((sv) => ({ sx, su, sv })))) : [{ sx: 1, su: 1, sv: 1 }];
      for (const k of signCases) {
        const sub = (e: string) => e.replace(/\bsx\b/g, `(${k.sx})`).replace(/\bsu\b/g, `(${k.su})`).replace(/\bsv\b/g, `(${k.sv})`);
        // evaluation point from B1 (perturbation), then the update w+ = w - eta grad(w~) = w + eta gt (x v~, x u~)
        const up = `u+eta*gt*x*(${sub(c.vt)})`, vp = `v+eta*gt*x*(${sub(c.ut)})`;
        const pq = (e: string) => `subst((p-q)/2,v,subst((p+q)/2,u,${e}))`;
        lines.push(`simplify(${pq(`(${up})+(${vp})`)}-(${sub(c.p)}))`, `simplify(${pq(`(${up})-(${vp})`)}-(${sub(c.q)}))`);
        labels.push(`p+ ${JSON.stringify(k)}`, `q+ ${JSON.stringify(k)}`);
      }
      const outs = await s.run('algebrite', lines);
      return { engine: 'algebrite', residual: combineResiduals(labels, outs), steps: ['evaluation point w~ = w + eps with eps from B1 (' + algo + ')', 'gradient at w~: -gt (x v~, x u~) (B1.gradient)', 'update w+ = w + eta gt (x v~, x u~)', 'rewritten in p, q and simplified against the claim' + (algo === 'sam-linf' ? ' (18 sign cases)' : '')] };
    },
    arb: stepArb,
    samples: 30,
    numeric<T>(F: Field<T>, smp: Sample) {
      const e = sampleToField(F, smp);
      const x = [e.x1!, e.x2!], u = [e.u1!, e.u2!], v = [e.v1!, e.v2!];
      const loss = makeLoss(F, 'logistic');
      const r = step(F, loss, { X: [x], Y: [1] }, { algo, eta: e.eta!, rho: e.rho! }, [u.slice(), v.slice()]);
      const N = F.sqrt(F.add(F.mul(F.mul(x[0]!, x[0]!), F.add(F.mul(u[0]!, u[0]!), F.mul(v[0]!, v[0]!))), F.mul(F.mul(x[1]!, x[1]!), F.add(F.mul(u[1]!, u[1]!), F.mul(v[1]!, v[1]!)))));
      if (algo === 'sam-l2' && F.isZero(N)) return F.zero;
      const envs = [0, 1].map((i) => ({ x: x[i]!, u: u[i]!, v: v[i]!, rho: e.rho!, eta: e.eta!, N, p: F.add(u[i]!, v[i]!), q: F.sub(u[i]!, v[i]!), sx: F.fromNumber(F.sign(x[i]!)), su: F.fromNumber(F.sign(u[i]!)), sv: F.fromNumber(F.sign(v[i]!)) }));
      // g~ from the claimed evaluation point, independent of the engine's internal g~
      let zt = F.zero;
      for (const en of envs) zt = F.add(zt, F.mul(en.x, F.mul(ev(F, c.ut, en), ev(F, c.vt, en))));
      const gt = loss.g(zt);
      const out: T[] = [];
      for (let i = 0; i < 2; i++) {
        const en = { ...envs[i]!, gt };
        out.push(relDiff(F, F.add(r.W[0]![i]!, r.W[1]![i]!), ev(F, c.p, en)), relDiff(F, F.sub(r.W[0]![i]!, r.W[1]![i]!), ev(F, c.q, en)));
      }
      return maxOf(F, out);
    },
  });
}


const discreteFixed = defineObligation<Sample>({
  id: 'B10.discrete-fixed', item: 'B10',
  statement: 'The discrete maps share the fixed points (the gradient vanishes at the perturbed point): GD at the origin; l_inf-SAM at (rho, rho) and (-rho, -rho) for x > 0 (and the origin); l2-SAM at u_k = v_k = rho/sqrt(2), other coordinates 0 (x_k > 0, N = rho x_k).',
  latex: "p^+ = p,\\ q^+ = q \\text{ at the fixed points of B10}",
  method: 'derivation',
  async cas(s) {
    const lines = [
      // l2: p+ = p(1 + eta gt x (1 - rho x/N)), q = 0, N = rho x
      'simplify(subst(rho*x,N,p*(1+eta*gt*x*(1-rho*x/N)))-p)',
      // l_inf at (rho, rho), x > 0: sx = su = sv = 1, p = 2 rho, q = 0
      'simplify(subst(2*rho,p,p+eta*gt*x*(p-rho*(1)*(1+1)))-2*rho)',
      'simplify(subst(-2*rho,p,p+eta*gt*x*(p-rho*(1)*(-1-1)))+2*rho)',
      'simplify(subst(0,q,q-eta*gt*x*(q+rho*(1)*(1-1))))',
    ];
    const outs = await s.run('algebrite', lines);
    return { engine: 'algebrite', residual: combineResiduals(['l2 p+', 'linf p+ at (rho,rho)', 'linf p+ at (-rho,-rho)', 'linf q+'], outs), steps: ['one-step identities of D.*', 'evaluated at the fixed points of B10'] };
  },
  arb: fc.record({ x1: ratArb(3, { positive: true }), x2: ratArb(3, { nonzero: true }), rho: ratArb(2, { positive: true }), eta: ratArb(1, { positive: true, den: 20 }) }),
  samples: 20,
  numeric<T>(F: Field<T>, smp: Sample) {
    const e = sampleToField(F, smp);
    const loss = makeLoss(F, 'logistic');
    const a = F.div(e.rho!, F.sqrt(F.fromNumber(2)));
    const cases: Array<['gd' | 'sam-l2' | 'sam-linf', T[][], T[]]> = [
      ['gd', [[F.zero, F.zero], [F.zero, F.zero]], [e.x1!, e.x2!]],
      ['sam-linf', [[e.rho!], [e.rho!]], [e.x1!]],
      ['sam-linf', [[F.neg(e.rho!)], [F.neg(e.rho!)]], [e.x1!]],
      ['sam-l2', [[a, F.zero], [a, F.zero]], [e.x1!, e.x2!]],
    ];
    const out: T[] = [];
    for (const [algo, W, x] of cases) {
      const r = step(F, loss, { X: [x], Y: [1] }, { algo, eta: e.eta!, rho: e.rho! }, W.map((row) => row.slice()));
      for (let l = 0; l < 2; l++) for (let j = 0; j < x.length; j++) out.push(relDiff(F, r.W[l]![j]!, W[l]![j]!));
    }
    return maxOf(F, out);
  },
});

export const b10Obligations: Obligation[] = [gdFixed, linfSaddle, l2Fixed, discreteFixed, discreteOb('gd'), discreteOb('sam-l2'), discreteOb('sam-linf')];
