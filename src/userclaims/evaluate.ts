/**
 * Evaluation of claim-file formulas in a `Field` (working precision, never float64).
 *
 * Main definitions:
 * - `Value<T>`: a number (Field element), a string ('escape'), a boolean, or `none` (an observable
 *   that does not exist for this run, e.g. collapse_s of an escaping run).
 * - `Resolver<T>`: supplies identifiers (inputs, observables at the drawn clock) and observable calls
 *   such as beta_2(s).
 * - `evaluate(F, node, resolver, where)`: evaluates a formula. Built-ins: exp, log, sqrt, abs, sign,
 *   cosh, sinh, tanh, min, max, if(c, a, b), constants pi and e. Type errors (a number where a predicate is needed, a
 *   comparison of a string with a number) throw `FormulaError` naming the column.
 * - `fieldPi(F)`: π at the field's precision (Machin's formula).
 */
import type { Field } from '../numeric/Field.ts';
import { FormulaError, type Node } from './formula.ts';

export type Value<T> = { k: 'num'; v: T } | { k: 'str'; v: string } | { k: 'bool'; v: boolean } | { k: 'none' };

export interface Resolver<T> {
  ident(name: string, col: number): Value<T>;
  call(name: string, args: Value<T>[], col: number): Value<T>;
}

export const BUILTIN_FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sign', 'min', 'max', 'if', 'cosh', 'sinh', 'tanh'] as const;
export const BUILTIN_CONSTANTS = ['pi', 'e', 'none', 'true', 'false'] as const;

const piCache = new Map<unknown, unknown>();

/** π by Machin: 16 atan(1/5) − 4 atan(1/239), atan(1/n) = Σ (−1)^k / ((2k+1) n^{2k+1}). */
export function fieldPi<T>(F: Field<T>): T {
  const key = `${F.name}:${F.precision}`;
  if (piCache.has(key)) return piCache.get(key) as T;
  const atanInv = (n: number): T => {
    const nn = F.fromNumber(n * n);
    let term = F.div(F.one, F.fromNumber(n));
    let acc = F.zero;
    const eps = F.fromString(`1e-${F.precision + 5}`);
    for (let k = 0; k < 100000; k++) {
      const t = F.div(term, F.fromNumber(2 * k + 1));
      acc = k % 2 === 0 ? F.add(acc, t) : F.sub(acc, t);
      if (F.cmp(F.abs(t), eps) < 0) break;
      term = F.div(term, nn);
    }
    return acc;
  };
  const pi = F.sub(F.mul(F.fromNumber(16), atanInv(5)), F.mul(F.fromNumber(4), atanInv(239)));
  piCache.set(key, pi);
  return pi;
}

export function show<T>(F: Field<T>, v: Value<T>, digits = 12): string {
  switch (v.k) {
    case 'num':
      return F.toString(v.v, digits);
    case 'str':
      return `'${v.v}'`;
    case 'bool':
      return String(v.v);
    default:
      return 'none';
  }
}

export function evaluate<T>(F: Field<T>, node: Node, res: Resolver<T>, where: string): Value<T> {
  const num = (v: Value<T>, col: number, what: string): T => {
    if (v.k === 'num') return v.v;
    if (v.k === 'none') throw new FormulaError(where, `${what} is none (the observable does not exist for this run)`, col);
    throw new FormulaError(where, `${what} must be a number, got ${show(F, v)}`, col);
  };
  const bool = (v: Value<T>, col: number, what: string): boolean => {
    if (v.k === 'bool') return v.v;
    throw new FormulaError(where, `${what} must be true or false, got ${show(F, v)}`, col);
  };
  const ev = (n: Node): Value<T> => {
    switch (n.k) {
      case 'num':
        return { k: 'num', v: F.fromString(n.v) };
      case 'str':
        return { k: 'str', v: n.v };
      case 'id':
        if (n.name === 'pi') return { k: 'num', v: fieldPi(F) };
        if (n.name === 'e') return { k: 'num', v: F.exp(F.one) };
        if (n.name === 'none') return { k: 'none' };
        if (n.name === 'true' || n.name === 'false') return { k: 'bool', v: n.name === 'true' };
        return res.ident(n.name, n.col);
      case 'call': {
        if (n.name === 'if') {
          if (n.args.length !== 3) throw new FormulaError(where, 'if(c, a, b) takes 3 arguments', n.col, 'if');
          return bool(ev(n.args[0]!), n.col, 'the condition of if') ? ev(n.args[1]!) : ev(n.args[2]!);
        }
        const args = n.args.map(ev);
        const one = (): T => {
          if (args.length !== 1) throw new FormulaError(where, `${n.name}() takes 1 argument, got ${args.length}`, n.col, n.name);
          return num(args[0]!, n.col, `the argument of ${n.name}`);
        };
        try {
          switch (n.name) {
            case 'exp':
              return { k: 'num', v: F.exp(one()) };
            case 'log': {
              const a = one();
              if (F.sign(a) <= 0) throw new FormulaError(where, `log of a non-positive number ${F.toString(a, 8)}`, n.col, 'log');
              return { k: 'num', v: F.log(a) };
            }
            case 'sqrt': {
              const a = one();
              if (F.sign(a) < 0) throw new FormulaError(where, `sqrt of a negative number ${F.toString(a, 8)}`, n.col, 'sqrt');
              return { k: 'num', v: F.sqrt(a) };
            }
            case 'abs':
              return { k: 'num', v: F.abs(one()) };
            case 'cosh':
            case 'sinh':
            case 'tanh': {
              const a = one();
              const ep = F.exp(a);
              const em = F.exp(F.neg(a));
              const c = F.div(F.add(ep, em), F.fromNumber(2));
              const sh = F.div(F.sub(ep, em), F.fromNumber(2));
              return { k: 'num', v: n.name === 'cosh' ? c : n.name === 'sinh' ? sh : F.div(sh, c) };
            }
            case 'sign':
              return { k: 'num', v: F.fromNumber(F.sign(one())) };
            case 'min':
            case 'max': {
              if (args.length < 1) throw new FormulaError(where, `${n.name}() needs arguments`, n.col, n.name);
              const xs = args.map((a) => num(a, n.col, `an argument of ${n.name}`));
              return { k: 'num', v: xs.reduce((a, b) => (n.name === 'min' ? F.min(a, b) : F.max(a, b))) };
            }
            default:
              return res.call(n.name, args, n.col);
          }
        } catch (e) {
          if (e instanceof FormulaError) throw e;
          if (e instanceof RangeError) throw new FormulaError(where, `${n.name}(): ${e.message}`, n.col, n.name);
          throw e;
        }
      }
      case 'unary': {
        const a = ev(n.a);
        if (n.op === 'not') return { k: 'bool', v: !bool(a, n.col, 'the operand of not') };
        return { k: 'num', v: F.neg(num(a, n.col, 'the operand of -')) };
      }
      case 'binary': {
        const { op } = n;
        if (op === 'and' || op === 'or' || op === '=>' || op === '<=>') {
          const a = bool(ev(n.a), n.col, `the left side of ${op}`);
          if (op === 'and' && !a) return { k: 'bool', v: false };
          if (op === 'or' && a) return { k: 'bool', v: true };
          if (op === '=>' && !a) return { k: 'bool', v: true };
          const b = bool(ev(n.b), n.col, `the right side of ${op}`);
          return { k: 'bool', v: op === '<=>' ? a === b : b };
        }
        const a = ev(n.a);
        const b = ev(n.b);
        if (op === '==' || op === '!=') {
          let eq: boolean;
          if (a.k === 'num' && b.k === 'num') eq = F.cmp(a.v, b.v) === 0;
          else if (a.k === 'none' || b.k === 'none') eq = a.k === b.k;
          else if (a.k === b.k) eq = a.v === (b as typeof a).v;
          else throw new FormulaError(where, `cannot compare ${show(F, a)} with ${show(F, b)}`, n.col, op);
          return { k: 'bool', v: op === '==' ? eq : !eq };
        }
        if (op === '<' || op === '<=' || op === '>' || op === '>=') {
          const c = F.cmp(num(a, n.col, `the left side of ${op}`), num(b, n.col, `the right side of ${op}`));
          return { k: 'bool', v: op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0 };
        }
        const x = num(a, n.col, `the left side of ${op}`);
        const y = num(b, n.col, `the right side of ${op}`);
        switch (op) {
          case '+':
            return { k: 'num', v: F.add(x, y) };
          case '-':
            return { k: 'num', v: F.sub(x, y) };
          case '*':
            return { k: 'num', v: F.mul(x, y) };
          case '/':
            if (F.isZero(y)) throw new FormulaError(where, 'division by zero', n.col, '/');
            return { k: 'num', v: F.div(x, y) };
          case '^': {
            const yi = F.toString(y, F.precision);
            if (/^-?\d+$/.test(yi) && Math.abs(Number(yi)) <= 100000) {
              if (F.isZero(x) && Number(yi) < 0) throw new FormulaError(where, 'division by zero (0 to a negative power)', n.col, '^');
              return { k: 'num', v: F.powInt(x, Number(yi)) };
            }
            if (F.sign(x) < 0) throw new FormulaError(where, `non-integer power of a negative number ${F.toString(x, 8)}`, n.col, '^');
            if (F.isZero(x)) return { k: 'num', v: F.zero };
            return { k: 'num', v: F.exp(F.mul(y, F.log(x))) };
          }
        }
        throw new FormulaError(where, `unknown operator ${op}`, n.col, op);
      }
    }
  };
  return ev(node);
}
