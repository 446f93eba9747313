/**
 * fast-check arbitraries for claim-file domains, with shrinking, and the edge-biased draws of
 * `samcheck explore search --edge`.
 *
 * Main definitions:
 * - `GRID`: a range lo..hi is drawn on the decimal grid lo + (hi − lo)·k/GRID, k ∈ 0..GRID
 *   (fast-check bigint, shrinking k towards 0, i.e. towards lo). Values are exact decimal strings.
 * - `baseArbitrary(spec)`: uniform draws over the domain → `DrawnInput`.
 * - `EDGE_KINDS` and `edgeArbitrary(spec, F)`: draws moved onto an edge: `linf-boundary` (|u0+v0| =
 *   2ρ ± 10^-k ρ in one coordinate), `alpha-c` (balanced α = α_c(1 ± 10^-k); α_c = ρ/√2 for d = 1,
 *   else the bisection enclosure at 20 digits (bigfloat), width 1e-8 ρ), `tie` (|x_j| = |x_i|(1 + δ), δ ∈ {0, ±10^-k}), `zero` (one x_i, u0_i, v0_i or
 *   layer entry = 0), `fixed-point` (starts at or within 10^-k of (ρ, ρ) or ρ/√2), `mixed-signs`
 *   (some x_i negated), `depth3-zero-layer` (depth 3, one layer zero at one coordinate or all).
 *   k is drawn in 1..12; offsets from irrational targets (α_c, ρ/√2) are never 0, and edge values are
 *   rounded to the working precision, so that a fate is never left to rounding. An edge draw that leaves the declared domain is reported as
 *   `outside: true` (the search counts and discards it: a claim is only tested on its own domain).
 * - `inDomain(spec, input)`: every drawn value lies in its declared range.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Field } from '../numeric/Field.ts';
import { makeField } from '../numeric/fieldFactory.ts';
import { criticalScale } from '../analysis/criticalScale.ts';
import type { ClaimSpec, RangeSpec } from './claimFile.ts';
import type { DrawnInput } from './observables.ts';

export const GRID = 1_000_000n;
const D = Decimal.clone({ precision: 60, maxE: 9e15, minE: -9e15, toExpNeg: -30, toExpPos: 40 });

const isFixed = (r: RangeSpec) => new D(r.lo).eq(new D(r.hi));

function rangeArb(r: RangeSpec): fc.Arbitrary<string> {
  if (isFixed(r)) return fc.constant(r.lo);
  const lo = new D(r.lo);
  const w = new D(r.hi).minus(lo);
  return fc.bigInt({ min: 0n, max: GRID }).map((k) => clean(lo.plus(w.times(k.toString()).div(GRID.toString()))));
}

function clean(d: Decimal): string {
  return d.isZero() ? '0' : d.toString();
}

function layersFrom(spec: ClaimSpec, x: string[], start: string[][] | string): string[][] {
  if (typeof start !== 'string') return start;
  const a = start;
  const L = spec.depth;
  const sgn = (xi: string) => (new D(xi).isNeg() ? clean(new D(a).neg()) : a);
  return Array.from({ length: L }, (_, l) => (l === L - 1 ? x.map(sgn) : x.map(() => a)));
}

export function baseArbitrary(spec: ClaimSpec): fc.Arbitrary<DrawnInput> {
  const startArb: fc.Arbitrary<string[][] | string> =
    spec.start.kind === 'balanced'
      ? rangeArb(spec.start.alpha)
      : spec.start.kind === 'uv'
        ? fc.tuple(fc.tuple(...spec.start.u0.map(rangeArb)), fc.tuple(...spec.start.v0.map(rangeArb))).map(([u, v]) => [u, v])
        : fc.tuple(...spec.start.layers.map((row) => fc.tuple(...row.map(rangeArb)))).map((ls) => ls.map((r) => [...r]));
  return fc
    .record({
      algo: fc.constantFrom(...spec.algos),
      x: fc.tuple(...spec.x.map(rangeArb)),
      start: startArb,
      rho: rangeArb(spec.rho),
      s: spec.s ? rangeArb(spec.s) : fc.constant(null),
      eta: spec.eta ? rangeArb(spec.eta) : fc.constant(null),
    })
    .map((r) => {
      const x = [...r.x];
      return {
        algo: r.algo,
        x,
        W0: layersFrom(spec, x, r.start),
        alpha: typeof r.start === 'string' ? r.start : null,
        rho: r.rho,
        s: r.s,
        eta: r.eta,
        steps: spec.steps,
      };
    });
}

function within(r: RangeSpec, v: string): boolean {
  const d = new D(v);
  return d.gte(new D(r.lo)) && d.lte(new D(r.hi));
}

/** Every drawn value lies in its declared range (edge draws may leave it). */
export function inDomain(spec: ClaimSpec, inp: DrawnInput): boolean {
  if (!within(spec.rho, inp.rho)) return false;
  if (spec.s && inp.s !== null && !within(spec.s, inp.s)) return false;
  if (!inp.x.every((xi, i) => within(spec.x[i]!, xi))) return false;
  const st = spec.start;
  if (st.kind === 'balanced') return inp.alpha !== null && within(st.alpha, inp.alpha);
  if (st.kind === 'uv') return inp.W0[0]!.every((a, i) => within(st.u0[i]!, a)) && inp.W0[1]!.every((a, i) => within(st.v0[i]!, a));
  return inp.W0.every((row, l) => row.every((a, i) => within(st.layers[l]![i]!, a)));
}

export const EDGE_KINDS = ['linf-boundary', 'alpha-c', 'tie', 'zero', 'fixed-point', 'mixed-signs', 'depth3-zero-layer'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface EdgeDraw {
  readonly input: DrawnInput;
  readonly outside: boolean;
  /** why the edge could not be applied (not meaningful for this claim), or null */
  readonly inapplicable: string | null;
}

const alphaCache = new Map<string, string>();

/**
 * Where to aim alpha-c draws: d = 1: ρ/√2 (THEORY B4); d > 1: the certified bisection at 20 digits,
 * width 1e-8 ρ (a target for draws, not a verdict; offsets below 1e-8 are relative to it).
 */
function alphaC<T>(_F: Field<T>, x: string[], rho: string): string | null {
  const key = `${x.join(',')}|${rho}`;
  if (alphaCache.has(key)) return alphaCache.get(key)!;
  if (new D(rho).lte(0) || x.some((xi) => new D(xi).isZero())) return null;
  if (x.length === 1) {
    const v = new D(rho).div(new D(2).sqrt()).toString();
    alphaCache.set(key, v);
    return v;
  }
  const F = makeField('bigfloat', 20);
  const r = criticalScale(
    F,
    x.map((a) => F.fromString(a)),
    F.fromString(rho),
    { tol: F.fromString('1e-8') },
  );
  const mid = F.toString(F.div(F.add(r.lo, r.hi), F.fromNumber(2)), 20);
  alphaCache.set(key, mid);
  return mid;
}

/** Move a base draw onto an edge of kind `kind`; `k` ∈ 1..12 sets the offset 10^-k, `pick` indices. */
export function applyEdge<T>(F: Field<T>, spec: ClaimSpec, base: DrawnInput, kind: EdgeKind, k: number, mode: number, i0: number, j0: number): EdgeDraw {
  const d = base.x.length;
  const i = i0 % d;
  const j = d > 1 ? (i + 1 + (j0 % (d - 1))) % d : i;
  const off = new D(10).pow(-k);
  const delta = [new D(0), off, off.neg()][mode % 3]!;
  const x = base.x.slice();
  let W0 = base.W0.map((r) => r.slice());
  let alpha = base.alpha;
  const rho = new D(base.rho);
  const balanced = alpha !== null;
  const na = (why: string): EdgeDraw => ({ input: { ...base, edge: kind }, outside: false, inapplicable: why });
  const setAlpha = (a: Decimal) => {
    alpha = clean(a);
    W0 = layersFrom(spec, x, alpha);
  };
  switch (kind) {
    case 'linf-boundary': {
      if (rho.isZero()) return na('rho = 0');
      if (balanced) setAlpha(rho.times(new D(1).plus(delta)));
      else if (spec.depth === 2) {
        // same-quadrant boundary |u0 + v0| = 2ρ of coordinate i, in the planar frame (u, sgn(x) v)
        const sx = new D(x[i]!).isNeg() ? -1 : 1;
        const u = new D(W0[0]![i]!);
        const sg = u.isNeg() ? -1 : 1;
        const vPlanar = rho
          .times(2 * sg)
          .times(new D(1).plus(delta))
          .minus(u);
        W0[1]![i] = clean(vPlanar.times(sx));
      } else return na('needs depth 2 or a balanced start');
      break;
    }
    case 'alpha-c': {
      if (!balanced) return na('needs a balanced start');
      if (!spec.algos.includes('sam-l2') || spec.depth !== 2) return na('alpha_c is defined for sam-l2, depth 2');
      const ac = alphaC(F, x, base.rho);
      if (ac === null) return na('alpha_c needs rho > 0 and every x_i != 0');
      // α_c is irrational: an offset of 0 would leave the fate to rounding, so always offset
      setAlpha(new D(ac).times(new D(1).plus(delta.isZero() ? off : delta)));
      break;
    }
    case 'tie': {
      if (d < 2) return na('needs d >= 2');
      const xj = new D(x[i]!)
        .abs()
        .times(new D(1).plus(delta))
        .times(new D(x[j]!).isNeg() ? -1 : 1);
      x[j] = clean(xj);
      if (balanced) W0 = layersFrom(spec, x, alpha!);
      break;
    }
    case 'zero': {
      const slots = 1 + W0.length;
      const which = j0 % slots;
      if (which === 0) {
        x[i] = '0';
        if (balanced) W0 = layersFrom(spec, x, alpha!);
      } else if (balanced) {
        x[i] = '0';
        W0 = layersFrom(spec, x, alpha!);
      } else W0[which - 1]![i] = '0';
      break;
    }
    case 'fixed-point': {
      if (rho.isZero()) return na('rho = 0');
      const target = mode < 3 ? rho : rho.div(new D(2).sqrt());
      const scaled = target.times(new D(1).plus(mode >= 3 && delta.isZero() ? off : delta)); // ρ/√2 is irrational: always offset
      if (balanced) setAlpha(scaled);
      else if (spec.depth === 2) {
        const sx = new D(x[i]!).isNeg() ? -1 : 1;
        W0[0]![i] = clean(scaled);
        W0[1]![i] = clean(target.times(sx));
      } else return na('needs depth 2 or a balanced start');
      break;
    }
    case 'mixed-signs': {
      if (d < 2) {
        x[0] = clean(new D(x[0]!).neg());
      } else {
        x[i] = clean(new D(x[i]!).abs().neg());
        x[j] = clean(new D(x[j]!).abs());
      }
      if (balanced) W0 = layersFrom(spec, x, alpha!);
      break;
    }
    case 'depth3-zero-layer': {
      if (spec.depth !== 3) return na('needs depth 3');
      if (balanced) return na('needs a "layers" start (a balanced start has no single zero layer)');
      const l = j0 % 3;
      if (mode % 2 === 0) W0[l] = W0[l]!.map(() => '0');
      else W0[l]![i] = '0';
      break;
    }
  }
  // values representable at the working precision (the offsets 10^-k, k <= 12, stay resolved)
  const P = F.precision;
  const r = (v: string) => clean(new D(v).toSignificantDigits(P));
  const input: DrawnInput = { ...base, x: x.map(r), W0: W0.map((row) => row.map(r)), alpha: alpha === null ? null : r(alpha), edge: kind };
  return { input, outside: !inDomain(spec, input), inapplicable: null };
}

const contains = (r: RangeSpec, v: number) => new D(r.lo).lte(v) && new D(r.hi).gte(v);

/**
 * Why an edge kind cannot produce a draw inside this claim's domain (null: applicable). Kinds that
 * are not applicable are not drawn, so the budget goes to the edges that can matter.
 */
export function edgeApplicability(spec: ClaimSpec): Record<EdgeKind, string | null> {
  const st = spec.start;
  const rhoPos = new D(spec.rho.hi).gt(0);
  const planar = st.kind === 'balanced' || spec.depth === 2;
  const startRanges = st.kind === 'balanced' ? [st.alpha] : st.kind === 'uv' ? [...st.u0, ...st.v0] : st.layers.flat();
  const anyNeg = spec.x.some((r) => new D(r.lo).lt(0));
  const anyPos = spec.x.some((r) => new D(r.hi).gt(0));
  return {
    'linf-boundary': !rhoPos ? 'rho = 0 on the whole domain' : !planar ? 'needs depth 2 or a balanced start' : null,
    'alpha-c':
      st.kind !== 'balanced'
        ? 'needs a balanced start'
        : !spec.algos.includes('sam-l2') || spec.depth !== 2
          ? 'alpha_c is defined for sam-l2, depth 2'
          : !rhoPos
            ? 'rho = 0 on the whole domain'
            : null,
    tie: spec.d < 2 ? 'needs d >= 2' : null,
    zero: spec.x.some((r) => contains(r, 0)) || (st.kind !== 'balanced' && startRanges.some((r) => contains(r, 0))) ? null : 'no x_i or start range contains 0',
    'fixed-point': !rhoPos ? 'rho = 0 on the whole domain' : !planar ? 'needs depth 2 or a balanced start' : null,
    'mixed-signs': !(anyNeg && anyPos) || (spec.d < 2 && !anyNeg) ? 'the x ranges do not allow both signs' : null,
    'depth3-zero-layer':
      spec.depth !== 3
        ? 'needs depth 3'
        : st.kind !== 'layers'
          ? 'needs a "layers" start'
          : !startRanges.some((r) => contains(r, 0))
            ? 'no layer range contains 0'
            : null,
  };
}

export function edgeArbitrary<T>(F: Field<T>, spec: ClaimSpec, kinds: readonly EdgeKind[]): fc.Arbitrary<EdgeDraw> {
  return fc
    .record({
      base: baseArbitrary(spec),
      kind: fc.constantFrom(...kinds),
      k: fc.integer({ min: 1, max: 12 }),
      mode: fc.nat(5),
      i: fc.nat(1000),
      j: fc.nat(1000),
    })
    .map((r) => applyEdge(F, spec, r.base, r.kind, r.k, r.mode, r.i, r.j));
}
