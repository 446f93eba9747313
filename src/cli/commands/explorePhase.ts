/**
 * `samcheck explore phase --x 0.5,1,2 --rho 1 [--alpha-range 0.3:1.2] [--steps 10] [--precision P] [--json]`:
 * for balanced starts u_i = α, v_i = sgn(x_i) α over a range of α, the ℓ2-SAM fate (B4 collapse /
 * escape), the certificate time, the initial leader, the leader sequence and the switch times (B5):
 * the data behind the report's phase figures (src/report/phase.ts on src/analysis and src/flow).
 * Human output uses the paper's 1-based x_1 … x_d; JSON keeps 0-based leader indices
 * ({"rows":[{"alpha","fate","certificate_s","collapse_s","initial_leader","leaders","leaders_complete","switches":[{"s","from","to","x_star"}]}],…}).
 * certificate_s is the first accepted integrator step at which the B4 certificate holds (an upper
 * bound on the first time it holds, not the first time itself).
 */
import type { Command } from 'commander';
import { Decimal } from 'decimal.js';
import * as v from '../../io/validate.ts';
import { UsageError } from '../../io/UsageError.ts';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { alphaGrid, phaseRow } from '../../report/phase.ts';
import { ProgressCounter } from '../../report/progress.ts';
import { commaList } from '../parse.ts';
import { printJson, printLine } from '../output.ts';

interface PhaseFlags {
  x: string;
  rho: string;
  alphaRange: string;
  steps: string;
  precision: string;
  json?: boolean;
  backend?: string;
}

export function registerExplorePhase(explore: Command): void {
  explore
    .command('phase')
    .description('l2-SAM over a range of balanced starts alpha: fate, certificate time, leader sequence and switch times (B4, B5)')
    .requiredOption('--x <list>', 'the example, comma list of non-zero decimals')
    .option('--rho <r>', 'SAM radius > 0', '1')
    .option('--alpha-range <a:b>', 'range of alpha, a < b, both > 0 (default 0.3rho:1.2rho)')
    .option('--steps <n>', 'number of alpha values (2..200)', '10')
    .option('--precision <P>', 'significant digits (default 30)', '30')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output (leaders 0-based)')
    .action((f: PhaseFlags & { alphaRange?: string }) => {
      const xs = v.decimalVector('x', commaList(f.x));
      const rhoS = v.positiveDecimal('rho', f.rho);
      const n = v.integerIn('steps', f.steps, 2, 200);
      const P = v.precision('precision', f.precision);
      const F = makeField(parseBackend(f.backend), P);
      const x = xs.map((a) => F.fromString(a));
      if (x.some((a) => F.isZero(a))) throw new UsageError(`x: entries must be non-zero, got ${f.x}`);
      const rho = F.fromString(rhoS);
      let a: unknown;
      let b: unknown;
      if (f.alphaRange === undefined) {
        a = F.mul(F.fromString('0.3'), rho);
        b = F.mul(F.fromString('1.2'), rho);
      } else {
        const m = /^([^:]+):([^:]+)$/.exec(f.alphaRange.trim());
        if (!m) throw new UsageError(`alpha-range: expected a:b, got ${JSON.stringify(f.alphaRange)}`);
        a = F.fromString(v.positiveDecimal('alpha-range (start)', m[1]!.trim()));
        b = F.fromString(v.positiveDecimal('alpha-range (end)', m[2]!.trim()));
        if (F.cmp(a, b) >= 0) throw new UsageError(`alpha-range: start must be below end, got ${f.alphaRange}`);
      }
      // tight: leaders() can miss an early switch at loose tolerances
      const rtol = F.powInt(F.fromNumber(10), -Math.max(8, P - 4));
      const D = Math.max(10, P - 12);
      const counter = new ProgressCounter('samcheck explore phase', n);
      const rows = alphaGrid(F, a, b, n).map((alpha) => {
        counter.start(`alpha = ${F.toString(alpha, 10)}`);
        return phaseRow(F, x, rho, alpha, { rtol, certificates: true });
      });
      counter.done();
      const out = rows.map((r) => ({
        alpha: F.toString(r.alpha, D),
        fate: r.fate,
        certificate_s: r.certificateS === null ? null : F.toString(r.certificateS, D),
        collapse_s: r.collapseS === null ? null : F.toString(r.collapseS, D),
        initial_leader: r.initialLeader,
        leaders: r.sequence,
        leaders_complete: r.leadersComplete,
        switches: r.switches.map((w) => ({ s: F.toString(w.s, D), from: w.from, to: w.to, x_star: F.toString(w.xStar, D) })),
      }));
      if (f.json) {
        printJson({ x: xs, rho: rhoS, precision: P, leader_indices: '0-based', rows: out });
        return;
      }
      const name = (i: number) => `x_${i + 1}`;
      printLine(`l2-SAM, balanced starts, x = (${xs.join(', ')}) [x_1 … x_${xs.length}], rho = ${rhoS}, ${P} digits`);
      printLine('alpha            fate       certificate at   leaders (switch times s)');
      for (const r of out) {
        const seq = [name(r.initial_leader), ...r.switches.map((w) => `${name(w.to)} (s = ${w.s.slice(0, 12)})`)].join(' -> ');
        printLine(
          `${r.alpha.slice(0, 15).padEnd(16)} ${r.fate.padEnd(10)} ${(r.certificate_s === null ? '-' : `<= ${new Decimal(r.certificate_s).toSignificantDigits(4, Decimal.ROUND_UP).toString()}`).padEnd(16)} ${seq}${r.collapse_s ? `, collapsed at s = ${r.collapse_s.slice(0, 12)}` : ''}${r.leaders_complete ? '' : ' [leader tracking reached its s limit: sequence not concluded]'}`,
        );
      }
      printLine('leaders are 1-based here (x_1 = first coordinate); --json gives 0-based indices');
      printLine('certificate at: the B4 certificate holds at this s (the first accepted integrator step where it does: an upper bound on the first time)');
    });
}
