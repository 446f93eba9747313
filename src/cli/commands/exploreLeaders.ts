/**
 * `samcheck explore leaders --x 0.5,1,2 --alpha 0.5 --rho 1 [--u0 L --v0 L] [--precision P] [--json]`:
 * the leading coordinate (0-based) of the ℓ2-SAM flow over rescaled time and the switch times
 * (THEORY.md B5), from src/flow/leaders.ts.
 * JSON: {"switches":[{"s","leader","from","x_star"}],"initial_leader","final":{"leader","s","reason",
 *        "collapse_s","margin"},"lead_monotone","x_star_monotone","x_star_turning_points":[{"s","x_star"}],
 *        "balanced","precision"}.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import * as v from '../../io/validate.ts';
import { UsageError } from '../../io/UsageError.ts';
import { leaders, balancedStart } from '../../analysis/leaders.ts';
import { commaList } from '../parse.ts';
import { info, printJson, printLine } from '../output.ts';

export function registerExploreLeaders(explore: Command): void {
  explore
    .command('leaders')
    .description('l2-SAM leading coordinate and switch times along the flow (B5)')
    .requiredOption('--x <list>', 'the example, comma list')
    .option('--alpha <a>', 'balanced start u = a, v = sgn(x) a')
    .option('--u0 <list>', 'general start: first layer')
    .option('--v0 <list>', 'general start: second layer')
    .option('--rho <r>', 'SAM radius > 0 (default 1)', '1')
    .option('--precision <P>', 'significant digits (default 30)', '30')
    .option('--plot <file.svg>', 'write log|beta_i| against s (tau reduction) with the switch times as an SVG')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output')
    .action(async (f: { x: string; alpha?: string; u0?: string; v0?: string; rho: string; precision: string; json?: boolean; plot?: string; backend?: string }) => {
      const xs = v.decimalVector('x', commaList(f.x));
      const rho = v.positiveDecimal('rho', f.rho);
      const P = v.precision('precision', f.precision);
      const backend = parseBackend(f.backend);
      const F = makeField(backend, P);
      const x = xs.map((a) => F.fromString(a));
      if (x.some((a) => F.isZero(a))) throw new UsageError(`x entries must be non-zero, got ${f.x}`);
      let st;
      if (f.alpha !== undefined) {
        if (f.u0 || f.v0) throw new UsageError('leaders: give either --alpha or --u0/--v0');
        st = balancedStart(F, x, F.fromString(rho), F.fromString(v.positiveDecimal('alpha', f.alpha)));
      } else {
        if (!f.u0 || !f.v0) throw new UsageError('leaders: --alpha or both --u0 and --v0 are required');
        const u0 = v.decimalVector('u0', commaList(f.u0), xs.length).map((a) => F.fromString(a));
        const v0 = v.decimalVector('v0', commaList(f.v0), xs.length).map((a) => F.fromString(a));
        if (u0.every((a, i) => F.isZero(a) && F.isZero(v0[i]!))) throw new UsageError('leaders: the start must not be the origin');
        st = { x, rho: F.fromString(rho), u0, v0 };
      }
      const r = leaders(F, st, { rtol: F.powInt(F.fromNumber(10), -(P - 10)) });
      const D = Math.max(12, P - 12);
      const out = {
        switches: r.switches.map((w) => ({ s: F.toString(w.s, D), leader: w.leader, from: w.from, x_star: F.toString(w.xStar, D) })),
        initial_leader: r.initialLeader,
        final: { leader: r.final.leader, s: F.toString(r.final.s, D), reason: r.final.reason, collapse_s: r.final.collapseS === null ? null : F.toString(r.final.collapseS, D), margin: r.final.finalMargin === null ? null : F.toString(r.final.finalMargin, 12) },
        lead_monotone: r.leadMonotone,
        x_star_monotone: r.balanced ? r.xStarMonotone : null,
        x_star_turning_points: r.xStarTurningPoints.map((t) => ({ s: F.toString(t.s, D), x_star: F.toString(t.xStar, D) })),
        balanced: r.balanced,
        precision: P,
        backend,
      };
      if (f.plot) {
        // Drawn values are JS numbers (plotting only); the data above stay decimal strings.
        const { l2Flow } = await import('../../flow/tauReduction.ts');
        const { seriesPlot } = await import('../../plot/plots.ts');
        const { writeSvg } = await import('../../plot/renderSvg.ts');
        const sEnd = F.mul(F.fromString('1.3'), F.max(r.final.s, F.fromString('0.1')));
        const grid = Array.from({ length: 80 }, (_, k) => F.div(F.mul(sEnd, F.fromNumber(k + 1)), F.fromNumber(80)));
        const fl = l2Flow(F, st, grid, { method: 'tau', rtol: F.powInt(F.fromNumber(10), -Math.min(16, P - 6)) });
        const pts = fl.points.flatMap((p) => (p.status === 'collapsed' ? [] : p.beta.map((b, i) => ({ series: `|beta_${i}| (x = ${xs[i]})`, x: F.toNumber(p.s), y: Math.abs(F.toNumber(b)) }))));
        await writeSvg(f.plot, seriesPlot(`l2-SAM |beta_i|(s), switches at s = ${out.switches.map((w) => Number(w.s).toPrecision(4)).join(', ') || 'none'}`, 's (rescaled time)', '|beta_i|', pts, { logY: true }));
        info(`wrote ${f.plot}`);
      }
      if (f.json) {
        printJson(out);
        return;
      }
      printLine(`initial leader ${r.initialLeader}`);
      for (const w of out.switches) printLine(`  s = ${w.s}: ${w.from} -> ${w.leader} (x* = ${w.x_star})`);
      printLine(`final leader ${out.final.leader} at s = ${out.final.s} (${out.final.reason}); lead monotone: ${out.lead_monotone}; x* monotone: ${out.x_star_monotone}`);
    });
}
