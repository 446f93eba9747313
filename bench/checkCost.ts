/**
 * `node bin/run-ts.js bench/checkCost.ts [--quick] [--precision P] [--seed S] [--backend B] [ID[:CHECK]…]`:
 * runs the sampled checks of the catalogue one at a time in this process and prints, per check,
 * the draws evaluated / discarded, the worst margin against its tolerance, and the CPU time
 * (user + sys of this process, so a loaded machine inflates wall time but not this figure) with
 * the CPU time per draw. Symbolic and witness checks are skipped (they do not draw).
 * Performance is measured here, never asserted in tests.
 */
import { catalogue } from '../src/cli/catalogue.ts';
import { checksOf } from '../src/verify/Catalogue.ts';
import { runCheck } from '../src/verify/runner.ts';
import type { Backend } from '../src/numeric/fieldFactory.ts';

const argv = process.argv.slice(2);
let quick = false;
let precision = 40;
let seed = 20260308;
let backend: Backend = 'bigfloat';
const only: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--quick') quick = true;
  else if (a === '--precision') precision = Number(argv[++i]);
  else if (a === '--seed') seed = Number(argv[++i]);
  else if (a === '--backend') backend = argv[++i] as Backend;
  else only.push(a);
}

const cat = await catalogue;
const rows: string[][] = [];
let totalCpu = 0;
const wanted = (id: string, name: string) => only.length === 0 || only.some((o) => o === id || o === `${id}:${name}`);
for (const claim of cat.claims) {
  for (const def of checksOf(cat, claim)) {
    if (def.method === 'symbolic' || def.method === 'witness' || !wanted(claim.id, def.name)) continue;
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const r = await runCheck(def, claim, { precision, seed, quick, backend });
    const cpu = process.cpuUsage(c0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    totalCpu += cpuS;
    const fromNotes = /(\d+) inputs evaluated, (\d+) discarded/.exec(r.notes.join(' '));
    const runs = r.runs ?? (fromNotes ? Number(fromNotes[1]) : null);
    const discarded = r.discarded ?? (fromNotes ? Number(fromNotes[2]) : undefined);
    const row = [
      `${claim.id}:${def.name}`,
      r.status,
      runs === null ? '-' : String(runs),
      discarded === undefined ? '-' : String(discarded),
      `${r.margin ?? '-'} ${r.comparison ?? ''} ${r.tolerance ?? '-'}`,
      cpuS.toFixed(2),
      runs ? (cpuS / runs).toFixed(3) : '-',
      ((performance.now() - w0) / 1000).toFixed(2),
    ];
    rows.push(row);
    process.stdout.write(row.join('\t') + '\n');
  }
}
process.stdout.write(
  `total CPU ${totalCpu.toFixed(1)} s (${quick ? 'quick' : 'full'}, precision ${precision}, backend ${backend}); columns: check, status, runs, discarded, worst margin vs tolerance, CPU s, CPU s/draw, wall s\n`,
);
