/**
 * fast-check arbitraries producing EXACT decimal strings (k/100 and friends), so that every
 * drawn input is reproducible from the seed and printable as data.
 */
import fc from 'fast-check';
import type { Field } from '../src/numeric/Field.ts';
import { LOSS_NAMES, type LossName } from '../src/numeric/loss.ts';
import { ALGO_NAMES, type AlgoName } from '../src/optim/algorithms.ts';

/** k/100 for k in [lo*100, hi*100], as an exact decimal string. */
export function hundredths(lo: number, hi: number): fc.Arbitrary<string> {
  return fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }).map(fmtHundredths);
}

export function fmtHundredths(k: number): string {
  const sign = k < 0 ? '-' : '';
  const a = Math.abs(k);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * A vector x in R^d with pairwise distinct magnitudes |x_i| (gap >= `gap`, in hundredths),
 * magnitudes in [lo, hi], optionally mixed signs.
 */
export function distinctMagnitudes(d: number, opts: { lo?: number; hi?: number; gap?: number; mixedSigns?: boolean } = {}): fc.Arbitrary<string[]> {
  const lo = Math.round((opts.lo ?? 0.2) * 100);
  const hi = Math.round((opts.hi ?? 3) * 100);
  const gap = Math.round((opts.gap ?? 0.25) * 100);
  return fc
    .tuple(fc.uniqueArray(fc.integer({ min: lo, max: hi }), { minLength: d, maxLength: d }), fc.array(fc.boolean(), { minLength: d, maxLength: d }))
    .filter(([mags]) => {
      const s = [...mags].sort((a, b) => a - b);
      return s.every((m, i) => i === 0 || m - s[i - 1]! >= gap);
    })
    .map(([mags, neg]) => mags.map((m, i) => fmtHundredths(opts.mixedSigns && neg[i] ? -m : m)));
}

/** One of the three algorithms (GD, ℓ2-SAM, ℓ∞-SAM). */
export const anyAlgo: fc.Arbitrary<AlgoName> = fc.constantFrom(...ALGO_NAMES);

/** One of the two losses (logistic, exponential). */
export const anyLoss: fc.Arbitrary<LossName> = fc.constantFrom(...LOSS_NAMES);

/** A dimension in [lo, hi]. */
export const dimension = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/**
 * Balanced starts u = v = α·1 drawn FROM a band of x*(0) = N(0)/(2ρ) instead of filtered into it:
 * N(0) = α·sqrt(2 Σ x_i²), so x*(0) = t ⇔ α = 2ρt / sqrt(2 Σ x_i²). `band(x)` gives [lo, hi] of t for
 * this x; t = lo + (hi − lo)·k/1000, k in [1, 999]. The float64 arithmetic here only CONSTRUCTS
 * the input: α is returned as a decimal string of 6 significant digits (the exact value the check
 * uses), and the check still evaluates the claim's hypotheses and its band on that exact α.
 */
export function alphaInXStarBand(x: fc.Arbitrary<string[]>, band: (x: number[]) => [number, number], rho = '1'): fc.Arbitrary<{ x: string[]; alpha: string }> {
  return fc.tuple(x, fc.integer({ min: 1, max: 999 })).map(([xs, k]) => {
    const xv = xs.map(Number);
    const [lo, hi] = band(xv);
    const t = lo + ((hi - lo) * k) / 1000;
    const alpha = (2 * Number(rho) * t) / Math.sqrt(2 * xv.reduce((a, b) => a + b * b, 0));
    return { x: xs, alpha: Number(alpha.toPrecision(6)).toString() };
  });
}

/** The two largest entries of x, largest first. */
export function twoLargest(x: readonly number[]): [number, number] {
  const s = [...x].sort((a, b) => b - a);
  return [s[0]!, s[1] ?? s[0]!];
}

/** k/100 with |k/100| in [lo, hi] and either sign, by construction (no filter). */
export function signedHundredths(lo: number, hi: number): fc.Arbitrary<string> {
  return fc.tuple(fc.boolean(), hundredths(lo, hi)).map(([neg, s]) => (neg ? `-${s}` : s));
}

/** A start component in units of ρ: often inside the sliding band |·| ≤ ρ or exactly on an axis. */
export const linfStartComponent = fc.oneof(
  { arbitrary: hundredths(-2.5, 2.5), weight: 3 },
  { arbitrary: hundredths(-1, 1), weight: 2 },
  { arbitrary: fc.constant('0.00'), weight: 1 },
);

/**
 * A depth-2 ℓ∞-SAM start for one example: x with |x_i| in [minAbsX, 2] (mixed signs), u0, v0 from
 * `linfStartComponent`, ρ in [0.2, 1.5], and how many coordinates (d, 1..3) are used.
 */
export function linfStartInput(minAbsX: number) {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    x: fc.array(signedHundredths(minAbsX, 2), { minLength: 3, maxLength: 3 }),
    u0: fc.array(linfStartComponent, { minLength: 3, maxLength: 3 }),
    v0: fc.array(linfStartComponent, { minLength: 3, maxLength: 3 }),
    rho: hundredths(0.2, 1.5),
  });
}

/** A depth-2 start for one example on d coordinates: x, the layers W0 = [u0, v0], and ρ. */
export interface PlanarStart {
  readonly x: string[];
  readonly W0: [string[], string[]];
  readonly rho: string;
}

/**
 * A `PlanarStart` on d ∈ [dLo, dHi] coordinates: x with distinct magnitudes (`distinctMagnitudes`
 * options) or with independent components (an arbitrary), u0 and v0 with components from `layer`,
 * ρ from `rho` (default '0', for GD). x is drawn at dHi coordinates and u0, v0 as the two halves
 * of one array of 2·dHi components (half `stride` when given), all cut to their first d entries:
 * no filter, every draw is used.
 */
export function planarStart(opts: {
  d: readonly [number, number];
  x: Parameters<typeof distinctMagnitudes>[1] | fc.Arbitrary<string>;
  layer: fc.Arbitrary<string>;
  rho?: fc.Arbitrary<string>;
  stride?: number;
}): fc.Arbitrary<PlanarStart> {
  const [lo, hi] = opts.d;
  const half = opts.stride ?? hi;
  return fc
    .record({
      // a single dimension is a constant (fc.integer would still consume a draw)
      d: lo === hi ? fc.constant(lo) : fc.integer({ min: lo, max: hi }),
      x: opts.x instanceof fc.Arbitrary ? fc.array(opts.x, { minLength: hi, maxLength: hi }) : distinctMagnitudes(hi, opts.x),
      uv: fc.array(opts.layer, { minLength: 2 * half, maxLength: 2 * half }),
      rho: opts.rho ?? fc.constant('0'),
    })
    .map(({ d, x, uv, rho }) => ({ x: x.slice(0, d), W0: [uv.slice(0, d), uv.slice(half, half + d)], rho }));
}

/**
 * A drawn planar start as field values: the state (x, ρ, u0, v0) the planar flows and closed forms
 * take; with `inUnitsOfRho` the drawn layers are multiples of ρ (the ℓ∞-SAM checks draw them so).
 */
export function planarFieldStart<T>(F: Field<T>, c: PlanarStart, inUnitsOfRho = false): { x: T[]; rho: T; u0: T[]; v0: T[] } {
  const rho = F.fromString(c.rho);
  const w = (s: string) => (inUnitsOfRho ? F.mul(F.fromString(s), rho) : F.fromString(s));
  return { x: c.x.map((s) => F.fromString(s)), rho, u0: c.W0[0].map(w), v0: c.W0[1].map(w) };
}

/** The ℓ2-SAM start the B3 and B4 flow comparisons draw: d ≤ 3, mixed signs, |u0|, |v0| ≤ 1.5, ρ ∈ [0.05, 1]. */
export const l2SamStart = planarStart({
  d: [1, 3],
  x: { lo: 0.2, hi: 2.5, gap: 0.05, mixedSigns: true },
  layer: hundredths(-1.5, 1.5),
  rho: hundredths(0.05, 1),
});

/** The balanced start u0 = α·1, v0 = sign(x) α (ρ default '0', for GD), with its α. */
export function balancedPlanarStart(x: string[], alpha: string, rho = '0'): PlanarStart & { readonly alpha: string } {
  return { x, W0: [x.map(() => alpha), x.map((xi) => (xi.startsWith('-') ? `-${alpha}` : alpha))], rho, alpha };
}

/** A labelled data set: examples X (rows) and labels Y. */
export interface Dataset {
  readonly X: string[][];
  readonly Y: (1 | -1)[];
}

/** n ∈ [2, 3] examples in d ∈ [2, 3] dimensions, entries k/100 in [−1.5, 1.5], labels ±1 (separable or not). */
export const smallDataset: fc.Arbitrary<Dataset> = fc
  .record({
    n: fc.integer({ min: 2, max: 3 }),
    d: fc.integer({ min: 2, max: 3 }),
    X: fc.array(hundredths(-1.5, 1.5), { minLength: 9, maxLength: 9 }),
    Y: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 3, maxLength: 3 }),
  })
  .map(({ n, d, X, Y }) => ({ X: Array.from({ length: n }, (_, k) => X.slice(3 * k, 3 * k + d)), Y: Y.slice(0, n) }));
