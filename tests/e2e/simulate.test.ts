/**
 * `samcheck simulate` through the real CLI (spawned `node bin/samcheck.js simulate …`):
 * every bad input of issue 2 item 6 exits with code exactly 2, prints exactly one stderr line
 * naming the field and the value, and nothing on stdout; good runs print valid JSON with decimal
 * strings only (no NaN/Infinity anywhere). The processes run concurrently in `beforeAll`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli, type SpawnOut } from './cli.ts';

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;

type Out = SpawnOut;

const runCli = (args: string[]) => spawnCli(['simulate', ...args]);

async function pool<A, B>(items: A[], n: number, f: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const k = next++;
        out[k] = await f(items[k]!);
      }
    }),
  );
  return out;
}

const GOOD = {
  algo: 'sam-l2',
  loss: 'logistic',
  eta: '0.05',
  rho: '1',
  steps: 20,
  precision: 30,
  X: [['0.5', '1', '2']],
  Y: ['1'],
  W0: [
    ['0.6', '0.6', '0.6'],
    ['0.6', '0.6', '0.6'],
  ],
};
const patch = (k: string, v: unknown) => JSON.stringify({ ...GOOD, [k]: v });

/** Bad inputs: config text (or null with raw args), and the field and value the one stderr line must name. */
// One case per category of issue 2 item 6 (each spawn costs ~1.5 s of CPU); the finer variants
// (ragged X, -Infinity, unknown algo, missing field, label 2, …) run in-process in tests/io.
const BAD: { why: string; text?: string; args?: string[]; field: string; value: string }[] = [
  { why: 'malformed JSON', text: '{"algo": "gd", "eta": ', field: 'malformed JSON', value: 'config' },
  {
    why: 'W0 row length ≠ d',
    text: patch('W0', [
      ['0.6', '0.6'],
      ['0.6', '0.6'],
    ]),
    field: 'W0[0]',
    value: 'length 2',
  },
  { why: 'Y length ≠ n', text: patch('Y', ['1', '1']), field: 'Y', value: 'length 2' },
  { why: 'non-numeric string', text: patch('X', [['0.5', 'one', '2']]), field: 'X[0][1]', value: '"one"' },
  { why: '"NaN" as a number', text: patch('eta', 'NaN'), field: 'eta', value: '"NaN"' },
  { why: '"Infinity" as a number', text: patch('rho', 'Infinity'), field: 'rho', value: '"Infinity"' },
  {
    why: 'exponent beyond the representable range (parses to Infinity)',
    text: patch('X', [['0.5', '1', '1e99999999999999999']]),
    field: 'X[0][2]',
    value: '1e99999999999999999',
  },
  { why: 'JSON number instead of string (eta)', text: patch('eta', 0.05), field: 'eta', value: '0.05' },
  { why: 'ρ < 0', text: patch('rho', '-0.1'), field: 'rho', value: '"-0.1"' },
  { why: 'η = 0', text: patch('eta', '0'), field: 'eta', value: '"0"' },
  { why: 'steps negative', text: patch('steps', -5), field: 'steps', value: '-5' },
  { why: 'steps fractional', text: patch('steps', 2.5), field: 'steps', value: '2.5' },
  { why: 'precision above 1000', text: patch('precision', 1001), field: 'precision', value: '1001' },
  { why: 'label 0', text: patch('Y', ['0']), field: 'Y[0]', value: '"0"' },
  { why: 'L < 1 (W0 = [])', text: patch('W0', []), field: 'W0', value: '[]' },
  { why: 'missing config file', args: ['--config', '/nonexistent/samcheck-config.json'], field: 'config', value: '/nonexistent/samcheck-config.json' },
  { why: 'flags: non-numeric --x entry', args: ['--x', '1,abc', '--alpha', '0.5'], field: 'X[0][1]', value: '"abc"' },
  { why: 'flags: --depth 0 (L < 1)', args: ['--x', '1,2', '--alpha', '0.5', '--depth', '0'], field: 'depth', value: '"0"' },
  { why: 'flags: --precision outside 10..1000', args: ['--x', '1,2', '--alpha', '0.5', '--precision', '5'], field: 'precision', value: '"5"' },
];

const GOOD_RUNS: { why: string; cfg: Record<string, unknown>; args?: string[] }[] = [
  { why: 'ℓ2-SAM, issue example shape', cfg: GOOD },
  {
    why: 'ℓ∞-SAM, depth 3, two examples, exponential loss',
    cfg: {
      ...GOOD,
      algo: 'sam-linf',
      loss: 'exponential',
      X: [
        ['1', '0.5'],
        ['0.2', '-1'],
      ],
      Y: ['1', '-1'],
      W0: [
        ['0.3', '0.4'],
        ['0.5', '0.6'],
        ['0.7', '0.8'],
      ],
    },
  },
  { why: 'GD without rho', cfg: { ...GOOD, algo: 'gd', rho: undefined } },
  // margin z = 1e6: the loss is e^{-1e6} ~ 3e-434295; any float64 step would print 0 or NaN
  { why: 'margin 1e6: the loss far below float64 range must print as a decimal string', cfg: { ...GOOD, steps: 2, X: [['1e6']], W0: [['1'], ['1']] } },
  // margin −1e6: ℓ = 1e6, g = 1; a naive log(1+e^{1e6}) overflows
  { why: 'margin −1e6 (label −1)', cfg: { ...GOOD, algo: 'gd', steps: 1, X: [['1e6']], Y: ['-1'], W0: [['1e-3'], ['1e-3']] } },
  {
    why: 'ℓ2-SAM at zero gradient (W0 = 0): ε = 0 used and reported',
    cfg: {
      ...GOOD,
      steps: 4,
      W0: [
        ['0', '0', '0'],
        ['0', '0', '0'],
      ],
    },
  },
  { why: 'precision 1000 (no higher rerun possible)', cfg: { ...GOOD, steps: 2, precision: 1000 } },
  {
    why: 'flags instead of a config',
    cfg: {},
    args: ['--x', '0.5,1,2', '--alpha', '0.6', '--depth', '3', '--algo', 'sam-linf', '--steps', '10', '--precision', '25', '--trajectory', '5'],
  },
];

let dir = '';
let bad: Out[] = [];
let good: Out[] = [];
let human: Out;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samcheck-cli-'));
  const badArgs = BAD.map((c, k) => {
    if (c.text === undefined) return c.args!;
    const f = join(dir, `bad${k}.json`);
    writeFileSync(f, c.text);
    return ['--config', f, ...(c.args ?? [])];
  });
  const goodArgs = GOOD_RUNS.map((c, k) => {
    if (c.args) return [...c.args, '--json'];
    const f = join(dir, `good${k}.json`);
    writeFileSync(f, JSON.stringify(c.cfg));
    return ['--config', f, '--json'];
  });
  const all = await pool([...badArgs, ...goodArgs, ['--config', join(dir, 'good0.json')]], 2, runCli);
  bad = all.slice(0, BAD.length);
  good = all.slice(BAD.length, BAD.length + GOOD_RUNS.length);
  human = all.at(-1)!;
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad input: exit code 2, exactly one stderr line naming field and value, empty stdout', () => {
  it.each(BAD.map((c, k) => ({ ...c, k })))('$why', ({ k, field, value }) => {
    const o = bad[k]!;
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('');
    const lines = o.stderr.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1);
    expect(o.stderr.endsWith('\n')).toBe(true);
    expect(lines[0]).toContain(field);
    expect(lines[0]).toContain(value);
    expect(lines[0]).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('good runs: --json prints one valid JSON object of decimal strings', () => {
  it.each(GOOD_RUNS.map((c, k) => ({ ...c, k })))('$why', ({ k, cfg, args }) => {
    const o = good[k]!;
    expect(o.code).toBe(0);
    expect(o.stdout).not.toMatch(/NaN|Infinity/);
    const j = JSON.parse(o.stdout);
    const P = args ? 25 : (cfg.precision as number);
    for (const key of ['W', 'beta', 'loss', 's', 't', 'steps']) expect(j).toHaveProperty(key);
    const nums: string[] = [...j.W.flat(), ...j.beta, j.loss, j.s, j.t];
    for (const v of nums) {
      expect(typeof v).toBe('string');
      expect(v).toMatch(DECIMAL);
      const mant = v.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '');
      expect(mant.length).toBeLessThanOrEqual(P); // rounded to the run's precision
    }
    expect(j.steps).toBe(args ? 10 : cfg.steps);
    expect(j.W).toHaveLength(args ? 3 : (cfg.W0 as unknown[]).length);
    expect(j.precision).toBe(P);
  });

  it('margin 1e6: the loss is e^{-1e6}-small yet positive, not 0', () => {
    const j = JSON.parse(good[3]!.stdout);
    expect(j.loss).toMatch(/e-4342\d\d$/);
  });

  it('zero gradient: ε = 0 reported in JSON and on stderr, W stays 0', () => {
    const o = good[5]!;
    const j = JSON.parse(o.stdout);
    expect(j.zero_gradient_steps).toBe(4);
    expect(j.zero_gradient_first).toEqual([0, 1, 2, 3]);
    expect(j.W.flat().every((v: string) => v === '0')).toBe(true);
    expect(o.stderr).toMatch(/zero gradient.*eps = 0/);
  });

  it('precision 1000: no digits check is claimed (it could not fail)', () => {
    const j = JSON.parse(good[6]!.stdout);
    expect(j.digits_agreed).toBeNull();
    expect(good[6]!.stderr).toMatch(/no digits check/);
  });

  it('the digits check reruns at a higher precision and reports agreement', () => {
    const j = JSON.parse(good[0]!.stdout);
    expect(j.reference_precision).toBeGreaterThan(j.precision);
    expect(j.digits_agreed).toBeGreaterThanOrEqual(j.precision - 8);
  });

  it('flags with --trajectory: checkpoints dense then log-spaced, each with t and s', () => {
    const j = JSON.parse(good[7]!.stdout);
    const steps = j.trajectory.map((c: { step: number }) => c.step);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(10);
    for (const c of j.trajectory) {
      expect(c.t).toMatch(DECIMAL);
      expect(c.s).toMatch(DECIMAL);
    }
  });

  it('without --json: a readable summary on stdout, no JSON, nothing on stderr', () => {
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^samcheck simulate: sam-l2/);
    expect(human.stdout).toMatch(/s \(clock\)/);
    expect(human.stdout).not.toMatch(/NaN|Infinity/);
    expect(() => JSON.parse(human.stdout)).toThrow();
    expect(human.stderr).toBe('');
  });
});
