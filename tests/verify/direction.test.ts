import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { argmax, basisVector, oneMinusCos, orthogonalNorm, sinAngle, stateDistance } from '../../src/verify/direction.ts';

const F = decimalField(60);
const v = (...xs: string[]) => xs.map((s) => F.fromString(s));
const s = (a: ReturnType<typeof F.fromString>) => F.toString(a, 30);

describe('direction measures', () => {
  it.each([
    // parallel vectors: exactly 0, no cancellation residue
    { a: ['3', '4'], b: ['6', '8'], want: '0', why: 'parallel' },
    // orthogonal: 1 - cos = 1
    { a: ['1', '0'], b: ['0', '5'], want: '1', why: 'orthogonal' },
    // tiny angle: 1 - cos ~ theta^2/2 = 5e-61 must survive (naive 1 - cos would round to 0 at 60 digits)
    { a: ['1', '1e-30'], b: ['1', '0'], want: '5.0000000000000000000000000000e-61', why: 'tiny angle, no cancellation' },
    { a: ['-1', '0'], b: ['1', '0'], want: '2', why: 'opposite' },
  ])('1 - cos: $why', ({ a, b, want }) => {
    expect(s(oneMinusCos(F, v(...a), v(...b)))).toBe(s(F.fromString(want)));
  });

  it('sin angle and the orthogonal component', () => {
    expect(s(orthogonalNorm(F, v('3', '4'), v('1', '0')))).toBe('4');
    expect(s(sinAngle(F, v('3', '4'), v('1', '0')))).toBe('0.8');
  });

  it('basis vectors, argmax (first on ties), state distance', () => {
    expect(basisVector(F, 3, 1, -1).map((x) => F.toString(x))).toEqual(['0', '-1', '0']);
    expect(argmax(F, v('1', '3', '3'))).toBe(1);
    expect(s(stateDistance(F, [v('1', '2')], [v('1', '2.5')]))).toBe('0.2');
    expect(s(stateDistance(F, [v('1', '2')], [v('2', '4')], F.fromString('2')))).toBe('0');
  });

  it('refuses to normalize the zero vector', () => {
    expect(() => oneMinusCos(F, v('0', '0'), v('1', '0'))).toThrow(/zero vector/);
  });
});
