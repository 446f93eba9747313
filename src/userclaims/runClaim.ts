/**
 * Running one claim of a claim file: fast-check draws over its domain, formulas evaluated at the
 * working precision against the engine's observables, worst margin, verdict, shrunk
 * counterexample, replay, and (closed forms of GD) the symbolic residual.
 *
 * Main definitions:
 * - `runClaim(spec, opts)` → `ClaimResult`.
 *   Margins: tolerance abs: |q − e| ≤ abs; rel (or digits k: rel 10^-k): |q − e| / max(|q|, |e|) ≤ rel
 *   (0 when both are 0). A `holds` predicate scores 0 (holds) or 1 (violated) per draw against
 *   tolerance 0. Draws failing a domain constraint are discarded and counted; draws whose
 *   observables do not exist (ObservableUndefined, e.g. a blow-up before s) are counted apart;
 *   draws where the engine could not produce a number (NumericError) make a non-failing claim
 *   inconclusive (exit 3), never pass.
 *   A tolerance finer than the working precision can resolve (rel < 10^-(P-5)) is a usage error.
 * - Edge mode (`opts.edge`): draws from `edgeArbitrary` (3 in 4 draws on an edge, 1 in 4 uniform),
 *   with per-edge-kind counts.
 * - Replay: `opts.seed` + `opts.path` re-run fast-check on exactly the recorded counterexample.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Field } from '../numeric/Field.ts';
import { DEFAULT_BACKEND, makeField, type Backend } from '../numeric/fieldFactory.ts';
import { NumericError } from '../numeric/errors.ts';
import { UsageError } from '../io/UsageError.ts';
import { evalExpr } from '../symbolic/exprEval.ts';
import { CasSession } from '../symbolic/cas.ts';
import { FormulaError, identifiers, type Node } from './formula.ts';
import { evaluate, show, type Value } from './evaluate.ts';
import type { ClaimSpec } from './claimFile.ts';
import { Observer, ObservableUndefined, type DrawnInput } from './observables.ts';
import { baseArbitrary, edgeApplicability, edgeArbitrary, EDGE_KINDS, type EdgeDraw, type EdgeKind } from './draws.ts';
import { casName, symbolicResidual, type SymbolicVerdict } from './symbolicResidual.ts';

export const DEFAULT_SEED = 20260308;

export interface RunClaimOptions {
  readonly seed?: number;
  readonly path?: string;
  /** number of draws (default: the claim's `draws`) */
  readonly runs?: number;
  readonly precision?: number;
  /** numeric backend (default DEFAULT_BACKEND) */
  readonly backend?: Backend;
  readonly edge?: boolean;
  readonly symbolic?: boolean;
  readonly timeLimitSeconds?: number;
  /** the command that replays a counterexample, without --seed/--path */
  readonly replayBase?: string;
  readonly cas?: CasSession;
}

export interface DrawReport {
  readonly input: Record<string, unknown>;
  readonly margin: string;
  readonly quantity?: string;
  readonly expected?: string;
  readonly holds?: boolean;
  /** every observable and input the formulas use, at this draw */
  readonly values: Record<string, string>;
}

export interface EdgeStats {
  tried: number;
  evaluated: number;
  outsideDomain: number;
  inapplicable: number;
  violations: number;
  worstMargin: string | null;
  reason?: string;
}

export interface ClaimResult {
  readonly id: string;
  readonly statement: string;
  readonly kind: 'compare' | 'holds';
  readonly status: 'pass' | 'fail' | 'inconclusive';
  readonly margin: string | null;
  readonly tolerance: string;
  readonly toleranceText: string;
  readonly comparison: '<=';
  readonly worst: DrawReport | null;
  readonly counterexample: (DrawReport & { shrinks: number }) | null;
  readonly replay: { seed: number; path: string; command: string } | null;
  readonly draws: {
    requested: number;
    evaluated: number;
    held: number;
    violated: number;
    discardedByConstraints: number;
    undefinedObservables: number;
    numericFailures: number;
  };
  readonly edges?: Record<string, EdgeStats>;
  /**
   * After a failure fast-check stops at the first violation; the census re-draws the same
   * `requested` inputs without stopping and reports where the claim held and where it did not:
   * for every drawn scalar, its range over the holding and over the violating draws.
   */
  readonly census?: {
    evaluated: number;
    held: number;
    violated: number;
    ranges: Record<string, { held: [string, string] | null; violated: [string, string] | null }>;
  };
  readonly symbolic: SymbolicVerdict;
  readonly precision: number;
  readonly backend: string;
  readonly seed: number;
  readonly notes: string[];
}

type Eval =
  | { kind: 'skip' }
  | { kind: 'undefined'; reason: string }
  | { kind: 'numeric'; reason: string }
  | { kind: 'ok'; margin: string; ok: boolean; q?: string; e?: string; holds?: boolean; obs: Observer<unknown> };

function inputRecord(inp: DrawnInput, depth: number, time: ClaimSpec['time']): Record<string, unknown> {
  const o: Record<string, unknown> = { algo: inp.algo, x: inp.x };
  if (inp.alpha !== null) o.alpha = inp.alpha;
  else if (depth === 2) {
    o.u0 = inp.W0[0];
    o.v0 = inp.W0[1];
  } else o.layers = inp.W0;
  o.rho = inp.rho;
  if (inp.s !== null) o[time === 'physical' ? 't' : 's'] = inp.s;
  if (inp.eta !== null) o.eta = inp.eta;
  if (inp.steps !== null) o.steps = inp.steps;
  if (inp.edge) o.edge = inp.edge;
  return o;
}

/** Short decimal for reports: up to `digits` significant digits (the JSON keeps more). */
function shortStr<T>(F: Field<T>, v: T, digits: number): string {
  return F.toString(v, Math.min(digits, F.precision));
}

export async function runClaim(spec: ClaimSpec, opts: RunClaimOptions = {}): Promise<ClaimResult> {
  const P = opts.precision ?? spec.precision;
  const backend = opts.backend ?? DEFAULT_BACKEND;
  const F = makeField(backend, P) as Field<unknown>;
  const seed = opts.seed ?? spec.seed ?? DEFAULT_SEED;
  const runs = opts.runs ?? spec.draws;
  const notes: string[] = [];
  const kind: 'compare' | 'holds' = spec.holds ? 'holds' : 'compare';
  const tol = spec.tolerance;
  const tolerance = tol ? tol.value : '0';
  if (tol && tol.kind === 'rel' && new Decimal(tol.value).lt(new Decimal(10).pow(-(P - 5)))) {
    throw new UsageError(
      `${spec.where}.tolerance: ${tol.text} is finer than ${P} digits of working precision can resolve (raise "precision" to at least ${Math.ceil(-new Decimal(tol.value).log(10).toNumber()) + 5})`,
    );
  }
  const tolF = F.fromString(tolerance);
  // integrated flows (l2-SAM, depth != 2) carry the integrator's relative tolerance 10^-(P-12) per
  // step: print quantity/expected with fewer digits than that, and say so
  const integrated = spec.time === 'physical' || (spec.time === 'flow' && (spec.depth !== 2 || spec.algos.includes('sam-l2')));
  const shownDigits = Math.max(6, Math.min(30, integrated ? P - 15 : P - 5));
  if (integrated)
    notes.push(
      `integrated flow (physical time, l2-SAM or depth != 2): step tolerance 1e-${Math.max(6, P - 12)}; quantities are shown to ${shownDigits} digits, and a tolerance near 1e-${Math.max(6, P - 12)} needs a higher precision`,
    );
  const usedNames = new Map<string, Node>();
  for (const f of [spec.quantity, spec.expected, spec.holds, ...spec.constraints]) {
    if (!f) continue;
    const walk = (n: Node) => {
      if (n.k === 'id' && !['pi', 'e', 'none', 'true', 'false'].includes(n.name)) usedNames.set(n.name, n);
      if (n.k === 'call' && !['exp', 'log', 'sqrt', 'abs', 'sign', 'min', 'max', 'if', 'cosh', 'sinh', 'tanh'].includes(n.name))
        usedNames.set(`${n.name}(${n.args.length === 1 && n.args[0]!.k === 'id' ? n.args[0]!.name : '…'})`, n);
      if (n.k === 'call') n.args.forEach(walk);
      if (n.k === 'unary') walk(n.a);
      if (n.k === 'binary') {
        walk(n.a);
        walk(n.b);
      }
    };
    walk(f.node);
  }
  void identifiers;

  const evalDraw = (inp: DrawnInput): Eval => {
    const obs = new Observer(F, inp, { time: spec.time, loss: spec.loss }, spec.where);
    try {
      for (const c of spec.constraints) {
        const v = evaluate(F, c.node, obs, c.where);
        if (v.k !== 'bool') throw new FormulaError(c.where, `a constraint must be true or false, got ${show(F, v)}`, 1);
        if (!v.v) return { kind: 'skip' };
      }
      if (spec.holds) {
        const v = evaluate(F, spec.holds.node, obs, spec.holds.where);
        if (v.k !== 'bool') throw new FormulaError(spec.holds.where, `"holds" must be true or false, got ${show(F, v)}`, 1);
        return { kind: 'ok', margin: v.v ? '0' : '1', ok: v.v, holds: v.v, obs };
      }
      const q = evaluate(F, spec.quantity!.node, obs, spec.quantity!.where);
      const e = evaluate(F, spec.expected!.node, obs, spec.expected!.where);
      const qn = numOf(q, spec.quantity!.where);
      const en = numOf(e, spec.expected!.where);
      const diff = F.abs(F.sub(qn, en));
      let m = diff;
      if (tol!.kind === 'rel') {
        const scale = F.max(F.abs(qn), F.abs(en));
        m = F.isZero(scale) ? F.zero : F.div(diff, scale);
      }
      const ok = F.cmp(m, tolF) <= 0;
      return { kind: 'ok', margin: F.toString(m, 6), ok, q: shortStr(F, qn, shownDigits), e: shortStr(F, en, shownDigits), obs };
    } catch (err) {
      if (err instanceof ObservableUndefined) return { kind: 'undefined', reason: err.message };
      if (err instanceof NumericError || (err instanceof RangeError && !(err instanceof FormulaError)))
        return { kind: 'numeric', reason: (err as Error).message };
      throw err;
    }
  };
  const numOf = (v: Value<unknown>, where: string): unknown => {
    if (v.k === 'num') return v.v;
    throw new FormulaError(where, `expected a number, got ${show(F, v)}`, 1);
  };
  const valuesOf = (obs: Observer<unknown>): Record<string, string> => {
    const out: Record<string, string> = {};
    const h = spec.holds;
    if (h && h.node.k === 'binary' && ['<=>', '=>', 'and', 'or'].includes(h.node.op)) {
      const col = h.node.col - 1;
      const opLen = /^(<=>|=>|&&|\|\||and|or)/.exec(h.src.slice(col))?.[0].length ?? 0;
      for (const [label, n] of [
        [h.src.slice(0, col).trim(), h.node.a],
        [h.src.slice(col + opLen).trim(), h.node.b],
      ] as const) {
        try {
          out[label] = show(F, evaluate(F, n, obs, h.where), 20);
        } catch (e) {
          out[label] = `(${(e as Error).message})`;
        }
      }
    }
    for (const [label, n] of usedNames) {
      try {
        out[label] = show(F, evaluate(F, n, obs, spec.where), 20);
      } catch (e) {
        out[label] = `(${(e as Error).message})`;
      }
    }
    return out;
  };
  const report = (inp: DrawnInput, r: Eval): DrawReport | null => {
    if (r.kind !== 'ok') return null;
    return {
      input: inputRecord(inp, spec.depth, spec.time),
      margin: r.margin,
      ...(r.q !== undefined ? { quantity: r.q, expected: r.e } : {}),
      ...(r.holds !== undefined ? { holds: r.holds } : {}),
      values: valuesOf(r.obs),
    };
  };

  // ---- the property
  const stats = { evaluated: 0, held: 0, violated: 0, skip: 0, undef: 0, numeric: 0 };
  const undefReasons = new Map<string, { example: string; n: number }>();
  const numericReasons = new Map<string, number>();
  const edgeStats: Record<string, EdgeStats> = {};
  if (opts.edge)
    for (const k of [...EDGE_KINDS, 'uniform']) edgeStats[k] = { tried: 0, evaluated: 0, outsideDomain: 0, inapplicable: 0, violations: 0, worstMargin: null };
  let worst: { m: Decimal; inp: DrawnInput; r: Eval } | null = null;
  let shrinking = false;
  /** a formula error (type error, bad subscript) aborts the run: it is the file's fault, not the claim's */
  let fatal: Error | null = null;
  const safeEval = (inp: DrawnInput): Eval => {
    if (fatal) return { kind: 'skip' };
    try {
      return evalDraw(inp);
    } catch (e) {
      fatal = e as Error;
      return { kind: 'skip' };
    }
  };
  const onInput = (inp: DrawnInput): boolean => {
    const r = safeEval(inp);
    const es = opts.edge ? edgeStats[inp.edge ?? 'uniform'] : undefined;
    if (r.kind === 'skip') {
      if (!shrinking) stats.skip++;
      fc.pre(false);
      return true;
    }
    if (r.kind === 'undefined' || r.kind === 'numeric') {
      if (!shrinking) {
        if (r.kind === 'undefined') {
          stats.undef++;
          const key = r.reason.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, '#');
          const prev = undefReasons.get(key);
          undefReasons.set(key, { example: prev?.example ?? r.reason, n: (prev?.n ?? 0) + 1 });
        } else {
          stats.numeric++;
          numericReasons.set(r.reason, (numericReasons.get(r.reason) ?? 0) + 1);
        }
      }
      fc.pre(false);
      return true;
    }
    if (!shrinking) {
      stats.evaluated++;
      if (r.ok) stats.held++;
      else stats.violated++;
      const m = new Decimal(r.margin);
      if (!worst || m.gt(worst.m)) worst = { m, inp, r };
      if (es) {
        es.evaluated++;
        if (!r.ok) es.violations++;
        if (es.worstMargin === null || m.gt(new Decimal(es.worstMargin))) es.worstMargin = r.margin;
      }
    }
    if (!r.ok) shrinking = true;
    return r.ok;
  };
  const applicability = edgeApplicability(spec);
  const kinds = (EDGE_KINDS as readonly EdgeKind[]).filter((k) => applicability[k] === null);
  if (opts.edge) {
    for (const k of EDGE_KINDS) if (applicability[k] !== null) edgeStats[k]!.reason = applicability[k]!;
    if (kinds.length === 0) notes.push('no edge kind applies to this domain: uniform draws only');
  }
  const plain = baseArbitrary(spec).map((input): EdgeDraw => ({ input, outside: false, inapplicable: null }));
  const arb: fc.Arbitrary<EdgeDraw> =
    opts.edge && kinds.length > 0 ? fc.oneof({ weight: 1, arbitrary: plain }, { weight: 3, arbitrary: edgeArbitrary(F, spec, kinds) }) : plain;
  const prop = fc.property(arb, (ed) => {
    const es = opts.edge ? edgeStats[ed.input.edge ?? 'uniform']! : undefined;
    if (es && !shrinking) es.tried++;
    if (ed.inapplicable) {
      if (es && !shrinking) {
        es.inapplicable++;
        es.reason = ed.inapplicable;
      }
      fc.pre(false);
    }
    if (ed.outside) {
      if (es && !shrinking) es.outsideDomain++;
      fc.pre(false);
    }
    return onInput(ed.input);
  });
  const details = await fc.check(prop, {
    seed,
    numRuns: runs,
    ...(opts.path ? { path: opts.path } : {}),
    interruptAfterTimeLimit: (opts.timeLimitSeconds ?? 600) * 1000,
    markInterruptAsFailure: false,
    maxSkipsPerRun: 100,
  });
  const fatalErr = fatal as Error | null;
  if (fatalErr) throw fatalErr;
  const errInst = (details as { errorInstance?: unknown }).errorInstance;
  if (details.failed && !details.counterexample && errInst) throw errInst;
  let counterexample: ClaimResult['counterexample'] = null;
  let replay: ClaimResult['replay'] = null;
  if (details.failed && details.counterexample) {
    const inp = details.counterexample[0].input;
    shrinking = true;
    const r = evalDraw(inp);
    const rep = report(inp, r);
    if (rep) counterexample = { ...rep, shrinks: details.numShrinks };
    const path = details.counterexamplePath ?? '';
    const base = opts.replayBase ?? `samcheck check FILE --claim ${spec.id}`;
    replay = {
      seed: details.seed,
      path,
      command: `${base} --seed ${details.seed} --path ${path}${opts.precision !== undefined ? ` --precision ${P}` : ''}${opts.backend !== undefined ? ` --backend ${backend}` : ''}`,
    };
  }
  let census: ClaimResult['census'];
  if (counterexample && !opts.path) {
    if (opts.edge)
      for (const k of Object.keys(edgeStats))
        edgeStats[k] = {
          tried: 0,
          evaluated: 0,
          outsideDomain: 0,
          inapplicable: 0,
          violations: 0,
          worstMargin: null,
          ...(edgeStats[k]!.tried === 0 && edgeStats[k]!.reason ? { reason: edgeStats[k]!.reason } : {}),
        };
    const ranges = new Map<string, { held: [Decimal, Decimal] | null; violated: [Decimal, Decimal] | null }>();
    let cH = 0;
    let cV = 0;
    const scalars = (inp: DrawnInput): Array<[string, string]> => {
      const out: Array<[string, string]> = [];
      inp.x.forEach((v, i) => out.push([`x_${i + 1}`, v]));
      if (inp.alpha !== null) out.push(['alpha', inp.alpha]);
      else if (spec.depth === 2) {
        inp.W0[0]!.forEach((v, i) => out.push([`u0_${i + 1}`, v]));
        inp.W0[1]!.forEach((v, i) => out.push([`v0_${i + 1}`, v]));
      } else inp.W0.forEach((row, l) => row.forEach((v, i) => out.push([`w0_${l + 1}_${i + 1}`, v])));
      out.push(['rho', inp.rho]);
      if (inp.s !== null) out.push([spec.time === 'physical' ? 't' : 's', inp.s]);
      if (inp.eta !== null) out.push(['eta', inp.eta]);
      return out;
    };
    for (const ed of fc.sample(arb, { seed, numRuns: runs })) {
      const inp = ed.input;
      const es = opts.edge ? edgeStats[inp.edge ?? 'uniform'] : undefined;
      if (es) es.tried++;
      if (ed.inapplicable || ed.outside) {
        if (es && ed.inapplicable) {
          es.inapplicable++;
          es.reason = ed.inapplicable;
        } else if (es) es.outsideDomain++;
        continue;
      }
      let r: Eval;
      try {
        r = evalDraw(inp);
      } catch {
        continue;
      }
      if (r.kind !== 'ok') continue;
      if (r.ok) cH++;
      else cV++;
      if (!worst || new Decimal(r.margin).gt((worst as { m: Decimal }).m)) worst = { m: new Decimal(r.margin), inp, r };
      if (es) {
        es.evaluated++;
        if (!r.ok) es.violations++;
        if (es.worstMargin === null || new Decimal(r.margin).gt(new Decimal(es.worstMargin))) es.worstMargin = r.margin;
      }
      for (const [name, v] of scalars(inp)) {
        const e = ranges.get(name) ?? { held: null, violated: null };
        const d = new Decimal(v);
        const key = r.ok ? 'held' : 'violated';
        const cur = e[key];
        e[key] = cur ? [Decimal.min(cur[0], d), Decimal.max(cur[1], d)] : [d, d];
        ranges.set(name, e);
      }
    }
    const rs: Record<string, { held: [string, string] | null; violated: [string, string] | null }> = {};
    for (const [k, e] of ranges) {
      if (e.held && e.violated && e.held[0].eq(e.held[1]) && e.violated[0].eq(e.violated[1]) && e.held[0].eq(e.violated[0])) continue; // a fixed value
      rs[k] = {
        held: e.held ? [e.held[0].toString(), e.held[1].toString()] : null,
        violated: e.violated ? [e.violated[0].toString(), e.violated[1].toString()] : null,
      };
    }
    census = { evaluated: cH + cV, held: cH, violated: cV, ranges: rs };
  }
  const w = worst as { m: Decimal; inp: DrawnInput; r: Eval } | null;
  const worstRep = w ? report(w.inp, w.r) : null;
  if (stats.undef > 0)
    notes.push(
      `${stats.undef} draws had an undefined observable and were not counted: ${[...undefReasons.values()].map((u) => `${u.n > 1 ? 'e.g. ' : ''}${u.example} (x${u.n})`).join('; ')}`,
    );
  if (stats.numeric > 0)
    notes.push(`${stats.numeric} draws could not be evaluated numerically: ${[...numericReasons].map(([r, n]) => `${r} (x${n})`).join('; ')}`);
  if (stats.skip > 0) notes.push(`${stats.skip} draws discarded by the domain constraints`);
  if (details.interrupted) notes.push(`time limit reached after ${stats.evaluated} evaluated draws`);
  if (w) for (const n of (w.r as { obs?: Observer<unknown> }).obs?.notes ?? []) notes.push(n);
  if (tol && tol.kind === 'abs') notes.push(`absolute tolerance ${tol.value}; values are computed with ${P} significant digits`);
  let status: ClaimResult['status'];
  if (counterexample) status = 'fail';
  else if (stats.evaluated === 0) {
    status = 'inconclusive';
    notes.push('no draw could be evaluated (all discarded, undefined or failed numerically)');
  } else if (stats.numeric > 0) status = 'inconclusive';
  else if (opts.path) {
    status = 'pass';
    notes.push('replay of one recorded path: only that draw was evaluated');
  } else status = 'pass';

  // ---- symbolic verdict
  let symbolic: SymbolicVerdict = { verdict: 'not-applicable', reason: 'not requested' };
  if (opts.symbolic !== false) {
    const cas = opts.cas ?? new CasSession();
    try {
      symbolic = await symbolicResidual(spec, cas);
    } finally {
      if (!opts.cas) await cas.close();
    }
    if (symbolic.verdict === 'nonzero' && symbolic.raw && w) {
      // a CAS that fails to simplify is not a disproof: evaluate the residuals at the worst draw
      const inp = w.inp;
      const env: Record<string, unknown> = {};
      inp.x.forEach((v, i) => (env[casName(`x_${i + 1}`)!] = F.fromString(v)));
      if (spec.depth === 2) {
        inp.W0[0]!.forEach((v, i) => (env[casName(`u0_${i + 1}`)!] = F.fromString(v)));
        inp.W0[1]!.forEach((v, i) => (env[casName(`v0_${i + 1}`)!] = F.fromString(v)));
      }
      if (inp.alpha !== null) env.alphaq = F.fromString(inp.alpha);
      env.rhoq = F.fromString(inp.rho);
      if (inp.s !== null) env.sq = F.fromString(inp.s);
      try {
        const vals = symbolic.raw.map((r) => evalExpr(F, r, env));
        const scale = F.fromString(`1e-${Math.max(5, P - 10)}`);
        if (vals.every((v) => F.cmp(F.abs(v), scale) <= 0)) {
          symbolic = {
            ...symbolic,
            verdict: 'undecided',
            reason: `the CAS did not reduce the residual to 0, but it evaluates to 0 (within 1e-${Math.max(5, P - 10)}) at the worst draw`,
          };
        }
      } catch {
        // residual not evaluable (unusual CAS output): keep the CAS verdict
      }
    }
  }
  return {
    id: spec.id,
    statement: spec.statement,
    kind,
    status,
    margin: w ? (w.r.kind === 'ok' ? w.r.margin : null) : null,
    tolerance,
    toleranceText: tol ? tol.text : 'holds on every draw',
    comparison: '<=',
    worst: worstRep,
    counterexample,
    replay,
    draws: {
      requested: runs,
      evaluated: stats.evaluated,
      held: stats.held,
      violated: stats.violated,
      discardedByConstraints: stats.skip,
      undefinedObservables: stats.undef,
      numericFailures: stats.numeric,
    },
    ...(opts.edge ? { edges: edgeStats } : {}),
    ...(census ? { census } : {}),
    symbolic,
    precision: P,
    backend,
    seed,
    notes,
  };
}

export function exitCodeOf(results: readonly ClaimResult[]): number {
  if (results.some((r) => r.status === 'fail')) return 1;
  if (results.some((r) => r.status === 'inconclusive')) return 3;
  return 0;
}
