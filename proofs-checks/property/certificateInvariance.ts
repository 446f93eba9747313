/**
 * B4 certificates, checked on the plain integrated 2d-dimensional ℓ2-SAM flow (rescaledFlow,
 * which never looks at certificates):
 * - collapse: if N(0) < ρ min|x_i| then N(s) ≤ max(0, N(0) − κ s), κ = min|x|(ρ min|x| − N(0)) > 0,
 *   at s = k/10·N(0)/κ (the proof's differential inequality), and collapse happens by N(0)/κ
 *   (the full system is integrated by l2Flow 'full', which changes variable to τ near N = 0);
 * - escape: if Σ x_i² a_i²/2 > (ρ max|x_i|)² then that sum is non-decreasing and N > ρ max|x_i|
 *   on the sampled s ∈ (0, 2].
 * Margin: number of sampled points where the implication is violated.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { rescaledFlow } from '../../src/flow/rescaledFlow.ts';
import { l2Flow } from '../../src/flow/tauReduction.ts';
import { alignedComponents, alignedEnergy, collapseCertificate, collapseTailBound, escapeCertificate, l2N, xMinMax } from '../../src/flow/l2Certificates.ts';
import { hundredths, planarFieldStart, planarStart, type PlanarStart } from '../arbitraries.ts';
import { planarInput } from '../drawnRun.ts';

export const b4Certificates: CheckDef = {
  claimId: 'B4',
  name: 'certificates',
  method: 'property',
  quantity: 'sampled points where a certificate holding at s = 0 is contradicted by the integrated flow',
  run(ctx) {
    const F = ctx.field(Math.min(ctx.precision, 30));
    // Drawn FROM the hypothesis set (a certificate holds at s = 0), not filtered into it: a random
    // direction uv is scaled so that N(0) = (0.05 + 0.9 k/1000) rho min|x| (collapse) or
    // sum x_i^2 a_i^2 / 2 = (rho max|x|)^2 (1.05 + 2 k/1000) (escape). float64 only constructs the
    // scale; the scaled start is a 6-digit decimal string and the certificates are re-evaluated on it.
    const raw = fc.record({
      start: planarStart({ d: [1, 3], x: { lo: 0.2, hi: 2.5, gap: 0.05, mixedSigns: true }, layer: hundredths(-1.5, 1.5), rho: hundredths(0.1, 2) }),
      collapse: fc.boolean(),
      k: fc.integer({ min: 1, max: 999 }),
    });
    const arb = raw.map(({ collapse, k, start: c }): PlanarStart => {
      const x = c.x.map(Number);
      const [u, v] = c.W0.map((layer) => layer.map(Number)) as [number[], number[]];
      const rho = Number(c.rho);
      const ax = x.map(Math.abs);
      let lambda: number;
      if (collapse) {
        const N0 = Math.sqrt(x.reduce((acc, xi, i) => acc + xi * xi * (u[i]! * u[i]! + v[i]! * v[i]!), 0));
        lambda = N0 > 0 ? ((0.05 + (0.9 * k) / 1000) * rho * Math.min(...ax)) / N0 : 1;
      } else {
        const E = x.reduce((acc, xi, i) => {
          const a = xi >= 0 ? u[i]! + v[i]! : u[i]! - v[i]!;
          return acc + (xi * xi * a * a) / 2;
        }, 0);
        lambda = E > 0 ? Math.sqrt(((rho * Math.max(...ax)) ** 2 * (1.05 + (2 * k) / 1000)) / E) : 1;
      }
      const scaled = (layer: string[]) => layer.map((w) => Number((Number(w) * lambda).toPrecision(6)).toString());
      return { ...c, W0: [scaled(c.W0[0]), scaled(c.W0[1])] };
    });
    return propertyOutcome(
      ctx,
      arb,
      (c) => {
        const { x, rho, u0, v0 } = planarFieldStart(F, c);
        const N0 = l2N(F, x, u0, v0);
        const { max } = xMinMax(F, x);
        const collapse = !F.isZero(N0) && collapseCertificate(F, x, rho, N0);
        const escape = escapeCertificate(F, x, rho, u0, v0);
        if (!collapse && !escape) return { margin: '0', skip: true };
        let violations = 0;
        if (collapse) {
          const T = collapseTailBound(F, x, rho, N0); // N(0)/κ, κ = min|x|(ρ min|x| − N(0))
          const kappa = F.div(N0, T);
          const targets = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => F.mul(T, F.fromString(`0.${k}`)));
          // l2Flow(full) integrates u, v themselves; past N = 0 it reports 'collapsed' (state 0).
          const r = l2Flow(F, { x, rho, u0, v0 }, targets, { method: 'full', rtol: F.fromString('1e-20') });
          r.points.forEach((p, k) => {
            const N = l2N(F, x, p.u, p.v);
            if (F.cmp(N, F.add(F.max(F.zero, F.sub(N0, F.mul(kappa, targets[k]!))), F.fromString('1e-18'))) > 0) violations++;
          });
          if (r.collapseS === null || F.cmp(r.collapseS, T) > 0) violations++;
          const detail = { certificate: 'collapse', N0: F.toString(N0, 8), bound_s: F.toString(T, 8), collapse_s: r.collapseS && F.toString(r.collapseS, 8) };
          const findings =
            r.collapseS === null
              ? []
              : [
                  {
                    id: 'l2-sam-collapse',
                    summary: `l2-SAM collapses to the origin in finite rescaled time s = ${F.toString(r.collapseS, 8)} from x = (${c.x.join(', ')}), u0 = (${c.W0[0].join(', ')}), v0 = (${c.W0[1].join(', ')}), rho = ${c.rho}: the predictor becomes exactly 0 (the abstract states only convergence to the l1 max-margin direction)`,
                    data: {
                      x: c.x,
                      u0: c.W0[0],
                      v0: c.W0[1],
                      rho: c.rho,
                      collapse_s: F.toString(r.collapseS, 20),
                      reproduce: 'samcheck flow --config {"algo":"sam-l2",...,"method":"integrate"}',
                    },
                  },
                ];
          return { margin: String(violations), detail, findings };
        }
        const targets = [0.25, 0.5, 1, 1.5, 2].map((s) => F.fromNumber(s));
        const r = rescaledFlow(F, 'sam-l2', x, rho, [u0, v0], targets, { rtol: F.fromString('1e-20') });
        const E = (u: readonly (typeof N0)[], v: readonly (typeof N0)[]) => alignedEnergy(F, x, alignedComponents(F, x, u, v));
        let prev = E(u0, v0);
        for (const p of r.points) {
          const e = E(p.W[0]!, p.W[1]!);
          if (F.cmp(e, prev) < 0 || F.cmp(l2N(F, x, p.W[0]!, p.W[1]!), F.mul(rho, max)) <= 0) violations++;
          prev = e;
        }
        return { margin: String(violations), detail: { certificate: 'escape' } };
      },
      { claimInput: planarInput, draws: { full: 100, quick: 20 }, comparison: '<=' },
    );
  },
};
