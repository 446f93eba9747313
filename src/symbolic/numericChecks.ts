/**
 * Numeric building blocks for the obligations' spot checks (all generic over Field, decimal in practice).
 *
 * Main definitions:
 * - `relDiff(F, a, b)`: |a − b| / max(1, |a|, |b|).
 * - `engineRhs(F, algo, x, u, v, rho, loss?)`: the rescaled flow right-hand side read off ONE step of the
 *   engine (src/optim/algorithms.ts `step`): (w⁺ − w)/(η·g(z̃)). This is exact for every η because the
 *   step is w − η∇𝓛(w̃) and ∇𝓛(w̃) = −g(z̃)(x⊙ṽ, x⊙ũ); it is the engine's own arithmetic, independent of
 *   any CAS output.
 * - `fdDerivative(F, f, at)`: 6th-order central difference computed in a twin field with 2P+10 digits
 *   and step 10^{-ceil(P/4)}, so truncation (~h^6) and rounding (~10^{-2P}/h) are both far below
 *   10^{-(P-10)}.
 */
import type { Field } from '../numeric/Field.ts';
import { makeField } from '../numeric/fieldFactory.ts';
import { makeLoss, type LossName } from '../numeric/loss.ts';
import { step, type AlgoName } from '../optim/algorithms.ts';

export function relDiff<T>(F: Field<T>, a: T, b: T): T {
  const den = F.max(F.one, F.max(F.abs(a), F.abs(b)));
  return F.div(F.abs(F.sub(a, b)), den);
}

export function maxOf<T>(F: Field<T>, xs: T[]): T {
  let m = F.zero;
  for (const x of xs) if (F.cmp(x, m) > 0) m = x;
  return m;
}

export function engineRhs<T>(F: Field<T>, algo: AlgoName, x: T[], u: T[], v: T[], rho: T, lossName: LossName = 'logistic'): { du: T[]; dv: T[]; gTilde: T } {
  // Computed in the 2P+10-digit twin: (w+ - w) cancels about log10(|w|/(eta g~)) digits.
  const G = twin(F.precision, F.name);
  const to = (a: T) => G.fromString(F.toString(a));
  const back = (a: unknown) => F.fromString(G.toString(a));
  const loss = makeLoss(G, lossName);
  const eta = G.one;
  const uu = u.map(to);
  const vv = v.map(to);
  const r = step(G, loss, { X: [x.map(to)], Y: [1] }, { algo, eta, rho: to(rho) }, [uu.slice(), vv.slice()]);
  const g = r.gTilde[0]!;
  const k = G.mul(eta, g);
  return { du: r.W[0]!.map((w, j) => back(G.div(G.sub(w, uu[j]!), k))), dv: r.W[1]!.map((w, j) => back(G.div(G.sub(w, vv[j]!), k))), gTilde: back(g) };
}

const twins = new Map<string, Field<unknown>>();
function twin(P: number, backend: string): Field<unknown> {
  const W = Math.min(1000, 2 * P + 10);
  const key = `${backend}:${W}`;
  let f = twins.get(key);
  if (!f) {
    f = makeField(backend === 'bigfloat' ? 'bigfloat' : 'decimal', W);
    twins.set(key, f);
  }
  return f;
}

/**
 * d/dh f(at + h) at h = 0. `f` is evaluated in the high-precision twin field passed to it, so it must be
 * generic over the Field; the result is converted back into F.
 */
export function fdDerivative<T>(F: Field<T>, f: <S>(G: Field<S>, t: S) => S, at: T): T {
  const G = twin(F.precision, F.name);
  const a = G.fromString(F.toString(at));
  const h = G.fromString(`1e-${Math.ceil(F.precision / 4)}`);
  const c = [-1, 9, -45, 45, -9, 1];
  const off = [-3, -2, -1, 1, 2, 3];
  let acc = G.zero;
  for (let i = 0; i < 6; i++) acc = G.add(acc, G.mul(G.fromNumber(c[i]!), f(G, G.add(a, G.mul(G.fromNumber(off[i]!), h)))));
  const d = G.div(acc, G.mul(G.fromNumber(60), h));
  return F.fromString(G.toString(d));
}
