/**
 * `npm run bench`: runs every benchmark group and prints one table per group (cli-table3).
 * Groups: bench/simulate.ts (`benchSimulate`) and, when present, bench/flow.ts (`benchFlow`).
 * Options: --budget MS (time per measurement, default 2000), --json (rows as JSON on stdout).
 * Performance is measured here, never asserted in tests.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { benchSimulate } from './simulate.ts';

type Row = Record<string, string | number>;

function parseArgs(argv: string[]): { budgetMs: number; json: boolean } {
  let budgetMs = 2000;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--budget') {
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
  return { budgetMs, json };
}

function printTable(title: string, rows: Row[]): void {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const plain = !process.stdout.isTTY; // no ANSI colours when piped
  const t = new Table({ head: cols, ...(plain ? { style: { head: [], border: [] } } : {}) });
  for (const r of rows) t.push(cols.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  process.stdout.write(`${title}\n${t.toString()}\n`);
}

const { budgetMs, json } = parseArgs(process.argv.slice(2));
const groups: Array<[string, Row[]]> = [];
process.stderr.write('bench: simulate …\n');
groups.push(['simulate (discrete engine)', await benchSimulate({ budgetMs })]);

const flowPath = fileURLToPath(new URL('./flow.ts', import.meta.url));
if (existsSync(flowPath)) {
  process.stderr.write('bench: flow …\n');
  const mod = (await import('./flow.ts' as string)) as { benchFlow?: () => Promise<Row[]> };
  if (typeof mod.benchFlow === 'function') groups.push(['flow', await mod.benchFlow()]);
  else process.stderr.write('bench: bench/flow.ts has no benchFlow export; skipped\n');
}

if (json) process.stdout.write(JSON.stringify(Object.fromEntries(groups), null, 2) + '\n');
else for (const [title, rows] of groups) printTable(title, rows);
