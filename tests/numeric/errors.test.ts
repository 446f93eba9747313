/**
 * The error hierarchy (exit codes, names, one-line messages) and which exceptions count as an
 * arithmetic failure that an integrator may recover from by shrinking its step.
 */
import { describe, expect, it } from 'vitest';
import { DomainError, InternalError, NumericError, SamcheckError } from '../../src/numeric/errors.ts';
import { isArithmeticFailure } from '../../src/numeric/arithmeticFailure.ts';

describe('SamcheckError subclasses', () => {
  it.each([
    { e: new DomainError('x'), name: 'DomainError', exitCode: 2, why: 'outside a function’s domain: a usage-level error' },
    { e: new NumericError('x', 'exp'), name: 'NumericError', exitCode: 3, why: 'cannot produce a number it can vouch for' },
    { e: new InternalError('x'), name: 'InternalError', exitCode: 4, why: 'a bug of samcheck itself' },
  ])('$name: exit code $exitCode and its own name ($why)', ({ e, name, exitCode }) => {
    expect(e).toBeInstanceOf(SamcheckError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.exitCode).toBe(exitCode);
  });

  it('NumericError names the quantity (undefined when not given)', () => {
    expect(new NumericError('m', 'collapse time').quantity).toBe('collapse time');
    expect(new NumericError('m').quantity).toBeUndefined();
  });

  it.each([
    { msg: 'a\nb', want: 'a b', why: 'a bare newline becomes one space' },
    { msg: 'first line  \n\t  second line', want: 'first line second line', why: 'the indentation around a line break goes too' },
    { msg: 'x\n\n  y\nz', want: 'x y z', why: 'several line breaks, each joined' },
    { msg: 'keeps  double  spaces', want: 'keeps  double  spaces', why: 'spaces without a line break are left alone' },
    { msg: 'no break', want: 'no break', why: 'a one-line message is unchanged' },
  ])('messages are one line: $why', ({ msg, want }) => {
    expect(new DomainError(msg).message).toBe(want);
  });
});

describe('isArithmeticFailure', () => {
  it.each([
    { e: new RangeError('decimal exp produced a non-finite value'), want: true, why: 'decimal.js and float64 backends throw RangeError' },
    { e: new NumericError('bigfloat exp overflowed', 'exp'), want: true, why: 'bigfloat overflow' },
    { e: new DomainError('log of non-positive'), want: true, why: 'bigfloat domain error' },
    { e: new InternalError('invariant'), want: false, why: 'a bug is not a step-size problem' },
    { e: new TypeError('x is undefined'), want: false, why: 'a programming error' },
    { e: new Error('plain'), want: false, why: 'anything else' },
    { e: 'a string', want: false, why: 'a non-Error throw' },
  ])('$why → $want', ({ e, want }) => {
    expect(isArithmeticFailure(e)).toBe(want);
  });
});
