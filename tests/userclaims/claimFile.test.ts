import { describe, expect, it } from 'vitest';
import { parseClaimFile, parseClaimText } from '../../src/userclaims/claimFile.ts';
import { FormulaError } from '../../src/userclaims/formula.ts';
import { UsageError } from '../../src/io/UsageError.ts';

const base = {
  id: 'c',
  model: { algo: 'gd', depth: '2', time: 'flow' },
  domain: { d: '2', x: '0.1..2', start: { alpha: '0.5' }, s: '0..1' },
  quantity: 'beta_1(s)',
  expected: 'alpha^2*exp(2*x_1*s)',
  tolerance: { digits: '20' },
  draws: '5',
};
const parse = (over: Record<string, unknown>) => parseClaimFile({ claims: [{ ...base, ...over }] }, 'f.json');
const errOf = (over: Record<string, unknown>): Error => {
  try {
    parse(over);
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
};

describe('claim files', () => {
  it('JSON and YAML keep every scalar a decimal string (no float64)', () => {
    const j = parseClaimText('{"a": 0.1, "b": [1e-400, 3]}', 'x') as { a: string; b: string[] };
    expect(j).toEqual({ a: '0.1', b: ['1e-400', '3'] });
    const y = parseClaimText('a: 0.30000000000000000001\nb: "x_1 > x_2"\n', 'y') as Record<string, string>;
    expect(y.a).toBe('0.30000000000000000001');
  });
  it('parses ranges, vectors and defaults', () => {
    const c = parse({
      domain: { x: ['0.5', '-1..1'], start: { u0: '0..1', v0: ['0.2', '0.3'] }, rho: '1' },
      model: { algo: ['sam-l2', 'sam-linf'] },
      quantity: undefined,
      expected: undefined,
      tolerance: undefined,
      holds: "fate == 'escape' => u0_1 + v0_1 > 0",
    }).claims[0]!;
    expect(c.d).toBe(2);
    expect(c.x).toEqual([
      { lo: '0.5', hi: '0.5' },
      { lo: '-1', hi: '1' },
    ]);
    expect(c.start).toEqual({
      kind: 'uv',
      u0: [
        { lo: '0', hi: '1' },
        { lo: '0', hi: '1' },
      ],
      v0: [
        { lo: '0.2', hi: '0.2' },
        { lo: '0.3', hi: '0.3' },
      ],
    });
    expect(c.algos).toEqual(['sam-l2', 'sam-linf']);
    expect(c.tolerance).toBeNull();
  });
  it('unknown symbols exit 2 naming the symbol and the column', () => {
    const e = errOf({ expected: 'alpha^2*exp(2*x_3*s)' });
    expect(e).toBeInstanceOf(FormulaError);
    expect((e as FormulaError).exitCode).toBe(2);
    expect(e.message).toBe('claims[0].expected: unknown symbol "x_3" (subscripts are 1-based, 1..2) at column 15');
    expect(errOf({ quantity: 'beta_0(s)' }).message).toMatch(/unknown function "beta_0" \(subscripts are 1-based, 1..2\) at column 1/);
    expect(errOf({ expected: 'alpha*foo(s)' }).message).toMatch(/unknown function "foo" at column 7/);
    expect(errOf({ expected: 'x1' }).message).toMatch(/unknown symbol "x1" \(write subscripts with "_", e.g. x_1\) at column 1/);
    expect(errOf({ expected: 'tau(s)' }).message).toMatch(/unknown function "tau"/); // gd has no tau
  });
  it('syntax errors exit 2 with the column', () => {
    const e = errOf({ expected: 'alpha^2*(exp(2*x_1*s)' });
    expect(e).toBeInstanceOf(FormulaError);
    expect(e.message).toMatch(/claims\[0\]\.expected: expected "\)", found the end of the formula at column 22/);
  });
  it('bad fields name the field', () => {
    expect(errOf({ tolerance: { abs: '-1' } }).message).toMatch(/tolerance.abs must be > 0/);
    expect(errOf({ domain: { ...base.domain, x: '2..1' } }).message).toMatch(/domain.x: empty range/);
    expect(errOf({ model: { algo: 'adam' } }).message).toMatch(/unknown algorithm "adam"/);
    expect(errOf({ holds: 'x_1 > 0' }).message).toMatch(/either "quantity" \+ "expected" or "holds"/);
    expect(errOf({ model: { algo: 'gd', examples: '3' } }).message).toMatch(/one example/);
    expect(errOf({ bogus: '1' })).toBeInstanceOf(UsageError);
  });
});
