import { describe, expect, it } from 'vitest';
import { parseFormula, FormulaError, toCas } from '../../src/userclaims/formula.ts';
import { evaluate, fieldPi, type Resolver, type Value } from '../../src/userclaims/evaluate.ts';
import { makeField } from '../../src/numeric/fieldFactory.ts';

const F = makeField('decimal', 50);
const env = (vals: Record<string, string | boolean>): Resolver<unknown> => ({
  ident(name) {
    const v = vals[name];
    if (v === undefined) throw new Error(`unbound ${name}`);
    if (typeof v === 'boolean') return { k: 'bool', v };
    if (/^[a-z]+$/.test(v)) return { k: 'str', v };
    return { k: 'num', v: F.fromString(v) };
  },
  call(name, args) {
    if (name === 'beta_1') return { k: 'num', v: F.mul(F.fromNumber(2), (args[0] as { v: unknown }).v) };
    throw new Error(name);
  },
});
const num = (v: Value<unknown>) => (v.k === 'num' ? F.toString(v.v, 30) : String((v as { v?: unknown }).v));

describe('formula parser', () => {
  it('evaluates arithmetic at working precision (no float64)', () => {
    const v = evaluate(F, parseFormula('0.1 + 0.2 - 0.3', 'f'), env({}), 'f');
    expect(F.isZero((v as { v: unknown }).v)).toBe(true);
    expect(num(evaluate(F, parseFormula('-2^2', 'f'), env({}), 'f'))).toBe('-4');
    expect(num(evaluate(F, parseFormula('2^3^2', 'f'), env({}), 'f'))).toBe('512');
    expect(num(evaluate(F, parseFormula('alpha^2*exp(2*x_2*s)', 'f'), env({ alpha: '0.5', x_2: '1', s: '0' }), 'f'))).toBe('0.25');
    expect(num(evaluate(F, parseFormula('beta_1(s) / 2', 'f'), env({ s: '3' }), 'f'))).toBe('3');
  });
  it('pi to 50 digits', () => {
    expect(F.toString(fieldPi(F), 40)).toBe('3.141592653589793238462643383279502884197');
  });
  it('predicates: <=>, =>, abs, comparisons, strings', () => {
    const e = env({ fate: 'escape', u0_1: '1.5', v0_1: '0.6', rho: '1' });
    expect(evaluate(F, parseFormula("fate == 'escape' <=> abs(u0_1+v0_1) > 2*rho", 'h'), e, 'h')).toEqual({ k: 'bool', v: true });
    expect(evaluate(F, parseFormula("fate != 'escape' => u0_1 < 0", 'h'), e, 'h')).toEqual({ k: 'bool', v: true });
    expect(evaluate(F, parseFormula('not (u0_1 > 1 and v0_1 > 1) || false', 'h'), e, 'h')).toEqual({ k: 'bool', v: true });
    expect(evaluate(F, parseFormula('α > 0', 'h'), env({ alpha: '1' }), 'h')).toEqual({ k: 'bool', v: true });
  });
  it('syntax errors name the column and the symbol', () => {
    const err = (src: string) => {
      try {
        parseFormula(src, 'claims[0].expected');
      } catch (e) {
        expect(e).toBeInstanceOf(FormulaError);
        return (e as FormulaError).message;
      }
      throw new Error('no error');
    };
    expect(err('alpha^2*exp(2*x_2*s')).toMatch(/claims\[0\]\.expected: expected "," or "\)".* at column 20/);
    expect(err('alpha $ 2')).toMatch(/unexpected character "\$" at column 7/);
    expect(err('a < b < c')).toMatch(/chained comparison/);
    expect(err('2x')).toMatch(/malformed number/);
  });
  it('type errors are FormulaErrors', () => {
    expect(() => evaluate(F, parseFormula('fate > 1', 'h'), env({ fate: 'escape' }), 'h')).toThrow(/must be a number.*column 6/);
    expect(() => evaluate(F, parseFormula('log(0-1)', 'h'), env({}), 'h')).toThrow(/log of a non-positive/);
    expect(() => evaluate(F, parseFormula('1/(1-1)', 'h'), env({}), 'h')).toThrow(/division by zero/);
  });
  it('prints CAS input with renamed symbols', () => {
    expect(toCas(parseFormula('alpha^2*exp(2*x_2*s)', 'f'), (n) => n.replace('_', 'q'))).toBe('((alpha^(2))*exp((((2)*xq2)*s)))');
    expect(toCas(parseFormula('x_1 > 0', 'f'), (n) => n)).toBeNull();
  });
});
