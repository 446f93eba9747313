/**
 * Claim files (`samcheck check FILE`): JSON or YAML declaring claims without code.
 *
 * Main definitions:
 * - `readClaimFile(path)`: reads and validates a file into `ClaimSpec`s. Both formats are read
 *   with the `yaml` package's failsafe schema (JSON is YAML), so every scalar stays a string:
 *   `0.1` is the decimal 0.1, never a float64.
 * - `parseClaimFile(raw, where)`: the same from an already parsed object (tests).
 * - `ClaimSpec`, `RangeSpec`, `StartSpec`, `ToleranceSpec`.
 * - Every formula is parsed and every symbol checked against the model here, before any draw:
 *   an unknown symbol or a syntax error is a `FormulaError` (exit 2) naming the symbol and column.
 *
 * Shape (one claim, or {"precision", "seed", "claims": [...]}):
 *   id, statement?,
 *   model: {algo: "gd" | "sam-l2" | "sam-linf" | [list], depth: 2, examples: 1,
 *           loss: "logistic" | "exponential", time: "flow" | "physical" | "discrete", eta, steps},
 *   domain: {d, x, start: {alpha} | {u0, v0} | {layers}, rho, s (flow) | t (physical),
 *            constraints: [formula...]},
 *   quantity + expected (formulas) | holds (predicate),
 *   tolerance: {abs} | {rel} | {digits}, draws, precision?
 * A real parameter is a decimal "0.5" or a range "0.1..2" (drawn uniformly on a decimal grid);
 * a vector (x, u0, v0, a layer) is one such entry for every coordinate or a list of d entries.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../io/UsageError.ts';
import { ALGO_NAMES, type AlgoName } from '../optim/algorithms.ts';
import { LOSS_NAMES, type LossName } from '../numeric/loss.ts';
import { FormulaError, identifiers, parseFormula, type Node } from './formula.ts';
import { BUILTIN_CONSTANTS, BUILTIN_FUNCTIONS } from './evaluate.ts';

export interface RangeSpec {
  readonly lo: string;
  readonly hi: string;
}

export type StartSpec =
  | { readonly kind: 'balanced'; readonly alpha: RangeSpec }
  | { readonly kind: 'uv'; readonly u0: RangeSpec[]; readonly v0: RangeSpec[] }
  | { readonly kind: 'layers'; readonly layers: RangeSpec[][] };

export interface ToleranceSpec {
  readonly kind: 'abs' | 'rel';
  readonly value: string;
  /** as written, e.g. "digits 30" */
  readonly text: string;
}

export interface Formula {
  readonly src: string;
  readonly node: Node;
  readonly where: string;
}

export interface ClaimSpec {
  readonly id: string;
  readonly statement: string;
  readonly where: string;
  readonly algos: AlgoName[];
  readonly depth: number;
  readonly loss: LossName;
  /** flow: rescaled time s; physical: the physical-time flow (clock t, loss-dependent); discrete: steps */
  readonly time: 'flow' | 'physical' | 'discrete';
  readonly eta: RangeSpec | null;
  readonly steps: number | null;
  readonly d: number;
  readonly x: RangeSpec[];
  readonly start: StartSpec;
  readonly rho: RangeSpec;
  /** the clock range: s for flows, t for physical-time flows (null for discrete runs) */
  readonly s: RangeSpec | null;
  readonly constraints: Formula[];
  readonly quantity: Formula | null;
  readonly expected: Formula | null;
  readonly holds: Formula | null;
  readonly tolerance: ToleranceSpec | null;
  readonly draws: number;
  readonly precision: number;
  readonly seed: number | null;
}

export interface ClaimFile {
  readonly path: string;
  readonly claims: ClaimSpec[];
}

const DEC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function str(where: string, v: unknown): string {
  if (typeof v !== 'string') throw new UsageError(`${where}: expected a string, got ${JSON.stringify(v)?.slice(0, 60)}`);
  return v.trim();
}

function decimal(where: string, v: unknown): string {
  const s = str(where, v);
  if (!DEC.test(s)) throw new UsageError(`${where}: not a decimal number: ${JSON.stringify(s)}`);
  return s;
}

export function parseRange(where: string, v: unknown): RangeSpec {
  const s = str(where, v);
  const m = /^(.+?)\.\.(.+)$/.exec(s);
  if (!m) {
    const d = decimal(where, s);
    return { lo: d, hi: d };
  }
  const lo = decimal(where, m[1]!.trim());
  const hi = decimal(where, m[2]!.trim());
  if (new Decimal(lo).gt(new Decimal(hi))) throw new UsageError(`${where}: empty range ${JSON.stringify(s)} (lower end above upper end)`);
  return { lo, hi };
}

function intIn(where: string, v: unknown, lo: number, hi: number): number {
  const s = typeof v === 'number' ? String(v) : str(where, v);
  if (!/^\d+$/.test(s) || Number(s) < lo || Number(s) > hi) throw new UsageError(`${where} must be an integer in ${lo}..${hi}, got ${JSON.stringify(v)}`);
  return Number(s);
}

function obj(where: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${where}: expected an object, got ${JSON.stringify(v)?.slice(0, 60)}`);
  return v as Record<string, unknown>;
}

function onlyKeys(where: string, o: Record<string, unknown>, keys: string[]): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new UsageError(`${where}: unknown field "${k}" (known: ${keys.join(', ')})`);
}

function vector(where: string, v: unknown, d: number): RangeSpec[] {
  if (Array.isArray(v)) {
    if (v.length !== d) throw new UsageError(`${where}: expected ${d} entries (d = ${d}), got ${v.length}`);
    return v.map((e, i) => parseRange(`${where}[${i}]`, e));
  }
  const r = parseRange(where, v);
  return Array.from({ length: d }, () => r);
}

/** Symbols a formula of this claim may use: inputs and observables. */
export function symbolTable(c: Pick<ClaimSpec, 'algos' | 'depth' | 'time' | 'd' | 'start'>): { idents: Set<string>; calls: Set<string>; notes: string[] } {
  const idents = new Set<string>(['rho', 'd', 'L', 'algo']);
  const calls = new Set<string>();
  const notes: string[] = [];
  const d = c.d;
  const L = c.depth;
  const one = c.algos.length === 1 ? c.algos[0] : null;
  for (let i = 1; i <= d; i++) {
    idents.add(`x_${i}`);
    for (const o of ['beta']) {
      idents.add(`${o}_${i}`);
      calls.add(`${o}_${i}`);
    }
    if (L === 2) {
      idents.add(`u0_${i}`);
      idents.add(`v0_${i}`);
      for (const o of ['u', 'v']) {
        idents.add(`${o}_${i}`);
        calls.add(`${o}_${i}`);
      }
    }
    for (let l = 1; l <= L; l++) {
      idents.add(`w0_${l}_${i}`);
      idents.add(`w_${l}_${i}`);
      calls.add(`w_${l}_${i}`);
    }
  }
  if (c.start.kind === 'balanced') idents.add('alpha');
  for (const o of ['leader']) {
    idents.add(o);
    calls.add(o);
  }
  if (L === 2) {
    idents.add('N');
    calls.add('N');
  }
  if (c.time === 'flow') {
    idents.add('s');
    idents.add('fate');
    idents.add('collapse_s');
    if (L === 2) {
      idents.add('limit');
      idents.add('limit_sign');
    }
    if (L === 2 && (one === 'sam-l2' || one === null)) {
      idents.add('tau');
      calls.add('tau');
    }
    if (L === 2 && c.algos.includes('sam-l2') && c.start.kind === 'balanced') idents.add('alpha_c');
    if (L === 2 && c.algos.includes('sam-linf')) for (let i = 1; i <= d; i++) idents.add(`fate_${i}`);
  } else if (c.time === 'physical') {
    for (const o of ['t', 'clock', 'loss']) idents.add(o);
    calls.add('clock');
    calls.add('loss');
  } else {
    for (const o of ['eta', 'steps', 't', 'clock', 'loss']) idents.add(o);
    calls.add('clock');
    calls.add('loss');
  }
  return { idents, calls, notes };
}

function checkSymbols(f: Formula, table: { idents: Set<string>; calls: Set<string> }, d: number): void {
  for (const id of identifiers(f.node)) {
    if (id.call) {
      if ((BUILTIN_FUNCTIONS as readonly string[]).includes(id.name)) continue;
      if (table.calls.has(id.name)) {
        if (id.arity !== 1) throw new FormulaError(f.where, `${id.name}(...) takes one argument (the clock), got ${id.arity}`, id.col, id.name);
        continue;
      }
      throw new FormulaError(f.where, `unknown function "${id.name}"${hint(id.name, d)}`, id.col, id.name);
    }
    if ((BUILTIN_CONSTANTS as readonly string[]).includes(id.name) || table.idents.has(id.name)) continue;
    throw new FormulaError(f.where, `unknown symbol "${id.name}"${hint(id.name, d)}`, id.col, id.name);
  }
}

function hint(name: string, d: number): string {
  const m = /^([A-Za-z0-9]+?)_(\d+)$/.exec(name);
  if (m && (Number(m[2]) < 1 || Number(m[2]) > d)) return ` (subscripts are 1-based, 1..${d})`;
  if (/^[a-z]+\d+$/.test(name) && !/^[uv]0$/.test(name)) return ' (write subscripts with "_", e.g. x_1)';
  return '';
}

function formula(where: string, v: unknown): Formula {
  const src = str(where, v);
  return { src, node: parseFormula(src, where), where };
}

export function parseClaim(raw: unknown, where: string, defaults: { precision?: number; seed?: number }): ClaimSpec {
  const o = obj(where, raw);
  onlyKeys(where, o, ['id', 'statement', 'model', 'domain', 'quantity', 'expected', 'holds', 'tolerance', 'draws', 'precision', 'seed', 'comment']);
  const id = str(`${where}.id`, o.id ?? '');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) throw new UsageError(`${where}.id: expected a name of letters, digits, _ . -, got ${JSON.stringify(o.id)}`);
  const m = obj(`${where}.model`, o.model ?? {});
  onlyKeys(`${where}.model`, m, ['algo', 'algos', 'depth', 'examples', 'loss', 'time', 'eta', 'steps']);
  const algoRaw = m.algo ?? m.algos;
  if (algoRaw === undefined) throw new UsageError(`${where}.model.algo: required (${ALGO_NAMES.join(' | ')} or a list)`);
  const algos = (Array.isArray(algoRaw) ? algoRaw : [algoRaw]).map((a, i) => {
    const s = str(`${where}.model.algo[${i}]`, a);
    if (!(ALGO_NAMES as readonly string[]).includes(s))
      throw new UsageError(`${where}.model.algo: unknown algorithm ${JSON.stringify(s)} (${ALGO_NAMES.join(' | ')})`);
    return s as AlgoName;
  });
  const depth = m.depth === undefined ? 2 : intIn(`${where}.model.depth`, m.depth, 1, 8);
  const examples = m.examples === undefined ? 1 : intIn(`${where}.model.examples`, m.examples, 1, 1000);
  if (examples !== 1) throw new UsageError(`${where}.model.examples: claim files support one example (n = 1, label y = 1), got ${examples}`);
  const loss = (m.loss === undefined ? 'logistic' : str(`${where}.model.loss`, m.loss)) as LossName;
  if (!LOSS_NAMES.includes(loss)) throw new UsageError(`${where}.model.loss: unknown loss ${JSON.stringify(loss)} (${LOSS_NAMES.join(' | ')})`);
  const time = (m.time === undefined ? 'flow' : str(`${where}.model.time`, m.time)) as 'flow' | 'physical' | 'discrete';
  if (time !== 'flow' && time !== 'physical' && time !== 'discrete')
    throw new UsageError(`${where}.model.time: expected "flow", "physical" or "discrete", got ${JSON.stringify(time)}`);
  let eta: RangeSpec | null = null;
  let steps: number | null = null;
  if (time === 'discrete') {
    if (m.eta === undefined || m.steps === undefined) throw new UsageError(`${where}.model: a discrete claim needs "eta" and "steps"`);
    eta = parseRange(`${where}.model.eta`, m.eta);
    if (new Decimal(eta.lo).lte(0)) throw new UsageError(`${where}.model.eta must be > 0, got ${JSON.stringify(m.eta)}`);
    steps = intIn(`${where}.model.steps`, m.steps, 0, 1_000_000);
  } else if (m.eta !== undefined || m.steps !== undefined) throw new UsageError(`${where}.model: "eta"/"steps" belong to time "discrete"`);
  if (depth === 1 && time === 'flow') throw new UsageError(`${where}.model.depth: flows need depth >= 2 (depth 1: use time "discrete")`);

  const dom = obj(`${where}.domain`, o.domain ?? {});
  onlyKeys(`${where}.domain`, dom, ['d', 'x', 'start', 'rho', 's', 't', 'constraints']);
  if (dom.x === undefined) throw new UsageError(`${where}.domain.x: required (a range "0.1..2" for every coordinate, or a list of d entries)`);
  const d = dom.d !== undefined ? intIn(`${where}.domain.d`, dom.d, 1, 50) : Array.isArray(dom.x) ? dom.x.length : NaN;
  if (!Number.isFinite(d)) throw new UsageError(`${where}.domain.d: required when x is one range for every coordinate`);
  const x = vector(`${where}.domain.x`, dom.x, d);
  const st = obj(`${where}.domain.start`, dom.start ?? {});
  let start: StartSpec;
  if (st.alpha !== undefined) {
    onlyKeys(`${where}.domain.start`, st, ['alpha']);
    const alpha = parseRange(`${where}.domain.start.alpha`, st.alpha);
    start = { kind: 'balanced', alpha };
  } else if (st.u0 !== undefined || st.v0 !== undefined) {
    onlyKeys(`${where}.domain.start`, st, ['u0', 'v0']);
    if (depth !== 2) throw new UsageError(`${where}.domain.start: u0/v0 need depth 2 (use "layers" for depth ${depth})`);
    if (st.u0 === undefined || st.v0 === undefined) throw new UsageError(`${where}.domain.start: give both u0 and v0`);
    start = { kind: 'uv', u0: vector(`${where}.domain.start.u0`, st.u0, d), v0: vector(`${where}.domain.start.v0`, st.v0, d) };
  } else if (st.layers !== undefined) {
    onlyKeys(`${where}.domain.start`, st, ['layers']);
    const ls = st.layers;
    const rows = Array.isArray(ls) ? ls : Array.from({ length: depth }, () => ls);
    if (rows.length !== depth) throw new UsageError(`${where}.domain.start.layers: expected ${depth} layers (depth ${depth}), got ${rows.length}`);
    start = { kind: 'layers', layers: rows.map((r, l) => vector(`${where}.domain.start.layers[${l}]`, r, d)) };
  } else throw new UsageError(`${where}.domain.start: give {"alpha": ...} (balanced), {"u0": ..., "v0": ...} or {"layers": [...]}`);
  const rho = dom.rho === undefined ? (algos.every((a) => a === 'gd') ? { lo: '0', hi: '0' } : null) : parseRange(`${where}.domain.rho`, dom.rho);
  if (rho === null) throw new UsageError(`${where}.domain.rho: required for SAM`);
  if (new Decimal(rho.lo).lt(0)) throw new UsageError(`${where}.domain.rho must be >= 0, got ${JSON.stringify(dom.rho)}`);
  let s: RangeSpec | null = null;
  if (time === 'flow') {
    if (dom.t !== undefined) throw new UsageError(`${where}.domain.t: a flow claim runs in rescaled time s (use model.time "physical" for t)`);
    s = dom.s === undefined ? { lo: '1', hi: '1' } : parseRange(`${where}.domain.s`, dom.s);
    if (new Decimal(s.lo).lt(0)) throw new UsageError(`${where}.domain.s must be >= 0, got ${JSON.stringify(dom.s)}`);
  } else if (time === 'physical') {
    if (dom.s !== undefined) throw new UsageError(`${where}.domain.s: a physical-time claim draws t (its rescaled clock is the observable "clock")`);
    s = dom.t === undefined ? { lo: '1', hi: '1' } : parseRange(`${where}.domain.t`, dom.t);
    if (new Decimal(s.lo).lt(0)) throw new UsageError(`${where}.domain.t must be >= 0, got ${JSON.stringify(dom.t)}`);
  } else if (dom.s !== undefined || dom.t !== undefined) throw new UsageError(`${where}.domain: a discrete claim is indexed by model.steps, not s or t`);
  const consRaw = dom.constraints === undefined ? [] : Array.isArray(dom.constraints) ? dom.constraints : [dom.constraints];
  const constraints = consRaw.map((c, i) => formula(`${where}.domain.constraints[${i}]`, c));

  const hasQ = o.quantity !== undefined || o.expected !== undefined;
  if (hasQ && o.holds !== undefined) throw new UsageError(`${where}: give either "quantity" + "expected" or "holds", not both`);
  if (!hasQ && o.holds === undefined) throw new UsageError(`${where}: give "quantity" + "expected" or a "holds" predicate`);
  if (hasQ && (o.quantity === undefined || o.expected === undefined)) throw new UsageError(`${where}: "quantity" and "expected" go together`);
  const quantity = hasQ ? formula(`${where}.quantity`, o.quantity) : null;
  const expected = hasQ ? formula(`${where}.expected`, o.expected) : null;
  const holds = o.holds !== undefined ? formula(`${where}.holds`, o.holds) : null;
  let tolerance: ToleranceSpec | null = null;
  if (hasQ) {
    const t = obj(`${where}.tolerance`, o.tolerance ?? null);
    const keys = Object.keys(t);
    if (keys.length !== 1 || !['abs', 'rel', 'digits'].includes(keys[0]!))
      throw new UsageError(`${where}.tolerance: give exactly one of {"abs": "1e-30"}, {"rel": "1e-30"}, {"digits": "30"}`);
    const k = keys[0]!;
    if (k === 'digits') {
      const n = intIn(`${where}.tolerance.digits`, t.digits, 1, 990);
      tolerance = { kind: 'rel', value: `1e-${n}`, text: `digits ${n} (relative 1e-${n})` };
    } else {
      const v = decimal(`${where}.tolerance.${k}`, t[k]);
      if (new Decimal(v).lte(0)) throw new UsageError(`${where}.tolerance.${k} must be > 0, got ${JSON.stringify(t[k])}`);
      tolerance = { kind: k as 'abs' | 'rel', value: v, text: `${k} ${v}` };
    }
  } else if (o.tolerance !== undefined) throw new UsageError(`${where}.tolerance: a "holds" predicate has no tolerance (it holds or not on each draw)`);
  const draws = o.draws === undefined ? 100 : intIn(`${where}.draws`, o.draws, 1, 1_000_000);
  const precision = o.precision !== undefined ? intIn(`${where}.precision`, o.precision, 10, 1000) : (defaults.precision ?? 40);
  const seed = o.seed !== undefined ? intIn(`${where}.seed`, o.seed, 0, 2 ** 31 - 1) : (defaults.seed ?? null);
  const spec: ClaimSpec = {
    id,
    statement: o.statement === undefined ? '' : str(`${where}.statement`, o.statement),
    where,
    algos,
    depth,
    loss,
    time,
    eta,
    steps,
    d,
    x,
    start,
    rho,
    s,
    constraints,
    quantity,
    expected,
    holds,
    tolerance,
    draws,
    precision,
    seed,
  };
  const table = symbolTable(spec);
  for (const f of [...constraints, quantity, expected, holds]) if (f) checkSymbols(f, table, d);
  return spec;
}

export function parseClaimFile(raw: unknown, path: string): ClaimFile {
  if (Array.isArray(raw)) {
    // an empty file of claims checks nothing: refuse it rather than report "0 failed"
    if (raw.length === 0) throw new UsageError(`${path}: expected a non-empty list of claims, got []`);
    return { path, claims: raw.map((c, i) => parseClaim(c, `claims[${i}]`, {})) };
  }
  const o = obj(path, raw);
  if (o.claims === undefined) return { path, claims: [parseClaim(o, 'claim', {})] };
  onlyKeys(path, o, ['claims', 'precision', 'seed', 'comment']);
  const defaults = {
    precision: o.precision === undefined ? undefined : intIn('precision', o.precision, 10, 1000),
    seed: o.seed === undefined ? undefined : intIn('seed', o.seed, 0, 2 ** 31 - 1),
  };
  if (!Array.isArray(o.claims) || o.claims.length === 0) throw new UsageError('claims: expected a non-empty list');
  const claims = o.claims.map((c, i) => parseClaim(c, `claims[${i}]`, defaults));
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new UsageError(`${c.where}.id: duplicate id ${JSON.stringify(c.id)}`);
    ids.add(c.id);
  }
  return { path, claims };
}

/** Parse JSON or YAML text with every scalar kept as a string (no float64). */
export function parseClaimText(text: string, what: string): unknown {
  try {
    return parseYaml(text, { schema: 'failsafe', uniqueKeys: true });
  } catch (e) {
    throw new UsageError(`${what}: not valid JSON/YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function readClaimFile(path: string): ClaimFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read claim file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseClaimFile(parseClaimText(text, path), path);
}
