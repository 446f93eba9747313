import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressCounter } from '../../src/report/progress.ts';

describe('progress lines', () => {
  it('one line per item when stderr is not a terminal', () => {
    const out: string[] = [];
    const c = new ProgressCounter('samcheck verify', 3, { isTTY: false, write: (s) => void out.push(s) });
    c.start('P1 one-example');
    c.start('P1 direction-rate');
    c.start('P2 closed-form');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^samcheck verify: \[1\/3\] P1 one-example … \(elapsed \d+s, ETA \?\)\n$/);
    expect(out[2]).toMatch(/^samcheck verify: \[3\/3\] P2 closed-form … \(elapsed \d+s, ETA \d+s\)\n$/);
  });
  it('redraws in place on a terminal', () => {
    const out: string[] = [];
    const c = new ProgressCounter('x', 2, { isTTY: true, write: (s) => void out.push(s) });
    c.start('a');
    c.done('finished');
    expect(out[0]!.startsWith('\r')).toBe(true);
    expect(out.at(-1)).toMatch(/finished/);
  });
  it('durations', () => {
    expect(formatDuration(8.4)).toBe('8s');
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});
