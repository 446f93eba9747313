/**
 * `samcheck flow --config FILE [--trajectory K] [--json]` (or human flags): the rescaled-time flow of
 * GD / ℓ2-SAM / ℓ∞-SAM for one example, by closed form (L = 2) or high-precision integration.
 *
 * JSON: {"s","tau"(sam-l2),"u","v","beta","status","collapse_s", "algo","method","precision",
 *        "certificate","collapse_s_radius","t"(with "loss"),"assumptions","warnings",
 *        "trajectory"?: [{s,tau,u,v,beta,status},…] (K checkpoints s·k/(K−1), k = 0..K−1)}.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { UsageError } from '../../io/UsageError.ts';
import { integerIn } from '../../io/validate.ts';
import { parseFlowConfig } from '../../io/flowConfig.ts';
import { evaluateFlow } from '../evaluateFlow.ts';
import { commaList, readJsonFile } from '../parse.ts';
import { printJson, printLine, progress, warn } from '../output.ts';

interface FlowFlags {
  config?: string;
  algo?: string;
  rho?: string;
  x?: string;
  u0?: string;
  v0?: string;
  alpha?: string;
  s?: string;
  precision?: string;
  method?: string;
  loss?: string;
  trajectory?: string;
  json?: boolean;
  backend?: string;
}

function configFromFlags(f: FlowFlags): unknown {
  if (!f.x) throw new UsageError('flow: give --config FILE or --x (with --alpha or --u0/--v0)');
  const x = commaList(f.x);
  let u0: string[];
  let v0: string[];
  if (f.alpha !== undefined) {
    if (f.u0 || f.v0) throw new UsageError('flow: give either --alpha or --u0/--v0');
    u0 = x.map(() => f.alpha!);
    v0 = x.map(() => f.alpha!);
  } else {
    if (!f.u0 || !f.v0) throw new UsageError('flow: --u0 and --v0 (or --alpha) are required with --x');
    u0 = commaList(f.u0);
    v0 = commaList(f.v0);
  }
  const o: Record<string, unknown> = { algo: f.algo ?? 'sam-l2', rho: f.rho ?? '1', x, u0, v0, s: f.s ?? '1', method: f.method ?? 'closed-form' };
  if (f.precision !== undefined) o.precision = f.precision;
  if (f.loss !== undefined) o.loss = f.loss;
  return o;
}

export function registerFlow(program: Command): void {
  program
    .command('flow')
    .description('rescaled-time flow (GD / l2-SAM / linf-SAM, one example) by closed form or high-precision integration')
    .option('--config <file>', 'JSON {"algo","rho","x","u0","v0","s","precision","method"[,"loss","rtol","W0"]}')
    .option('--algo <name>', 'gd | sam-l2 | sam-linf (default sam-l2)')
    .option('--rho <r>', 'SAM radius (default 1)')
    .option('--x <list>', 'the example, comma list')
    .option('--alpha <a>', 'balanced start u0 = v0 = a*1')
    .option('--u0 <list>', 'first layer start, comma list')
    .option('--v0 <list>', 'second layer start, comma list')
    .option('--s <s>', 'rescaled time (default 1)')
    .option('--precision <P>', 'significant digits 10..1000 (default 40)')
    .option('--method <m>', 'closed-form | integrate (default closed-form)')
    .option('--loss <name>', 'also report physical time t(s) for this loss (logistic | exponential)')
    .option('--trajectory <K>', 'also report K checkpoints s*k/(K-1), k = 0..K-1')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output')
    .action(async (f: FlowFlags) => {
      const raw = f.config ? readJsonFile(f.config, 'config') : configFromFlags(f);
      if (f.config && (f.x || f.alpha || f.u0 || f.v0)) throw new UsageError('flow: give either --config or --x/--alpha/--u0/--v0, not both');
      const cfg = parseFlowConfig(raw);
      const K = f.trajectory === undefined ? 0 : integerIn('trajectory', f.trajectory, 1, 100000);
      const backend = parseBackend(f.backend);
      const F = makeField(backend, cfg.precision);
      const sEnd = F.fromString(cfg.s);
      const targets = K <= 1 ? [sEnd] : Array.from({ length: K }, (_, k) => F.div(F.mul(sEnd, F.fromNumber(k)), F.fromNumber(K - 1)));
      const scale = F.isZero(sEnd) ? F.one : sEnd;
      const bar = progress('flow', 1000);
      const rep = evaluateFlow(F, cfg, targets, (sv) => bar.update(Math.min(1000, Math.floor(F.toNumber(F.div(sv, scale)) * 1000))));
      bar.stop();
      for (const w of rep.warnings) warn(w);
      if (rep.points.length === 0) throw new RangeError(`flow: no point could be computed (${rep.warnings.join('; ') || 'integration stopped at s = 0'})`);
      const last = rep.points[rep.points.length - 1]!;
      const out: Record<string, unknown> = {
        s: last.s,
        ...(cfg.algo === 'sam-l2' && last.tau !== undefined ? { tau: last.tau } : {}),
        ...(last.u ? { u: last.u, v: last.v } : { W: last.W }),
        beta: last.beta,
        status: last.status,
        collapse_s: rep.collapse_s,
        ...(last.t !== undefined ? { t: last.t } : {}),
        algo: rep.algo,
        method: rep.method,
        precision: rep.precision,
        backend,
        rtol: rep.rtol,
        ...(rep.certificate !== undefined ? { certificate: rep.certificate, collapse_s_radius: rep.collapse_s_radius } : {}),
        ...(rep.blowup_s !== undefined ? { blowup_s: rep.blowup_s } : {}),
        assumptions: rep.assumptions,
        warnings: rep.warnings,
        ...(K > 1 ? { trajectory: rep.points } : {}),
      };
      if (f.json) {
        printJson(out);
        return;
      }
      printLine(`${rep.algo} (${rep.method}, ${rep.precision} digits, ${backend}) at s = ${last.s}: status ${last.status}${rep.collapse_s ? `, collapse at s = ${rep.collapse_s}` : ''}`);
      if (last.tau !== undefined) printLine(`  tau  = ${last.tau}`);
      if (last.u) {
        printLine(`  u    = ${last.u.join(', ')}`);
        printLine(`  v    = ${last.v!.join(', ')}`);
      }
      printLine(`  beta = ${last.beta.join(', ')}`);
      if (K > 1) for (const p of rep.points) printLine(`  s = ${p.s}: ${p.status} beta = ${p.beta.join(', ')}`);
    });
}
