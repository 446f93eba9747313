/**
 * `samcheck explore critical-scale --x 0.5,1,2 --rho 1 [--tol 1e-8] [--precision P] [--json]`:
 * certified enclosure [lo, hi] of the balanced-start critical scale α_c of ℓ2-SAM (docs/derivation.md B4),
 * hi − lo ≤ tol·ρ; lo certified by a collapse certificate, hi by an escape certificate, both reached
 * along the τ-reduced flow (src/flow/criticalScale.ts).
 * Both ends are also classified again at a 1000-fold tighter integration tolerance (criticalScale):
 * an end whose fate changes is a numeric failure (exit 3), since the enclosure would depend on the integrator.
 * Certified means certified: when the enclosure is wider than tol·ρ or any evaluation could not be
 * decided, the command fails (exit 3, one line) unless --allow-wide, which prints what was certified
 * with "certified_to_tol": false. lo is printed rounded down and hi rounded up, to the digits that
 * resolve the width (more would only repeat the same bound).
 * JSON: {"lo","hi","width","rho","x","tol","certified_to_tol","lo_certificate":{"kind":"collapse","s"},
 *        "hi_certificate":{"kind":"escape","s"},"evaluations","precision","assumptions"}.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import * as v from '../../io/validate.ts';
import { UsageError } from '../../io/UsageError.ts';
import { criticalScale } from '../../analysis/criticalScale.ts';
import { commaList } from '../parse.ts';
import { info, printJson, printLine, progress, warnIfLong, warn } from '../output.ts';
import { NumericError } from '../../numeric/errors.ts';
import { fitDigits, fitVector, type InputPolicy } from '../../io/inputDigits.ts';
import { Decimal } from 'decimal.js';

export function registerExploreCriticalScale(explore: Command): void {
  explore
    .command('critical-scale')
    .description('certified enclosure of the balanced-start critical scale alpha_c of l2-SAM (B4)')
    .requiredOption('--x <list>', 'the example, comma list (non-zero entries; balanced start u = a, v = sgn(x) a)')
    .option('--rho <r>', 'SAM radius > 0 (default 1)', '1')
    .option('--tol <t>', 'relative width: hi - lo <= tol*rho (default 1e-8)', '1e-8')
    .option('--precision <P>', 'significant digits (default 30)', '30')
    .option('--allow-wide', 'print the certified enclosure even when it is wider than tol or some evaluation was undecided (exit 0)')
    .option('--round-inputs', 'round inputs with more digits than --precision (with a warning) instead of refusing them')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output')
    .action(
      async (f: { x: string; rho: string; tol: string; precision: string; json?: boolean; backend?: string; allowWide?: boolean; roundInputs?: boolean }) => {
        const P = v.precision('precision', f.precision);
        const pol: InputPolicy = { precision: P, round: !!f.roundInputs, warnings: [] };
        const xs = fitVector(pol, 'x', v.decimalVector('x', commaList(f.x)));
        const rho = fitDigits(pol, 'rho', v.positiveDecimal('rho', f.rho));
        const tol = v.positiveDecimal('tol', f.tol);
        for (const w of pol.warnings) warn(w);
        const backend = parseBackend(f.backend);
        const F = makeField(backend, P);
        const x = xs.map((a) => F.fromString(a));
        if (x.some((a) => F.isZero(a))) throw new UsageError(`x entries must be non-zero, got ${f.x}`);
        const tolT = F.fromString(tol);
        if (F.cmp(tolT, F.fromString('1e-3')) > 0) throw new UsageError(`tol must be <= 1e-3, got ${tol}`);
        if (F.cmp(tolT, F.powInt(F.fromNumber(10), -(P - 16))) < 0)
          throw new UsageError(`tol must be >= 1e-${P - 16} at precision ${P} (raise --precision), got ${tol}`);
        // cost: ~log2(1/tol) certified runs; each grows with the precision and with the spread of |x|
        const ax = xs.map((a) => new Decimal(a).abs());
        const spread = Decimal.max(...ax)
          .div(Decimal.min(...ax))
          .toNumber();
        const bisections = Math.ceil(Math.log2(1e-3 / F.toNumber(tolT))) + 2;
        warnIfLong(
          'critical-scale',
          bisections * 0.3 * (P / 30) ** 2 * (1 + Math.log10(Math.max(1, spread)) / 2),
          `${bisections} certified runs at ${P} digits, max|x|/min|x| = ${spread.toPrecision(3)}`,
        );
        const bar = progress('critical-scale: bisection step', bisections);
        const r = criticalScale(F, x, F.fromString(rho), { tol: tolT, rtol: F.powInt(F.fromNumber(10), -(P - 10)), onProgress: (d) => bar.update(d) });
        bar.stop();
        const width = F.sub(r.hi, r.lo);
        const certified = F.cmp(width, F.mul(tolT, F.fromString(rho))) <= 0 && r.undecided === 0;
        if (!certified && !f.allowWide) {
          throw new NumericError(
            `critical scale: could not certify alpha_c to tol ${tol}*rho (certified enclosure [${F.toString(r.lo, 8)}, ${F.toString(r.hi, 8)}], width ${F.toString(width, 3)}, ${r.undecided} undecided evaluation(s) of ${r.evaluations}); rerun with --allow-wide to print it, or raise --precision`,
            'critical scale',
          );
        }
        if (!certified)
          warn(
            `critical-scale: the enclosure is not certified to tol (width ${F.toString(width, 3)}, ${r.undecided} undecided evaluation(s)); printed because of --allow-wide`,
          );
        // digits that resolve the width: lo rounded down, hi rounded up
        const lo = new Decimal(F.toString(r.lo));
        const hi = new Decimal(F.toString(r.hi));
        const w = new Decimal(F.toString(width));
        const d = w.isZero() ? P : Math.min(P, Math.max(1, Math.ceil(Decimal.max(lo.abs(), hi.abs()).div(w).log(10).toNumber()) + 2));
        const out = {
          lo: lo.toSignificantDigits(d, Decimal.ROUND_FLOOR).toString(),
          hi: hi.toSignificantDigits(d, Decimal.ROUND_CEIL).toString(),
          width: F.toString(width, 6),
          certified_to_tol: certified,
          rho,
          x: xs,
          tol,
          lo_certificate: { kind: 'collapse', s: F.toString(r.loCertificateS, 12) },
          hi_certificate: { kind: 'escape', s: F.toString(r.hiCertificateS, 12) },
          evaluations: r.evaluations,
          undecided: r.undecided,
          precision: P,
          backend,
          assumptions: [
            'balanced start u_i = alpha, v_i = sgn(x_i) alpha',
            'the collapsing scales form an interval [0, alpha_c) (B4); every bisection step is certified',
          ],
        };
        if (f.json) printJson(out);
        else printLine(`alpha_c in [${out.lo}, ${out.hi}] (width ${out.width}; ${r.evaluations} certified runs${certified ? '' : '; NOT certified to tol'})`);
        void info;
      },
    );
}
