/**
 * `samcheck explore critical-scale --x 0.5,1,2 --rho 1 [--tol 1e-8] [--precision P] [--json]`:
 * certified enclosure [lo, hi] of the balanced-start critical scale α_c of ℓ2-SAM (THEORY.md B4),
 * hi − lo ≤ tol·ρ; lo certified by a collapse certificate, hi by an escape certificate, both reached
 * along the τ-reduced flow (src/flow/criticalScale.ts).
 * JSON: {"lo","hi","width","rho","x","tol","lo_certificate":{"kind":"collapse","s"},
 *        "hi_certificate":{"kind":"escape","s"},"evaluations","precision","assumptions"}.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import * as v from '../../io/validate.ts';
import { UsageError } from '../../io/UsageError.ts';
import { criticalScale } from '../../analysis/criticalScale.ts';
import { commaList } from '../parse.ts';
import { printJson, printLine, progress } from '../output.ts';

export function registerExploreCriticalScale(explore: Command): void {
  explore
    .command('critical-scale')
    .description('certified enclosure of the balanced-start critical scale alpha_c of l2-SAM (B4)')
    .requiredOption('--x <list>', 'the example, comma list (non-zero entries; balanced start u = a, v = sgn(x) a)')
    .option('--rho <r>', 'SAM radius > 0 (default 1)', '1')
    .option('--tol <t>', 'relative width: hi - lo <= tol*rho (default 1e-8)', '1e-8')
    .option('--precision <P>', 'significant digits (default 30)', '30')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output')
    .action(async (f: { x: string; rho: string; tol: string; precision: string; json?: boolean; backend?: string }) => {
      const xs = v.decimalVector('x', commaList(f.x));
      const rho = v.positiveDecimal('rho', f.rho);
      const tol = v.positiveDecimal('tol', f.tol);
      const P = v.precision('precision', f.precision);
      const backend = parseBackend(f.backend);
      const F = makeField(backend, P);
      const x = xs.map((a) => F.fromString(a));
      if (x.some((a) => F.isZero(a))) throw new UsageError(`x entries must be non-zero, got ${f.x}`);
      const tolT = F.fromString(tol);
      if (F.cmp(tolT, F.fromString('1e-3')) > 0) throw new UsageError(`tol must be <= 1e-3, got ${tol}`);
      if (F.cmp(tolT, F.powInt(F.fromNumber(10), -(P - 16))) < 0) throw new UsageError(`tol must be >= 1e-${P - 16} at precision ${P} (raise --precision), got ${tol}`);
      const bar = progress('critical-scale', 40);
      const r = criticalScale(F, x, F.fromString(rho), { tol: tolT, rtol: F.powInt(F.fromNumber(10), -(P - 10)), onProgress: (d, t) => bar.update(Math.min(40, Math.round((40 * d) / t))) });
      bar.stop();
      const out = {
        lo: F.toString(r.lo),
        hi: F.toString(r.hi),
        width: F.toString(F.sub(r.hi, r.lo), 6),
        rho,
        x: xs,
        tol,
        lo_certificate: { kind: 'collapse', s: F.toString(r.loCertificateS, 12) },
        hi_certificate: { kind: 'escape', s: F.toString(r.hiCertificateS, 12) },
        evaluations: r.evaluations,
        undecided: r.undecided,
        precision: P,
        backend,
        assumptions: ['balanced start u_i = alpha, v_i = sgn(x_i) alpha', 'the collapsing scales form an interval [0, alpha_c) (B4); every bisection step is certified'],
      };
      if (f.json) printJson(out);
      else printLine(`alpha_c in [${out.lo}, ${out.hi}] (width ${out.width}; ${r.evaluations} certified runs)`);
    });
}
