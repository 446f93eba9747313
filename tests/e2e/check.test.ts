/**
 * `samcheck check` and `samcheck explore search` through the real CLI (bin/samcheck.js): the three
 * examples with their expected verdicts and exit codes, the printed replay command reproducing the
 * shrunk counterexample, formula errors exiting 2 with one stderr line naming symbol and column.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/samcheck.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('samcheck check (e2e)', () => {
  it('gd-closed-form.json passes: numeric margin and symbolic residual 0', () => {
    const r = run(['check', 'examples/gd-closed-form.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const c = out.claims[0];
    expect(c.status).toBe('pass');
    expect(Number(c.margin)).toBeLessThanOrEqual(Number(c.tolerance));
    expect(c.symbolic.verdict).toBe('zero');
    expect(c.symbolic.residuals).toEqual({ ode: '0', initialValue: '0', initialSlope: '0' });
  });

  it('linf-threshold.yaml fails with a shrunk counterexample; the printed replay reproduces it', () => {
    const r = run(['check', 'examples/linf-threshold.yaml']);
    expect(r.code).toBe(1);
    const m = /replay: samcheck (.*)$/m.exec(r.stdout);
    expect(m).not.toBeNull();
    const ce = /counterexample \(shrunk \d+ times\): (.*)$/m.exec(r.stdout)![1];
    const again = run(m![1]!.split(' '));
    expect(again.code).toBe(1);
    expect(/counterexample \(shrunk \d+ times\): (.*)$/m.exec(again.stdout)![1]).toBe(ce);
  });

  it('l2-escape-partial.json: the whole-range claim fails, the restricted one holds', () => {
    const r = run(['check', 'examples/l2-escape-partial.json', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.claims.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['l2-escapes-everywhere', 'fail'],
      ['l2-escapes-above-alpha-c', 'pass'],
    ]);
    expect(out.claims[0].census.held).toBeGreaterThan(0);
  });

  it('formula errors exit 2 with one line naming the symbol and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samcheck-check-'));
    const f = join(dir, 'bad.json');
    writeFileSync(
      f,
      JSON.stringify({
        id: 'bad',
        model: { algo: 'gd' },
        domain: { d: 2, x: '0.1..1', start: { alpha: '0.5' } },
        quantity: 'beta_1(s)',
        expected: 'alpha^2*exp(2*x_3*s)',
        tolerance: { digits: 20 },
      }),
    );
    const r = run(['check', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['samcheck: error: claim.expected: unknown symbol "x_3" (subscripts are 1-based, 1..2) at column 15']);
    writeFileSync(f, 'id: bad\nmodel: {algo: gd}\ndomain: {d: 1, x: "1", start: {alpha: "0.5"}}\nholds: "beta_1 > > 0"\n');
    const r2 = run(['check', f]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/claim.holds: expected a number, a name or "\(", found ">" at column 10/);
  });

  it('explore search --edge on the false example: per-edge counts, exit 1, replay reproduces', () => {
    const r = run(['explore', 'search', '--claim', 'examples/linf-threshold.yaml', '--edge', '--runs', '150']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/linf-boundary\s+\d+\s+\d+/);
    const m = /replay: samcheck (.*)$/m.exec(r.stdout)!;
    const ce = /counterexample \(shrunk \d+ times\): (.*)$/m.exec(r.stdout)![1];
    const again = run(m[1]!.split(' '));
    expect(again.code).toBe(1);
    expect(/counterexample \(shrunk \d+ times\): (.*)$/m.exec(again.stdout)![1]).toBe(ce);
  });

  it('explore search on a true claim exits 0', () => {
    const r = run(['explore', 'search', '--claim', 'examples/gd-closed-form.json', '--runs', '100', '--edge']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/search: 0 of 1 claims with a counterexample/);
  });

  it("explore search --claim ID reruns a catalogue claim's property checks over seeds", () => {
    const r = run(['explore', 'search', '--claim', 'B9', '--runs', '2', '--quick', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.id).toBe('B9');
    expect(out.seeds).toEqual([20260308, 20260309]);
    expect(out.checks['basin-rule'].runs).toBe(2);
    expect(out.counterexample).toBeNull();
    const bad = run(['explore', 'search', '--claim', 'B9', '--edge']);
    expect(bad.code).toBe(2);
  });
});
