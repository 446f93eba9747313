/**
 * One discrete step of GD, ℓ2-SAM and ℓ∞-SAM: exact discrete identities (derived below), the
 * perturbations, and the whole step against brute force (central differences) at 120 digits.
 *
 * Derivations (L = 2, one example, label y, u = w_1, v = w_2, g_t = g(z_t), p = u+v, q = u−v):
 *   ∂𝓛/∂u_i = −g_t y x_i v_i, ∂𝓛/∂v_i = −g_t y x_i u_i, so GD gives
 *   u' = u + η g_t y x_i v, v' = v + η g_t y x_i u ⇒ p' = p(1 + η g_t y x_i), q' = q(1 − η g_t y x_i)
 *   ⇒ p'q' = pq(1 − η² g_t² x_i²)  (y² = 1).
 *   ℓ∞-SAM at (u_i, v_i) = (ρ, ρ), x_i > 0, y = 1: ∂𝓛/∂u_i = −g x_i ρ < 0 ⇒ ε_{u_i} = −ρ, same for v_i,
 *   so the perturbed coordinate is (0, 0) exactly, its gradient there is −g̃ x_i·0 = 0 exactly and
 *   the step leaves (ρ, ρ) unchanged bit for bit; likewise (−ρ, −ρ).
 *   L = 1: ∇𝓛(w) = −g(z) y x for every w, so every step moves w along x.
 * Tolerances are stated next to each check and were fixed before running.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimalField.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { makeLoss, type LossName } from '../../src/numeric/loss.ts';
import { gradient, type Dataset, type Weights } from '../../src/model/diagonalNetwork.ts';
import { perturbation, step, type AlgoName } from '../../src/optim/algorithms.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { bruteLoss, fdGradient, load, problemArb } from '../model/bruteForce.ts';

const SEED = 20260308;
const ALGOS: AlgoName[] = ['gd', 'sam-l2', 'sam-linf'];

function one<T>(F: Field<T>, x: string[], y: 1 | -1 = 1): Dataset<T> {
  return { X: [x.map((s) => F.fromString(s))], Y: [y] };
}
const mat = <T>(F: Field<T>, W: string[][]): Weights<T> => W.map((r) => r.map((s) => F.fromString(s)));

/** max_i |p'q' − pq(1 − η²g²x_i²)| / ((|u|+|v|)² + (|u'|+|v'|)²) over `steps` steps. */
function gdIdentityDefect<T>(F: Field<T>, algo: AlgoName, loss: LossName, x: string[], y: 1 | -1, W0: string[][], eta: string, rho: string, steps: number): T {
  const data = one(F, x, y);
  const l = makeLoss(F, loss);
  const h = { algo, eta: F.fromString(eta), rho: F.fromString(rho) };
  let W = mat(F, W0);
  let worst = F.zero;
  for (let t = 0; t < steps; t++) {
    // g_t from the margin computed here, not from the engine's step result
    let z = F.zero;
    x.forEach((_, i) => (z = F.add(z, F.mul(F.mul(W[0]![i]!, W[1]![i]!), data.X[0]![i]!))));
    const gt = l.g(y === 1 ? z : F.neg(z));
    const next = step(F, l, data, h, W).W;
    x.forEach((_, i) => {
      const [u, v, u2, v2] = [W[0]![i]!, W[1]![i]!, next[0]![i]!, next[1]![i]!];
      const pq = F.mul(F.add(u, v), F.sub(u, v));
      const pq2 = F.mul(F.add(u2, v2), F.sub(u2, v2));
      const egx = F.mul(F.mul(h.eta, gt), data.X[0]![i]!);
      const rhs = F.mul(pq, F.sub(F.one, F.mul(egx, egx)));
      const sq = (a: T, b: T) => {
        const s = F.add(F.abs(a), F.abs(b));
        return F.mul(s, s);
      };
      const scale = F.add(sq(u, v), sq(u2, v2));
      if (!F.isZero(scale)) worst = F.max(worst, F.div(F.abs(F.sub(pq2, rhs)), scale));
    });
    W = next;
  }
  return worst;
}

describe('GD, L = 2, one example: p_{t+1} q_{t+1} = p_t q_t (1 − η² g_t² x_i²) per coordinate', () => {
  const P = 80;
  const F = decimalField(P);
  const tol = F.fromString(`1e-${P - 6}`); // rounding only: a few ulps of (|u|+|v|)² per step
  it.each([
    {
      x: ['0.5', '1', '2'],
      y: 1 as const,
      W0: [
        ['0.6', '-0.3', '1.1'],
        ['0.2', '0.9', '-0.4'],
      ],
      loss: 'logistic' as LossName,
      why: 'generic unbalanced start, mixed signs',
    },
    {
      x: ['-1.5', '0.25'],
      y: 1 as const,
      W0: [
        ['0.3', '0.7'],
        ['0.8', '-0.1'],
      ],
      loss: 'exponential' as LossName,
      why: 'negative x_i: p and q swap roles (p shrinks, q grows)',
    },
    {
      x: ['1', '3'],
      y: -1 as const,
      W0: [
        ['0.4', '0.2'],
        ['0.1', '0.5'],
      ],
      loss: 'logistic' as LossName,
      why: 'label −1: the identity must hold with y² = 1',
    },
    {
      x: ['2', '2'],
      y: 1 as const,
      W0: [
        ['0.5', '0.5'],
        ['0.5', '0.5'],
      ],
      loss: 'logistic' as LossName,
      why: 'balanced start: q = 0 must stay exactly 0',
    },
    {
      x: ['4', '0.001'],
      y: 1 as const,
      W0: [
        ['1e-20', '3'],
        ['2', '1e-20'],
      ],
      loss: 'exponential' as LossName,
      why: 'tiny weights next to O(1) ones: the relative scale must not hide a defect',
    },
  ])('$why', ({ x, y, W0, loss }) => {
    const d = gdIdentityDefect(F, 'gd', loss, x, y, W0, '0.05', '0', 60);
    expect(F.cmp(d, tol)).toBeLessThanOrEqual(0);
  });

  it('negative control: the GD identity is violated by ℓ2-SAM steps (the check can fail)', () => {
    const d = gdIdentityDefect(
      F,
      'sam-l2',
      'logistic',
      ['0.5', '1', '2'],
      1,
      [
        ['0.6', '-0.3', '1.1'],
        ['0.2', '0.9', '-0.4'],
      ],
      '0.05',
      '0.3',
      5,
    );
    expect(F.cmp(d, F.fromString('1e-6'))).toBe(1);
  });

  it('on random inputs (fast-check, seed 20260308)', () => {
    const arb = fc.integer({ min: 1, max: 4 }).chain((d) =>
      fc.record({
        x: fc.array(
          fc.integer({ min: -3000, max: 3000 }).filter((k) => k !== 0),
          { minLength: d, maxLength: d },
        ),
        W: fc.array(fc.array(fc.integer({ min: -1500, max: 1500 }), { minLength: d, maxLength: d }), { minLength: 2, maxLength: 2 }),
        y: fc.constantFrom<1 | -1>(1, -1),
        eta: fc.integer({ min: 1, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ x, W, y, eta }) => {
        const d = gdIdentityDefect(
          F,
          'gd',
          'logistic',
          x.map((k) => String(k / 1000)),
          y,
          W.map((r) => r.map((k) => String(k / 1000))),
          String(eta / 1000),
          '0',
          15,
        );
        return F.cmp(d, tol) <= 0;
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe('ℓ∞-SAM, L = 2, one example: a coordinate at (ρ,ρ) or (−ρ,−ρ) with x_i > 0 stays exactly', () => {
  const F = decimalField(50);
  it.each([
    {
      i: 0,
      start: 'rho',
      W0: [
        ['R', '0.9', '-0.2'],
        ['R', '1.3', '0.7'],
      ],
      x: ['0.5', '1', '2'],
      rho: '0.3',
      why: 'the minor coordinate pinned while the others move',
    },
    {
      i: 2,
      start: 'rho',
      W0: [
        ['0.1', '0.9', 'R'],
        ['0.4', '-1.3', 'R'],
      ],
      x: ['0.5', '1', '2'],
      rho: '0.3',
      why: 'the major coordinate pinned',
    },
    {
      i: 1,
      start: '-rho',
      W0: [
        ['0.8', 'R', '0.2'],
        ['0.7', 'R', '0.5'],
      ],
      x: ['1', '0.7', '3'],
      rho: '0.125',
      why: 'the mirror saddle (−ρ,−ρ)',
    },
    { i: 0, start: 'rho', W0: [['R'], ['R']], x: ['1.7'], rho: '0.01', why: 'd = 1: the whole network sits on the saddle (gradient there ≠ 0, ε cancels it)' },
    {
      i: 1,
      start: 'rho',
      W0: [
        ['0.5', 'R'],
        ['0.5', 'R'],
      ],
      x: ['1', '1e-30'],
      rho: '1e-25',
      why: 'x_i and ρ tiny: any rounding in ε would show',
    },
  ])('$why', ({ i, start, W0, x, rho }) => {
    const r = F.fromString(rho);
    const R = start === 'rho' ? r : F.neg(r);
    const W = W0.map((row) => row.map((s) => (s === 'R' ? R : F.fromString(s))));
    const data = one(F, x);
    const l = makeLoss(F, 'logistic');
    const h = { algo: 'sam-linf' as const, eta: F.fromString('0.1'), rho: r };
    let cur = W;
    let othersMoved = false;
    for (let t = 0; t < 200; t++) {
      const next = step(F, l, data, h, cur).W;
      if (next.some((row, l2) => row.some((w, j) => j !== i && F.cmp(w, cur[l2]![j]!) !== 0))) othersMoved = true;
      cur = next;
      expect(F.cmp(cur[0]![i]!, R)).toBe(0); // exactly, not approximately
      expect(F.cmp(cur[1]![i]!, R)).toBe(0);
    }
    if (x.length > 1) expect(othersMoved).toBe(true);
  });

  it('negative control: (ρ, ρ + 1e-20) leaves the saddle (the check can fail)', () => {
    const r = F.fromString('0.3');
    const W = [[r], [F.add(r, F.fromString('1e-20'))]];
    const next = step(F, makeLoss(F, 'logistic'), one(F, ['1']), { algo: 'sam-linf', eta: F.fromString('0.1'), rho: r }, W).W;
    expect(F.cmp(next[0]![0]!, r)).not.toBe(0);
  });
});

describe('L = 1, one example: w_t − w_0 ∥ x for all three algorithms (2×2 minors)', () => {
  const P = 60;
  const F = decimalField(P);
  /** max_{i<j} |Δ_i x_j − Δ_j x_i| / (‖Δ‖∞‖x‖∞), and Δ·x·y (must be > 0). */
  function minors(algo: AlgoName, x: string[], y: 1 | -1, w0: string[], L: number, steps: number) {
    const data = one(F, x, y);
    const W0 = Array.from({ length: L }, (_, l) => (l === 0 ? w0 : w0.map(() => '1')).map((s) => F.fromString(s)));
    const r = simulate(F, { algo, loss: 'logistic', eta: F.fromString('0.1'), rho: F.fromString('0.2'), steps, data, W0 });
    const D = r.W[0]!.map((w, j) => F.sub(w, W0[0]![j]!));
    const X = data.X[0]!;
    const inf = (v: readonly (typeof D)[number][]) => v.reduce((m, a) => F.max(m, F.abs(a)), F.zero);
    let worst = F.zero;
    for (let i = 0; i < D.length; i++)
      for (let j = i + 1; j < D.length; j++) {
        worst = F.max(worst, F.abs(F.sub(F.mul(D[i]!, X[j]!), F.mul(D[j]!, X[i]!))));
      }
    const along = D.reduce((s, dj, j) => F.add(s, F.mul(dj, X[j]!)), F.zero);
    return { rel: F.div(worst, F.mul(inf(D), inf(X))), along: y === 1 ? along : F.neg(along) };
  }
  const tol = F.fromString(`1e-${P - 6}`);
  for (const algo of ALGOS) {
    it.each([
      { x: ['0.5', '1', '2'], y: 1 as const, w0: ['0.6', '-0.6', '0.1'], why: 'generic' },
      { x: ['-3', '1e-10', '7'], y: -1 as const, w0: ['0', '0', '0'], why: 'label −1, a tiny coordinate, w_0 = 0 (ℓ2 normalisation of a gradient ∥ x)' },
      { x: ['1', '1', '1', '1'], y: 1 as const, w0: ['5', '-5', '0.5', '2'], why: 'equal x_i: ℓ∞ sign ties must not break parallelism' },
    ])(`${algo}: $why`, ({ x, y, w0 }) => {
      const m = minors(algo, x, y, w0, 1, 50);
      expect(F.cmp(m.rel, tol)).toBeLessThanOrEqual(0);
      expect(F.sign(m.along)).toBe(1); // moves towards +y·x (c_t increasing)
    });
  }
  it('negative control: with L = 2 the displacement of w_1 is not parallel to x', () => {
    const m = minors('gd', ['0.5', '1', '2'], 1, ['0.6', '-0.6', '0.1'], 2, 50);
    expect(F.cmp(m.rel, F.fromString('1e-3'))).toBe(1);
  });
});

describe('perturbations', () => {
  const P = 60;
  const F = decimalField(P);
  it('ℓ2: ‖ε‖₂ = ρ to 10^{-(P-3)} and ε = (ρ/‖∇‖)∇ componentwise (fast-check, seed 20260308)', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 5000 }), (p, rk) => {
        const { W, data } = load(F, p);
        const G = gradient(F, makeLoss(F, p.loss), data, W).grad;
        const rho = F.fromString(String(rk / 1000));
        const e = perturbation(F, 'sam-l2', rho, G);
        let n2 = F.zero;
        let g2 = F.zero;
        G.forEach((row, l) =>
          row.forEach((gj, j) => {
            n2 = F.add(n2, F.mul(e.eps[l]![j]!, e.eps[l]![j]!));
            g2 = F.add(g2, F.mul(gj, gj));
          }),
        );
        if (F.isZero(g2)) return e.zeroGradient && e.eps.every((r) => r.every((v) => F.isZero(v)));
        const gn = F.sqrt(g2);
        const okNorm = F.cmp(F.div(F.abs(F.sub(F.sqrt(n2), rho)), rho), F.fromString(`1e-${P - 3}`)) <= 0;
        // ε_j ‖∇‖ − ρ ∇_j = 0 up to rounding
        const okDir = G.every((row, l) =>
          row.every((gj, j) => F.cmp(F.abs(F.sub(F.mul(e.eps[l]![j]!, gn), F.mul(rho, gj))), F.mul(F.mul(rho, gn), F.fromString(`1e-${P - 3}`))) <= 0),
        );
        return okNorm && okDir && !e.zeroGradient;
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('ℓ∞: every entry is exactly −ρ, 0 or ρ with the sign of ∇ (sign(0) = 0)', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 5000 }), fc.boolean(), (p, rk, zeroCol) => {
        // optionally zero column 0 in two layers so that ∇ has exact zeros (needs L ≥ 2)
        if (zeroCol && p.W.length >= 2) {
          p.W[0]![0] = '0';
          p.W[1]![0] = '0';
        }
        const { W, data } = load(F, p);
        const G = gradient(F, makeLoss(F, p.loss), data, W).grad;
        const rho = F.fromString(String(rk / 1000));
        const e = perturbation(F, 'sam-linf', rho, G);
        return G.every((row, l) =>
          row.every((gj, j) => {
            const ej = e.eps[l]![j]!;
            const s = F.sign(gj);
            return s === 0 ? F.isZero(ej) : F.cmp(ej, s > 0 ? rho : F.neg(rho)) === 0;
          }),
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it.each([
    { L: 2, why: 'W = 0, L = 2: ∇𝓛 = 0 exactly, the ℓ2 direction is undefined' },
    { L: 3, why: 'W = 0, L = 3: same, one more layer' },
  ])('ℓ2 at zero gradient: ε = 0 and flagged ($why)', ({ L }) => {
    const G = Array.from({ length: L }, () => [F.zero, F.zero]);
    const e = perturbation(F, 'sam-l2', F.one, G);
    expect(e.zeroGradient).toBe(true);
    expect(e.eps.flat().every((v) => F.isZero(v))).toBe(true);
    // GD and ℓ∞ are well defined there and do not flag anything
    expect(perturbation(F, 'gd', F.one, G).zeroGradient).toBe(false);
    expect(perturbation(F, 'sam-linf', F.one, G).zeroGradient).toBe(false);
  });
});

describe('the whole step vs brute force: W − η ∇_fd(W + ε_fd) at 120 digits (fast-check, seed 20260308)', () => {
  const F = decimalField(120);
  const h = F.fromString('1e-30');
  const tol = F.fromString('1e-45'); // ε_fd carries the 1e-60 FD error, amplified by at most ~1e10 for these sizes
  for (const algo of ALGOS) {
    it(algo, () => {
      fc.assert(
        fc.property(problemArb, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 2000 }), (p, ek, rk) => {
          const { W, data } = load(F, p);
          const eta = F.fromString(String(ek / 1000));
          const rho = F.fromString(String(rk / 1000));
          const lossAt = (V: Weights<(typeof W)[0][0]>) => bruteLoss(F, p.loss, data, V);
          const g0 = fdGradient(F, lossAt, W, h);
          let eps = W.map((r) => r.map(() => F.zero));
          if (algo === 'sam-linf') eps = g0.map((r) => r.map((gj) => (F.sign(gj) === 0 ? F.zero : F.sign(gj) > 0 ? rho : F.neg(rho))));
          if (algo === 'sam-l2') {
            const n = F.sqrt(g0.flat().reduce((s, gj) => F.add(s, F.mul(gj, gj)), F.zero));
            if (!F.isZero(n)) eps = g0.map((r) => r.map((gj) => F.div(F.mul(rho, gj), n)));
          }
          const Wt = W.map((r, l) => r.map((w, j) => F.add(w, eps[l]![j]!)));
          const g1 = fdGradient(F, lossAt, Wt, h);
          const want = W.map((r, l) => r.map((w, j) => F.sub(w, F.mul(eta, g1[l]![j]!))));
          const got = step(F, makeLoss(F, p.loss), data, { algo, eta, rho }, W);
          // g(z̃) reported for the clock is g at the brute-force evaluation point
          const zt = data.X.map((x, k) => {
            let z = F.zero;
            x.forEach((xj, j) => {
              let pr = xj;
              for (const row of Wt) pr = F.mul(pr, row[j]!);
              z = F.add(z, pr);
            });
            return data.Y[k] === 1 ? z : F.neg(z);
          });
          const l = makeLoss(F, p.loss);
          const okG = got.gTilde.every((gk, k) => F.cmp(F.abs(F.sub(gk, l.g(zt[k]!))), F.mul(tol, gk)) <= 0);
          const okW = got.W.every((r, l2) => r.every((w, j) => F.cmp(F.abs(F.sub(w, want[l2]![j]!)), F.mul(tol, F.max(F.one, F.abs(w)))) <= 0));
          return okG && okW;
        }),
        { seed: SEED, numRuns: 25 },
      );
    });
  }
});
