/**
 * `samcheck flow --config FILE [--trajectory K] [--json]` (or human flags): the rescaled-time flow of
 * GD / ℓ2-SAM / ℓ∞-SAM for one example, by closed form (L = 2) or high-precision integration.
 *
 * JSON: {"s","tau"(sam-l2),"u","v","beta","status","collapse_s", "algo","method","precision",
 *        "certificate","collapse_s_radius","t"(with "loss"),"assumptions","warnings",
 *        "digits_agreed","reference_precision" (every number is cut to the digits that agree with a
 *        rerun at reference_precision digits and a 10^{-(ref−P)} times tighter rtol; --no-check-digits skips it),
 *        "trajectory"?: [{s,tau,u,v,beta,status},…] (K checkpoints s·k/(K−1), k = 0..K−1)}.
 */
import { NumericError } from '../../numeric/errors.ts';
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import type { Field } from '../../numeric/Field.ts';
import { gbsDefaultTolerance } from '../../ode/extrapolationIntegrator.ts';
import { referencePrecision, vouch } from '../vouch.ts';
import type { FlowConfig } from '../../io/flowConfig.ts';
import { UsageError } from '../../io/UsageError.ts';
import { integerIn } from '../../io/validate.ts';
import { parseFlowConfig } from '../../io/flowConfig.ts';
import { evaluateFlow } from '../evaluateFlow.ts';
import { commaList, readJsonFile } from '../parse.ts';
import { printJson, printLine, progress, warn, warnIfLong } from '../output.ts';

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
  roundInputs?: boolean;
  checkDigits: boolean;
  backend?: string;
}

/** Flags that override the same field of a --config file (consistently, for every field). */
const OVERRIDES = ['algo', 'rho', 's', 'precision', 'method', 'loss'] as const;

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
    .option(
      '--config <file>',
      'JSON {"algo","rho","x","u0","v0","s","precision","method"[,"loss","rtol","W0"]}; --algo --rho --s --precision --method --loss override its fields',
    )
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
    .option('--round-inputs', 'round inputs with more digits than --precision (with a warning) instead of refusing them')
    .option('--no-check-digits', 'skip the rerun at higher precision that decides how many digits are printed')
    .option(BACKEND_FLAG, BACKEND_HELP)
    .option('--json', 'JSON output')
    .action(async (f: FlowFlags) => {
      let raw: unknown;
      if (f.config !== undefined) {
        if (f.x || f.alpha || f.u0 || f.v0) throw new UsageError('flow: give either --config or --x/--alpha/--u0/--v0, not both');
        raw = readJsonFile(f.config, 'config');
        if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
          const o = { ...(raw as Record<string, unknown>) };
          for (const k of OVERRIDES) if (f[k] !== undefined) o[k] = k === 'precision' ? f[k] : f[k];
          raw = o;
        }
      } else raw = configFromFlags(f);
      const inputWarnings: string[] = [];
      const cfg = parseFlowConfig(raw, { roundInputs: f.roundInputs, warnings: inputWarnings });
      for (const w of inputWarnings) warn(w);
      const K = f.trajectory === undefined ? 0 : integerIn('trajectory', f.trajectory, 1, 100000);
      const backend = parseBackend(f.backend);
      const P2 = f.checkDigits ? referencePrecision(cfg.precision) : null;
      if (f.checkDigits && P2 === null)
        warn(`no digits check: a rerun above ${cfg.precision} digits would exceed the 1000-digit limit; all ${cfg.precision} digits printed unchecked`);
      {
        // up-front cost estimate: ~0.5 s for the tau reduction at 40 digits, ∝ P² and growing like the
        // logarithm of the span in natural time (GBS steps grow with the solution's scale); the full system / integration costs more; the rerun at P2 ~3x
        let xmax = 0;
        for (const xi of cfg.x) xmax = Math.max(xmax, Math.abs(Number(xi)));
        const span = Math.min(1e9, Number(cfg.s) * xmax);
        const secs =
          0.5 *
          (cfg.precision / 40) ** 2 *
          (1 + Math.log10(1 + span)) *
          (cfg.method === 'integrate' ? 3 : 1) *
          (K > 1 ? 1 + K / 50 : 1) *
          (P2 === null ? 1 : 3.5);
        if (Number.isFinite(secs))
          warnIfLong(
            'flow',
            secs,
            `precision ${cfg.precision}, s·max|x| = ${span.toPrecision(3)}${P2 === null ? '' : ', plus the digits-check rerun (--no-check-digits skips it)'}`,
          );
      }
      const bar = progress('flow', P2 === null ? 1000 : 2000);
      const runAt = <T>(F: Field<T>, c: FlowConfig, offset: number) => {
        const sEnd = F.fromString(c.s);
        const targets = K <= 1 ? [sEnd] : Array.from({ length: K }, (_, k) => F.div(F.mul(sEnd, F.fromNumber(k)), F.fromNumber(K - 1)));
        const scale = F.isZero(sEnd) ? F.one : sEnd;
        let rep: ReturnType<typeof evaluateFlow>;
        try {
          rep = evaluateFlow(F, c, targets, (sv) => bar.update(offset + Math.min(1000, Math.floor(F.toNumber(F.div(sv, scale)) * 1000))));
        } catch (e) {
          // name the quantity and the step: which flow, which method, up to which s, at which precision
          if (e instanceof RangeError || (e instanceof NumericError && !/^flow/.test(e.message))) {
            throw new NumericError(`flow (${c.algo}, ${c.method}, ${c.precision} digits) towards s = ${c.s}: ${e.message.split('\n')[0]}`, 'flow state');
          }
          throw e;
        }
        if (rep.points.length === 0)
          throw new NumericError(`flow: no point could be computed (${rep.warnings.join('; ') || 'integration stopped at s = 0'})`, 'flow state');
        return { rep, out: shape(c, rep, K) };
      };
      const F = makeField(backend, cfg.precision);
      const main = runAt(F, cfg, 0);
      let out = main.out;
      let digits: number | null = null;
      if (P2 !== null) {
        // the same flow at more digits and a tighter tolerance
        const G = makeField(backend, P2);
        const rtol = cfg.rtol ? F.fromString(cfg.rtol) : gbsDefaultTolerance(F);
        const rtol2 = F.toString(F.mul(rtol, F.powInt(F.fromNumber(10), -(P2 - cfg.precision))));
        const ref = runAt(G, { ...cfg, precision: P2, rtol: rtol2 }, 1000);
        const v = vouch(main.out, ref.out, cfg.precision, VOUCHED);
        // 'running' vs 'escaped' only says on which side of a target the first escape certificate fell
        const soft = v.mismatches.filter((p) => /status$/.test(p) && [pick(main.out, p), pick(ref.out, p)].every((x) => x === 'running' || x === 'escaped'));
        for (const p of soft)
          warn(
            `flow: ${p} is ${JSON.stringify(pick(main.out, p))} at ${cfg.precision} digits and ${JSON.stringify(pick(ref.out, p))} at ${P2} (the escape certificate is reached within the integration tolerance of s)`,
          );
        v.mismatches.splice(0, v.mismatches.length, ...v.mismatches.filter((p) => !soft.includes(p)));
        if (v.mismatches.length > 0) {
          throw new NumericError(
            `flow: the result changes when rerun at ${P2} digits (${v.mismatches
              .slice(0, 3)
              .map((p) => `${p}: ${JSON.stringify(pick(main.out, p))} vs ${JSON.stringify(pick(ref.out, p))}`)
              .join('; ')}); cannot certify it (tighten rtol or raise --precision)`,
            'flow state',
          );
        }
        out = v.value;
        digits = v.digits;
        if (digits < cfg.precision)
          warn(`flow: ${digits} significant digits agree with a rerun at ${P2} digits (of ${cfg.precision} working digits); printing those`);
      }
      bar.stop();
      for (const w of main.rep.warnings) warn(w);
      out = { ...out, backend, digits_agreed: digits, reference_precision: P2 };
      if (f.json) {
        printJson(out);
        return;
      }
      const o = out as Record<string, any>;
      printLine(
        `${o.algo} (${o.method}, ${o.precision} digits, ${backend}${digits !== null ? `, ${digits} agree with a ${P2}-digit rerun` : ''}) at s = ${o.s}: status ${o.status}${o.collapse_s ? `, collapse at s = ${o.collapse_s}` : ''}`,
      );
      if (o.tau !== undefined) printLine(`  tau  = ${o.tau}`);
      if (o.u) {
        printLine(`  u    = ${o.u.join(', ')}`);
        printLine(`  v    = ${o.v.join(', ')}`);
      }
      printLine(`  beta = ${o.beta.join(', ')}`);
      if (K > 1) for (const p of o.trajectory) printLine(`  s = ${p.s}: ${p.status} beta = ${p.beta.join(', ')}`);
    });
}

/** Keys whose numbers are cut to the agreeing digits (metadata such as rtol and radii are not). */
const VOUCHED = new Set(['s', 'tau', 'u', 'v', 'W', 'beta', 'status', 'collapse_s', 't', 'blowup_s', 'trajectory']);

function pick(o: unknown, path: string): unknown {
  let cur: any = o;
  for (const part of path.split(/\.|\[|\]/).filter(Boolean)) cur = cur?.[part];
  return cur;
}

function shape(cfg: FlowConfig, rep: ReturnType<typeof evaluateFlow>, K: number): Record<string, unknown> {
  const last = rep.points[rep.points.length - 1]!;
  return {
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
    rtol: rep.rtol,
    ...(rep.certificate !== undefined ? { certificate: rep.certificate, collapse_s_radius: rep.collapse_s_radius } : {}),
    ...(rep.blowup_s !== undefined ? { blowup_s: rep.blowup_s } : {}),
    assumptions: rep.assumptions,
    warnings: rep.warnings,
    ...(K > 1 ? { trajectory: rep.points } : {}),
  };
}
