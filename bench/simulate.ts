/**
 * Benchmark of the discrete engine: ℓ2-SAM steps per second for one example, L = 2, d = 3
 * (x = (0.5, 1, 2), u = v = 0.6·1, η = 0.05, ρ = 1, logistic loss), at 30, 50 and 100 digits
 * (decimal.js) and the same loop in float64 (`float64Field`, for comparison only).
 *
 * Main export: `benchSimulate(opts)` → table rows {backend, digits, steps, seconds, "steps/s"}.
 * Each measurement repeats a 200-step run from the same start until `budgetMs` has passed, so
 * every backend does the same work per step.
 */
import { decimalField } from '../src/numeric/decimalField.ts';
import { float64Field } from '../src/numeric/float64Field.ts';
import type { Field } from '../src/numeric/Field.ts';
import { simulate } from '../src/optim/simulate.ts';

const RUN_STEPS = 200;

function measure<T>(F: Field<T>, budgetMs: number): { steps: number; seconds: number } {
  const f = (s: string) => F.fromString(s);
  const spec = {
    algo: 'sam-l2' as const,
    loss: 'logistic' as const,
    eta: f('0.05'),
    rho: f('1'),
    steps: RUN_STEPS,
    data: { X: [['0.5', '1', '2'].map(f)], Y: [1 as const] },
    W0: [0, 1].map(() => ['0.6', '0.6', '0.6'].map(f)),
  };
  simulate(F, { ...spec, steps: 20 }); // warm-up (JIT)
  let steps = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    simulate(F, spec);
    steps += RUN_STEPS;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return { steps, seconds: elapsed / 1000 };
}

export async function benchSimulate(opts: { budgetMs?: number } = {}): Promise<Array<Record<string, string | number>>> {
  const budget = opts.budgetMs ?? 2000;
  const rows: Array<Record<string, string | number>> = [];
  const backends: Array<[string, number, () => Field<unknown>]> = [
    ['decimal.js', 30, () => decimalField(30) as Field<unknown>],
    ['decimal.js', 50, () => decimalField(50) as Field<unknown>],
    ['decimal.js', 100, () => decimalField(100) as Field<unknown>],
    ['float64', 16, () => float64Field() as Field<unknown>],
  ];
  for (const [backend, digits, make] of backends) {
    const m = measure(make(), budget);
    rows.push({
      bench: 'l2-SAM step, n=1, L=2, d=3',
      backend,
      digits,
      steps: m.steps,
      seconds: m.seconds.toFixed(2),
      'steps/s': Math.round(m.steps / m.seconds),
    });
  }
  return rows;
}
