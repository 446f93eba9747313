/**
 * Checkpoint schedules for recording trajectories: every step up to `dense`, then
 * `perDecade` log-spaced steps per decade, always including 0 and the last step.
 */
export function checkpointSchedule(steps: number, dense = 10, perDecade = 10): number[] {
  const out = new Set<number>([0, steps]);
  for (let t = 0; t <= Math.min(dense, steps); t++) out.add(t);
  // Stryker disable next-line LogicalOperator: with steps <= dense or perDecade <= 0 the count below is <= 0 (or NaN at steps = 0), so the loop adds nothing either way
  if (steps > dense && perDecade > 0) {
    const lo = Math.log10(Math.max(dense, 1));
    const hi = Math.log10(steps);
    const count = Math.ceil((hi - lo) * perDecade);
    for (let i = 1; i <= count; i++) out.add(Math.min(steps, Math.round(10 ** (lo + (i * (hi - lo)) / count))));
  }
  return [...out].sort((a, b) => a - b);
}
