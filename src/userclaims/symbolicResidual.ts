/**
 * Symbolic verdict of a claimed closed form: substitute the expected formula into the flow's ODE
 * with a CAS (algebrite) and report whether the residual reduces to 0.
 *
 * Main definitions:
 * - `symbolicResidual(spec, cas)`: applies to GD, depth 2, flow claims whose quantity is beta_i,
 *   u_i or v_i at the clock s and whose expected formula uses inputs only. The GD flow
 *   u' = x v, v' = x u gives the closed linear second-order ODEs (any start)
 *     u_i'' = x_i² u_i,  v_i'' = x_i² v_i,  β_i'' = 4 x_i² β_i,
 *   with u_i(0) = u0_i, u_i'(0) = x_i v0_i; v_i(0) = v0_i, v_i'(0) = x_i u0_i;
 *   β_i(0) = u0_i v0_i, β_i'(0) = x_i (u0_i² + v0_i²).
 *   The ODE and both initial conditions determine the solution, so three zero residuals prove the
 *   closed form; a non-zero residual is reported as the CAS prints it. Balanced starts use
 *   u0_i = α, v0_i = sgn(x_i) α, which needs the sign of x_i fixed by its range.
 *   ℓ2-SAM, depth 2, balanced start, quantity beta_i: the first-order ODE of the B3 τ reduction,
 *     β_i' = 2|x_i| β_i − 2ρ x_i² β_i / N,  τ' = 1/N,  β_i(0) = sgn(x_i) α², τ(0) = 0,
 *   with N a free positive symbol (so the residual is 0 whatever N(s) the other coordinates give);
 *   the expected formula may use tau / tau(s).
 * - `SymbolicVerdict`: 'zero' | 'nonzero' | 'not-applicable' | 'undecided' (CAS error/timeout), with
 *   the residuals and the reason.
 */
import { Decimal } from 'decimal.js';
import { CasSession } from '../symbolic/cas.ts';
import { identifiers, toCas, type Node } from './formula.ts';
import type { ClaimSpec } from './claimFile.ts';

export interface SymbolicVerdict {
  readonly verdict: 'zero' | 'nonzero' | 'not-applicable' | 'undecided';
  readonly ode?: string;
  readonly residuals?: { ode: string; initialValue: string; initialSlope: string };
  /** the residuals as the CAS printed them, symbols renamed (xq1 = x_1, uq1 = u0_1, alphaq, rhoq, sq) */
  readonly raw?: string[];
  readonly reason?: string;
}

/** The CAS name of an input symbol (x_1 -> xq1, u0_1 -> uq1, alpha -> alphaq, rho -> rhoq, s -> sq). */
export function casName(name: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^x_(\d+)$/.exec(name))) return `xq${m[1]}`;
  if ((m = /^([uv])0_(\d+)$/.exec(name))) return `${m[1]}q${m[2]}`;
  if (name === 'alpha') return 'alphaq';
  if (name === 'rho') return 'rhoq';
  if (name === 's') return 'sq';
  if (name === 'tau') return 'tauq';
  return null;
}

function targetOf(n: Node): { kind: 'beta' | 'u' | 'v'; i: number } | null {
  let name: string;
  if (n.k === 'id') name = n.name;
  else if (n.k === 'call' && n.args.length === 1 && n.args[0]!.k === 'id' && n.args[0]!.name === 's') name = n.name;
  else return null;
  const m = /^(beta|u|v)_(\d+)$/.exec(name);
  return m ? { kind: m[1] as 'beta' | 'u' | 'v', i: Number(m[2]) } : null;
}

const pretty = (s: string) =>
  s
    .replace(/tauq/g, 'tau')
    .replace(/Nq/g, 'N')
    .replace(/xq(\d+)/g, 'x_$1')
    .replace(/([uv])q(\d+)/g, '$10_$2')
    .replace(/alphaq/g, 'alpha')
    .replace(/rhoq/g, 'rho')
    .replace(/\bsq\b/g, 's');

export async function symbolicResidual(spec: ClaimSpec, cas: CasSession, timeoutMs = 20_000): Promise<SymbolicVerdict> {
  const na = (reason: string): SymbolicVerdict => ({ verdict: 'not-applicable', reason });
  if (!spec.quantity || !spec.expected) return na('a "holds" predicate has no closed form to substitute');
  if (spec.time !== 'flow') return na(spec.time === 'discrete' ? 'discrete runs have no ODE' : 'the substitution works in rescaled time s (model.time "flow")');
  const algo = spec.algos.length === 1 ? spec.algos[0] : null;
  if (algo !== 'gd' && algo !== 'sam-l2')
    return na('the symbolic substitution covers the GD flow and the l2-SAM flow (balanced starts); other claims are checked numerically only');
  if (spec.depth !== 2) return na('the symbolic substitution covers depth 2');
  const tgt = targetOf(spec.quantity.node);
  if (!tgt) return na('the quantity is not beta_i(s), u_i(s) or v_i(s)');
  if (algo === 'sam-l2' && (tgt.kind !== 'beta' || spec.start.kind !== 'balanced'))
    return na('for l2-SAM the substitution covers beta_i(s) from balanced starts (the B3 tau reduction)');
  const allowedInput = (name: string) =>
    /^x_\d+$/.test(name) || /^[uv]0_\d+$/.test(name) || ['alpha', 'rho', 's', 'pi', 'e'].includes(name) || (algo === 'sam-l2' && name === 'tau');
  for (const id of identifiers(spec.expected.node)) {
    if (id.call && ['exp', 'log', 'sqrt', 'abs', 'cosh', 'sinh', 'tanh'].includes(id.name)) continue;
    if (id.call && algo === 'sam-l2' && id.name === 'tau') continue;
    if (id.call || !allowedInput(id.name)) return na(`the expected formula uses "${id.name}", not an input of the closed form`);
  }
  const E = toCas(spec.expected.node, casName);
  if (E === null) return na('the expected formula is not a plain arithmetic expression (tau only as tau or tau(s))');
  const i = tgt.i;
  const X = `xq${i}`;
  let U0 = `uq${i}`;
  let V0 = `vq${i}`;
  if (spec.start.kind === 'balanced') {
    const r = spec.x[i - 1]!;
    const lo = new Decimal(r.lo);
    const hi = new Decimal(r.hi);
    U0 = 'alphaq';
    if (lo.gte(0)) V0 = 'alphaq';
    else if (hi.lt(0)) V0 = '(-alphaq)';
    else return na(`balanced start with x_${i} of either sign: v0_${i} = sgn(x_${i}) alpha is not one formula`);
  } else if (spec.start.kind !== 'uv') return na('layers start at depth 2: use u0/v0 or alpha');
  if (algo === 'sam-l2') {
    // balanced start: u_i² − v_i² = 0 for all s, so u_i² + v_i² = 2|beta_i| and
    // beta_i' = x_i(u_i² + v_i²) − 2ρx_i² beta_i/N = 2|x_i| beta_i − 2ρx_i² beta_i/N, with τ' = 1/N, τ(0) = 0;
    // N > 0 is a free symbol, so a zero residual holds whatever N(s) the other coordinates produce.
    const AX = V0 === 'alphaq' ? X : `(-${X})`;
    const name = `beta_${i}`;
    const ode = `${name}' = 2|x_${i}| ${name} - 2 rho x_${i}^2 ${name}/N with tau' = 1/N (N free), ${name}(0) = ${pretty(`${U0}*${V0}`)}, tau(0) = 0`;
    try {
      const out = await cas.run(
        'algebrite',
        [`E=${E}`, `simplify(d(E,sq)+d(E,tauq)/Nq-(2*${AX}*E-2*rhoq*${X}^2*E/Nq))`, `simplify(subst(0,tauq,subst(0,sq,E))-(${U0}*${V0}))`],
        timeoutMs,
      );
      const [r1, r2] = [out[1]!.trim(), out[2]!.trim()];
      const residuals = { ode: pretty(r1), initialValue: pretty(r2), initialSlope: '0' };
      return { verdict: r1 === '0' && r2 === '0' ? 'zero' : 'nonzero', ode, residuals, raw: [r1, r2] };
    } catch (e) {
      return { verdict: 'undecided', ode, reason: (e as Error).message };
    }
  }
  const c = tgt.kind === 'beta' ? 4 : 1;
  const y0 = tgt.kind === 'beta' ? `${U0}*${V0}` : tgt.kind === 'u' ? U0 : V0;
  const yp0 = tgt.kind === 'beta' ? `${X}*(${U0}^2+${V0}^2)` : tgt.kind === 'u' ? `${X}*${V0}` : `${X}*${U0}`;
  const name = tgt.kind === 'beta' ? `beta_${i}` : `${tgt.kind}_${i}`;
  const ode = `${name}'' = ${c === 4 ? '4 ' : ''}x_${i}^2 ${name}, ${name}(0) = ${pretty(y0)}, ${name}'(0) = ${pretty(yp0)}`;
  try {
    const out = await cas.run(
      'algebrite',
      [`E=${E}`, `simplify(d(d(E,sq),sq)-${c}*${X}^2*E)`, `simplify(subst(0,sq,E)-(${y0}))`, `simplify(subst(0,sq,d(E,sq))-(${yp0}))`],
      timeoutMs,
    );
    const [r1, r2, r3] = [out[1]!.trim(), out[2]!.trim(), out[3]!.trim()];
    const residuals = { ode: pretty(r1), initialValue: pretty(r2), initialSlope: pretty(r3) };
    return { verdict: r1 === '0' && r2 === '0' && r3 === '0' ? 'zero' : 'nonzero', ode, residuals, raw: [r1, r2, r3] };
  } catch (e) {
    return { verdict: 'undecided', ode, reason: (e as Error).message };
  }
}
