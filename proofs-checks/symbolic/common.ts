/**
 * Shared helpers for the symbolic obligations.
 */
import type { Field } from '../../src/numeric/Field.ts';
import { evalExpr } from '../../src/symbolic/exprEval.ts';

/** "0" if every residual printed by the CAS is exactly 0, otherwise the nonzero ones. */
export function combineResiduals(labels: string[], outs: string[]): string {
  const bad = outs.map((o, i) => [labels[i] ?? `#${i}`, o.trim()] as const).filter(([, o]) => o !== '0');
  return bad.length === 0 ? '0' : bad.map(([l, o]) => `${l}: ${o}`).join('; ');
}

/** Evaluate a CAS/claimed expression in the Field with an environment. */
export function ev<T>(F: Field<T>, expr: string, env: Record<string, T>): T {
  return evalExpr(F, expr, env);
}

/** Substitute symbol values (exact rationals) textually for the CAS: subst is done by the CAS itself. */
export function casSubst(expr: string, vals: Record<string, string>): string {
  let e = expr;
  for (const [k, v] of Object.entries(vals)) e = `subst(${v},${k},${e})`;
  return e;
}
