/**
 * B4 cross-examination of the certificates (src/flow/l2Certificates.ts) at d = 1, where both are
 * sharp at s = 0 and meet at the B10 fixed point α_c = ρ/√2 (written here from the derivation):
 * from the balanced start u = α, v = sgn(x) α, N(0) = √2 α|x| and Σ x²a²/2 = 2α²x², so the collapse
 * certificate N < ρ|x| holds iff α < ρ/√2 and the escape certificate 2α²x² > (ρx)² iff α > ρ/√2.
 * Starts at α = (ρ/√2)(1 ± ε), ε ∈ [10^-6, 10^-2] (well above the certificates' relative safety
 * margin 10^-(P/2)): exactly one certificate must hold, the one on its side.
 */
import fc from 'fast-check';
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import type { Field } from '../../src/numeric/Field.ts';
import { propertyOutcome } from '../../src/verify/propertyCheck.ts';
import { collapseCertificate, escapeCertificate, l2N } from '../../src/flow/l2Certificates.ts';
import { balancedStart } from '../../src/analysis/leaders.ts';
import type { L2Start } from '../../src/flow/tauReduction.ts';
import { hundredths } from '../arbitraries.ts';
import { runInput } from '../drawnRun.ts';

/** The balanced d = 1 starts at α = (ρ/√2)(1 − ε) (side −1) and (ρ/√2)(1 + ε) (side +1). */
export function sharpStarts<T>(F: Field<T>, xS: string, rhoS: string, epsExp: number): { side: -1 | 1; st: L2Start<T> }[] {
  const x = [F.fromString(xS)];
  const rho = F.fromString(rhoS);
  const eps = F.powInt(F.fromNumber(10), -epsExp);
  const ac = F.div(rho, F.sqrt(F.fromNumber(2)));
  return ([-1, 1] as const).map((side) => ({ side, st: balancedStart(F, x, rho, F.mul(ac, side < 0 ? F.sub(F.one, eps) : F.add(F.one, eps))) }));
}

/** Number of wrong certificate verdicts (0, 1 or 2) at α = (ρ/√2)(1 − ε) and (ρ/√2)(1 + ε). */
export function certificateErrorsD1<T>(F: Field<T>, xS: string, rhoS: string, epsExp: number): number {
  let errors = 0;
  for (const { side, st } of sharpStarts(F, xS, rhoS, epsExp)) {
    const { x, rho, u0: u, v0: v } = st;
    const collapse = collapseCertificate(F, x, rho, l2N(F, x, u, v));
    const escape = escapeCertificate(F, x, rho, u, v);
    if (collapse !== side < 0 || escape !== side > 0) errors++;
  }
  return errors;
}

export const b4CertificatesSharpD1: CheckDef = {
  claimId: 'B4',
  name: 'certificates-sharp-d1',
  method: 'property',
  quantity: 'wrong certificate verdicts at s = 0 from balanced starts alpha = (rho/sqrt2)(1 -+ eps), d = 1 (collapse below, escape above)',
  run(ctx) {
    const F = ctx.field(40);
    const arb = fc.record({ x: hundredths(-3, 3).filter((s) => Number(s) !== 0), rho: hundredths(0.05, 2), e: fc.integer({ min: 2, max: 6 }) });
    return propertyOutcome(ctx, arb, (c) => ({ margin: String(certificateErrorsD1(F, c.x, c.rho, c.e)), detail: { eps: `1e-${c.e}` } }), {
      claimInput: (c) => {
        const { st } = sharpStarts(F, c.x, c.rho, c.e)[0]!;
        return runInput({ X: [[c.x]], W0: [st.u0, st.v0], rho: c.rho });
      },
      numRuns: ctx.quick ? 30 : 100,
      comparison: '<=',
      notes: ['independent path: the fixed point alpha_c = rho/sqrt2 (B10) where both certificates are sharp at s = 0 for d = 1'],
    });
  },
};
