/**
 * `samcheck simulate`: run GD / ℓ2-SAM / ℓ∞-SAM in arbitrary precision from a JSON config
 * or human flags, and report W, β, loss, the clocks, and how many digits survive a rerun
 * at higher precision.
 */
import type { Command } from 'commander';
import { MAX_PRECISION } from '../../numeric/decimalField.ts';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import type { Field } from '../../numeric/Field.ts';
import { minAgreeingDigits } from '../../numeric/agreement.ts';
import { simulate, type SimulationResult } from '../../optim/simulate.ts';
import { checkpointSchedule } from '../../optim/checkpoints.ts';
import { parseSimulationConfig, toSpec, type SimulationConfig } from '../../io/simulationConfig.ts';
import { UsageError } from '../../io/UsageError.ts';
import { commaList, readJsonFile } from '../parse.ts';
import { info, printJson, printLine, progress, warn, warnIfLong } from '../output.ts';
import { checkOutputPath, writeOutputFile } from '../../io/outputPath.ts';
import { NumericError } from '../../numeric/errors.ts';

interface SimulateFlags {
  config?: string;
  algo?: string;
  loss?: string;
  x?: string[];
  y?: string;
  alpha?: string;
  depth?: string;
  rho?: string;
  eta?: string;
  steps?: string;
  precision?: string;
  json?: boolean;
  trajectory?: string;
  checkDigits: boolean;
  plot?: string;
  backend?: string;
  roundInputs?: boolean;
}

export const ASSUMPTIONS = [
  'perturbation is joint over all layers (one global norm), full batch',
  'sign(0) = 0 in l_inf-SAM',
  'l2-SAM uses eps = 0 where the gradient vanishes (reported), no epsilon added to the norm',
  'clock s = sum eta * mean_k g(z~_k); for one example this is the rescaled time of docs/derivation.md B1',
];

/** Build the raw config object from human flags (validated afterwards like a file). */
function configFromFlags(f: SimulateFlags): unknown {
  if (!f.x || f.x.length === 0) throw new UsageError('simulate: give --config FILE or at least --x (and --alpha)');
  const X = f.x.map(commaList);
  const d = X[0]!.length;
  const L = f.depth === undefined ? 2 : Number(f.depth);
  if (!Number.isInteger(L) || L < 1 || L > 64) throw new UsageError(`depth must be an integer in 1..64, got ${JSON.stringify(f.depth)}`);
  if (f.alpha === undefined) throw new UsageError('simulate: --alpha is required with --x');
  return {
    algo: f.algo ?? 'sam-l2',
    loss: f.loss ?? 'logistic',
    eta: f.eta ?? '0.05',
    rho: f.rho ?? (f.algo === 'gd' ? '0' : '1'),
    steps: f.steps ?? '400',
    precision: f.precision ?? '50',
    X,
    Y: f.y ? commaList(f.y) : X.map(() => '1'),
    W0: Array.from({ length: L }, () => Array.from({ length: d }, () => f.alpha)),
  };
}

function run<T>(F: Field<T>, c: SimulationConfig, checkpoints: number[], onProgress?: (n: number) => void): SimulationResult<T> {
  return simulate(F, toSpec(F, c), { checkpoints, onProgress });
}

function flatten<T>(F: Field<T>, r: SimulationResult<T>): { W: string[]; beta: string[]; scalars: string[] } {
  return { W: r.W.flat().map((w) => F.toString(w)), beta: r.beta.map((b) => F.toString(b)), scalars: [F.toString(r.loss), F.toString(r.s)] };
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run GD / l2-SAM / linf-SAM on a depth-L diagonal linear network in arbitrary precision')
    .option('--config <file>', 'JSON config {"algo","loss","eta","rho","steps","precision","X","Y","W0"}')
    .option('--algo <name>', 'gd | sam-l2 | sam-linf')
    .option('--loss <name>', 'logistic | exponential')
    .option('--x <list>', 'one example as a comma list (repeat for several examples)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--y <list>', 'labels as a comma list (default all 1)')
    .option('--alpha <a>', 'every layer starts at a*1')
    .option('--depth <L>', 'number of layers (default 2)')
    .option('--rho <r>', 'SAM radius')
    .option('--eta <e>', 'step size')
    .option('--steps <n>', 'number of steps')
    .option('--precision <p>', 'significant digits (10..1000)')
    .option('--trajectory <k>', 'record about k checkpoints (dense then log-spaced)')
    .option('--no-check-digits', 'skip the rerun at higher precision that measures agreeing digits')
    .option('--plot <file.svg>', 'write |beta_i| against the clock s as an SVG (records about 200 checkpoints unless --trajectory is given)')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--round-inputs', 'round inputs with more digits than the precision (with a warning) instead of refusing them')
    .option('--json', 'print one JSON object')
    .action(async (flags: SimulateFlags) => {
      if (flags.plot !== undefined) checkOutputPath('--plot', flags.plot);
      let raw: unknown;
      if (flags.config !== undefined) {
        // with --config, the scalar flags override the same field; the shape flags are refused
        const shapeFlags = (['x', 'y', 'alpha', 'depth'] as const).filter((k) => flags[k] !== undefined);
        if (shapeFlags.length > 0) throw new UsageError(`simulate: give either --config or --${shapeFlags.join('/--')}, not both`);
        raw = readJsonFile(flags.config, `config ${flags.config}`);
        if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
          const o = { ...(raw as Record<string, unknown>) };
          for (const k of ['algo', 'loss', 'rho', 'eta', 'steps', 'precision'] as const) if (flags[k] !== undefined) o[k] = flags[k];
          raw = o;
        }
      } else raw = configFromFlags(flags);
      const inputWarnings: string[] = [];
      const c = parseSimulationConfig(raw, { roundInputs: flags.roundInputs, warnings: inputWarnings });
      for (const w of inputWarnings) warn(w);
      {
        // up-front cost estimate (about 1500 l2-SAM steps/s for n·d·L = 6 at 50 digits, ~P^1.6)
        const work = (c.steps * c.X.length * c.X[0]!.length * c.W0.length) / 6;
        const secs = (work / 1500) * (c.precision / 50) ** 1.6 * (flags.checkDigits ? 3 : 1);
        warnIfLong(
          'simulate',
          secs,
          `${c.steps} steps at ${c.precision} digits${flags.checkDigits ? ' plus the digits-check rerun (--no-check-digits skips it)' : ''}`,
        );
      }
      const K = flags.trajectory === undefined ? 0 : Number(flags.trajectory);
      if (!Number.isInteger(K) || K < 0 || K > 100000)
        throw new UsageError(`trajectory must be an integer in 0..100000, got ${JSON.stringify(flags.trajectory)}`);
      const Kplot = K > 0 ? K : flags.plot ? 200 : 0;
      const checkpoints =
        Kplot > 0 ? checkpointSchedule(c.steps, Math.min(Kplot, 10), Math.max(1, Math.round(Kplot / Math.max(1, Math.log10(Math.max(c.steps, 10)))))) : [];
      const backend = parseBackend(flags.backend);
      const F = makeField(backend, c.precision);
      const bar = progress('simulate', c.steps * (flags.checkDigits && c.precision + 10 <= MAX_PRECISION ? 2 : 1));
      const r = run(F, c, checkpoints, (n) => bar.update(n));
      let digits: number | null = null;
      let refPrecision: number | null = null;
      // The rerun must be at a strictly higher precision, else the comparison could not fail.
      const canCheck = flags.checkDigits && c.precision + 10 <= MAX_PRECISION;
      if (flags.checkDigits && !canCheck) warn(`no digits check: a rerun above ${c.precision} digits would exceed the ${MAX_PRECISION}-digit limit`);
      if (canCheck) {
        refPrecision = Math.min(MAX_PRECISION, c.precision + Math.max(10, Math.ceil(c.precision / 2)));
        const G = makeField(backend, refPrecision);
        const r2 = run(G, c, [], (n) => bar.update(c.steps + n));
        const a = flatten(F, r);
        const b = flatten(G, r2);
        // Largest magnitude, compared in the reference field (no float64: 1e-400 and 1e400 must compare right).
        const scaleOf = (xs: string[]) => G.toString(xs.reduce((m, s) => G.max(m, G.abs(G.fromString(s))), G.zero));
        digits = Math.min(
          minAgreeingDigits(a.W, b.W, c.precision, scaleOf(b.W)),
          minAgreeingDigits(a.beta, b.beta, c.precision, scaleOf(b.beta)),
          minAgreeingDigits(a.scalars, b.scalars, c.precision),
        );
        if (digits < c.precision / 2) warn(`only ${digits} digits agree with a rerun at ${refPrecision} digits: precision loss`);
      }
      bar.stop();
      if (r.zeroGradientCount > 0)
        warn(`l2-SAM met a zero gradient at ${r.zeroGradientCount} step(s) (first: ${r.zeroGradientSteps.join(', ')}); used eps = 0 there`);
      const out = {
        algo: c.algo,
        loss_fn: c.loss,
        precision: c.precision,
        backend,
        eta: c.eta,
        rho: c.rho,
        steps: r.steps,
        W: r.W.map((row) => row.map((w) => F.toString(w))),
        beta: r.beta.map((b) => F.toString(b)),
        loss: F.toString(r.loss),
        s: F.toString(r.s),
        t: F.toString(r.t),
        zero_gradient_steps: r.zeroGradientCount,
        zero_gradient_first: r.zeroGradientSteps,
        digits_agreed: digits,
        reference_precision: refPrecision,
        assumptions: ASSUMPTIONS,
        ...(K > 0
          ? {
              trajectory: r.trajectory.map((cp) => ({
                step: cp.step,
                t: F.toString(cp.t),
                s: F.toString(cp.s),
                beta: cp.beta.map((b) => F.toString(b)),
                loss: F.toString(cp.loss),
                W: cp.W.map((row) => row.map((w) => F.toString(w))),
              })),
            }
          : {}),
      };
      if (c.steps > 0 && F.isZero(r.s)) {
        // g(z~) > 0 for both losses, so s_t > 0 after one step: an exact 0 is an underflow
        throw new NumericError(
          `simulate: the clock s underflowed to 0 (eta * g(z~) = ${c.eta} * g below the smallest representable number) at step 1; no result can be vouched for`,
          'clock s',
        );
      }
      const plotIt = async () => {
        if (!flags.plot) return;
        // Plot values are JS numbers for drawing only; every printed number stays a decimal string.
        const { seriesPlot } = await import('../../plot/plots.ts');
        const { writeSvg } = await import('../../plot/renderSvg.ts');
        const pts = r.trajectory
          .flatMap((cp) =>
            cp.beta.map((b, i) => ({
              series: `|beta_${i + 1}|${c.X.length === 1 ? ` (x_${i + 1} = ${c.X[0]![i]})` : ''}`,
              x: F.toNumber(cp.s),
              y: Math.abs(F.toNumber(b)),
            })),
          )
          .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.y > 0);
        await writeOutputFile('--plot', flags.plot, () =>
          writeSvg(
            flags.plot!,
            seriesPlot(`${c.algo}: |beta_i| against the clock s (eta = ${c.eta}, rho = ${c.rho})`, 's (rescaled clock)', '|beta_i|', pts, {
              logY: true,
              points: false,
            }),
          ),
        );
        info(
          `wrote ${flags.plot}${pts.length < r.trajectory.length * (r.beta.length || 1) ? ' (points outside the float64 range or at 0 are not drawn)' : ''}`,
        );
      };
      if (flags.json) {
        printJson(out);
        await plotIt();
        return;
      }
      const short = (s: string) => F.toString(F.fromString(s), 12);
      printLine(
        `samcheck simulate: ${c.algo}, ${c.loss} loss, depth ${c.W0.length}, d = ${c.X[0]!.length}, n = ${c.X.length}, eta = ${c.eta}, rho = ${c.rho}, ${c.precision} digits (${backend})`,
      );
      printLine(`steps        ${r.steps}`);
      printLine(`t = eta*steps ${short(out.t)}`);
      printLine(`s (clock)    ${short(out.s)}`);
      printLine(`loss         ${short(out.loss)}`);
      printLine(`beta         [${out.beta.map(short).join(', ')}]`);
      out.W.forEach((row, l) => printLine(`w_${l + 1}          [${row.map(short).join(', ')}]`));
      if (r.zeroGradientCount > 0)
        printLine(`eps = 0 used   at ${r.zeroGradientCount} step(s) where the gradient vanished (first: ${r.zeroGradientSteps.join(', ')})`);
      if (digits !== null) printLine(`digits agreed with a ${refPrecision}-digit rerun: ${digits}`);
      printLine(`(values shown to 12 digits; --json prints all ${c.precision})`);
      await plotIt();
    });
}
