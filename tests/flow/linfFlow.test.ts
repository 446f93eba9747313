import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimalField.ts';
import { linfFlow } from '../../src/flow/linfFlow.ts';
import { linfClosedForm } from '../../src/flow/linfClosedForm.ts';
import { bigfloatField } from '../../src/numeric/bigfloatField.ts';
import { flowVsClosed, FLOW_VS_CLOSED_PRECISION } from '../../proofs-checks/crossexam/flowVsClosed.ts';
import { LINF_PROBES } from '../../proofs-checks/crossexam/linfProbes.ts';

const F = decimalField(30);
const rtol = F.fromString('1e-22');
const V = (a: string[]) => a.map((s) => F.fromString(s));

describe('l_inf-SAM Filippov integration vs exact pieces (B7-B9)', () => {
  it('start on the u-axis with |v| < rho slides and is absorbed exactly at s = |v|/(rho |x|)', () => {
    // exact: on u = 0, v' = -rho|x| sgn(v) (both one-sided fields push into the axis)
    const x = [F.fromString('-1.25')];
    const rho = F.fromString('0.8');
    const r = linfFlow(F, x, rho, [[F.zero], [F.fromString('0.6')]], [F.fromString('0.3'), F.fromNumber(1)], { rtol });
    expect(F.isZero(r.points[0]!.W[0]![0]!)).toBe(true); // u stays exactly 0 while sliding
    const exactAbsorb = F.div(F.fromString('0.6'), F.mul(rho, F.fromString('1.25')));
    expect(F.toNumber(F.abs(F.sub(r.absorbS[0]!, exactAbsorb)))).toBeLessThan(1e-25);
    expect(r.points[1]!.status).toBe('collapsed');
    expect(r.points[1]!.W.flat().every((w) => F.isZero(w))).toBe(true);
  });

  const cases = [
    // all four behaviours: mixed-quadrant absorb (x<0), Q1 escape, Q4 crossing, Q3 absorb
    { x: ['0.5', '-1', '2', '1.5'], u0: ['0.3', '0.8', '-0.4', '1.5'], v0: ['0.9', '-0.2', '0.1', '1.0'], rho: '0.7', s: ['0.5', '2', '6'] },
    // mixed-sign quadrant starts near the exact escape boundary |u+v|(2rho+|u-v|) = 8 rho²
    { x: ['1', '0.6'], u0: ['1.2', '-0.1'], v0: ['-0.2', '1.3'], rho: '0.5', s: ['1', '4'] },
  ];
  for (const c of cases) {
    it(`integration matches the planar exact solver (x = ${c.x})`, () => {
      const x = V(c.x);
      const rho = F.fromString(c.rho);
      const r = linfFlow(F, x, rho, [V(c.u0), V(c.v0)], V(c.s), { rtol });
      for (const p of r.points) {
        const e = linfClosedForm(F, x, V(c.u0), V(c.v0), rho, p.s);
        expect(p.status).toBe(e.status);
        for (let i = 0; i < x.length; i++) {
          expect(F.toNumber(F.abs(F.sub(p.W[0]![i]!, e.u[i]!)))).toBeLessThan(1e-18);
          expect(F.toNumber(F.abs(F.sub(p.W[1]![i]!, e.v[i]!)))).toBeLessThan(1e-18);
        }
      }
      const e = linfClosedForm(F, x, V(c.u0), V(c.v0), rho, F.zero);
      r.absorbS.forEach((a, i) => {
        const b = e.absorbS[i];
        if (a === null || b === null || b === undefined) expect(a === null && (b === null || b === undefined)).toBe(e.fates[i] !== 'absorb' || a !== null);
        else expect(F.toNumber(F.abs(F.sub(a, b)))).toBeLessThan(1e-18);
      });
    });
  }

  it('closed form at s = 1000 stays finite', () => {
    const x = V(['0.5', '2']);
    const r = linfClosedForm(F, x, V(['3', '0.1']), V(['2', '0.2']), F.one, F.fromNumber(1000));
    expect(r.status).toBe('escaped');
    for (const b of r.beta) expect(F.isFinite(b)).toBe(true);
  });

  // every fixed B7/B9 probe (each region of the phase portrait, the axis hump that returns inside
  // one step, simultaneous absorptions), at the B7 precision: states at 5 times, statuses, collapse time
  it.each(LINF_PROBES.map((p) => ({ ...p, label: p.why.slice(0, 60) })))('linfFlow = linfClosedForm on the probe: $label', (probe) => {
    const G = bigfloatField(FLOW_VS_CLOSED_PRECISION);
    const r = flowVsClosed(G, probe);
    expect(r.saddle).toBe(false);
    expect(r.statusErrors).toEqual([]);
    expect(G.toNumber(r.diff)).toBeLessThan(1e-12);
  });

  it('depth 3: every coordinate evolves by its own frozen-sign field until a layer reaches 0 (short horizon, no switch)', () => {
    // d/ds w_k = x Π_{n≠k} w̃_n with w̃_n = w_n − ρ sgn(x) Π_{m≠n} sgn(w_m): compare with the
    // field integrated by the same driver without events over a horizon short of any switch
    const x = V(['0.8', '-1.1']);
    const rho = F.fromString('0.1');
    const W0 = [V(['1.0', '0.9']), V(['1.2', '-1.0']), V(['0.7', '1.1'])];
    const r = linfFlow(F, x, rho, W0, [F.fromString('0.05')], { rtol });
    expect(r.pieces).toBe(1);
    // one explicit RK4 run of the frozen-sign field, written here, h = 1e-4
    const sig = W0.map((row) => row.map((w) => F.sign(w)));
    const f = (W: any[][]) =>
      W.map((_, k) =>
        x.map((xj, j) => {
          let prod = xj;
          for (let n = 0; n < 3; n++) {
            if (n === k) continue;
            let p = F.sign(xj);
            for (let m = 0; m < 3; m++) if (m !== n) p *= sig[m]![j]!;
            prod = F.mul(prod, p > 0 ? F.sub(W[n]![j]!, rho) : F.add(W[n]![j]!, rho));
          }
          return prod;
        }),
      );
    const h = F.fromString('1e-4');
    let W: any[][] = W0.map((row) => row.slice());
    const axpy = (A: any[][], B: any[][], c: any) => A.map((row, k) => row.map((a, j) => F.add(a, F.mul(c, B[k]![j]!))));
    const half = F.div(h, F.fromNumber(2));
    for (let i = 0; i < 500; i++) {
      const k1 = f(W);
      const k2 = f(axpy(W, k1, half));
      const k3 = f(axpy(W, k2, half));
      const k4 = f(axpy(W, k3, h));
      W = W.map((row, k) =>
        row.map((w, j) =>
          F.add(
            w,
            F.mul(
              F.div(h, F.fromNumber(6)),
              F.add(F.add(k1[k]![j]!, F.mul(F.fromNumber(2), k2[k]![j]!)), F.add(F.mul(F.fromNumber(2), k3[k]![j]!), k4[k]![j]!)),
            ),
          ),
        ),
      );
    }
    // RK4 error ~ h^4 * 0.05 ~ 1e-18
    for (let k = 0; k < 3; k++) for (let j = 0; j < 2; j++) expect(F.toNumber(F.abs(F.sub(r.points[0]!.W[k]![j]!, W[k]![j]!)))).toBeLessThan(1e-15);
  });
});
