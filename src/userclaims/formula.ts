/**
 * The formula language of claim files: a small parser with source positions, so that every error
 * names the symbol and the column where it occurs.
 *
 * Main definitions:
 * - `Node`: the AST (num, str, id, call, unary, binary).
 * - `parseFormula(src, where)`: parses one formula; a syntax error throws `FormulaError` (exit 2)
 *   "<where>: <what> at column C".
 * - `FormulaError`: a UsageError carrying `where`, `column` and the offending `symbol`.
 * - `identifiers(node)`: every identifier and called function with its column (for symbol checks).
 * - `toCas(node, rename)`: the formula as an algebrite input string (numbers, + − * / ^, exp, log,
 *   sqrt, abs, cosh, sinh, tanh), symbols renamed by `rename`; null where the formula uses something the CAS cannot
 *   take (comparisons, strings, observables).
 *
 * Grammar (lowest precedence first):
 *   iff     := implies ('<=>' implies)*
 *   implies := or ('=>' or)*
 *   or      := and (('or' | '||') and)*
 *   and     := not (('and' | '&&') not)*
 *   not     := ('not' | '!') not | cmp
 *   cmp     := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?
 *   sum     := prod (('+' | '-') prod)*
 *   prod    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | pow
 *   pow     := atom ('^' unary)?            (right associative; -a^2 = -(a^2))
 *   atom    := number | 'string' | name | name '(' args ')' | '(' iff ')'
 * Names: letters, digits and '_' (x_1, beta_2, u0_1, alpha, rho); the Greek letters α β ρ τ η
 * are accepted for alpha beta rho tau eta.
 */
import { UsageError } from '../io/UsageError.ts';

export type Node =
  | { k: 'num'; v: string; col: number }
  | { k: 'str'; v: string; col: number }
  | { k: 'id'; name: string; col: number }
  | { k: 'call'; name: string; args: Node[]; col: number }
  | { k: 'unary'; op: '-' | 'not'; a: Node; col: number }
  | { k: 'binary'; op: string; a: Node; b: Node; col: number };

export class FormulaError extends UsageError {
  constructor(
    readonly where: string,
    what: string,
    readonly column: number,
    readonly symbol?: string,
  ) {
    super(`${where}: ${what} at column ${column}`);
  }
}

const GREEK: Record<string, string> = { α: 'alpha', β: 'beta', ρ: 'rho', τ: 'tau', η: 'eta' };

type Tok = { t: 'num' | 'str' | 'id' | 'op' | 'end'; v: string; col: number };

function tokenize(src: string, where: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const ops = ['<=>', '=>', '<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '^', '(', ')', ',', '!'];
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const col = i + 1;
    const rest = src.slice(i);
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num && /[\d.]/.test(c)) {
      if (/^[A-Za-z_]/.test(rest.slice(num[0].length))) throw new FormulaError(where, `malformed number "${rest.slice(0, num[0].length + 1)}"`, col);
      out.push({ t: 'num', v: num[0], col });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*/.exec(rest);
    if (id) {
      let name = id[0];
      for (const [g, latin] of Object.entries(GREEK)) name = name.split(g).join(latin);
      out.push({ t: 'id', v: name, col });
      i += id[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const j = src.indexOf(c, i + 1);
      if (j < 0) throw new FormulaError(where, 'unterminated string', col);
      out.push({ t: 'str', v: src.slice(i + 1, j), col });
      i = j + 1;
      continue;
    }
    const op = ops.find((o) => rest.startsWith(o));
    if (op) {
      out.push({ t: 'op', v: op, col });
      i += op.length;
      continue;
    }
    throw new FormulaError(where, `unexpected character "${c}"`, col, c);
  }
  out.push({ t: 'end', v: '', col: src.length + 1 });
  return out;
}

export function parseFormula(src: string, where: string): Node {
  if (typeof src !== 'string' || src.trim() === '') throw new UsageError(`${where}: empty formula`);
  const toks = tokenize(src, where);
  let p = 0;
  const peek = () => toks[p]!;
  const isOp = (...vs: string[]) => peek().t === 'op' && vs.includes(peek().v);
  const isWord = (...vs: string[]) => peek().t === 'id' && vs.includes(peek().v);
  const fail = (what: string): never => {
    const t = peek();
    throw new FormulaError(where, t.t === 'end' ? `${what}, found the end of the formula` : `${what}, found "${t.v}"`, t.col, t.v || undefined);
  };
  const bin = (op: string, a: Node, b: Node, col: number): Node => ({ k: 'binary', op, a, b, col });
  /** A left-associative binary level `next (op next)*`; `opHere()` names the level's operator at the current token, or null. */
  const leftAssoc = (next: () => Node, opHere: () => string | null): Node => {
    let a = next();
    for (let op = opHere(); op !== null; op = opHere()) {
      const col = toks[p++]!.col;
      a = bin(op, a, next(), col);
    }
    return a;
  };
  const iff = (): Node => leftAssoc(implies, () => (isOp('<=>') ? '<=>' : null));
  const implies = (): Node => leftAssoc(or, () => (isOp('=>') ? '=>' : null));
  const or = (): Node => leftAssoc(and, () => (isOp('||') || isWord('or') ? 'or' : null));
  const and = (): Node => leftAssoc(not, () => (isOp('&&') || isWord('and') ? 'and' : null));
  function not(): Node {
    if (isOp('!') || isWord('not')) {
      const col = toks[p++]!.col;
      return { k: 'unary', op: 'not', a: not(), col };
    }
    return cmp();
  }
  function cmp(): Node {
    const a = sum();
    if (isOp('==', '!=', '<', '<=', '>', '>=')) {
      const t = toks[p++]!;
      const b = sum();
      if (isOp('==', '!=', '<', '<=', '>', '>=')) fail('chained comparison (write a < b and b < c)');
      return bin(t.v, a, b, t.col);
    }
    return a;
  }
  const sum = (): Node => leftAssoc(prod, () => (isOp('+', '-') ? peek().v : null));
  const prod = (): Node => leftAssoc(unary, () => (isOp('*', '/') ? peek().v : null));
  function unary(): Node {
    if (isOp('-')) {
      const col = toks[p++]!.col;
      return { k: 'unary', op: '-', a: unary(), col };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    return pow();
  }
  function pow(): Node {
    const a = atom();
    if (isOp('^')) {
      const col = toks[p++]!.col;
      return bin('^', a, unary(), col);
    }
    return a;
  }
  function atom(): Node {
    const t = peek();
    if (t.t === 'num') {
      p++;
      return { k: 'num', v: t.v, col: t.col };
    }
    if (t.t === 'str') {
      p++;
      return { k: 'str', v: t.v, col: t.col };
    }
    if (t.t === 'id') {
      if (['and', 'or', 'not'].includes(t.v)) fail('expected a value');
      p++;
      if (isOp('(')) {
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(iff());
          while (isOp(',')) {
            p++;
            args.push(iff());
          }
        }
        if (!isOp(')')) fail(`expected "," or ")" in the arguments of ${t.v}(`);
        p++;
        return { k: 'call', name: t.v, args, col: t.col };
      }
      return { k: 'id', name: t.v, col: t.col };
    }
    if (isOp('(')) {
      p++;
      const v = iff();
      if (!isOp(')')) fail('expected ")"');
      p++;
      return v;
    }
    return fail('expected a number, a name or "("');
  }
  const n = iff();
  if (peek().t !== 'end') fail('unexpected input after the formula');
  return n;
}

/** Every identifier and every called name, in source order. */
export function identifiers(n: Node, out: Array<{ name: string; col: number; call: boolean; arity: number }> = []) {
  switch (n.k) {
    case 'id':
      out.push({ name: n.name, col: n.col, call: false, arity: 0 });
      break;
    case 'call':
      out.push({ name: n.name, col: n.col, call: true, arity: n.args.length });
      for (const a of n.args) identifiers(a, out);
      break;
    case 'unary':
      identifiers(n.a, out);
      break;
    case 'binary':
      identifiers(n.a, out);
      identifiers(n.b, out);
      break;
  }
  return out;
}

/** The formula in algebrite syntax, or null if it is not a plain arithmetic expression. */
export function toCas(n: Node, rename: (name: string) => string | null): string | null {
  const r = (m: Node): string | null => {
    switch (m.k) {
      case 'num':
        return `(${(m as { v: string }).v})`;
      case 'id': {
        const name = (m as { name: string }).name;
        if (name === 'pi') return 'pi';
        if (name === 'e') return 'exp(1)';
        const s = rename(name);
        return s === null ? null : s;
      }
      case 'call': {
        const c = m as { name: string; args: Node[]; col: number };
        // an observable at the clock s, e.g. tau(s), is the symbol tau
        if (c.args.length === 1 && c.args[0]!.k === 'id' && c.args[0]!.name === 's' && !['exp', 'log', 'sqrt', 'abs', 'cosh', 'sinh', 'tanh'].includes(c.name))
          return r({ k: 'id', name: c.name, col: c.col });
        if (!['exp', 'log', 'sqrt', 'abs', 'cosh', 'sinh', 'tanh'].includes(c.name) || c.args.length !== 1) return null;
        const a = r(c.args[0]!);
        return a === null ? null : `${c.name}(${a})`;
      }
      case 'unary': {
        const u = m as { op: string; a: Node };
        if (u.op !== '-') return null;
        const a = r(u.a);
        return a === null ? null : `(-(${a}))`;
      }
      case 'binary': {
        const b = m as { op: string; a: Node; b: Node };
        if (!['+', '-', '*', '/', '^'].includes(b.op)) return null;
        const x = r(b.a);
        const y = r(b.b);
        return x === null || y === null ? null : `(${x}${b.op}${y})`;
      }
      default:
        return null;
    }
  };
  return r(n);
}
