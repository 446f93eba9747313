/**
 * `samcheck flow` and `samcheck explore critical-scale|leaders` through the real command tree (in-process main()):
 * bad inputs exit with code 2 and one stderr line naming the field and value; good runs print
 * JSON with decimal strings only (no NaN/Infinity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from './cli.ts';

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;
interface Out {
  code: number | null;
  stdout: string;
  stderr: string;
}

const runCli = runInProcess;

const GOOD = {
  algo: 'sam-l2',
  rho: '1',
  x: ['0.5', '1', '2'],
  u0: ['0.5', '0.5', '0.5'],
  v0: ['0.5', '0.5', '0.5'],
  s: '5',
  precision: 20,
  method: 'closed-form',
};

// [label, config override, text expected in the one-line error]
const BAD: Array<[string, Record<string, unknown>, string]> = [
  ['negative rho', { rho: '-1' }, 'rho'],
  ['rho as number', { rho: 1 }, 'rho'],
  ['NaN string', { s: 'NaN' }, 's'],
  ['Infinity', { x: ['0.5', 'Infinity', '2'] }, 'x[1]'],
  ['negative s', { s: '-0.1' }, 's'],
  ['precision too low', { precision: 9 }, 'precision'],
  ['precision too high', { precision: 1001 }, 'precision'],
  ['shape mismatch', { u0: ['0.5', '0.5'] }, 'u0'],
  ['unknown algo', { algo: 'adam' }, 'algo'],
  ['unknown method', { method: 'euler' }, 'method'],
  ['all-zero x', { x: ['0', '0', '0'] }, 'x'],
  ['unknown field', { foo: 1 }, 'foo'],
  ['empty x', { x: [] }, 'x'],
];

let dir = '';
const results = new Map<string, Out>();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samcheck-flow-'));
  const jobs: Array<[string, string[]]> = [];
  BAD.forEach(([label, over], i) => {
    const f = join(dir, `bad${i}.json`);
    writeFileSync(f, JSON.stringify({ ...GOOD, ...over }));
    jobs.push([label, ['flow', '--config', f, '--json']]);
  });
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(GOOD));
  const big = join(dir, 'big.json');
  writeFileSync(big, JSON.stringify({ ...GOOD, s: '1000', algo: 'gd' }));
  const linf = join(dir, 'linf.json');
  writeFileSync(linf, JSON.stringify({ ...GOOD, algo: 'sam-linf', u0: ['0.3', '1.5', '-0.2'], v0: ['0.2', '1.0', '0.1'] }));
  jobs.push(['good', ['flow', '--config', good, '--json', '--trajectory', '3']]);
  jobs.push(['big', ['flow', '--config', big, '--json']]);
  jobs.push(['linf', ['flow', '--config', linf, '--json']]);
  jobs.push(['missing file', ['flow', '--config', join(dir, 'nope.json'), '--json']]);
  jobs.push(['bad trajectory', ['flow', '--config', good, '--trajectory', '0']]);
  jobs.push(['cs bad rho', ['explore', 'critical-scale', '--x', '0.5,1,2', '--rho', '0', '--json']]);
  jobs.push(['cs bad x', ['explore', 'critical-scale', '--x', '0.5,abc', '--json']]);
  jobs.push(['cs bad tol', ['explore', 'critical-scale', '--x', '1,2', '--tol', '-1', '--json']]);
  jobs.push(['cs d1', ['explore', 'critical-scale', '--x', '2', '--rho', '1', '--json']]);
  jobs.push(['ld bad alpha', ['explore', 'leaders', '--x', '0.5,1,2', '--alpha', '-0.5', '--json']]);
  jobs.push(['ld shape', ['explore', 'leaders', '--x', '0.5,1,2', '--u0', '1,2', '--v0', '1,2,3', '--json']]);
  for (const [label, a] of jobs) results.set(label, await runCli(a));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const allDecimal = (o: unknown): boolean => {
  if (typeof o === 'string') return true;
  if (typeof o === 'number') return Number.isFinite(o);
  if (Array.isArray(o)) return o.every(allDecimal);
  if (o && typeof o === 'object') return Object.values(o).every(allDecimal);
  return true;
};

describe('samcheck flow / explore: usage errors exit 2 with one line', () => {
  for (const [label, , field] of [
    ...BAD,
    ['missing file', {}, 'config'],
    ['bad trajectory', {}, 'trajectory'],
    ['cs bad rho', {}, 'rho'],
    ['cs bad x', {}, 'x[1]'],
    ['cs bad tol', {}, 'tol'],
    ['ld bad alpha', {}, 'alpha'],
    ['ld shape', {}, 'u0'],
  ] as Array<[string, unknown, string]>) {
    it(label, () => {
      const r = results.get(label)!;
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBe(1);
      expect(lines[0]).toContain(field);
    });
  }
});

describe('samcheck flow / explore: good runs', () => {
  it('sam-l2 closed form with trajectory: shape and decimal strings only', () => {
    const r = results.get('good')!;
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(expect.arrayContaining(['s', 'tau', 'u', 'v', 'beta', 'status', 'collapse_s', 'trajectory']));
    expect(o.trajectory).toHaveLength(3);
    expect(o.status).toBe('escaped');
    for (const b of o.beta) expect(b).toMatch(DECIMAL);
    expect(allDecimal(o)).toBe(true);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
  it('gd at s = 1000 stays finite', () => {
    const o = JSON.parse(results.get('big')!.stdout);
    for (const b of o.beta) expect(b).toMatch(DECIMAL);
    expect(o.tau).toBeUndefined();
  });
  it('sam-linf closed form reports exact collapse_s or escape', () => {
    const r = results.get('linf')!;
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(['running', 'escaped', 'collapsed']).toContain(o.status);
  });
  it('critical-scale d = 1 encloses rho/sqrt(2)', () => {
    const o = JSON.parse(results.get('cs d1')!.stdout);
    expect(Number(o.lo)).toBeLessThan(Math.SQRT1_2);
    expect(Number(o.hi)).toBeGreaterThan(Math.SQRT1_2);
    expect(Number(o.hi) - Number(o.lo)).toBeLessThanOrEqual(1e-8);
  });
});
