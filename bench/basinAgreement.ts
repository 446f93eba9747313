/**
 * Basin-classification agreement: exact ℓ∞-SAM planar fate (src/linf/planarExact.ts, 50 digits) vs an
 * independent explicit-Euler simulation of u' = v − ρ sgn u, v' = u − ρ sgn v (σ-time, step h, plain JS float64,
 * explicit and bench-only) on N seeded random starts in all four quadrants.
 * Usage: node bin/run-ts.js bench/basinAgreement.ts [N=2000] [seed=20260308] [band=0.02] [h=0.0005]
 * Starts within a relative distance `band` of the exact boundary are reported separately (not compared).
 */
import fc from 'fast-check';
import { decimalField } from '../src/numeric/decimalField.ts';
import { float64Field } from '../src/numeric/float64Field.ts';
import { linfEscapeMargin, linfPlanarFate } from '../src/linf/planarExact.ts';

const N = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 20260308);
const band = Number(process.argv[4] ?? 0.02);
const h = Number(process.argv[5] ?? 0.0005);
const D = decimalField(50);
const f64 = float64Field();

function simulate(u0: number, v0: number, rho: number): 'escape' | 'absorb' | 'undecided' {
  let u = u0,
    v = v0;
  const big = 60 * (Math.abs(u0) + Math.abs(v0) + rho + 1);
  const small = 4 * h * Math.max(rho, 1);
  for (let s = 0; s < 80; s += h) {
    const du = v - rho * Math.sign(u);
    const dv = u - rho * Math.sign(v);
    u += h * du;
    v += h * dv;
    if (Math.abs(u) + Math.abs(v) > big) return 'escape';
    if (Math.abs(u) < small && Math.abs(v) < small) return 'absorb';
  }
  return 'undecided';
}

const arb = fc.record({ u: fc.integer({ min: -5000, max: 5000 }), v: fc.integer({ min: -5000, max: 5000 }), rho: fc.integer({ min: 100, max: 2000 }) });
const pts = fc.sample(arb, { seed, numRuns: N }).map((p) => ({ u: p.u / 1000, v: p.v / 1000, rho: p.rho / 1000 }));
let compared = 0,
  agree = 0,
  inBand = 0,
  undecided = 0;
const perQuad: Record<string, [number, number]> = {};
const t0 = performance.now();
for (const p of pts) {
  const m = linfEscapeMargin(f64, p.u, p.v, p.rho);
  if (Math.abs(m.lhs - m.rhs) / m.rhs < band) {
    inBand++;
    continue;
  }
  const exact = linfPlanarFate(D, D.fromString(String(p.u)), D.fromString(String(p.v)), D.fromString(String(p.rho))).fate;
  const sim = simulate(p.u, p.v, p.rho);
  if (sim === 'undecided') {
    undecided++;
    continue;
  }
  const q = `${p.u > 0 ? '+' : p.u < 0 ? '-' : '0'}${p.v > 0 ? '+' : p.v < 0 ? '-' : '0'}`;
  perQuad[q] ??= [0, 0];
  perQuad[q]![1]++;
  compared++;
  if (sim === exact) {
    agree++;
    perQuad[q]![0]++;
  } else console.log(`mismatch ${JSON.stringify(p)} exact ${exact} sim ${sim}`);
}
console.log(
  JSON.stringify({
    N,
    seed,
    band,
    h,
    compared,
    agree,
    rate: compared ? agree / compared : null,
    inBand,
    undecided,
    perQuadrant: perQuad,
    seconds: (performance.now() - t0) / 1000,
  }),
);
