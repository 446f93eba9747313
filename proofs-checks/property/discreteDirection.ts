/**
 * P2 (GD) and P4 (ℓ2-SAM) on DISCRETE runs, with a rate-aware tolerance: the discrete error
 * e_t = 1 − cos(β_t, sign(x_j)e_j) must decrease across checkpoints t = 100, 300, 1000 (η = 0.1)
 * and track the flow's predicted error at the discrete clock, |e_T − e_flow(s_T)| ≤ 0.5·e_flow(s_T)
 * (flow: B2 closed form for GD, τ reduction for ℓ2-SAM). The logistic clock s_t grows like
 * log log t, so the final e_T itself stays large; it is reported, not judged.
 */
import fc from 'fast-check';
import type { CheckContext, CheckDef, Outcome } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { simulate } from '../../src/optim/simulate.ts';
import { alignedComponents, escapeCertificate } from '../../src/flow/l2Certificates.ts';
import { gdClosedForm } from '../../src/flow/gdClosedForm.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { argmax, basisVector, oneMinusCos } from '../../src/verify/direction.ts';
import { distinctMagnitudes, hundredths } from '../arbitraries.ts';

const CHECKPOINTS = [100, 300, 1000];
const RUN_PRECISION = 25;

function discreteDirection(ctx: CheckContext, algo: 'gd' | 'sam-l2'): Promise<Outcome> {
  const tol = ctx.tolerance;
  const F = ctx.field(Math.min(ctx.precision, RUN_PRECISION));
  const arb = fc.record({ x: distinctMagnitudes(3, { lo: 0.3, hi: 2, gap: 0.25, mixedSigns: true }), uv: fc.array(hundredths(-1.5, 1.5), { minLength: 6, maxLength: 6 }), rho: hundredths(0.05, 0.5) });
  return propertyOutcome(ctx, arb, (c) => {
    const x = c.x.map((s) => F.fromString(s));
    const u0 = c.uv.slice(0, 3).map((s) => F.fromString(s));
    const v0 = c.uv.slice(3, 6).map((s) => F.fromString(s));
    const rho = algo === 'gd' ? F.zero : F.fromString(c.rho);
    const j = argmax(F, x.map((xi) => F.abs(xi)));
    const sj: 1 | -1 = F.sign(x[j]!) < 0 ? -1 : 1;
    const growing = alignedComponents(F, x, u0, v0)[j]!;
    if (F.cmp(F.abs(growing), F.fromString('0.1')) < 0) return { margin: '0', skip: true };
    if (algo === 'sam-l2' && !escapeCertificate(F, x, rho, u0, v0)) return { margin: '0', skip: true };
    const r = simulate(F, { algo, loss: 'logistic', eta: F.fromString('0.1'), rho, steps: CHECKPOINTS[CHECKPOINTS.length - 1]!, data: { X: [x], Y: [1] }, W0: [u0, v0] }, { checkpoints: CHECKPOINTS });
    const target = basisVector(F, 3, j, sj);
    const e = r.trajectory.map((cp) => oneMinusCos(F, cp.beta, target));
    const decreasing = e.every((v, k) => k === 0 || F.cmp(v, e[k - 1]!) < 0);
    const flowBeta = algo === 'gd' ? gdClosedForm(F, x, u0, v0, r.s).beta : l2Flow(F, { x, rho, u0, v0 }, [r.s], { method: 'tau', rtol: F.fromString('1e-15') }).points[0]!.beta;
    const eFlow = oneMinusCos(F, flowBeta, target);
    const eT = e[e.length - 1]!;
    const rel = F.div(F.abs(F.sub(eT, eFlow)), eFlow);
    return {
      margin: decreasing ? F.toString(rel, 6) : '1e9',
      detail: { errors: e.map((v) => F.toString(v, 4)), e_flow_at_s_T: F.toString(eFlow, 4), s_T: F.toString(r.s, 6), decreasing },
    };
  }, { claimInput: (c) => ({ depth: 2, n: 1, x: c.x, rho: algo === 'gd' ? undefined : c.rho }), numRuns: ctx.quick ? 2 : 4, tolerance: tol, comparison: '<=', notes: [`eta 0.1, checkpoints ${CHECKPOINTS.join(', ')}, ${Math.min(ctx.precision, RUN_PRECISION)} digits; margin = |e_T - e_flow(s_T)|/e_flow(s_T) (1e9 when e does not decrease)`] });
}

export const p2Discrete: CheckDef = { claimId: 'P2', name: 'discrete', method: 'property', quantity: '|e_T - e_flow(s_T)| / e_flow(s_T), e = 1 - cos(beta, sign(x_j) e_j), discrete GD (e must decrease)', run: (ctx) => discreteDirection(ctx, 'gd') };
export const p4Discrete: CheckDef = { claimId: 'P4', name: 'discrete', method: 'property', quantity: '|e_T - e_flow(s_T)| / e_flow(s_T), discrete l2-SAM started inside the escape certificate (e must decrease)', run: (ctx) => discreteDirection(ctx, 'sam-l2') };
