/**
 * End-to-end tier of the metamorphic properties (derivations in tests/metamorphic/symmetries.ts):
 * the library properties with full budgets, and the same symmetries through the command line
 * (in-process main()): flow, explore critical-scale / basin / leaders at ρ and c·ρ, c from 1e-30 to 1e30.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import * as M from '../metamorphic/symmetries.ts';
import { runInProcess } from './cli.ts';

const B: M.Budget = { runs: 8, P: 30, seed: 20261130 };

const runCli = runInProcess;
const D = Decimal.clone({ precision: 60 });
const relDiff = (a: string, b: string) =>
  new D(a)
    .minus(b)
    .abs()
    .div(D.max(new D(a).abs(), new D(b).abs()))
    .toNumber();

describe('metamorphic symmetries (full budgets)', () => {
  it('l2Flow tau reduction', () => M.all(() => M.l2FlowProperties({ ...B, runs: 5 }, 'tau')));
  it('l2Flow full system', () => M.all(() => M.l2FlowProperties({ ...B, runs: 3 }, 'full')));
  it('GD closed form and integrated flows', () => M.all(() => M.gdProperties(B)));
  it('l_inf closed form, planar fates, Filippov flow', () => M.all(() => M.linfProperties(B)));
  it('critical scale', () => M.all(() => M.criticalScaleProperties({ ...B, runs: 3, P: 25 }, '1e-5')));
  it('leaders', () => M.all(() => M.leadersProperties({ ...B, runs: 4 })));
  it('evaluateFlow, every algo and method', () => M.all(() => M.evaluateFlowProperties({ ...B, runs: 6 })));
  it('discrete maps', () => M.all(() => M.discreteProperties({ ...B, runs: 30 })));
});

describe('metamorphic symmetries through the CLI', () => {
  const scales = ['1e-30', '3.7e-12', '1e10', '2.5e30'];
  it('flow: collapse_s and status invariant under (u, v, rho) -> c (u, v, rho), for every algo', async () => {
    for (const algo of ['sam-l2', 'sam-linf', 'gd']) {
      const base = await runCli(['flow', '--algo', algo, '--x', '0.5,1,2', '--alpha', '0.3', '--rho', '1', '--s', '3', '--json', '--precision', '30']);
      expect(base.code, base.stderr).toBe(0);
      const a = JSON.parse(base.stdout);
      for (const c of scales) {
        const m = (v: string) => new D(v).times(c).toString();
        const r = await runCli(['flow', '--algo', algo, '--x', '0.5,1,2', '--alpha', m('0.3'), '--rho', m('1'), '--s', '3', '--json', '--precision', '30']);
        expect(r.code, r.stderr).toBe(0);
        const b = JSON.parse(r.stdout);
        expect(b.status).toBe(a.status);
        if (a.collapse_s !== null) expect(relDiff(a.collapse_s, b.collapse_s)).toBeLessThan(1e-10);
        b.u.forEach((u: string, i: number) => expect(Math.abs(relDiff(new D(a.u[i]).times(c).toString(), u)) < 1e-10 || new D(u).isZero()).toBe(true));
      }
    }
  });
  it('explore critical-scale: alpha_c(c rho) = c alpha_c(rho), alpha_c(c x) = alpha_c(x)', async () => {
    const base = JSON.parse((await runCli(['explore', 'critical-scale', '--x', '1,2', '--rho', '1', '--tol', '1e-6', '--json'])).stdout);
    for (const c of scales) {
      const r = await runCli(['explore', 'critical-scale', '--x', '1,2', '--rho', c, '--tol', '1e-6', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const b = JSON.parse(r.stdout);
      expect(new D(base.lo).times(c).lte(b.hi) && new D(b.lo).lte(new D(base.hi).times(c))).toBe(true);
      const rx = await runCli([
        'explore',
        'critical-scale',
        '--x',
        `${new D(c).sqrt().toSignificantDigits(6)},${new D(c).sqrt().toSignificantDigits(6).times(2)}`,
        '--rho',
        '1',
        '--tol',
        '1e-6',
        '--json',
      ]);
      expect(rx.code, rx.stderr).toBe(0);
      const e = JSON.parse(rx.stdout);
      expect(new D(base.lo).lte(e.hi) && new D(e.lo).lte(base.hi)).toBe(true);
    }
  });
  it('explore basin: fates depend on (u0, v0)/rho only (exact, at the tie too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samcheck-meta-'));
    const pts: [string, string][] = [
      ['1', '1'],
      ['0.3', '1.7'],
      ['-1', '3'],
      ['2', '-0.5'],
      ['0.999', '1'],
      ['-3', '-1'],
    ];
    const base = JSON.parse(
      (await runCli(['explore', 'basin', '--rho', '1', '--points', (writeFileSync(join(dir, 'a.json'), JSON.stringify(pts)), join(dir, 'a.json')), '--json']))
        .stdout,
    );
    for (const c of scales) {
      const f = join(dir, `p${c}.json`);
      writeFileSync(f, JSON.stringify(pts.map(([u, v]) => [new D(u).times(c).toString(), new D(v).times(c).toString()])));
      const r = await runCli(['explore', 'basin', '--rho', c, '--points', f, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).fates).toEqual(base.fates);
    }
  });
  it('explore leaders: switch times invariant under (alpha, rho) -> c (alpha, rho)', async () => {
    const base = JSON.parse((await runCli(['explore', 'leaders', '--x', '0.5,1,2', '--alpha', '0.5', '--rho', '1', '--json'])).stdout);
    for (const c of ['1e-30', '1e30']) {
      const r = await runCli(['explore', 'leaders', '--x', '0.5,1,2', '--alpha', new D('0.5').times(c).toString(), '--rho', c, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const b = JSON.parse(r.stdout);
      expect(b.switches.map((w: any) => w.leader)).toEqual(base.switches.map((w: any) => w.leader));
      b.switches.forEach((w: any, i: number) => expect(relDiff(w.s, base.switches[i].s)).toBeLessThan(1e-8));
    }
  });
});
