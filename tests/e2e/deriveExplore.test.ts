/**
 * `samcheck derive` and `samcheck explore basin` through the real CLI (spawned processes, run concurrently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli, type SpawnOut } from './cli.ts';

type Out = SpawnOut;

const runCli = (args: string[]) => spawnCli(args);

let dir = '';
const out: Record<string, Out> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samcheck-derive-'));
  writeFileSync(
    join(dir, 'pts.json'),
    JSON.stringify([
      ['0.5', '0.5'],
      ['-1', '3'],
      ['1', '1'],
      ['-3', '0.5'],
      ['0', '0.5'],
      ['3', '-0.5'],
    ]),
  );
  writeFileSync(join(dir, 'bad.json'), '[["1","2"], ["x","1"]]');
  writeFileSync(join(dir, 'notjson.json'), '[["1","2"');
  writeFileSync(join(dir, 'shape.json'), '[["1","2","3"]]');
  const jobs: Array<[string, string[]]> = [
    ['derive', ['derive', '--json', '--only', 'B2.pq', '--only', 'D.gd']],
    ['deriveText', ['derive', '--only', 'B8.sliding']],
    ['deriveBadOnly', ['derive', '--only', 'Z9']],
    ['deriveBadPrecision', ['derive', '--precision', '5']],
    ['basin', ['explore', 'basin', '--rho', '1', '--points', join(dir, 'pts.json'), '--json']],
    ['basinBadRho', ['explore', 'basin', '--rho', 'abc', '--points', join(dir, 'pts.json'), '--json']],
    ['basinNegRho', ['explore', 'basin', '--rho', '-1', '--points', join(dir, 'pts.json'), '--json']],
    ['basinBadPoint', ['explore', 'basin', '--rho', '1', '--points', join(dir, 'bad.json'), '--json']],
    ['basinNotJson', ['explore', 'basin', '--rho', '1', '--points', join(dir, 'notjson.json'), '--json']],
    ['basinShape', ['explore', 'basin', '--rho', '1', '--points', join(dir, 'shape.json'), '--json']],
    ['basinMissing', ['explore', 'basin', '--rho', '1', '--points', join(dir, 'nope.json'), '--json']],
  ];
  const rs = await Promise.all(jobs.map(([, a]) => runCli(a)));
  jobs.forEach(([k], i) => (out[k] = rs[i]!));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samcheck derive', () => {
  it('--json parses, exit 0, every selected obligation passes with a numeric check', () => {
    const o = out.derive!;
    expect(o.code, o.stderr).toBe(0);
    const j = JSON.parse(o.stdout);
    expect(j.failed).toBe(0);
    expect(j.obligations.map((r: { id: string }) => r.id)).toEqual(['B2.pq', 'D.gd']);
    for (const r of j.obligations) {
      expect(r.status).toBe('pass');
      expect(r.symbolic.residual).toBe('0');
      expect(r.numeric.samples).toBeGreaterThan(0);
      expect(typeof r.latex).toBe('string');
    }
    expect(o.stdout).not.toMatch(/NaN|Infinity/);
  });
  it('table ends with the summary line', () => {
    const lines = out.deriveText!.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('obligations: 1 passed, 0 failed');
    expect(out.deriveText!.code).toBe(0);
  });
  it.each([
    ['deriveBadOnly', /--only/],
    ['deriveBadPrecision', /--precision/],
  ])('%s exits 2 with one line', (k, re) => {
    const o = out[k]!;
    expect(o.code).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(re);
    expect(o.stdout).toBe('');
  });
});

describe('samcheck explore basin', () => {
  it('classifies in input order', () => {
    const o = out.basin!;
    expect(o.code, o.stderr).toBe(0);
    const j = JSON.parse(o.stdout);
    expect(j.fates).toEqual(['absorb', 'escape', 'saddle', 'escape', 'absorb', 'escape']);
    expect(j.absorbSigma[4]).toBe('0.5');
  });
  it.each([
    ['basinBadRho', /rho/],
    ['basinNegRho', /rho/],
    ['basinBadPoint', /points\[1\]\[0\]/],
    ['basinNotJson', /points file|JSON/i],
    ['basinShape', /points\[0\]/],
    ['basinMissing', /cannot read/],
  ])('%s exits 2 with a one-line message', (k, re) => {
    const o = out[k]!;
    expect(o.code).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(re);
    expect(o.stdout).toBe('');
  });
});
