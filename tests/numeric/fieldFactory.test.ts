/**
 * The one place a backend is chosen: each name gives its backend at the asked precision, an
 * unknown name is a DomainError naming it; and `sum` over a list in any field.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, DEFAULT_BACKEND, makeField } from '../../src/numeric/fieldFactory.ts';
import { DomainError } from '../../src/numeric/errors.ts';
import { sum } from '../../src/numeric/Field.ts';

describe('makeField', () => {
  it.each([
    { backend: 'decimal', P: 25, why: 'decimal.js, the reference backend' },
    { backend: 'bigfloat', P: 40, why: 'BigInt binary floating point, the fast one' },
  ] as const)('$backend at $P digits: $why', ({ backend, P }) => {
    const F = makeField(backend, P);
    expect(F.name).toBe(backend);
    expect(F.precision).toBe(P);
    // 1/3 printed at the field precision carries exactly P threes
    expect(F.toString(F.div(F.one, F.fromNumber(3)))).toBe(`0.${'3'.repeat(P)}`);
  });
  it('an unknown backend is a DomainError that names it', () => {
    expect(() => makeField('float64' as never, 20)).toThrow(DomainError);
    expect(() => makeField('float64' as never, 20)).toThrow('unknown backend "float64"');
  });
  it('the list of backends and the default (bigfloat, README "Numeric backends")', () => {
    expect([...BACKENDS]).toEqual(['decimal', 'bigfloat']);
    expect(DEFAULT_BACKEND).toBe('bigfloat');
  });
});

describe('sum', () => {
  it.each([
    { xs: [], want: '0', why: 'the empty sum is 0' },
    { xs: ['2.5'], want: '2.5', why: 'one term' },
    { xs: ['1', '-0.25', '3'], want: '3.75', why: 'several terms with a negative one' },
  ])('$why', ({ xs, want }) => {
    const F = makeField('decimal', 20);
    expect(
      F.toString(
        sum(
          F,
          xs.map((s) => F.fromString(s)),
        ),
      ),
    ).toBe(want);
  });
});
