/**
 * Shared helpers for the symbolic obligations.
 *
 * Main definitions: `runNamed` (a CAS script whose outputs are read by name), `namedResidual`,
 * `combineResiduals`, `ev`, `casSubst`.
 */
import type { Field } from '../../src/numeric/Field.ts';
import { evalExpr } from '../../src/symbolic/exprEval.ts';
import type { CasEngine, CasSession } from '../../src/symbolic/cas.ts';
import { InternalError } from '../../src/numeric/errors.ts';
import { ratArb } from '../../src/symbolic/obligation.ts';

/** "0" if every residual printed by the CAS is exactly 0, otherwise the nonzero ones. */
/**
 * The fields of a depth-2, two-coordinate sample point as exact rationals: x1, x2 ≠ 0 with
 * |x_i| ≤ xMax, u1, u2, v1, v2 with |·| ≤ 2, ρ ∈ (0, 1] (spread into an `fc.record` with the
 * obligation's own extra fields).
 */
export function twoCoordinatePoint(xMax: number) {
  return {
    x1: ratArb(xMax, { nonzero: true }),
    x2: ratArb(xMax, { nonzero: true }),
    u1: ratArb(2),
    u2: ratArb(2),
    v1: ratArb(2),
    v2: ratArb(2),
    rho: ratArb(1, { positive: true }),
  };
}

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

/** One line of a CAS script: a plain string is setup (its output is ignored); `[name, expr]` is an output read by name. */
export type CasLine = string | readonly [name: string, expr: string];

/**
 * Run a CAS script and return its named outputs (trimmed), so that inserting a line never shifts
 * a label (outputs are never read by position).
 */
export async function runNamed(session: CasSession, engine: CasEngine, script: readonly CasLine[]): Promise<Record<string, string>> {
  const outs = await session.run(
    engine,
    script.map((l) => (typeof l === 'string' ? l : l[1])),
  );
  const named: Record<string, string> = {};
  script.forEach((l, i) => {
    if (typeof l === 'string') return;
    if (l[0] in named) throw new InternalError(`CAS script names two outputs "${l[0]}"`);
    named[l[0]] = (outs[i] ?? '').trim();
  });
  return named;
}

/** Run a script on algebrite: the engine and the named residual of an obligation's CAS result (its steps are added by the caller). */
export async function algebriteResidual(session: CasSession, script: readonly CasLine[]): Promise<{ engine: 'algebrite'; residual: string }> {
  return { engine: 'algebrite', residual: namedResidual(await runNamed(session, 'algebrite', script)) };
}

/** "0" if every named residual is exactly 0, otherwise the nonzero ones with their names. */
export function namedResidual(residuals: Readonly<Record<string, string>>): string {
  return combineResiduals(Object.keys(residuals), Object.values(residuals));
}
