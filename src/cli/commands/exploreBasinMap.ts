/**
 * `samcheck explore basin-map`: the ℓ∞-SAM planar basin (x > 0) on a grid of starts
 * (u0, v0)/ρ ∈ [−R, R]², classified by the exact escape rule, as JSON and optionally as an SVG.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { linfEscapeCondition } from '../../linf/planarExact.ts';
import { integerIn, positiveDecimal } from '../../io/validate.ts';
import { info, printJson, printLine } from '../output.ts';
import { checkOutputPath, writeOutputFile } from '../../io/outputPath.ts';
import { fitDigits } from '../../io/inputDigits.ts';

interface Flags {
  grid?: string;
  range?: string;
  json?: boolean;
  plot?: string;
  backend?: string;
}

export function registerExploreBasinMap(explore: Command): void {
  explore
    .command('basin-map')
    .description('grid map of the l_inf-SAM planar basin (x > 0): escape / absorb / saddle, exact rule')
    .option('--grid <n>', 'points per axis (2..400, default 61)')
    .option('--range <R>', 'half-width of the square in units of rho (default 3)')
    .option('--plot <file.svg>', 'write the map as an SVG scatter plot')
    .option(
      BACKEND_FLAG,
      `${BACKEND_HELP.replace(/\(default \w+\)/, '(default decimal: the grid points u0/rho = -R + 2R i/(n-1) are then exact decimals, so saddles on the grid are found)')}`,
    )
    .option('--json', 'print {"rho_units":…, "points":[{"u0","v0","fate"}], "counts"}')
    .action(async (f: Flags) => {
      if (f.plot !== undefined) checkOutputPath('--plot', f.plot);
      const n = f.grid === undefined ? 61 : integerIn('grid', f.grid, 2, 400);
      const R = fitDigits(
        { precision: 30, round: false, warnings: [], hint: 'the grid is computed at 30 digits' },
        'range',
        positiveDecimal('range', f.range ?? '3'),
      );
      // decimal by default: the grid is exact in decimal arithmetic (a saddle |u0+v0| = 2 rho stays a saddle)
      const backend = f.backend === undefined ? 'decimal' : parseBackend(f.backend);
      const F = makeField(backend, 30);
      const Rv = F.fromString(R);
      const points: { u0: string; v0: string; fate: string }[] = [];
      const counts: Record<string, number> = { escape: 0, absorb: 0, saddle: 0 };
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          // u0/rho = -R + 2R i/(n-1), exactly in decimal
          const u = F.sub(F.div(F.mul(F.mul(F.fromNumber(2), Rv), F.fromNumber(i)), F.fromNumber(n - 1)), Rv);
          const v = F.sub(F.div(F.mul(F.mul(F.fromNumber(2), Rv), F.fromNumber(j)), F.fromNumber(n - 1)), Rv);
          const fate = linfEscapeCondition(F, u, v, F.one);
          counts[fate]!++;
          points.push({ u0: F.toString(u, 12), v0: F.toString(v, 12), fate });
        }
      }
      const plotIt = async () => {
        if (!f.plot) return;
        const { basinPlot } = await import('../../plot/plots.ts');
        const { writeSvg } = await import('../../plot/renderSvg.ts');
        const drawn = points.map((p) => ({ u0: Number(p.u0), v0: Number(p.v0), fate: p.fate })).filter((p) => Number.isFinite(p.u0) && Number.isFinite(p.v0));
        const plotPath = f.plot;
        await writeOutputFile('--plot', plotPath, () => writeSvg(plotPath, basinPlot('l_inf-SAM basin (x > 0, exact rule)', drawn)));
        info(`wrote ${f.plot}`);
      };
      if (f.json) {
        printJson({
          rho_units: true,
          backend,
          grid: n,
          range: R,
          points,
          counts,
          rule: 'uv >= 0: escape iff |u+v| > 2 rho; uv < 0: escape iff |u+v| (2 rho + |u-v|) > 8 rho^2',
        });
        await plotIt();
        return;
      }
      printLine(`l_inf-SAM planar basin, x > 0, grid ${n}x${n} on [-${R}, ${R}]^2 (units of rho)`);
      printLine(`escape ${counts.escape}, absorb ${counts.absorb}, saddle ${counts.saddle}`);
      // coarse ASCII map: E escape, . absorb, s saddle (v0 up)
      const step = Math.max(1, Math.floor(n / 41));
      for (let j = n - 1; j >= 0; j -= step) {
        let row = '';
        for (let i = 0; i < n; i += step) row += { escape: 'E', absorb: '.', saddle: 's' }[points[i * n + j]!.fate as 'escape'];
        printLine(row);
      }
      await plotIt();
    });
}
