/**
 * Flow benchmarks (issue 4).
 *
 * Main export: `benchFlow()` → rows of two kinds:
 * - "tau vs full": ℓ2-SAM, L = 2, at 50 digits and rtol 1e-30, the scalar τ reduction (B3) vs the
 *   (finding: per RHS evaluation the reduction pays 2d decimal exp's (~160 µs each at 50 digits) while
 *   the full system pays only products, so for moderate s the full system is FASTER; the reduction
 *   wins for large s, where the full system's steps are limited by the growth rate x_i),
 *   full 2d-dimensional system, to the same s; seconds, RHS evaluations, accepted steps, and the
 *   digits each agrees with a 70-digit / rtol 1e-50 τ-reduction reference (so "same accuracy" is
 *   measured, not assumed).
 * - "eta-slope": B11, discrete runs (η = 0.1, 0.05, 0.025, 0.0125, logistic loss, 25 digits)
 *   vs the flow at the matched clock s; least-squares slope of log error vs log η.
 */
import { decimalField } from '../src/numeric/decimalField.ts';
import { agreeingDigits } from '../src/numeric/agreement.ts';
import { l2Flow, type L2Start } from '../src/flow/tauReduction.ts';
import { etaSlope, DEFAULT_ETAS } from '../src/analysis/etaSlope.ts';

type Row = Record<string, string | number>;

const CASES: Array<{ name: string; x: string[]; u0: string[]; v0: string[]; rho: string; s: string }> = [
  { name: 'balanced a=0.5, x=(0.5,1,2), s=5', x: ['0.5', '1', '2'], u0: ['0.5', '0.5', '0.5'], v0: ['0.5', '0.5', '0.5'], rho: '1', s: '5' },
  // large s: the full system's step is limited by the growth rate e^{x s}; tau converges (tau' = 1/N -> 0)
  { name: 'balanced a=0.5, x=(0.5,1,2), s=1000', x: ['0.5', '1', '2'], u0: ['0.5', '0.5', '0.5'], v0: ['0.5', '0.5', '0.5'], rho: '1', s: '1000' },
  // collapse: both switch to tau as the independent variable after the certificate
  { name: 'collapse a=0.3, x=(0.5,1,2), s=1', x: ['0.5', '1', '2'], u0: ['0.3', '0.3', '0.3'], v0: ['0.3', '0.3', '0.3'], rho: '1', s: '1' },
  {
    name: 'unbalanced d=5, s=3',
    x: ['0.3', '-0.8', '1.1', '1.7', '-2.2'],
    u0: ['0.4', '0.1', '-0.3', '0.5', '0.2'],
    v0: ['0.6', '-0.5', '-0.4', '0.2', '-0.3'],
    rho: '0.7',
    s: '3',
  },
];

function tauVsFull(): Row[] {
  const rows: Row[] = [];
  const F = decimalField(50);
  const R = decimalField(70);
  for (const c of CASES) {
    const st = (G: typeof F): L2Start<any> => ({
      x: c.x.map((a) => G.fromString(a)),
      rho: G.fromString(c.rho),
      u0: c.u0.map((a) => G.fromString(a)),
      v0: c.v0.map((a) => G.fromString(a)),
    });
    const ref = l2Flow(R, st(R), [R.fromString(c.s)], { rtol: R.fromString('1e-50') }).points[0]!;
    const refBeta = ref.beta.map((b) => R.toString(b));
    for (const method of ['tau', 'full'] as const) {
      const t0 = process.hrtime.bigint();
      const r = l2Flow(F, st(F), [F.fromString(c.s)], { rtol: F.fromString('1e-30'), method });
      const sec = Number(process.hrtime.bigint() - t0) / 1e9;
      const p = r.points[0]!;
      const digits = Math.min(...p.beta.map((b, i) => agreeingDigits(F.toString(b), refBeta[i]!, 50)));
      rows.push({
        bench: 'tau vs full (50 digits, rtol 1e-30)',
        case: c.name,
        method,
        seconds: sec.toFixed(3),
        fevals: r.stats.fevals,
        steps: r.stats.steps,
        'digits vs 70-digit ref': digits,
        status: p.status,
      });
    }
  }
  return rows;
}

function slopes(): Row[] {
  const F = decimalField(25);
  const V = (a: readonly string[]) => a.map((s) => F.fromString(s));
  const rows: Row[] = [];
  const specs = [
    { algo: 'gd' as const, alpha: '0.5', s: '0.5' },
    { algo: 'sam-l2' as const, alpha: '0.5', s: '0.5' },
    { algo: 'sam-l2' as const, alpha: '0.6', s: '1' },
    { algo: 'sam-linf' as const, alpha: '1.5', s: '0.5' },
  ];
  for (const sp of specs) {
    const a = F.fromString(sp.alpha);
    const t0 = process.hrtime.bigint();
    const r = etaSlope(F, {
      algo: sp.algo,
      loss: 'logistic',
      x: V(['0.5', '1', '2']),
      rho: F.one,
      u0: [a, a, a],
      v0: [a, a, a],
      s: F.fromString(sp.s),
      etas: V(DEFAULT_ETAS),
    });
    const sec = Number(process.hrtime.bigint() - t0) / 1e9;
    rows.push({
      bench: 'eta-slope (B11)',
      case: `${sp.algo} x=(0.5,1,2) rho=1 alpha=${sp.alpha} s=${sp.s}`,
      slope: F.toString(r.slope, 4),
      errors: r.points.map((p) => F.toString(p.err, 3)).join(' '),
      seconds: sec.toFixed(2),
    });
  }
  return rows;
}

export async function benchFlow(): Promise<Row[]> {
  return [...tauVsFull(), ...slopes()];
}
