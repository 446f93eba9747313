/**
 * The claim hypotheses of every property check are judged on what the check evaluates: for each
 * check of the real catalogue that hands `propertyOutcome` a `claimInput`, drawn cases are described
 * by it, and the same cases are evaluated up to their first engine call (simulate, step, the
 * rescaled velocity and flows, the planar ℓ2 / ℓ∞ flows, closed forms and certificates, the
 * max-margin solver), which records the depth (layers of the start it is given; the planar u, v
 * functions are depth 2) and the number of examples, and stops the evaluation. The claim input
 * must give that depth and n. And a claim input one layer deeper (or with a second example) is
 * rejected by the claim's hypotheses whenever the claim has a depth (one-example) hypothesis.
 * `propertyOutcome` is replaced by a recorder, so no draw runs to the end.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClaimInput } from '../../src/verify/Claim.ts';

/** What the first engine call of an evaluation was given. */
interface Seen {
  readonly fn: string;
  readonly depth?: number;
  readonly n: number;
}
const probe: { on: boolean; seen: Seen | null } = { on: false, seen: null };
class Stop extends Error {}
/** The (depth, n) an engine function's arguments describe. */
type Shape = (...a: any[]) => Omit<Seen, 'fn'>;
/** While probing, record the call and stop the evaluation; otherwise call through. */
function spy<Fn extends (...a: never[]) => unknown>(fn: string, real: Fn, shape: Shape): Fn {
  return ((...a: Parameters<Fn>) => {
    if (!probe.on) return real(...a);
    probe.seen = { fn, ...shape(...a) };
    throw new Stop(fn);
  }) as Fn;
}
const PLANAR = { depth: 2, n: 1 }; // the planar functions take (u, v): the depth-2, one-example model

vi.mock('../../src/optim/simulate.ts', async (orig) => {
  const m = await orig<typeof import('../../src/optim/simulate.ts')>();
  return { ...m, simulate: spy('simulate', m.simulate, (_F, spec) => ({ depth: spec.W0.length, n: spec.data.X.length })) };
});
vi.mock('../../src/optim/algorithms.ts', async (orig) => {
  const m = await orig<typeof import('../../src/optim/algorithms.ts')>();
  return { ...m, step: spy('step', m.step, (_F, _l, data, _h, W) => ({ depth: W.length, n: data.X.length })) };
});
vi.mock('../../src/model/rescaledVelocity.ts', async (orig) => {
  const m = await orig<typeof import('../../src/model/rescaledVelocity.ts')>();
  return { ...m, rescaledVelocity: spy('rescaledVelocity', m.rescaledVelocity, (_F, _a, _l, data, W) => ({ depth: W.length, n: data.X.length })) };
});
vi.mock('../../src/flow/rescaledFlow.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/rescaledFlow.ts')>();
  return { ...m, rescaledFlow: spy('rescaledFlow', m.rescaledFlow, (_F, _a, _x, _r, W0) => ({ depth: W0.length, n: 1 })) };
});
vi.mock('../../src/flow/linfFlow.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/linfFlow.ts')>();
  return { ...m, linfFlow: spy('linfFlow', m.linfFlow, (_F, _x, _r, W0) => ({ depth: W0.length, n: 1 })) };
});
vi.mock('../../src/flow/tauReduction.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/tauReduction.ts')>();
  return { ...m, l2Flow: spy('l2Flow', m.l2Flow, () => PLANAR) };
});
vi.mock('../../src/flow/gdClosedForm.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/gdClosedForm.ts')>();
  return { ...m, gdClosedForm: spy('gdClosedForm', m.gdClosedForm, () => PLANAR) };
});
vi.mock('../../src/flow/linfClosedForm.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/linfClosedForm.ts')>();
  return { ...m, linfClosedForm: spy('linfClosedForm', m.linfClosedForm, () => PLANAR) };
});
vi.mock('../../src/flow/l2Certificates.ts', async (orig) => {
  const m = await orig<typeof import('../../src/flow/l2Certificates.ts')>();
  return {
    ...m,
    l2N: spy('l2N', m.l2N, () => PLANAR),
    alignedComponents: spy('alignedComponents', m.alignedComponents, () => PLANAR),
    escapeCertificate: spy('escapeCertificate', m.escapeCertificate, () => PLANAR),
  };
});
vi.mock('../../src/linf/planarExact.ts', async (orig) => {
  const m = await orig<typeof import('../../src/linf/planarExact.ts')>();
  return {
    ...m,
    linfEscapeMargin: spy('linfEscapeMargin', m.linfEscapeMargin, () => PLANAR),
    linfEscapeCondition: spy('linfEscapeCondition', m.linfEscapeCondition, () => PLANAR),
  };
});
vi.mock('../../src/analysis/leaders.ts', async (orig) => {
  const m = await orig<typeof import('../../src/analysis/leaders.ts')>();
  return { ...m, leaders: spy('leaders', m.leaders, () => PLANAR) };
});
vi.mock('../../src/analysis/criticalScale.ts', async (orig) => {
  const m = await orig<typeof import('../../src/analysis/criticalScale.ts')>();
  return { ...m, criticalScale: spy('criticalScale', m.criticalScale, () => PLANAR) };
});
vi.mock('../../src/maxmargin/l2MaxMargin.ts', async (orig) => {
  const m = await orig<typeof import('../../src/maxmargin/l2MaxMargin.ts')>();
  return { ...m, l2MaxMargin: spy('l2MaxMargin', m.l2MaxMargin, (_F, data) => ({ n: data.X.length })) };
});

/** One `propertyOutcome` call of a check. */
interface Recorded {
  readonly arbitrary: import('fast-check').Arbitrary<unknown>;
  readonly evaluate: (input: unknown) => unknown;
  readonly claimInput?: (input: unknown) => ClaimInput;
}
const recorded: Recorded[] = [];
vi.mock('../../src/verify/propertyCheck.ts', async (orig) => {
  const m = await orig<typeof import('../../src/verify/propertyCheck.ts')>();
  const propertyOutcome = async (
    _ctx: unknown,
    arbitrary: Recorded['arbitrary'],
    evaluate: Recorded['evaluate'],
    opts: { claimInput?: Recorded['claimInput'] },
  ) => {
    recorded.push({ arbitrary, evaluate, claimInput: opts.claimInput });
    return { status: 'skipped', margin: null, tolerance: null, comparison: null };
  };
  return { ...m, propertyOutcome };
});

const { default: fc } = await import('fast-check');
const { catalogue } = await import('../../src/cli/catalogue.ts');
const { checksOf } = await import('../../src/verify/Catalogue.ts');
const { runContext } = await import('../../src/verify/runner.ts');
const { resolveTolerance, unmetHypotheses } = await import('../../src/verify/Claim.ts');

/** The first engine call of evaluating `input` (null when the evaluation skipped before one). */
async function firstEngineCall(evaluate: Recorded['evaluate'], input: unknown): Promise<Seen | null> {
  probe.on = true;
  probe.seen = null;
  try {
    await evaluate(input);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  } finally {
    probe.on = false;
  }
  return probe.seen;
}

/** Every `propertyOutcome` call with a claim input in the real catalogue, with its claim and check. */
async function recordedChecks(): Promise<{ id: string; claim: import('../../src/verify/Claim.ts').Claim; rec: Recorded }[]> {
  const cat = await catalogue;
  const out: { id: string; claim: import('../../src/verify/Claim.ts').Claim; rec: Recorded }[] = [];
  for (const claim of cat.claims) {
    for (const def of checksOf(cat, claim)) {
      if (def.method !== 'property' && def.method !== 'numeric') continue;
      recorded.length = 0;
      const ctx = { ...runContext({ precision: 30, seed: 1, quick: true }), claim, tolerance: resolveTolerance(claim.tolerances[def.name]!, 30) };
      await def.run(ctx);
      for (const rec of recorded) if (rec.claimInput) out.push({ id: `${claim.id}:${def.name}`, claim, rec });
    }
  }
  return out;
}

describe('claim inputs of the real catalogue', () => {
  const checks = recordedChecks();

  it('describe the depth and the number of examples of what each property check evaluates', async () => {
    const all = await checks;
    const reached = new Set<string>();
    for (const { id, rec } of all) {
      for (const input of fc.sample(rec.arbitrary, { seed: 11, numRuns: 5 })) {
        const ci = rec.claimInput!(input);
        expect(Number.isInteger(ci.depth), `${id}: claim input without a depth`).toBe(true);
        expect(Number.isInteger(ci.n), `${id}: claim input without n`).toBe(true);
        const call = await firstEngineCall(rec.evaluate, input);
        if (call === null) continue;
        reached.add(id);
        if (call.depth !== undefined) expect(ci.depth, `${id}: depth of the claim input vs ${call.fn}`).toBe(call.depth);
        expect(ci.n, `${id}: n of the claim input vs ${call.fn}`).toBe(call.n);
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.map((c) => c.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  it('a claim input of another depth, or with a second example, is rejected by the hypotheses that speak of them', async () => {
    let depthChecks = 0;
    for (const { id, claim, rec } of await checks) {
      const ci = rec.claimInput!(fc.sample(rec.arbitrary, { seed: 5, numRuns: 1 })[0]);
      const depthHyp = claim.hypotheses.find((h) => h.name.startsWith('depth'));
      if (depthHyp) {
        depthChecks++;
        // depth = L: one layer more; depth >= L: one layer fewer than L
        const atLeast = depthHyp.name.match(/^depth >= (\d+)$/);
        const wrong = atLeast ? Number(atLeast[1]) - 1 : ci.depth! + 1;
        const names = unmetHypotheses(claim, { ...ci, depth: wrong }).map((h) => h.name);
        expect(names, `${id}: depth ${wrong} passes`).toContain(depthHyp.name);
      }
      if (claim.hypotheses.some((h) => h.name === 'one example')) {
        const X = [...(ci.X ?? [ci.x!]), ci.X?.[0] ?? ci.x!];
        const names = unmetHypotheses(claim, { ...ci, n: X.length, X, x: undefined }).map((h) => h.name);
        expect(names, `${id}: a second example passes`).toContain('one example');
      }
    }
    expect(depthChecks).toBeGreaterThanOrEqual(20);
  });
});
