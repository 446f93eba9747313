/**
 * The exact one-step maps of the discrete algorithms (depth 2, one example) in p = u + v, q = u - v:
 * the obligations D.gd, D.sam-l2, D.sam-linf, evidence for B11 (the discrete runs track the flow).
 */
import fc from 'fast-check';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss } from '../../src/numeric/loss.ts';
import { step } from '../../src/optim/algorithms.ts';
import { defineObligation, ratArb, sampleToField, type Obligation, type Sample } from '../../src/symbolic/obligation.ts';
import { maxOf, relDiff } from '../../src/symbolic/numericChecks.ts';
import { algebriteResidual, ev, twoCoordinatePoint, type CasLine } from './common.ts';

const stepArb: fc.Arbitrary<Sample> = fc.record({ ...twoCoordinatePoint(2), eta: ratArb(1, { positive: true, den: 20 }) });

type Algo = 'gd' | 'sam-l2' | 'sam-linf';
const CLAIMS: Record<Algo, { p: string; q: string; ut: string; vt: string }> = {
  gd: { ut: 'u', vt: 'v', p: 'p*(1+eta*gt*x)', q: 'q*(1-eta*gt*x)' },
  'sam-l2': { ut: 'u-rho*x*v/N', vt: 'v-rho*x*u/N', p: 'p*(1+eta*gt*x*(1-rho*x/N))', q: 'q*(1-eta*gt*x*(1+rho*x/N))' },
  'sam-linf': { ut: 'u-rho*sx*sv', vt: 'v-rho*sx*su', p: 'p+eta*gt*x*(p-rho*sx*(su+sv))', q: 'q-eta*gt*x*(q+rho*sx*(su-sv))' },
};

function discreteOb(algo: Algo): Obligation {
  const c = CLAIMS[algo];
  return defineObligation<Sample>({
    id: `D.${algo}`,
    item: 'B11',
    statement:
      `One discrete ${algo} step (L = 2, one example, y = 1), per coordinate with p = u + v, q = u - v and gt = g(z~) at the evaluation point: p+ = ${c.p}, q+ = ${c.q}` +
      (algo === 'sam-l2'
        ? ' (N = (sum x_i^2(u_i^2+v_i^2))^(1/2), one global norm)'
        : algo === 'sam-linf'
          ? ' (sx, su, sv the signs of x, u, v; sign(0) = 0)'
          : ''),
    latex: `p^+ = ${c.p.replace(/\*/g, '\\,')},\\ q^+ = ${c.q.replace(/\*/g, '\\,')}`,
    method: 'derivation',
    async cas(s) {
      const lines: CasLine[] = [];
      const signCases =
        algo === 'sam-linf' ? [-1, 1].flatMap((sx) => [-1, 0, 1].flatMap((su) => [-1, 0, 1].map((sv) => ({ sx, su, sv })))) : [{ sx: 1, su: 1, sv: 1 }];
      for (const k of signCases) {
        const sub = (e: string) =>
          e
            .replace(/\bsx\b/g, `(${k.sx})`)
            .replace(/\bsu\b/g, `(${k.su})`)
            .replace(/\bsv\b/g, `(${k.sv})`);
        // evaluation point from B1 (perturbation), then the update w+ = w - eta grad(w~) = w + eta gt (x v~, x u~)
        const up = `u+eta*gt*x*(${sub(c.vt)})`,
          vp = `v+eta*gt*x*(${sub(c.ut)})`;
        const pq = (e: string) => `subst((p-q)/2,v,subst((p+q)/2,u,${e}))`;
        lines.push(
          [`p+ ${JSON.stringify(k)}`, `simplify(${pq(`(${up})+(${vp})`)}-(${sub(c.p)}))`],
          [`q+ ${JSON.stringify(k)}`, `simplify(${pq(`(${up})-(${vp})`)}-(${sub(c.q)}))`],
        );
      }
      return {
        ...(await algebriteResidual(s, lines)),
        steps: [
          'evaluation point w~ = w + eps with eps from B1 (' + algo + ')',
          'gradient at w~: -gt (x v~, x u~) (B1.gradient)',
          'update w+ = w + eta gt (x v~, x u~)',
          'rewritten in p, q and simplified against the claim' + (algo === 'sam-linf' ? ' (18 sign cases)' : ''),
        ],
      };
    },
    arb: stepArb,
    samples: 30,
    numeric<T>(F: Field<T>, smp: Sample) {
      const e = sampleToField(F, smp);
      const x = [e.x1!, e.x2!],
        u = [e.u1!, e.u2!],
        v = [e.v1!, e.v2!];
      const loss = makeLoss(F, 'logistic');
      const r = step(F, loss, { X: [x], Y: [1] }, { algo, eta: e.eta!, rho: e.rho! }, [u.slice(), v.slice()]);
      const N = F.sqrt(
        F.add(
          F.mul(F.mul(x[0]!, x[0]!), F.add(F.mul(u[0]!, u[0]!), F.mul(v[0]!, v[0]!))),
          F.mul(F.mul(x[1]!, x[1]!), F.add(F.mul(u[1]!, u[1]!), F.mul(v[1]!, v[1]!))),
        ),
      );
      if (algo === 'sam-l2' && F.isZero(N)) return F.zero;
      const envs = [0, 1].map((i) => ({
        x: x[i]!,
        u: u[i]!,
        v: v[i]!,
        rho: e.rho!,
        eta: e.eta!,
        N,
        p: F.add(u[i]!, v[i]!),
        q: F.sub(u[i]!, v[i]!),
        sx: F.fromNumber(F.sign(x[i]!)),
        su: F.fromNumber(F.sign(u[i]!)),
        sv: F.fromNumber(F.sign(v[i]!)),
      }));
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

export const discreteMapObligations: Obligation[] = [discreteOb('gd'), discreteOb('sam-l2'), discreteOb('sam-linf')];
