// @ts-nocheck
import { makeField } from '../src/numeric/fieldFactory.ts';
import { leaders, balancedStart } from '../src/analysis/leaders.ts';
import { l2Flow } from '../src/flow/tauReduction.ts';
const [xs, al, P, rt] = process.argv.slice(2);
const F: any = makeField('bigfloat', Number(P ?? 30));
const x = xs.split(',').map((s) => F.fromString(s));
const st = balancedStart(F, x, F.one, F.fromString(al));
const rtol = F.fromString(rt ?? '1e-20');
let c0 = process.cpuUsage();
const r = leaders(F, st, { rtol });
let c1 = process.cpuUsage(c0);
console.log('leaders cpu', (c1.user + c1.system) / 1e6, 'final', r.final.reason, r.final.collapseS && F.toString(r.final.collapseS, 12));
c0 = process.cpuUsage();
const full = l2Flow(F, st, r.switches.map((w) => w.s), { rtol, method: 'full' });
c1 = process.cpuUsage(c0);
console.log('full cpu', (c1.user + c1.system) / 1e6);
r.switches.forEach((w, k) => {
  const b = full.points[k]!.beta;
  console.log(F.toString(w.s, 15), w.from, '->', w.leader, full.points[k]!.status, F.toString(F.abs(F.sub(F.log(F.abs(b[w.leader]!)), F.log(F.abs(b[w.from]!)))), 4), F.toString(b[w.leader], 5));
});
