/**
 * The checkpoint schedule on small cases derived by hand from its definition: every step up to
 * `dense`, then `perDecade` points per decade counted from `dense` (10^(log10(dense) + i/perDecade),
 * rounded, i = 1 … ⌈perDecade·log10(steps/dense)⌉, capped at `steps`), always 0 and the last step.
 * The property checks (sorted, distinct, bounded growth) are in simulate.test.ts; these pin the
 * exact points, which the properties alone do not (a schedule without its log part passes them).
 */
import { describe, expect, it } from 'vitest';
import { checkpointSchedule } from '../../src/optim/checkpoints.ts';

const upTo = (n: number) => Array.from({ length: n + 1 }, (_, t) => t);

describe('checkpointSchedule: exact points', () => {
  it.each([
    { steps: 100, dense: 10, perDecade: 0, want: [...upTo(10), 100], why: 'no log part: the dense part and the last step only' },
    { steps: 1000, dense: 10, perDecade: 1, want: [...upTo(10), 100, 1000], why: 'one point per decade: 10^2, 10^3' },
    { steps: 1000, dense: 10, perDecade: 2, want: [...upTo(10), 32, 100, 316, 1000], why: 'two per decade: 10^1.5 = 31.6, 10^2, 10^2.5 = 316.2, 10^3' },
    { steps: 5000, dense: 5, perDecade: 1, want: [...upTo(5), 50, 500, 5000], why: 'decades are counted from the dense end (5), not from 1' },
    { steps: 30, dense: 10, perDecade: 1, want: [...upTo(10), 30], why: 'less than a decade after the dense part: ⌈log10 3⌉ = 1 point, the last step' },
    { steps: 7, dense: 10, perDecade: 10, want: upTo(7), why: 'shorter than the dense part: every step, nothing beyond steps' },
  ])('$why', ({ steps, dense, perDecade, want }) => {
    expect(checkpointSchedule(steps, dense, perDecade)).toEqual(want);
  });
});
