/**
 * The bad-input corpus (tests/corpus/badInput.json): one row per line, {args, code, words, files?, spawn?}.
 * `$DIR` in args is a fresh temporary directory holding `files` (JSON values are written as JSON,
 * strings verbatim, {"$gen":"nested","depth":N} / {"$gen":"longDigits","chars":N} are generated).
 * Every row must exit with its code, print one line naming the words on stderr (case-insensitive),
 * and never print a stack trace, NaN or Infinity (an echo of the user's own input inside quotes is
 * allowed on stderr). Most rows run main() in-process; rows marked "spawn" (and a sample of the rest)
 * spawn bin/samcheck.js, which also covers EPIPE below.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import { runInProcess } from './cli.ts';

interface Row {
  args: string[];
  code: number;
  words: string[];
  files?: Record<string, unknown>;
  spawn?: boolean;
}
const rows: Row[] = JSON.parse(readFileSync(join(__dirname, '../corpus/badInput.json'), 'utf8'));
const BIN = join(__dirname, '../../bin/samcheck.js');
let dir = '';

function materialize(r: Row): string[] {
  for (const [name, v] of Object.entries(r.files ?? {})) {
    let text: string;
    const g = v as { $gen?: string; depth?: number; chars?: number };
    if (g && g.$gen === 'nested') text = '['.repeat(g.depth!) + ']'.repeat(g.depth!);
    else if (g && g.$gen === 'longDigits') text = `{"algo":"gd","eta":"0.${'1'.repeat(g.chars!)}","steps":1,"X":[["1"]],"Y":["1"],"W0":[["1"],["1"]]}`;
    else text = typeof v === 'string' ? v : JSON.stringify(v);
    writeFileSync(join(dir, name), text);
  }
  return r.args.map((a) => a.replace('$DIR', dir));
}

const inProcess = runInProcess;

function spawned(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SAMCHECK_PROGRESS: '0' }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function checkOutput(r: Row, o: { code: number; stdout: string; stderr: string }): void {
  const label = JSON.stringify(r.args);
  expect(o.code, `${label}: exit code (stderr: ${o.stderr.slice(0, 300)})`).toBe(r.code);
  expect(o.stderr, `${label}: stack trace`).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  expect(o.stdout, `${label}: NaN/Infinity on stdout`).not.toMatch(/NaN|Infinity/);
  const unquoted = o.stderr.replace(/"[^"\n]*"/g, '""');
  expect(unquoted, `${label}: NaN/Infinity on stderr`).not.toMatch(/NaN|Infinity/);
  const errLines = o.stderr.split('\n').filter((l) => /error|failure/i.test(l));
  expect(errLines.length, `${label}: one error line, got ${JSON.stringify(o.stderr.slice(0, 400))}`).toBe(1);
  for (const w of r.words) expect(errLines[0]!.toLowerCase(), `${label}: words`).toContain(w.toLowerCase());
  if (r.code === 2) expect(o.stdout, `${label}: nothing on stdout for a usage error`).toBe('');
}

describe('bad-input corpus', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samcheck-bad-'));
  });
  it(`has at least 80 rows covering every command (${rows.length})`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const c of ['simulate', 'flow', 'basin', 'basin-map', 'critical-scale', 'leaders', 'derive', 'verify'])
      expect(
        rows.some((r) => r.args.includes(c)),
        c,
      ).toBe(true);
  });
  it('in-process rows (main())', async () => {
    const failures: string[] = [];
    for (const r of rows.filter((x) => !x.spawn)) {
      const o = await inProcess(materialize(r));
      try {
        checkOutput(r, o);
      } catch (e) {
        failures.push((e as Error).message.split('\n')[0]!);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
  it('spawned rows (bin/samcheck.js), plus every 10th in-process row again as a process', () => {
    const failures: string[] = [];
    const picked = rows.filter((x, i) => x.spawn || i % 10 === 0);
    for (const r of picked) {
      const o = spawned(materialize(r));
      try {
        checkOutput(r, o);
      } catch (e) {
        failures.push((e as Error).message.split('\n')[0]!);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
  it('EPIPE on stdout ends quietly with a non-zero code', async () => {
    const child = spawn(process.execPath, [BIN, 'explore', 'basin-map', '--grid', '400', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? -1)));
    expect(code).not.toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toMatch(/EPIPE/);
  });
});
