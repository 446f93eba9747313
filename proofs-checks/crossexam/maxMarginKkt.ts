/**
 * P1 cross-examination of the exact max-margin solver (src/maxmargin/l2MaxMargin.ts) by an
 * optimality CERTIFICATE computed here: ŵ is the ℓ2 max-margin solution iff it is feasible
 * (y_k⟨ŵ, x_k⟩ ≥ 1) and ŵ = Σ_{k active} λ_k y_k x_k with λ_k ≥ 0 (KKT, sufficient for this convex
 * program). The multipliers are found here by solving the Gram system of each subset of the active
 * constraints (Cramer's rule, at most 3 × 3), with no code shared with the solver. Data: n ∈ {2, 3}
 * random examples in R^2 or R^3 (the P1 direction-rate arbitrary), both labels.
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { l2MaxMargin } from '../../src/maxmargin/l2MaxMargin.ts';
import { smallDataset } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

function det<T>(F: Field<T>, M: T[][]): T {
  if (M.length === 1) return M[0]![0]!;
  if (M.length === 2) return F.sub(F.mul(M[0]![0]!, M[1]![1]!), F.mul(M[0]![1]!, M[1]![0]!));
  let acc = F.zero;
  for (let c = 0; c < M.length; c++) {
    const minor = M.slice(1).map((r) => r.filter((_, k) => k !== c));
    const t = F.mul(M[0]![c]!, det(F, minor));
    acc = c % 2 === 0 ? F.add(acc, t) : F.sub(acc, t);
  }
  return acc;
}

/** 0 when (feasible and a KKT certificate exists), else the size of the violation (≥ 10^-(P/2)). */
export function kktViolation<T>(F: Field<T>, X: T[][], Y: (1 | -1)[], w: T[]): T {
  const a = X.map((x, k) => x.map((v) => (Y[k] === 1 ? v : F.neg(v))));
  const dot = (p: readonly T[], q: readonly T[]) => p.reduce((s, pi, i) => F.add(s, F.mul(pi, q[i]!)), F.zero);
  const tight = F.fromString(`1e-${Math.floor(F.precision / 2)}`);
  const m = a.map((ak) => dot(ak, w));
  let infeasible = F.zero;
  for (const mk of m) infeasible = F.max(infeasible, F.sub(F.one, mk));
  if (F.cmp(infeasible, tight) > 0) return infeasible;
  const active = m.map((mk, k) => (F.cmp(F.abs(F.sub(mk, F.one)), tight) <= 0 ? k : -1)).filter((k) => k >= 0);
  let best: T | null = null;
  for (let mask = 1; mask < 1 << active.length; mask++) {
    const S = active.filter((_, i) => mask & (1 << i));
    const G = S.map((i) => S.map((j) => dot(a[i]!, a[j]!)));
    const D = det(F, G);
    if (F.cmp(F.abs(D), tight) <= 0) continue;
    const rhs = S.map((i) => dot(a[i]!, w));
    const lam = S.map((_, c) =>
      F.div(
        det(
          F,
          G.map((r, i) => r.map((g, k) => (k === c ? rhs[i]! : g))),
        ),
        D,
      ),
    );
    let neg = F.zero;
    for (const l of lam) neg = F.max(neg, F.neg(l));
    let res = F.zero;
    for (let j = 0; j < w.length; j++) {
      let s: T = w[j]!;
      S.forEach((k, idx) => (s = F.sub(s, F.mul(lam[idx]!, a[k]![j]!))));
      res = F.max(res, F.abs(s));
    }
    const v = F.max(neg, res);
    if (best === null || F.cmp(v, best) < 0) best = v;
  }
  if (best === null) return F.one;
  return F.cmp(best, tight) <= 0 ? F.zero : best;
}

export const p1MaxMarginKkt: CheckDef = {
  claimId: 'P1',
  name: 'max-margin-kkt',
  method: 'property',
  quantity:
    "violation of the KKT optimality certificate of the solver's w_hat (infeasibility, or min over active subsets of max(-lambda, |w_hat - sum lambda_k y_k x_k|)); 0 = certified",
  run(ctx) {
    const F = ctx.field(40);
    return propertyOutcome(
      ctx,
      smallDataset,
      (c) => {
        const X = c.X.map((row) => row.map((s) => F.fromString(s)));
        const Y = c.Y;
        const mm = l2MaxMargin(F, { X, Y });
        if (!mm) return { margin: '0', skip: true };
        return { margin: F.toString(kktViolation(F, X, Y, mm.w), 6), detail: { w_hat: mm.w.map((v) => F.toString(v, 10)) } };
      },
      {
        // the solver's w_hat is the limit direction of the depth-1 model w started at 0 (one layer)
        claimInput: (c) => runInput({ X: c.X, Y: c.Y, W0: [c.X[0]!.map(() => '0')] }),
        numRuns: ctx.quick ? 40 : 200,
        comparison: '<=',
        notes: ["independent path: KKT certificate (feasibility + non-negative multipliers by Cramer's rule), no solver code shared"],
      },
    );
  },
};
