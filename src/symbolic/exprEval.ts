/**
 * Exact-decimal evaluation of CAS output strings (never float64).
 *
 * Main definitions:
 * - `evalExpr(F, expr, env)`: parses an algebrite / nerdamer-prime expression string (numbers, symbols,
 *   + − * / ^, parentheses, exp, log, sqrt, abs, sgn/sign, e) and evaluates it in the Field `F` with the
 *   symbol values in `env`. Integer powers use powInt, x^(1/2) uses sqrt, other powers exp(b·log a).
 *   Unknown symbols or functions throw (so a CAS answer containing an unevaluated d(...) is caught).
 */
import type { Field } from '../numeric/Field.ts';

type Tok = { k: 'num' | 'id' | 'op'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    if (num && /[\d.]/.test(c)) {
      out.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z_0-9]*/.exec(s.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    throw new Error(`evalExpr: unexpected character ${JSON.stringify(c)} in ${s}`);
  }
  return out;
}

/** Evaluate a CAS expression string exactly in the Field (decimal). */
export function evalExpr<T>(F: Field<T>, expr: string, env: Record<string, T>): T {
  const toks = tokenize(expr);
  let pos = 0;
  const peek = () => toks[pos];
  const take = (v?: string) => {
    const t = toks[pos];
    if (!t || (v !== undefined && t.v !== v)) throw new Error(`evalExpr: expected ${v ?? 'token'} at ${pos} in ${expr}`);
    pos++;
    return t;
  };
  const pow = (a: T, b: T, bRaw: Tok[] | null): T => {
    const bi = F.toString(b, F.precision);
    if (/^-?\d+$/.test(bi) && Math.abs(Number(bi)) < 10000) return F.powInt(a, Number(bi));
    if (F.cmp(b, F.div(F.one, F.fromNumber(2))) === 0) return F.sqrt(a);
    if (F.cmp(b, F.div(F.neg(F.one), F.fromNumber(2))) === 0) return F.div(F.one, F.sqrt(a));
    void bRaw;
    return F.exp(F.mul(b, F.log(a)));
  };
  function expr_(): T {
    let a = term();
    for (;;) {
      const t = peek();
      if (t?.k === 'op' && (t.v === '+' || t.v === '-')) {
        pos++;
        const b = term();
        a = t.v === '+' ? F.add(a, b) : F.sub(a, b);
      } else return a;
    }
  }
  function term(): T {
    let a = unary();
    for (;;) {
      const t = peek();
      if (t?.k === 'op' && (t.v === '*' || t.v === '/')) {
        pos++;
        const b = unary();
        a = t.v === '*' ? F.mul(a, b) : F.div(a, b);
      } else return a;
    }
  }
  function unary(): T {
    const t = peek();
    if (t?.k === 'op' && t.v === '-') {
      pos++;
      return F.neg(unary());
    }
    if (t?.k === 'op' && t.v === '+') {
      pos++;
      return unary();
    }
    return power();
  }
  function power(): T {
    const a = atom();
    const t = peek();
    if (t?.k === 'op' && t.v === '^') {
      pos++;
      const b = unary();
      return pow(a, b, null);
    }
    return a;
  }
  function atom(): T {
    const t = take();
    if (t.k === 'num') return F.fromString(t.v);
    if (t.k === 'op' && t.v === '(') {
      const v = expr_();
      take(')');
      return v;
    }
    if (t.k === 'id') {
      const n = peek();
      if (n?.k === 'op' && n.v === '(') {
        if (!['exp', 'log', 'sqrt', 'abs', 'sgn', 'sign'].includes(t.v)) throw new Error(`evalExpr: unknown function ${t.v}( in ${expr}`);
        pos++;
        const args: T[] = [expr_()];
        while (peek()?.v === ',') {
          pos++;
          args.push(expr_());
        }
        take(')');
        const a = args[0]!;
        switch (t.v) {
          case 'exp':
            return F.exp(a);
          case 'log':
            return F.log(a);
          case 'sqrt':
            return F.sqrt(a);
          case 'abs':
            return F.abs(a);
          case 'sgn':
          case 'sign':
            return F.fromNumber(F.sign(a));
          default:
            throw new Error(`evalExpr: unknown function ${t.v}( in ${expr}`);
        }
      }
      if (t.v in env) return env[t.v]!;
      if (t.v === 'e') return F.exp(F.one);
      throw new Error(`evalExpr: unbound symbol ${t.v} in ${expr}`);
    }
    throw new Error(`evalExpr: unexpected ${t.v} in ${expr}`);
  }
  const v = expr_();
  if (pos !== toks.length) throw new Error(`evalExpr: trailing input at token ${pos} in ${expr}`);
  return v;
}
