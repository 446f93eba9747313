/**
 * `npm run mutants [-- --only ID[,ID…]] [--seeds a,b,c] [--jobs N] [--full] [--timeout S] [--json] [--anchors]`
 *
 * Applies each semantic mutant of tests/mutants/catalogue.ts to a temporary copy of the repository
 * and runs `verify --quick` there (the CLI, one process per mutant and seed; by default restricted
 * to the mutant's named claims with `--only`, `--full` runs the whole catalogue). A mutant counts
 * as caught at a seed only when verify exits 1 with one of its named claims failing.
 * Prints a summary table (stdout) or, with --json, one JSON object. `--anchors` only checks that
 * every anchor occurs exactly once (fast). Exit 0 when every mutant is caught at every seed, 1
 * otherwise, 2 on bad usage.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS, type Mutant } from './catalogue.ts';
import { checkAnchors, runMutant, type MutantRun } from './apply.ts';

const DEFAULT_SEED = 20260308;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(msg: string): never {
  process.stderr.write(`mutants: ${msg}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
};
const known = new Set(['--only', '--seeds', '--jobs', '--full', '--timeout', '--json', '--anchors', '--keep']);
for (const a of argv) if (a.startsWith('--') && !known.has(a)) usage(`unknown option ${a}`);

const onlyIds = value('--only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const ids = new Set(MUTANTS.map((m) => m.id));
for (const id of onlyIds ?? []) if (!ids.has(id)) usage(`--only: unknown mutant ${id} (see tests/mutants/catalogue.ts)`);
const seeds = (value('--seeds') ?? `${DEFAULT_SEED},1,2`).split(',').map((s) => {
  const v = s.trim() === 'default' ? DEFAULT_SEED : Number(s);
  if (!Number.isInteger(v)) usage(`--seeds: not an integer: ${s}`);
  return v;
});
const jobs = Number(value('--jobs') ?? '2');
if (!Number.isInteger(jobs) || jobs < 1 || jobs > 3) usage('--jobs: 1..3 (the machine has 2 cores)');
const timeoutSeconds = Number(value('--timeout') ?? '300');
if (!(timeoutSeconds > 0)) usage('--timeout: positive seconds');
const selected: Mutant[] = MUTANTS.filter((m) => !onlyIds || onlyIds.includes(m.id));

if (flag('--anchors')) {
  const bad = selected.flatMap((m) => checkAnchors(root, m).map((b) => `${m.id}: ${b}`));
  for (const b of bad) process.stderr.write(`${b}\n`);
  process.stdout.write(`${selected.length - new Set(bad.map((b) => b.split(':')[0])).size}/${selected.length} mutants have unique anchors\n`);
  process.exit(bad.length ? 1 : 0);
}

const tasks = selected.flatMap((m) => seeds.map((seed) => ({ m, seed })));
const runs: MutantRun[] = [];
let next = 0;
async function worker(): Promise<void> {
  while (next < tasks.length) {
    const { m, seed } = tasks[next++]!;
    const r = await runMutant(root, m, seed, { full: flag('--full'), timeoutSeconds, keep: flag('--keep') });
    runs.push(r);
    process.stderr.write(
      `mutants: ${r.id} seed ${seed}: ${r.verdict} (${r.seconds} s${r.failedChecks.length ? `; failed ${r.failedChecks.join(', ')}` : ''}${r.detail ? `; ${r.detail}` : ''}) [${runs.length}/${tasks.length}]\n`,
    );
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));

const rows = selected.map((m) => {
  const rs = seeds.map((s) => runs.find((r) => r.id === m.id && r.seed === s)!);
  return { id: m.id, file: m.file, claims: m.claims, why: m.why, caught: rs.every((r) => r.verdict === 'killed'), runs: rs };
});
const caught = rows.filter((r) => r.caught).length;
if (flag('--json')) {
  process.stdout.write(
    `${JSON.stringify({ seeds, full: flag('--full'), mutants: rows, summary: { total: rows.length, caught, notCaught: rows.length - caught } }, null, 2)}\n`,
  );
} else {
  const w = Math.max(...rows.map((r) => r.id.length), 6);
  process.stdout.write(`${'mutant'.padEnd(w)}  ${'claims'.padEnd(12)}  ${seeds.map((s) => `seed ${s}`.padEnd(16)).join('  ')}  caught-by\n`);
  for (const r of rows) {
    const by = [...new Set(r.runs.flatMap((x) => x.failedChecks))].join(' ');
    process.stdout.write(
      `${r.id.padEnd(w)}  ${r.claims.join(',').padEnd(12)}  ${r.runs.map((x) => `${x.verdict} ${x.seconds}s`.padEnd(16)).join('  ')}  ${by}\n`,
    );
  }
  process.stdout.write(`${caught}/${rows.length} mutants caught at every seed (${seeds.join(', ')})\n`);
}
process.exit(caught === rows.length ? 0 : 1);
