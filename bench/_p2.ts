// @ts-nocheck
import { makeField } from '../src/numeric/fieldFactory.ts';
import { simulate } from '../src/optim/simulate.ts';
import { gdClosedForm } from '../src/flow/gdClosedForm.ts';
import { l2Flow } from '../src/flow/tauReduction.ts';
import { basisVector, oneMinusCos } from '../src/verify/direction.ts';
const F: any = makeField('bigfloat', 25);
const f = (s: string) => F.fromString(s);
const x = ['1.71','0.30','0.55'].map(f), u0 = ['-1.05','-1.48','-0.03'].map(f), v0 = ['-0.75','0.10','0.00'].map(f);
const algo = process.argv[2] ?? 'gd';
const rho = algo === 'gd' ? F.zero : f('0.05');
const cps = [0, 30, 100, 200, 300, 500, 1000, 2000];
const r = simulate(F, { algo, loss: 'logistic', eta: f('0.1'), rho, steps: 2000, data: { X: [x], Y: [1] }, W0: [u0, v0] }, { checkpoints: cps });
const target = basisVector(F, 3, 0, 1);
for (const cp of r.trajectory) {
  const fb = algo === 'gd' ? gdClosedForm(F, x, u0, v0, cp.s).beta : l2Flow(F, { x, rho, u0, v0 }, [cp.s], { method: 'tau', rtol: f('1e-15') }).points[0]!.beta;
  console.log(cp.step, F.toString(cp.s, 6), F.toString(oneMinusCos(F, cp.beta, target), 5), F.toString(oneMinusCos(F, fb, target), 5));
}
