// @ts-nocheck
import { makeField } from '../src/numeric/fieldFactory.ts';
import { simulate } from '../src/optim/simulate.ts';
const F: any = makeField('bigfloat', 30);
const f = (s: string) => F.fromString(s);
const x = ['0.31','0.84'].map(f); const a = ['0.83','0.40'];
const cps = [1500, 12000, 48000, 200000];
const r = simulate(F, { algo: 'gd', loss: 'logistic', eta: f('0.05'), rho: F.zero, steps: 200000, data: { X: [x], Y: [1] }, W0: [0, 1, 2].map(() => a.map(f)) }, { checkpoints: cps });
for (const cp of r.trajectory) console.log(cp.step, F.toString(cp.s, 6), cp.beta.map((b) => F.toString(b, 5)).join(' '));
