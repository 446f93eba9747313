import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { makeLoss } from '../../src/numeric/loss.ts';

const F = decimalField(24);
const rtol = F.fromString('1e-14');
const V = (a: string[]) => a.map((s) => F.fromString(s));
const relErr = (a: any, b: number) => Math.abs(F.toNumber(a) - b) / Math.abs(b);

// Reference values: oracle/flow_oracle.py (scipy DOP853 on the full (u, v) system, rtol 1e-13),
// an independent formulation and implementation; tolerance 1e-8 relative (the acceptance bar).
const ORACLE = [
  // balanced start that escapes after a non-monotone phase
  {
    name: 'A',
    x: ['0.5', '1', '2'],
    rho: '1',
    u0: ['0.5', '0.5', '0.5'],
    v0: ['0.5', '0.5', '0.5'],
    s: '5',
    beta: [8.518339358346529, 15.29871329912192, 7.226199705392056e-3],
  },
  // mixed signs, unbalanced, one tiny coordinate (relative accuracy on 8e-5)
  {
    name: 'B',
    x: ['0.7', '-1.3', '2.1'],
    rho: '0.8',
    u0: ['0.4', '-0.2', '0.3'],
    v0: ['0.1', '0.5', '-0.2'],
    s: '0.5',
    beta: [6.564724227803778e-2, -6.472644744916506e-2, 8.418936298777332e-5],
  },
  // unbalanced two coordinates with opposite-sign second layer
  { name: 'C', x: ['0.9', '1.1'], rho: '0.6', u0: ['0.9', '0.7'], v0: ['0.8', '-0.3'], s: '3', beta: [52.24024096610978, 5.525408767347523] },
];

describe('l2-SAM tau reduction (B3) vs full system vs independent oracle', () => {
  for (const c of ORACLE) {
    it(`case ${c.name}: tau reduction and full system both match the oracle to 1e-8`, () => {
      const st = { x: V(c.x), rho: F.fromString(c.rho), u0: V(c.u0), v0: V(c.v0) };
      const tau = l2Flow(F, st, [F.fromString(c.s)], { rtol });
      const full = l2Flow(F, st, [F.fromString(c.s)], { rtol, method: 'full' });
      c.beta.forEach((b, i) => {
        expect(relErr(tau.points[0]!.beta[i], b)).toBeLessThan(1e-8);
        expect(relErr(full.points[0]!.beta[i], b)).toBeLessThan(1e-8);
        // the two samcheck paths agree to the integrator tolerance
        const d = F.abs(F.sub(tau.points[0]!.beta[i]!, full.points[0]!.beta[i]!));
        expect(F.toNumber(F.div(d, F.abs(full.points[0]!.beta[i]!)))).toBeLessThan(1e-11);
      });
      expect(F.toNumber(F.abs(F.sub(tau.points[0]!.tau!, full.points[0]!.tau!)))).toBeLessThan(1e-11);
    });
  }

  it('B3 invariant (u_i² − v_i²)·e^{2ρ x_i² τ} is preserved by the full integration', () => {
    const st = { x: V(['0.7', '-1.3', '2.1']), rho: F.fromString('0.8'), u0: V(['0.4', '-0.2', '0.3']), v0: V(['0.1', '0.5', '-0.2']) };
    const targets = V(['0.1', '0.3', '0.5']);
    const full = l2Flow(F, st, targets, { rtol, method: 'full' });
    for (const p of full.points) {
      st.x.forEach((x, i) => {
        const inv0 = F.sub(F.mul(st.u0[i]!, st.u0[i]!), F.mul(st.v0[i]!, st.v0[i]!));
        const e = F.exp(F.mul(F.mul(F.fromNumber(2), F.mul(st.rho, F.mul(x, x))), p.tau!));
        const inv = F.mul(F.sub(F.mul(p.u[i]!, p.u[i]!), F.mul(p.v[i]!, p.v[i]!)), e);
        expect(F.toNumber(F.abs(F.sub(inv, inv0)))).toBeLessThan(1e-12);
      });
    }
  });

  it('collapse: certificate, located collapse_s agrees between reduction and full system, state exactly 0 after', () => {
    // hard: tau -> infinity at collapse; both paths switch to tau as independent variable
    const a = F.fromString('0.3');
    const st = { x: V(['0.5', '1', '2']), rho: F.one, u0: [a, a, a], v0: [a, a, a] };
    const targets = V(['1', '5']);
    const tau = l2Flow(F, st, targets, { rtol });
    const full = l2Flow(F, st, targets, { rtol, method: 'full' });
    expect(tau.certificate?.kind).toBe('collapse');
    expect(full.certificate?.kind).toBe('collapse');
    expect(tau.points[0]!.status).toBe('running');
    expect(tau.points[1]!.status).toBe('collapsed');
    expect(tau.points[1]!.beta.every((b) => F.isZero(b))).toBe(true);
    expect(tau.points[1]!.tau).toBeNull();
    const diff = F.toNumber(F.abs(F.sub(tau.collapseS!, full.collapseS!)));
    expect(diff).toBeLessThan(1e-10);
    expect(F.toNumber(tau.collapseSRadius!)).toBeLessThan(1e-12);
    // a target between the certificate and the collapse is still reached exactly (in the tau phase)
    const mid = F.div(F.add(tau.certificate!.s, tau.collapseS!), F.fromNumber(2));
    const r2 = l2Flow(F, st, [mid], { rtol });
    const r3 = l2Flow(F, st, [mid], { rtol, method: 'full' });
    expect(r2.points[0]!.status).toBe('running');
    expect(F.toNumber(F.abs(F.sub(r2.points[0]!.beta[0]!, r3.points[0]!.beta[0]!)))).toBeLessThan(1e-12);
  });

  it('escape at s = 1000 stays finite (tau converges, beta ~ e^{2 x s})', () => {
    const a = F.fromString('0.6');
    const st = { x: V(['0.5', '1', '2']), rho: F.one, u0: [a, a, a], v0: [a, a, a] };
    const r = l2Flow(F, st, [F.fromNumber(1000)], { rtol });
    const p = r.points[0]!;
    expect(p.status).toBe('escaped');
    expect(r.certificate?.kind).toBe('escape');
    for (const b of [...p.beta, ...p.u, ...p.v, p.tau!]) expect(F.isFinite(b)).toBe(true);
    expect(F.toString(p.beta[2]!, 4)).toMatch(/e\+17\d\d$/);
  });

  it('physical time: t(s) from the reduction matches the full system; exponential loss t grows faster', () => {
    const a = F.fromString('0.5');
    const st = { x: V(['0.5', '1', '2']), rho: F.one, u0: [a, a, a], v0: [a, a, a] };
    const loss = makeLoss(F, 'logistic');
    const s = F.fromNumber(2);
    const t1 = l2Flow(F, st, [s], { rtol, loss }).points[0]!.t!;
    const t2 = l2Flow(F, st, [s], { rtol, loss, method: 'full' }).points[0]!.t!;
    expect(F.toNumber(F.abs(F.sub(t1, t2)))).toBeLessThan(1e-11);
    expect(F.toNumber(t1)).toBeGreaterThan(2); // 1/g > 1 for the logistic loss
  });
});
