/**
 * Whole runs: precision consistency (P vs 2P digits), the clocks s and t, checkpoints
 * (dense then log-spaced), isolation between runs, and the zero-gradient ℓ2-SAM case.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numeric/decimalField.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { minAgreeingDigits } from '../../src/numeric/agreement.ts';
import { makeLoss, type LossName } from '../../src/numeric/loss.ts';
import { step, type AlgoName } from '../../src/optim/algorithms.ts';
import { simulate, type SimulationResult } from '../../src/optim/simulate.ts';
import { checkpointSchedule } from '../../src/optim/checkpoints.ts';
import { float64Field } from '../../src/numeric/float64Field.ts';
import { NumericError } from '../../src/numeric/errors.ts';

interface Cfg {
  algo: AlgoName;
  loss: LossName;
  eta: string;
  rho: string;
  steps: number;
  X: string[][];
  Y: (1 | -1)[];
  W0: string[][];
}

function run<T>(F: Field<T>, c: Cfg, checkpoints: number[] = []): SimulationResult<T> {
  const f = (s: string) => F.fromString(s);
  return simulate(
    F,
    {
      algo: c.algo,
      loss: c.loss,
      eta: f(c.eta),
      rho: f(c.rho),
      steps: c.steps,
      data: { X: c.X.map((r) => r.map(f)), Y: c.Y },
      W0: c.W0.map((r) => r.map(f)),
    },
    { checkpoints },
  );
}
const strs = <T>(F: Field<T>, r: SimulationResult<T>) => ({
  W: r.W.flat().map((v) => F.toString(v)),
  beta: r.beta.map((v) => F.toString(v)),
  scalars: [F.toString(r.loss), F.toString(r.s)],
});
const upTo = (n: number) => Array.from({ length: n + 1 }, (_, t) => t);
/** The largest magnitude, compared in decimal (the scale for entries near 0). */
const maxAbs = (xs: string[]) => xs.reduce((m, s) => (new Decimal(s).abs().gt(new Decimal(m).abs()) ? s : m), '0');

const CASES: (Cfg & { why: string })[] = [
  {
    why: 'ℓ2-SAM, L = 2, the issue example',
    algo: 'sam-l2',
    loss: 'logistic',
    eta: '0.05',
    rho: '1',
    steps: 120,
    X: [['0.5', '1', '2']],
    Y: [1],
    W0: [
      ['0.6', '0.6', '0.6'],
      ['0.6', '0.6', '0.6'],
    ],
  },
  {
    why: 'ℓ∞-SAM, L = 3, two examples, exponential loss',
    algo: 'sam-linf',
    loss: 'exponential',
    eta: '0.02',
    rho: '0.1',
    steps: 100,
    X: [
      ['1', '-0.5'],
      ['0.3', '2'],
    ],
    Y: [1, 1],
    W0: [
      ['0.7', '0.4'],
      ['0.5', '0.9'],
      ['0.6', '0.8'],
    ],
  },
  {
    why: 'GD, L = 2, label −1, unbalanced start',
    algo: 'gd',
    loss: 'logistic',
    eta: '0.1',
    rho: '0',
    steps: 150,
    X: [['-1', '0.25', '3']],
    Y: [-1],
    W0: [
      ['0.2', '-0.5', '0.1'],
      ['0.9', '0.3', '-0.2'],
    ],
  },
  {
    why: 'ℓ2-SAM near the collapse scale: small weights, ρ dominant (cancellation-prone)',
    algo: 'sam-l2',
    loss: 'logistic',
    eta: '0.01',
    rho: '0.5',
    steps: 100,
    X: [['1', '2']],
    Y: [1],
    W0: [
      ['0.36', '0.36'],
      ['0.35', '0.35'],
    ],
  },
];

describe('precision consistency: the same run at P and 2P digits agrees to ≥ P − 8 digits', () => {
  // tolerance fixed in advance: these runs are ≤ 150 steps, so rounding can cost a few digits, not more than 8
  for (const P of [20, 40, 80]) {
    it.each(CASES)(`P = ${P}: $why`, (c) => {
      const a = strs(decimalField(P), run(decimalField(P), c));
      const b = strs(decimalField(2 * P), run(decimalField(2 * P), c));
      const digits = Math.min(
        minAgreeingDigits(a.W, b.W, P, maxAbs(b.W)),
        minAgreeingDigits(a.beta, b.beta, P, maxAbs(b.beta)),
        minAgreeingDigits(a.scalars, b.scalars, P),
      );
      expect(digits).toBeGreaterThanOrEqual(P - 8);
    });
  }
});

describe('clocks', () => {
  const F = decimalField(50);
  it.each(CASES)('s = Σ η·mean_k g(z̃_k) and t = η·steps, recomputed step by step: $why', (c) => {
    const r = run(F, c);
    const f = (s: string) => F.fromString(s);
    const data = { X: c.X.map((row) => row.map(f)), Y: c.Y };
    const h = { algo: c.algo, eta: f(c.eta), rho: f(c.rho) };
    let W = c.W0.map((row) => row.map(f));
    let s = F.zero;
    for (let t = 0; t < c.steps; t++) {
      const st = step(F, makeLoss(F, c.loss), data, h, W);
      s = F.add(
        s,
        F.mul(
          h.eta,
          F.div(
            st.gTilde.reduce((a, b) => F.add(a, b), F.zero),
            F.fromNumber(c.X.length),
          ),
        ),
      );
      W = st.W;
    }
    expect(F.toString(r.s)).toBe(F.toString(s));
    expect(F.cmp(r.t, F.mul(h.eta, F.fromNumber(c.steps)))).toBe(0);
  });
});

describe('checkpoints: dense then log-spaced', () => {
  it.each([
    { steps: 0, dense: 10, perDecade: 10, why: 'a zero-step run records only t = 0' },
    { steps: 5, dense: 10, perDecade: 10, why: 'shorter than the dense part: every step' },
    { steps: 1000, dense: 10, perDecade: 10, why: 'two decades after the dense part' },
    { steps: 12345, dense: 3, perDecade: 4, why: 'end not a power of 10: the last step is still included' },
  ])('$why', ({ steps, dense, perDecade }) => {
    const cp = checkpointSchedule(steps, dense, perDecade);
    expect(cp[0]).toBe(0);
    expect(cp.at(-1)).toBe(steps);
    expect(new Set(cp).size).toBe(cp.length);
    expect([...cp].sort((a, b) => a - b)).toEqual(cp);
    for (let t = 0; t <= Math.min(dense, steps); t++) expect(cp).toContain(t);
    // beyond the dense part consecutive checkpoints grow by a bounded factor (log spacing), never by one step each
    const tail = cp.filter((t) => t > dense);
    const ratio = 10 ** (1 / perDecade);
    for (let k = 1; k < tail.length; k++) expect(tail[k]! / tail[k - 1]!).toBeLessThanOrEqual(ratio * 1.5 + 1 / tail[k - 1]!);
    if (steps >= 100 * Math.max(dense, 1)) expect(tail.length).toBeLessThanOrEqual(Math.ceil(perDecade * Math.log10(steps / Math.max(dense, 1))) + 1);
  });

  it('each recorded checkpoint equals an independent run stopped at that step (t and s too)', () => {
    const F = decimalField(40);
    const c = CASES[0]!;
    const cps = checkpointSchedule(c.steps, 5, 5);
    const r = run(F, c, cps);
    expect(r.trajectory.map((p) => p.step)).toEqual(cps);
    for (const p of r.trajectory.filter((_, k) => k % 3 === 0)) {
      const q = run(F, { ...c, steps: p.step });
      expect(p.W.flat().map((v) => F.toString(v))).toEqual(q.W.flat().map((v) => F.toString(v)));
      expect(F.toString(p.s)).toBe(F.toString(q.s));
      expect(F.toString(p.t)).toBe(F.toString(q.t));
      expect(F.toString(p.loss)).toBe(F.toString(q.loss));
    }
    // the clock never runs backwards (g > 0)
    for (let k = 1; k < r.trajectory.length; k++) expect(F.cmp(r.trajectory[k]!.s, r.trajectory[k - 1]!.s)).toBe(1);
  });
});

describe('isolation between runs', () => {
  it('a run at 30 digits gives the same strings before and after a 300-digit run', () => {
    const c = CASES[1]!;
    const first = strs(decimalField(30), run(decimalField(30), c));
    run(decimalField(300), { ...c, steps: 10 });
    const again = strs(decimalField(30), run(decimalField(30), c));
    expect(again).toEqual(first);
  });
});

describe('ℓ2-SAM at zero gradient: ε = 0 is used and reported', () => {
  it.each([
    { L: 2, x: ['1', '2'], why: 'W0 = 0, L = 2: ∇𝓛 = 0 at every step; the ℓ2 direction is undefined' },
    { L: 3, x: ['0.5', '-1', '4'], why: 'W0 = 0, L = 3' },
  ])('$why', ({ L, x }) => {
    const F = decimalField(40);
    const c: Cfg = { algo: 'sam-l2', loss: 'logistic', eta: '0.1', rho: '1', steps: 7, X: [x], Y: [1], W0: Array.from({ length: L }, () => x.map(() => '0')) };
    const r = run(F, c);
    expect(r.zeroGradientCount).toBe(7);
    expect(r.zeroGradientSteps).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.W.flat().every((v) => F.isZero(v))).toBe(true);
    // g(0) = 1/2 exactly, so s = 7 · 0.1 · 1/2
    expect(F.cmp(r.s, F.fromString('0.35'))).toBe(0);
  });
  it('a non-zero start never reports a zero gradient', () => {
    const r = run(decimalField(40), CASES[0]!);
    expect(r.zeroGradientCount).toBe(0);
  });
});

describe('zero-gradient bookkeeping and what a run records', () => {
  const F = decimalField(20);
  /** One example x = (1, 2), depth 2, started at the origin: the gradient is 0 at every step. */
  const zeroStart = (algo: Cfg['algo'], steps: number): Cfg => ({
    algo,
    loss: 'logistic',
    eta: '0.1',
    rho: '1',
    steps,
    X: [['1', '2']],
    Y: [1],
    W0: [
      ['0', '0'],
      ['0', '0'],
    ],
  });
  it('the list of zero-gradient steps keeps the first 10, the count keeps counting', () => {
    // why: the list is bounded (a long run at a zero gradient must not grow it without limit)
    const c = zeroStart('sam-l2', 12);
    const r = run(F, c);
    expect(r.zeroGradientCount).toBe(12);
    expect(r.zeroGradientSteps).toEqual(upTo(9));
  });
  it.each(['gd', 'sam-linf'] as const)('%s at a zero gradient reports none (only ℓ2-SAM divides by ‖∇𝓛‖)', (algo) => {
    const c = zeroStart(algo, 3);
    const r = run(F, c);
    expect(r.zeroGradientCount).toBe(0);
    expect(r.zeroGradientSteps).toEqual([]);
    expect(
      step(F, makeLoss(F, 'logistic'), { X: [[F.one, F.one]], Y: [1] }, { algo, eta: F.one, rho: F.one }, [
        [F.zero, F.zero],
        [F.zero, F.zero],
      ]).zeroGradient,
    ).toBe(false);
  });
  it.each([
    { steps: 0, why: 'a zero-step run: the result must still be a copy of W0, not W0 itself' },
    { steps: 3, why: 'the last checkpoint and the result hold the same values in different rows' },
  ])('outputs share no rows with the input or with each other: $why', ({ steps }) => {
    const f = (s: string) => F.fromString(s);
    const W0 = [
      [f('0.5'), f('-1')],
      [f('2'), f('0.25')],
    ];
    const r = simulate(
      F,
      { algo: 'gd', loss: 'logistic', eta: f('0.1'), rho: f('0'), steps, data: { X: [[f('1'), f('2')]], Y: [1] }, W0 },
      { checkpoints: [steps] },
    );
    const last = r.trajectory.at(-1)!;
    expect(last.W.flat().map((v) => F.toString(v))).toEqual(r.W.flat().map((v) => F.toString(v)));
    r.W[0]![0] = f('99');
    expect(F.toString(W0[0]![0]!)).toBe('0.5');
    expect(F.toString(last.W[0]![0]!)).not.toBe('99');
  });
  it('step 0 is recorded only when asked for', () => {
    const r = run(F, { ...CASES[2]!, steps: 5 }, [3, 5]);
    expect(r.trajectory.map((p) => p.step)).toEqual([3, 5]);
  });
  it('onProgress is called every 64 steps and once at the end', () => {
    const c: Cfg = { algo: 'gd', loss: 'logistic', eta: '0.1', rho: '0', steps: 130, X: [['1']], Y: [1], W0: [['0.5']] };
    const f = (s: string) => F.fromString(s);
    const calls: number[] = [];
    simulate(
      F,
      { algo: c.algo, loss: c.loss, eta: f(c.eta), rho: f(c.rho), steps: c.steps, data: { X: [[f('1')]], Y: [1] }, W0: [[f('0.5')]] },
      { onProgress: (t) => calls.push(t) },
    );
    expect(calls).toEqual([64, 128, 130]);
  });
  it('weights leaving the range (float64 backend, whose + and × are unchecked) stop the run with a NumericError naming the step', () => {
    // why: w_1 = 1 − η·g·x with η·x = 1e600 overflows to −Infinity at step 1; a silent ±Infinity must not propagate
    const F64 = float64Field();
    const c: Cfg = { algo: 'gd', loss: 'logistic', eta: '1e300', rho: '0', steps: 3, X: [['1e300']], Y: [-1], W0: [['1']] };
    expect(() => run(F64, c)).toThrow(NumericError);
    expect(() => run(F64, c)).toThrow('simulate: the weights left the representable range at step 1');
    try {
      run(F64, c);
    } catch (e) {
      expect((e as NumericError).quantity).toBe('weights');
    }
  });
});
