/**
 * `samcheck verify --claims DIR`: claim modules written like the shipped ones (Claim data + CheckDef
 * code, importing 'samcheck/claim') in a temporary directory OUTSIDE the repository, as .ts, .mts and
 * .js, run through the same runner (in-process and on worker threads), table, JSON and exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const run = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/samcheck.js'), ...args], { cwd, encoding: 'utf8', timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const CLAIM_G1 = `import type { Claim } from 'samcheck/claim';
import { depthIs } from 'samcheck/claim';
export const G1: Claim = {
  id: 'G1', title: 'GD closed form beta(s) = alpha^2 e^{2 x s} (external)', source: 'derived in THEORY.md', kind: 'universal',
  statement: 'Under the GD rescaled flow from a balanced start alpha, beta_1(s) = alpha^2 exp(2 x s).', latex: '',
  hypotheses: [depthIs(2)], measured: 'relative error of the closed form against the engine',
  tolerances: { 'closed-form': { kind: 'belowPrecision', guardDigits: 8, why: 'an identity: only rounding remains' } },
  scope: ['one example, balanced starts, x > 0'], basis: ['numerics'],
};
`;
const CHECK_G1_JS = `import { fc, propertyOutcome, gdClosedForm } from 'samcheck/claim';
export const g1Check = {
  claimId: 'G1', name: 'closed-form', method: 'property', quantity: 'relative error',
  run(ctx) {
    const F = ctx.field(ctx.precision);
    const arb = fc.record({ x: fc.integer({ min: 1, max: 200 }), a: fc.integer({ min: 1, max: 100 }), s: fc.integer({ min: 0, max: 300 }) });
    return propertyOutcome(ctx, arb, ({ x, a, s }) => {
      const xs = F.fromString(String(x / 100)), al = F.fromString(String(a / 100)), sv = F.fromString(String(s / 100));
      const b = gdClosedForm(F, [xs], [al], [al], sv).beta[0];
      const e = F.mul(F.mul(al, al), F.exp(F.mul(F.fromNumber(2), F.mul(xs, sv))));
      return { margin: F.toString(F.div(F.abs(F.sub(b, e)), F.abs(b)), 6) };
    }, { numRuns: 30, comparison: '<=' });
  },
};
`;
const CLAIM_G2_MTS = `import type { Claim, CheckDef } from 'samcheck/claim';
import { fc, propertyOutcome, gdClosedForm } from 'samcheck/claim';
export const G2: Claim = {
  id: 'G2', title: 'a wrong closed form beta(1) = e^{x}', source: 'derived in THEORY.md', kind: 'universal',
  statement: 'wrong on purpose', latex: '', hypotheses: [], measured: 'relative error',
  tolerances: { 'closed-form': { kind: 'fixed', value: '1e-20', why: 'identity' } }, scope: [], basis: ['numerics'],
};
export const g2: CheckDef = {
  claimId: 'G2', name: 'closed-form', method: 'property', quantity: 'relative error',
  run(ctx) {
    const F = ctx.field(ctx.precision);
    return propertyOutcome(ctx, fc.integer({ min: 1, max: 100 }), (k: number) => {
      const x = F.fromString(String(k / 50));
      const b = gdClosedForm(F, [x], [F.one], [F.one], F.one).beta[0]!;
      return { margin: F.toString(F.div(F.abs(F.sub(b, F.exp(x))), F.abs(b)), 6) };
    }, { numRuns: 20, comparison: '<=' });
  },
};
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samcheck-claims-'));
  mkdirSync(join(dir, 'theorems'));
  mkdirSync(join(dir, 'checks'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-claims', private: true, type: 'module' }));
  writeFileSync(join(dir, 'theorems', 'G1.ts'), CLAIM_G1);
  writeFileSync(join(dir, 'checks', 'g1.js'), CHECK_G1_JS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify --claims DIR (outside the repository)', () => {
  it('runs a .ts claim with a .js check: table, exit 0', () => {
    expect(dir.startsWith(ROOT)).toBe(false);
    const r = run(['verify', '--claims', dir], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/G1\s+│.*PASS/);
    expect(r.stdout).toMatch(/claims: 1 passed, 0 failed/);
  });

  it('a failing .mts claim exits 1; JSON on worker threads', () => {
    writeFileSync(join(dir, 'theorems', 'G2.mts'), CLAIM_G2_MTS);
    try {
      const r = run(['verify', '--claims', dir, '--jobs', '2', '--json'], dir);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.claims.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([['G1', 'pass'], ['G2', 'fail']]);
    } finally {
      rmSync(join(dir, 'theorems', 'G2.mts'));
    }
  });

  it('an unsound catalogue or a missing directory exits 2 with one line', () => {
    const bad = mkdtempSync(join(tmpdir(), 'samcheck-claims-bad-'));
    try {
      writeFileSync(join(bad, 'G3.ts'), CLAIM_G1.replace(/G1/g, 'G3'));
      const r = run(['verify', '--claims', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^samcheck: error: --claims: claim G3 has no check/);
      const r2 = run(['verify', '--claims', join(bad, 'nope')]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/--claims: not a directory/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
