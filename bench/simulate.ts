/**
 * Benchmark of the discrete engine: ℓ2-SAM steps per second, bigfloat vs decimal.js vs float64 vs
 * the same loop in Python/mpmath (bench/mpmath_sam.py, when python3 with mpmath is present), and the
 * whole-process `samcheck simulate` of 20000 steps against the mpmath script.
 *
 * Main exports:
 * - `benchSimulate(opts)` → rows {problem, backend, digits, steps, seconds, cpu s, steps/s,
 *   steps/cpu-s, bigfloat/mpmath, bigfloat/decimal} for (n = 1, L = 2, d = 3) and
 *   (n = 20, L = 3, d = 100) at 30, 50, 100 digits. Ratios are of steps per CPU second (robust on a
 *   shared machine); wall-clock figures are printed alongside.
 * - `benchWholeProcess(opts)` → rows {command, digits, wall s, cpu s, ratio}: `node bin/samcheck.js
 *   simulate` (20000 ℓ2-SAM steps, n = 1, L = 2, d = 3, `--no-check-digits`) and
 *   `python3 bench/mpmath_sam.py` doing the same 20000 steps, each one whole process.
 *
 * Problems: x_k[j] = (0.5, 1, 2)[(j + k) mod 3], labels +1, every layer 0.6·1, logistic loss;
 * η = 0.05, ρ = 1 for d = 3, η = 0.01, ρ = 0.1 for d = 100 (identical in bench/mpmath_sam.py).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { decimalField } from '../src/numeric/decimalField.ts';
import { bigfloatField } from '../src/numeric/bigfloatField.ts';
import { float64Field } from '../src/numeric/float64Field.ts';
import type { Field } from '../src/numeric/Field.ts';
import { simulate, type SimulationSpec } from '../src/optim/simulate.ts';

type Row = Record<string, string | number>;
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

interface Problem {
  name: string;
  n: number;
  L: number;
  d: number;
}
export const PROBLEMS: Problem[] = [
  { name: 'n=1, L=2, d=3', n: 1, L: 2, d: 3 },
  { name: 'n=20, L=3, d=100', n: 20, L: 3, d: 100 },
];

function spec<T>(F: Field<T>, p: Problem, steps: number): SimulationSpec<T> {
  const base = ['0.5', '1', '2'];
  const f = (s: string) => F.fromString(s);
  const small = p.n === 1 && p.d === 3;
  return {
    algo: 'sam-l2',
    loss: 'logistic',
    eta: f(small ? '0.05' : '0.01'),
    rho: f(small ? '1' : '0.1'),
    steps,
    data: {
      X: Array.from({ length: p.n }, (_, k) => Array.from({ length: p.d }, (_, j) => f(base[(j + k) % 3]!))),
      Y: Array.from({ length: p.n }, () => 1 as const),
    },
    W0: Array.from({ length: p.L }, () => Array.from({ length: p.d }, () => f('0.6'))),
  };
}

/** Repeat runs of `chunk` steps from the same start until `budgetMs` has passed. */
function measure<T>(F: Field<T>, p: Problem, budgetMs: number): { steps: number; seconds: number; cpu: number } {
  const t1 = performance.now();
  simulate(F, spec(F, p, 2)); // warm-up (JIT) and a first timing
  const per = Math.max(1e-3, (performance.now() - t1) / 2);
  const chunk = Math.max(1, Math.min(200, Math.round(budgetMs / 20 / per)));
  const s = spec(F, p, chunk);
  let steps = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    simulate(F, s);
    steps += chunk;
    elapsed = performance.now() - t0;
  }
  const c = process.cpuUsage(c0);
  return { steps, seconds: elapsed / 1000, cpu: (c.user + c.system) / 1e6 };
}

let pythonChecked: { ok: boolean; backend?: string } | null = null;
/** python3 with mpmath present? (and which mpmath backend: pure Python or gmpy) */
export function mpmathAvailable(): { ok: boolean; backend?: string } {
  if (pythonChecked) return pythonChecked;
  const r = spawnSync('python3', ['-c', 'import mpmath; print(mpmath.libmp.BACKEND)'], { encoding: 'utf8' });
  if (r.status !== 0) pythonChecked = { ok: false };
  else {
    const b = r.stdout.trim();
    pythonChecked = { ok: true, backend: b === 'python' ? 'pure Python' : b };
  }
  return pythonChecked;
}

function measureMpmath(p: Problem, digits: number, budgetMs: number): { steps: number; seconds: number; cpu: number; backend: string } | null {
  const r = spawnSync(
    'python3',
    [
      join(ROOT, 'bench', 'mpmath_sam.py'),
      '--rate',
      '--dps',
      String(digits),
      '--budget',
      String(budgetMs / 1000),
      '--n',
      String(p.n),
      '--L',
      String(p.L),
      '--d',
      String(p.d),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    process.stderr.write(`bench: mpmath run failed: ${r.stderr.trim().split('\n').pop()}\n`);
    return null;
  }
  const j = JSON.parse(r.stdout) as { steps: number; seconds: number; cpu_seconds: number; backend: string };
  return { steps: j.steps, seconds: j.seconds, cpu: j.cpu_seconds, backend: j.backend };
}

const rate = (steps: number, s: number) => (s > 0 ? steps / s : 0);
const fmtRate = (x: number) => (x >= 100 ? String(Math.round(x)) : x.toPrecision(3));

export async function benchSimulate(opts: { budgetMs?: number; digits?: number[]; problems?: Problem[] } = {}): Promise<Row[]> {
  const budget = opts.budgetMs ?? 2000;
  const digitsList = opts.digits ?? [30, 50, 100];
  const py = mpmathAvailable();
  if (!py.ok) process.stderr.write('bench: python3 with mpmath not found: mpmath rows skipped\n');
  const rows: Row[] = [];
  for (const p of opts.problems ?? PROBLEMS) {
    // the large problem gets a larger budget per measurement: a decimal step there takes ~0.1 s
    const b = p.d > 10 ? budget * 2 : budget;
    for (const digits of digitsList) {
      process.stderr.write(`bench: ${p.name}, ${digits} digits …\n`);
      const bf = measure(bigfloatField(digits), p, b);
      const dec = measure(decimalField(digits), p, b);
      const mp = py.ok ? measureMpmath(p, digits, b) : null;
      const bfRate = rate(bf.steps, bf.cpu);
      const add = (backend: string, m: { steps: number; seconds: number; cpu: number }, extra: Row = {}) =>
        rows.push({
          problem: p.name,
          backend,
          digits,
          steps: m.steps,
          'wall s': m.seconds.toFixed(2),
          'cpu s': m.cpu.toFixed(2),
          'steps/s (wall)': fmtRate(rate(m.steps, m.seconds)),
          'steps/cpu-s': fmtRate(rate(m.steps, m.cpu)),
          ...extra,
        });
      add('bigfloat', bf, {
        'bigfloat/mpmath': mp ? (bfRate / rate(mp.steps, mp.cpu)).toFixed(1) : 'n/a',
        'bigfloat/decimal': (bfRate / rate(dec.steps, dec.cpu)).toFixed(1),
      });
      add('decimal.js', dec);
      if (mp) add(`mpmath (${mp.backend})`, mp);
    }
    const f64 = measure(float64Field(), p, b);
    rows.push({
      problem: p.name,
      backend: 'float64',
      digits: 16,
      steps: f64.steps,
      'wall s': f64.seconds.toFixed(2),
      'cpu s': f64.cpu.toFixed(2),
      'steps/s (wall)': fmtRate(rate(f64.steps, f64.seconds)),
      'steps/cpu-s': fmtRate(rate(f64.steps, f64.cpu)),
    });
  }
  return rows;
}

/**
 * Run a command as one whole process and return its wall and CPU (user + sys of the child) seconds,
 * measured by a small python3 wrapper (resource.getrusage(RUSAGE_CHILDREN)); wall only without python3.
 */
export function timeProcess(cmd: string[], cwd = ROOT): { wall: number; cpu: number | null; ok: boolean; stderr: string } {
  const wrapper = [
    'import json, resource, subprocess, sys, time',
    't0 = time.perf_counter()',
    'r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)',
    'w = time.perf_counter() - t0',
    'u = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(json.dumps({"wall": w, "cpu": u.ru_utime + u.ru_stime, "rc": r.returncode, "stderr": r.stderr[-400:]}))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', wrapper, ...cmd], { cwd, encoding: 'utf8' });
  if (r.status === 0) {
    const j = JSON.parse(r.stdout) as { wall: number; cpu: number; rc: number; stderr: string };
    return { wall: j.wall, cpu: j.cpu, ok: j.rc === 0, stderr: j.stderr };
  }
  const t0 = performance.now();
  const s = spawnSync(cmd[0]!, cmd.slice(1), { cwd, encoding: 'utf8' });
  return { wall: (performance.now() - t0) / 1000, cpu: null, ok: s.status === 0, stderr: s.stderr };
}

export async function benchWholeProcess(opts: { steps?: number; digits?: number[]; repeats?: number } = {}): Promise<Row[]> {
  const steps = opts.steps ?? 20000;
  const repeats = opts.repeats ?? 1;
  const py = mpmathAvailable();
  const rows: Row[] = [];
  // @ts-expect-error bin/loader.js is plain JavaScript without type declarations
  const { distIsFresh } = (await import('../bin/loader.js')) as { distIsFresh: () => boolean };
  const loader = distIsFresh() ? 'dist' : 'tsx';
  if (loader === 'tsx') process.stderr.write('bench: dist/ is missing or older than the sources (run `npm run build`): samcheck runs through tsx\n');
  const best = (cmd: string[]) => {
    let b: ReturnType<typeof timeProcess> | null = null;
    for (let i = 0; i < repeats; i++) {
      const t = timeProcess(cmd);
      if (!t.ok) throw new Error(`${cmd.join(' ')} failed: ${t.stderr}`);
      if (!b || (t.cpu ?? t.wall) < (b.cpu ?? b.wall)) b = t;
    }
    return b!;
  };
  for (const digits of opts.digits ?? [50, 100]) {
    process.stderr.write(`bench: whole-process simulate, ${steps} steps, ${digits} digits …\n`);
    const ours = best([
      'node',
      'bin/samcheck.js',
      'simulate',
      '--x',
      '0.5,1,2',
      '--alpha',
      '0.6',
      '--eta',
      '0.05',
      '--rho',
      '1',
      '--steps',
      String(steps),
      '--precision',
      String(digits),
      '--no-check-digits',
      '--json',
    ]);
    const row: Row = {
      command: `samcheck simulate (bigfloat, ${steps} l2-SAM steps, n=1 L=2 d=3; ${loader === 'dist' ? 'compiled' : 'via tsx'})`,
      digits,
      'wall s': ours.wall.toFixed(2),
      'cpu s': ours.cpu === null ? 'n/a' : ours.cpu.toFixed(2),
    };
    rows.push(row);
    if (py.ok) {
      const theirs = best(['python3', 'bench/mpmath_sam.py', '--dps', String(digits), '--steps', String(steps)]);
      rows.push({
        command: `python3 bench/mpmath_sam.py (mpmath ${py.backend}, same loop)`,
        digits,
        'wall s': theirs.wall.toFixed(2),
        'cpu s': theirs.cpu === null ? 'n/a' : theirs.cpu.toFixed(2),
      });
      row['mpmath/samcheck (cpu)'] = ours.cpu && theirs.cpu ? (theirs.cpu / ours.cpu).toFixed(1) : 'n/a';
      row['mpmath/samcheck (wall)'] = (theirs.wall / ours.wall).toFixed(1);
    }
  }
  return rows;
}

/** Start-up: `samcheck --help` and a 10-step simulate, whole process (dist/ when built, and through tsx). */
export async function benchStartup(opts: { repeats?: number } = {}): Promise<Row[]> {
  const repeats = opts.repeats ?? 3;
  const rows: Row[] = [];
  const cases: Array<[string, string[]]> = [
    ['samcheck --help', ['bin/samcheck.js', '--help']],
    ['samcheck simulate (10 steps)', ['bin/samcheck.js', 'simulate', '--x', '0.5,1,2', '--alpha', '0.6', '--steps', '10']],
  ];
  for (const loader of ['dist', 'tsx']) {
    for (const [name, args] of cases) {
      let best: ReturnType<typeof timeProcess> | null = null;
      for (let i = 0; i < repeats; i++) {
        const t = timeProcess(['env', `SAMCHECK_LOADER=${loader}`, 'node', ...args]);
        if (!t.ok) {
          best = null;
          break;
        }
        if (!best || t.wall < best.wall) best = t;
      }
      rows.push({
        command: name,
        loader: loader === 'dist' ? 'compiled dist/' : 'tsx (TypeScript at start)',
        'wall s (best)': best ? best.wall.toFixed(2) : 'failed (no dist/? run npm run build)',
        'cpu s': best?.cpu == null ? 'n/a' : best.cpu.toFixed(2),
      });
    }
  }
  return rows;
}
