/**
 * `samcheck explore leaders --x 0.5,1,2 --alpha 0.5 --rho 1 [--u0 L --v0 L] [--precision P] [--json]`:
 * the leading coordinate (0-based) of the ℓ2-SAM flow over rescaled time and the switch times
 * (docs/derivation.md B5), from src/flow/leaders.ts.
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
import { info, printJson, printLine, progress, warn } from '../output.ts';
import type { Field } from '../../numeric/Field.ts';
import { NumericError } from '../../numeric/errors.ts';
import { checkOutputPath, writeOutputFile } from '../../io/outputPath.ts';
import { fitDigits, fitVector, type InputPolicy } from '../../io/inputDigits.ts';
import { referencePrecision, vouch } from '../vouch.ts';
import { Decimal } from 'decimal.js';

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
    .option('--round-inputs', 'round inputs with more digits than --precision (with a warning) instead of refusing them')
    .option('--no-check-digits', 'skip the rerun at higher precision that decides how many digits are printed')
    .action(
      async (f: {
        x: string;
        alpha?: string;
        u0?: string;
        v0?: string;
        rho: string;
        precision: string;
        json?: boolean;
        plot?: string;
        backend?: string;
        roundInputs?: boolean;
        checkDigits: boolean;
      }) => {
        if (f.plot !== undefined) checkOutputPath('--plot', f.plot);
        const P = v.precision('precision', f.precision);
        const pol: InputPolicy = { precision: P, round: !!f.roundInputs, warnings: [] };
        const xs = fitVector(pol, 'x', v.decimalVector('x', commaList(f.x)));
        const rho = fitDigits(pol, 'rho', v.positiveDecimal('rho', f.rho));
        const alphaS = f.alpha === undefined ? undefined : fitDigits(pol, 'alpha', v.positiveDecimal('alpha', f.alpha));
        if (f.alpha !== undefined && (f.u0 || f.v0)) throw new UsageError('leaders: give either --alpha or --u0/--v0');
        if (f.alpha === undefined && (!f.u0 || !f.v0)) throw new UsageError('leaders: --alpha or both --u0 and --v0 are required');
        const u0S = f.alpha === undefined ? fitVector(pol, 'u0', v.decimalVector('u0', commaList(f.u0!), xs.length)) : [];
        const v0S = f.alpha === undefined ? fitVector(pol, 'v0', v.decimalVector('v0', commaList(f.v0!), xs.length)) : [];
        for (const w of pol.warnings) warn(w);
        const backend = parseBackend(f.backend);
        const startIn = <T>(F: Field<T>) => {
          const x = xs.map((a) => F.fromString(a));
          if (x.some((a) => F.isZero(a))) throw new UsageError(`x entries must be non-zero, got ${f.x}`);
          if (alphaS !== undefined) return balancedStart(F, x, F.fromString(rho), F.fromString(alphaS));
          const u0 = u0S.map((a) => F.fromString(a));
          const v0 = v0S.map((a) => F.fromString(a));
          if (u0.every((a, i) => F.isZero(a) && F.isZero(v0[i]!))) throw new UsageError('leaders: the start must not be the origin');
          return { x, rho: F.fromString(rho), u0, v0 };
        };
        const bar = progress('leaders: s reached', 0);
        const runAt = <T>(F: Field<T>, Pw: number) => {
          const r = leaders(F, startIn(F), { rtol: F.powInt(F.fromNumber(10), -(Pw - 10)), onProgress: (sv) => bar.update(Math.floor(F.toNumber(sv))) });
          return {
            r,
            out: {
              switches: r.switches.map((w) => ({ s: F.toString(w.s), leader: w.leader, from: w.from, x_star: F.toString(w.xStar) })),
              initial_leader: r.initialLeader,
              final: {
                leader: r.final.leader,
                s: F.toString(r.final.s),
                reason: r.final.reason,
                collapse_s: r.final.collapseS === null ? null : F.toString(r.final.collapseS),
                margin: r.final.finalMargin === null ? null : F.toString(r.final.finalMargin, 12),
              },
              lead_monotone: r.leadMonotone,
              x_star_monotone: r.balanced ? r.xStarMonotone : null,
              x_star_turning_points: r.xStarTurningPoints.map((t) => ({ s: F.toString(t.s), x_star: F.toString(t.xStar) })),
              balanced: r.balanced,
            },
          };
        };
        const F = makeField(backend, P);
        const st = startIn(F);
        const main = runAt(F, P);
        const r = main.r;
        // digits: every time is cut to the digits on which a rerun at more digits and a tighter rtol agrees
        const P2 = f.checkDigits ? referencePrecision(P) : null;
        let vouched = { value: main.out, digits: P, mismatches: [] as string[] };
        if (P2 !== null) {
          const ref = runAt(makeField(backend, P2), P2);
          // final.s is where the stop rule first held on the step grid (not a vouchable quantity); its leader and reason are
          vouched = vouch(main.out, ref.out, P - 10, new Set(['switches', 'initial_leader', 'x_star_turning_points']));
          const hard = vouched.mismatches.slice();
          if (main.out.final.leader !== ref.out.final.leader || main.out.final.reason !== ref.out.final.reason) hard.push('final');
          if (hard.length > 0)
            throw new NumericError(
              `explore leaders: the leader sequence changes when rerun at ${P2} digits (${hard.slice(0, 3).join(', ')}); cannot certify it, raise --precision`,
              'switch times',
            );
          if (vouched.digits < P - 10) warn(`explore leaders: ${vouched.digits} significant digits agree with a rerun at ${P2} digits; printing those`);
        }
        bar.stop();
        const out = { ...vouched.value, precision: P, backend, digits_agreed: P2 === null ? null : vouched.digits, reference_precision: P2 };
        const plotIt = async () => {
          if (!f.plot) return;
          // Drawn values are JS numbers (plotting only); the data above stay decimal strings.
          const { l2Flow } = await import('../../flow/tauReduction.ts');
          const { seriesPlot } = await import('../../plot/plots.ts');
          const { writeSvg } = await import('../../plot/renderSvg.ts');
          const sEnd = F.mul(F.fromString('1.3'), F.max(r.final.s, F.fromString('0.1')));
          const grid = Array.from({ length: 240 }, (_, k) => F.div(F.mul(sEnd, F.fromNumber(k + 1)), F.fromNumber(240)));
          const fl = l2Flow(F, st, grid, { method: 'tau', rtol: F.powInt(F.fromNumber(10), -Math.min(16, P - 6)) });
          const pts = fl.points
            .flatMap((p) =>
              p.status === 'collapsed'
                ? []
                : p.beta.map((b, i) => ({ series: `|beta_${i + 1}| (x_${i + 1} = ${xs[i]})`, x: F.toNumber(p.s), y: Math.abs(F.toNumber(b)) })),
            )
            .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.y > 0);
          const plotPath = f.plot;
          await writeOutputFile('--plot', plotPath, () =>
            writeSvg(
              plotPath,
              seriesPlot(
                `l2-SAM |beta_i|(s), switches at s = ${out.switches.map((w) => new Decimal(w.s).toSignificantDigits(4).toString()).join(', ') || 'none'}`,
                's (rescaled time)',
                '|beta_i|',
                pts,
                { logY: true, points: false, markers: out.switches.map((w) => ({ x: Number(w.s), label: `x_${w.from + 1}→x_${w.leader + 1}` })) },
              ),
            ),
          );
          info(`wrote ${f.plot}`);
        };
        if (f.json) {
          printJson(out);
          await plotIt();
          return;
        }
        const xi = (i: number) => `x_${i + 1} (index ${i})`;
        printLine(`initial leader ${xi(r.initialLeader)}`);
        for (const w of out.switches) printLine(`  s = ${w.s}: ${xi(w.from)} -> ${xi(w.leader)} (x* = ${w.x_star})`);
        printLine(
          `final leader ${xi(out.final.leader)} at s = ${out.final.s} (${out.final.reason}); lead monotone: ${out.lead_monotone}; x* monotone: ${out.x_star_monotone}`,
        );
        await plotIt();
      },
    );
}
