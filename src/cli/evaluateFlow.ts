/**
 * One entry point for the rescaled flows of one example: closed forms (L = 2) or integration
 * (any L), at a list of s values, with the common report shape of `samcheck flow`.
 *
 * Main definitions:
 * - `evaluateFlow(F, cfg, targets, onProgress?)` → `FlowReport` (decimal strings):
 *   {s, tau (sam-l2, L = 2), u, v, beta (W for L ≠ 2), status, collapse_s, ...} per target.
 *   gd: B2 closed form | rescaledFlow; sam-l2: τ reduction | full 2d system (L = 2) or rescaledFlow
 *   (L ≠ 2, no certificates); sam-linf: planar exact pieces | Filippov integration (linfFlow).
 */
import type { Field } from '../numeric/Field.ts';
import { makeLoss } from '../numeric/loss.ts';
import { gdClosedForm, gdStatus } from '../flow/gdClosedForm.ts';
import { l2Flow } from '../flow/tauReduction.ts';
import { linfClosedForm } from '../flow/linfClosedForm.ts';
import { linfFlow, LINF_ASSUMPTIONS } from '../flow/linfFlow.ts';
import { rescaledFlow } from '../flow/rescaledFlow.ts';
import { physicalTime } from '../flow/physicalTime.ts';
import { gbsDefaultTolerance } from '../ode/extrapolationIntegrator.ts';
import type { FlowConfig } from '../io/flowConfig.ts';

export interface FlowPointReport {
  s: string;
  tau?: string | null;
  u?: string[];
  v?: string[];
  W?: string[][];
  beta: string[];
  status: 'running' | 'collapsed' | 'escaped' | 'blowup';
  t?: string | null;
}

export interface FlowReport {
  algo: string;
  method: string;
  precision: number;
  rtol: string | null;
  collapse_s: string | null;
  collapse_s_radius?: string | null;
  certificate?: { kind: string; s: string } | null;
  blowup_s?: string | null;
  points: FlowPointReport[];
  assumptions: string[];
  warnings: string[];
}

export function evaluateFlow<T>(F: Field<T>, cfg: FlowConfig, targets: readonly T[], onProgress?: (s: T) => void): FlowReport {
  const str = (a: T) => F.toString(a);
  const x = cfg.x.map((a) => F.fromString(a));
  const rho = F.fromString(cfg.rho);
  const W0 = cfg.W0.map((r) => r.map((a) => F.fromString(a)));
  const rtol = cfg.rtol ? F.fromString(cfg.rtol) : gbsDefaultTolerance(F);
  const loss = cfg.loss ? makeLoss(F, cfg.loss) : undefined;
  const L = W0.length;
  const warnings: string[] = [];
  const assumptions: string[] = ['one example with label y = 1 (pass y*x for y = -1)', 'rescaled time s with ds = g(z~) dt (docs/derivation.md B1)'];
  const rep: FlowReport = {
    algo: cfg.algo,
    method: cfg.method,
    precision: F.precision,
    rtol: cfg.method === 'integrate' || cfg.algo === 'sam-l2' ? F.toString(rtol, 6) : null,
    collapse_s: null,
    points: [],
    assumptions,
    warnings,
  };
  const timeAt = (s: T, stateAt: (s: T) => { u: readonly T[]; v: readonly T[] }): string | null => {
    if (!loss) return null;
    try {
      return str(physicalTime(F, cfg.algo, x, rho, stateAt, s, loss, rtol));
    } catch (e) {
      warnings.push(`physical time at s = ${F.toString(s, 8)} not representable: ${(e as Error).message}`);
      return null;
    }
  };
  if (L !== 2 || (cfg.method === 'integrate' && cfg.algo === 'gd')) {
    if (cfg.algo === 'sam-linf') {
      const r = linfFlow(F, x, rho, W0, targets, { rtol, onProgress });
      assumptions.push(...LINF_ASSUMPTIONS);
      rep.collapse_s = r.collapseS === null ? null : str(r.collapseS);
      rep.points = r.points.map((p) => ({ s: str(p.s), W: p.W.map((row) => row.map(str)), beta: p.beta.map(str), status: p.status }));
      return rep;
    }
    const r = rescaledFlow(F, cfg.algo === 'gd' ? 'gd' : 'sam-l2', x, rho, W0, targets, { rtol, onProgress });
    rep.blowup_s = r.blowupS === null ? null : str(r.blowupS);
    if (L !== 2 && cfg.algo === 'sam-l2') warnings.push('L != 2: no B4 certificates; status is running unless the integration blows up');
    rep.points = r.points.map((p) => ({
      s: str(p.s),
      ...(L === 2 ? { u: p.W[0]!.map(str), v: p.W[1]!.map(str) } : { W: p.W.map((row) => row.map(str)) }),
      beta: p.beta.map(str),
      status: L === 2 && cfg.algo === 'gd' ? gdStatus(F, x, W0[0]!, W0[1]!) : 'running',
      ...(L === 2 && loss ? { t: timeAt(p.s, (sv) => gdClosedForm(F, x, W0[0]!, W0[1]!, sv)) } : {}),
    }));
    if (r.status === 'blowup') {
      warnings.push(`solution blew up near s = ${F.toString(r.blowupS!, 12)}; later targets omitted`);
      rep.points.push({ s: str(r.blowupS!), beta: [], status: 'blowup' });
    }
    return rep;
  }
  const [u0, v0] = [W0[0]!, W0[1]!];
  if (cfg.algo === 'gd') {
    const st = gdStatus(F, x, u0, v0);
    rep.points = targets.map((s) => {
      const c = gdClosedForm(F, x, u0, v0, s);
      return {
        s: str(s),
        u: c.u.map(str),
        v: c.v.map(str),
        beta: c.beta.map(str),
        status: st,
        ...(loss ? { t: timeAt(s, (sv) => gdClosedForm(F, x, u0, v0, sv)) } : {}),
      };
    });
    return rep;
  }
  if (cfg.algo === 'sam-l2') {
    assumptions.push('l2-SAM uses eps = 0 where the gradient vanishes (the origin: a fixed point)');
    const method = cfg.method === 'integrate' ? 'full' : 'tau';
    let r = l2Flow(F, { x, rho, u0, v0 }, targets, { method, rtol, loss, onProgress });
    if (r.incomplete && loss) {
      // 1/g(z~) left decimal.js's exponent range (t ~ e^{z~}): redo without the physical clock
      warnings.push('physical time t(s) is not representable (1/g(z~) overflows); t omitted');
      r = l2Flow(F, { x, rho, u0, v0 }, targets, { method, rtol, onProgress });
    }
    if (r.incomplete) warnings.push('integration stopped early (step size underflow); later targets omitted');
    rep.collapse_s = r.collapseS === null ? null : str(r.collapseS);
    rep.collapse_s_radius = r.collapseSRadius === null ? null : F.toString(r.collapseSRadius, 6);
    rep.certificate = r.certificate ? { kind: r.certificate.kind, s: str(r.certificate.s) } : null;
    rep.points = r.points.map((p) => ({
      s: str(p.s),
      tau: p.tau === null ? null : str(p.tau),
      u: p.u.map(str),
      v: p.v.map(str),
      beta: p.beta.map(str),
      status: p.status,
      ...(loss ? { t: p.t === null ? null : str(p.t) } : {}),
    }));
    return rep;
  }
  // sam-linf, L = 2
  assumptions.push(...LINF_ASSUMPTIONS);
  if (cfg.method === 'integrate') {
    const r = linfFlow(F, x, rho, W0, targets, { rtol, onProgress });
    rep.collapse_s = r.collapseS === null ? null : str(r.collapseS);
    rep.points = r.points.map((p) => ({
      s: str(p.s),
      u: p.W[0]!.map(str),
      v: p.W[1]!.map(str),
      beta: p.beta.map(str),
      status: p.status,
      ...(loss ? { t: timeAt(p.s, (sv) => linfClosedForm(F, x, u0, v0, rho, sv)) } : {}),
    }));
    return rep;
  }
  let collapse: T | null = null;
  rep.points = targets.map((s) => {
    const c = linfClosedForm(F, x, u0, v0, rho, s);
    collapse = c.collapseS;
    return {
      s: str(s),
      u: c.u.map(str),
      v: c.v.map(str),
      beta: c.beta.map(str),
      status: c.status,
      ...(loss ? { t: timeAt(s, (sv) => linfClosedForm(F, x, u0, v0, rho, sv)) } : {}),
    };
  });
  if (targets.length === 0) collapse = linfClosedForm(F, x, u0, v0, rho, F.zero).collapseS;
  rep.collapse_s = collapse === null ? null : str(collapse);
  return rep;
}
