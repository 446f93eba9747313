/**
 * `samcheck explore phase`: the data behind the report's phase figures, and its usage errors.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/samcheck.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('explore phase', () => {
  it('collapse below alpha_c, the non-monotone lead at alpha = 0.5 (0-based in JSON)', () => {
    const r = run(['explore', 'phase', '--x', '0.5,1,2', '--rho', '1', '--alpha-range', '0.4:0.5', '--steps', '2', '--precision', '20', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      leader_indices: string;
      rows: {
        alpha: string;
        fate: string;
        certificate_s: string | null;
        collapse_s: string | null;
        leaders: number[];
        switches: { s: string; from: number; to: number }[];
      }[];
    };
    expect(j.leader_indices).toBe('0-based');
    expect(j.rows).toHaveLength(2);
    const [lo, hi] = j.rows;
    // alpha_c ~ 0.4445 for x = (0.5, 1, 2), rho = 1 (README finding)
    expect(lo!.fate).toBe('collapse');
    expect(lo!.collapse_s).not.toBeNull();
    expect(hi!.fate).toBe('escape');
    expect(hi!.leaders).toEqual([1, 0, 1, 2]);
    expect(Number(hi!.switches[0]!.s)).toBeCloseTo(0.4911054678, 8);
    expect(r.stderr).toMatch(/\[2\/2\] alpha = 0\.5/);
  });
  it('human output names coordinates x_1 … x_d', () => {
    const r = run(['explore', 'phase', '--x', '0.5,1,2', '--alpha-range', '0.5:0.55', '--steps', '2', '--precision', '20']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('x_2 -> x_1 (s = 0.4911');
  });
  it.each([
    [['--alpha-range', '0.6:0.5'], /alpha-range/],
    [['--alpha-range', 'abc'], /alpha-range/],
    [['--steps', '1'], /steps/],
  ])('usage error %j: exit 2, one line', (extra, msg) => {
    const r = run(['explore', 'phase', '--x', '0.5,1,2', ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });
});

describe('report usage errors', () => {
  it.each([
    [['report', '--from', '/nonexistent/verify.json'], /from: cannot read/],
    [['report', '--quick', '--full'], /--quick or --full/],
    [['report', '--backend', 'foo'], /backend/],
  ])('%j: exit 2, one line, nothing started', (args, msg) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });
});
