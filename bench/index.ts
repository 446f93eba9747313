/**
 * `npm run bench`: runs every benchmark group and prints one table per group (cli-table3).
 * Groups: bench/simulate.ts (`benchSimulate`: ℓ2-SAM steps/s for bigfloat, decimal.js, float64 and
 * Python/mpmath; `benchWholeProcess`: 20000-step `samcheck simulate` vs the mpmath script;
 * `benchStartup`), and, when present, bench/flow.ts (`benchFlow`).
 * Options: --budget MS (time per measurement, default 2000), --json (rows as JSON on stdout),
 * --only simulate,process,startup,flow (groups to run), --verify (also time `samcheck verify` and
 * `verify --quick`, whole process; off by default).
 * Performance is measured here, never asserted in tests.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { benchSimulate, benchStartup, benchWholeProcess, timeProcess } from './simulate.ts';

type Row = Record<string, string | number>;

const GROUPS = ['simulate', 'process', 'startup', 'flow'];

function parseArgs(argv: string[]): { budgetMs: number; json: boolean; verify: boolean; only: Set<string> } {
  let budgetMs = 2000;
  let json = false;
  let verify = false;
  let only = new Set(GROUPS);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--verify') verify = true;
    else if (argv[i] === '--only') {
      const v = (argv[++i] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = v.filter((g) => !GROUPS.includes(g));
      if (v.length === 0 || bad.length > 0) {
        process.stderr.write(`bench: --only takes a comma list of ${GROUPS.join(', ')}, got ${JSON.stringify(argv[i])}\n`);
        process.exit(2);
      }
      only = new Set(v);
    } else if (argv[i] === '--budget') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) {
        process.stderr.write(`bench: --budget must be a positive integer (ms), got ${JSON.stringify(argv[i])}\n`);
        process.exit(2);
      }
      budgetMs = v;
    } else {
      process.stderr.write(`bench: unknown argument ${JSON.stringify(argv[i])}\n`);
      process.exit(2);
    }
  }
  return { budgetMs, json, verify, only };
}

function printTable(title: string, rows: Row[]): void {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const plain = !process.stdout.isTTY; // no ANSI colours when piped
  const t = new Table({ head: cols, ...(plain ? { style: { head: [], border: [] } } : {}) });
  for (const r of rows) t.push(cols.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  process.stdout.write(`${title}\n${t.toString()}\n`);
}

const { budgetMs, json, verify, only } = parseArgs(process.argv.slice(2));
const groups: Array<[string, Row[]]> = [];
if (only.has('simulate')) {
  process.stderr.write('bench: simulate …\n');
  groups.push(['l2-SAM steps per second (in process; ratios of steps per CPU second)', await benchSimulate({ budgetMs })]);
}
if (only.has('process')) groups.push(['whole process: samcheck simulate vs the same loop in mpmath', await benchWholeProcess()]);
if (only.has('startup')) groups.push(['start-up (best of 3)', await benchStartup()]);
if (verify) {
  const rows: Row[] = [];
  for (const args of [['verify', '--quick'], ['verify']]) {
    process.stderr.write(`bench: samcheck ${args.join(' ')} …\n`);
    const t = timeProcess(['node', 'bin/samcheck.js', ...args, '--json']);
    rows.push({
      command: `samcheck ${args.join(' ')}`,
      'wall s': t.wall.toFixed(1),
      'cpu s': t.cpu === null ? 'n/a' : t.cpu.toFixed(1),
      exit: t.ok ? 0 : 'non-zero',
    });
  }
  groups.push(['verify wall time', rows]);
}

const flowPath = fileURLToPath(new URL('./flow.ts', import.meta.url));
if (only.has('flow') && existsSync(flowPath)) {
  process.stderr.write('bench: flow …\n');
  const mod = (await import('./flow.ts' as string)) as { benchFlow?: () => Promise<Row[]> };
  if (typeof mod.benchFlow === 'function') groups.push(['flow', await mod.benchFlow()]);
  else process.stderr.write('bench: bench/flow.ts has no benchFlow export; skipped\n');
}

if (json) process.stdout.write(JSON.stringify(Object.fromEntries(groups), null, 2) + '\n');
else for (const [title, rows] of groups) printTable(title, rows);
