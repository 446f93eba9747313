/**
 * CAS session (timeouts, state cleared between calls) and the exact-decimal evaluator of CAS output.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CasError, CasSession } from '../../src/symbolic/cas.ts';
import { evalExpr } from '../../src/symbolic/exprEval.ts';
import { decimalField } from '../../src/numeric/decimalField.ts';

const F = decimalField(60);
const env = { x: F.fromString('2'), rho: F.div(F.one, F.fromNumber(3)), N: F.fromString('5') };

describe('evalExpr', () => {
  const table: Array<[string, string]> = [
    ['x*(1-rho*x/N)', '1.7333333333333333333333333333333333333333333333333333333333'],
    ['-x^2+1/2*x', '-3'],
    // rational exponent 1/2 must go through sqrt, not exp/log
    ['(x^2*9)^(1/2)', '6'],
    // negative integer power
    ['x^(-2)', '0.25'],
    ['exp(log(x))', '2'],
  ];
  it.each(table)('%s', (e, want) => {
    const v = evalExpr(F, e, env);
    expect(F.toString(F.abs(F.sub(v, F.fromString(want))), 5)).toMatch(/^(0|[0-9.]+e-(5[0-9]|[6-9][0-9]))$/);
  });
  it('rejects unevaluated derivatives and unknown symbols', () => {
    expect(() => evalExpr(F, 'd(T(s),s)', env)).toThrow(/unknown function d/);
    expect(() => evalExpr(F, 'y+1', env)).toThrow(/unbound symbol y/);
  });
});

describe('CasSession', () => {
  const s = new CasSession();
  afterAll(async () => s.close());
  it('times out without hanging, then recovers with a fresh worker', async () => {
    // 1 ms cannot even start the worker: must reject with a timeout
    await expect(s.run('algebrite', ['factor(x^30-1)'], 1)).rejects.toBeInstanceOf(CasError);
    expect(await s.last('algebrite', ['simplify(log(a*b)-log(a)-log(b))'])).toBe('0');
  });
  it('clears state between calls', async () => {
    await s.run('algebrite', ['q=5']);
    expect(await s.last('algebrite', ['q'])).toBe('q');
  });
  it('reports algebrite Stop errors', async () => {
    await expect(s.run('algebrite', ['eigenval([[0,x],[x,0]])'])).rejects.toThrow(/Stop/);
  });
});
