import { bigfloatField } from '../src/numeric/bigfloatField.ts';
import { decimalField } from '../src/numeric/decimalField.ts';
import type { Field } from '../src/numeric/Field.ts';
import { simulate } from '../src/optim/simulate.ts';
function measure<T>(F: Field<T>, steps: number) {
  const f = (s: string) => F.fromString(s);
  const spec = { algo: 'sam-l2' as const, loss: 'logistic' as const, eta: f('0.05'), rho: f('1'), steps,
    data: { X: [['0.5', '1', '2'].map(f)], Y: [1 as const] }, W0: [0, 1].map(() => ['0.6', '0.6', '0.6'].map(f)) };
  simulate(F, { ...spec, steps: 50 });
  const t0 = performance.now(); const r = simulate(F, spec); const dt = performance.now() - t0;
  console.log(F.name, F.precision, Math.round(steps / dt * 1000), 'steps/s', F.toString(r.beta[2]!));
}
for (const P of [30, 50, 100]) { measure(bigfloatField(P), 20000); measure(decimalField(P), 2000); }
