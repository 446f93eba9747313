/**
 * Exit codes by error type (src/cli/main.ts `describeError`) and `returning` (outcome.ts): one line,
 * the documented code, never a stack trace; internal errors say how to report them.
 */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/main.ts';
import { returning } from '../../src/cli/outcome.ts';
import { DomainError, InternalError, NumericError } from '../../src/numeric/errors.ts';
import { UsageError } from '../../src/io/UsageError.ts';

describe('error mapping', () => {
  const cases: Array<[unknown, number, RegExp]> = [
    [new UsageError('rho must be > 0, got "-1"'), 2, /^samcheck: error: rho must be > 0/],
    [new DomainError('x must have at least one non-zero entry'), 2, /^samcheck: error: x must/],
    [new NumericError('critical scale: could not certify', 'critical scale'), 3, /^samcheck: numeric failure: critical scale/],
    [new RangeError('decimal exp produced a non-finite value'), 3, /^samcheck: numeric failure: decimal exp/],
    [new InternalError('invariant broken'), 4, /^samcheck: internal error: invariant broken \(please report/],
    [
      new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (a.ts:1:2)"),
      4,
      /^samcheck: internal error: TypeError: Cannot read.*please report/,
    ],
    [new RangeError('Maximum call stack size exceeded'), 4, /internal error/],
  ];
  for (const [e, code, re] of cases) {
    it(`${(e as Error).name}: exit ${code}`, () => {
      const d = describeError(e);
      expect(d.code).toBe(code);
      expect(d.line).toMatch(re);
      expect(d.line).not.toMatch(/\n|\bat \S+ \(.*:\d+:\d+\)/);
    });
  }
  it('commands return their exit code; the largest wins', async () => {
    const out = { code: 0 };
    await returning(out, () => 1)();
    await returning(out, () => undefined)();
    expect(out.code).toBe(1);
  });
});
