// Every flow integrates forward from 0: a decreasing or negative target list is refused by name
// (before: linfFlow and physicalFlow labelled a later state with an earlier time, and a negative
// target reached the integrator's RangeError, an internal error at the CLI).
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { DomainError } from '../../src/numeric/errors.ts';
import { requireNonDecreasing } from '../../src/flow/targets.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { physicalFlow } from '../../src/flow/physicalFlow.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';

const F = decimalField(20);
const V = (a: readonly string[]) => a.map((s) => F.fromString(s));
const x = V(['1']);
const rho = F.fromString('0.2');
const W0 = [V(['0.5']), V(['0.3'])];

describe('requireNonDecreasing', () => {
  it.each([
    { t: [], ok: true, why: 'no targets' },
    { t: ['0'], ok: true, why: 'the start itself' },
    { t: ['0.5', '0.5', '2'], ok: true, why: 'repeats are allowed' },
    { t: ['-1e-30'], ok: false, why: 'a negative first target' },
    { t: ['1', '0.5'], ok: false, why: 'a decrease' },
  ])('$why', ({ t, ok }) => {
    const f = () => requireNonDecreasing(F, V(t), 'flowX');
    if (ok) expect(f).not.toThrow();
    else expect(f).toThrow(DomainError);
  });
});

describe('each flow refuses decreasing and negative targets, naming itself', () => {
  const flows = {
    linfFlow: (t: string[]) => linfFlow(F, x, rho, W0, V(t)),
    physicalFlow: (t: string[]) => physicalFlow(F, 'sam-linf', 'exponential', { X: [x], Y: [1] }, rho, W0, V(t)),
    rescaledFlow: (t: string[]) => rescaledFlow(F, 'sam-l2', x, rho, W0, V(t)),
  };
  for (const [name, run] of Object.entries(flows)) {
    it(name, () => {
      expect(() => run(['0.5', '0.25'])).toThrow(new DomainError(`${name}: targets must be non-decreasing (target 1 is below target 0)`));
      expect(() => run(['-0.5'])).toThrow(new DomainError(`${name}: targets must be >= 0 (the flow starts at 0; target 0 is negative)`));
    });
  }
});
