/**
 * The two arbitrary-precision backends agree: every discrete `simulate` case (GD, ℓ2-SAM, ℓ∞-SAM;
 * logistic and exponential loss; depth 2 and 3; one and several examples) on bigfloat and decimal
 * agrees to at least P − 3 significant digits, and flows agree to their integration tolerance.
 */
import { describe, expect, it } from 'vitest';
import { makeField, type Backend } from '../../src/numeric/fieldFactory.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { minAgreeingDigits } from '../../src/numeric/agreement.ts';
import { parseSimulationConfig, toSpec } from '../../src/io/simulationConfig.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { parseFlowConfig } from '../../src/io/flowConfig.ts';
import { evaluateFlow } from '../../src/cli/evaluateFlow.ts';

/** A small deterministic generator (the cases must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomConfig(seed: number, P: number) {
  const r = rng(seed);
  const algo = (['gd', 'sam-l2', 'sam-linf'] as const)[seed % 3]!;
  const loss = r() < 0.5 ? 'logistic' : 'exponential';
  const L = r() < 0.6 ? 2 : 3;
  const d = 2 + Math.floor(r() * 3);
  const n = r() < 0.6 ? 1 : 2 + Math.floor(r() * 2);
  const dec = (lo: number, hi: number) => (lo + (hi - lo) * r()).toFixed(4);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => (r() < 0.3 ? '-' : '') + dec(0.2, 2)));
  return {
    algo,
    loss,
    eta: dec(0.01, 0.1),
    rho: algo === 'gd' ? '0' : dec(0.05, 1),
    steps: String(100 + Math.floor(r() * 150)),
    precision: String(P),
    X,
    Y: X.map(() => (r() < 0.8 ? '1' : '-1')),
    W0: Array.from({ length: L }, () => Array.from({ length: d }, () => dec(0.2, 0.9))),
  };
}

function run(backend: Backend, raw: unknown) {
  const c = parseSimulationConfig(raw);
  const F = makeField(backend, c.precision) as Field<unknown>;
  const r = simulate(F, toSpec(F, c));
  const s = (v: unknown) => F.toString(v);
  return { W: r.W.flat().map(s), beta: r.beta.map(s), scalars: [s(r.loss), s(r.s)], F };
}

describe('discrete simulate: bigfloat and decimal agree to ≥ P − 3 digits', () => {
  const cases = [
    ...Array.from({ length: 6 }, (_, i) => ({ seed: 101 + i, P: 30 })),
    ...Array.from({ length: 3 }, (_, i) => ({ seed: 201 + i, P: 60 })),
    { seed: 301, P: 100 },
  ];
  it.each(cases)('seed $seed at P = $P', ({ seed, P }) => {
    const raw = randomConfig(seed, P);
    const a = run('bigfloat', raw);
    const b = run('decimal', raw);
    // relative to each vector's largest entry (a coordinate may decay to noise level)
    const G = b.F;
    const scale = (xs: string[]) => G.toString(xs.reduce((m, s) => G.max(m, G.abs(G.fromString(s))), G.zero));
    const digits = Math.min(
      minAgreeingDigits(a.W, b.W, P, scale(b.W)),
      minAgreeingDigits(a.beta, b.beta, P, scale(b.beta)),
      minAgreeingDigits(a.scalars, b.scalars, P),
    );
    expect(digits, `${JSON.stringify(raw)}`).toBeGreaterThanOrEqual(P - 3);
  });
});

describe('flows: bigfloat and decimal agree to the integration tolerance', () => {
  const flow = (backend: Backend, method: 'tau' | 'full') => {
    const F = makeField(backend, 30) as Field<unknown>;
    const V = (a: string[]) => a.map((s) => F.fromString(s));
    const st = { x: V(['0.7', '-1.3', '2.1']), rho: F.fromString('0.8'), u0: V(['0.4', '-0.2', '0.3']), v0: V(['0.1', '0.5', '-0.2']) };
    const r = l2Flow(F, st, [F.fromString('0.3')], { rtol: F.fromString('1e-12'), method });
    return r.points[0]!.beta.map((b) => F.toString(b));
  };
  it.each(['tau', 'full'] as const)('l2-SAM %s flow to s = 0.3, rtol 1e-12', (method) => {
    const a = flow('bigfloat', method);
    const b = flow('decimal', method);
    // each backend meets rtol on its own (global error a modest multiple of rtol): allow 20·rtol
    for (let i = 0; i < a.length; i++) {
      const rel = Math.abs(Number(a[i]) - Number(b[i])) / Math.abs(Number(b[i]));
      expect(rel).toBeLessThan(2e-11);
    }
  });
});

describe('closed-form and integrated flows of `samcheck flow` on both backends', () => {
  const base = { x: ['0.7', '-1.3', '2.1'], u0: ['0.4', '-0.2', '0.3'], v0: ['0.1', '0.5', '-0.2'], precision: 30 };
  const run = (backend: Backend, raw: Record<string, unknown>) => {
    const cfg = parseFlowConfig({ ...base, ...raw });
    const F = makeField(backend, cfg.precision) as Field<unknown>;
    const rep = evaluateFlow(F, cfg, [F.fromString(cfg.s)]);
    return rep.points[rep.points.length - 1]!.beta;
  };
  // closed forms have no integration tolerance: P − 3 digits relative to the largest |beta_i|
  it.each([
    { algo: 'gd', rho: '0', s: '3' },
    { algo: 'sam-linf', rho: '0.3', s: '2' },
  ])('$algo closed form agrees to P − 3 digits', (raw) => {
    const a = run('bigfloat', { ...raw, method: 'closed-form' });
    const b = run('decimal', { ...raw, method: 'closed-form' });
    const scale = b.reduce((m, v) => (Math.abs(Number(v)) > Math.abs(Number(m)) ? v : m), '0');
    expect(minAgreeingDigits(a, b, 30, scale)).toBeGreaterThanOrEqual(27);
  });
  it.each([
    { algo: 'gd', rho: '0', s: '1' },
    { algo: 'sam-linf', rho: '0.3', s: '1' },
  ])('$algo integrated at rtol 1e-12 agrees to 20·rtol', (raw) => {
    const a = run('bigfloat', { ...raw, method: 'integrate', rtol: '1e-12' });
    const b = run('decimal', { ...raw, method: 'integrate', rtol: '1e-12' });
    const scale = Math.max(...b.map((v) => Math.abs(Number(v))));
    for (let i = 0; i < a.length; i++) expect(Math.abs(Number(a[i]) - Number(b[i])) / scale).toBeLessThan(2e-11);
  });
});
