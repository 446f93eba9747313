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
  id: 'G1', title: 'GD closed form beta(s) = alpha^2 e^{2 x s} (external)', source: 'derived in docs/derivation.md', kind: 'universal',
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
  id: 'G2', title: 'a wrong closed form beta(1) = e^{x}', source: 'derived in docs/derivation.md', kind: 'universal',
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
      expect(out.claims.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
        ['G1', 'pass'],
        ['G2', 'fail'],
      ]);
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

describe('baselines catch a deliberate formula change', () => {
  it('verify --baseline: a closed form perturbed by 1e-36 still passes but its margin moved >= 10x toward the tolerance', () => {
    const d = mkdtempSync(join(tmpdir(), 'samcheck-baseline-'));
    try {
      mkdirSync(join(d, 'checks'));
      writeFileSync(join(d, 'G1.ts'), CLAIM_G1);
      writeFileSync(join(d, 'checks', 'g1.js'), CHECK_G1_JS);
      const b = run(['verify', '--claims', d, '--json'], d);
      expect(b.code).toBe(0);
      writeFileSync(join(d, 'baseline.json'), b.stdout);
      const same = run(['verify', '--claims', d, '--baseline', join(d, 'baseline.json')], d);
      expect(same.code).toBe(0);
      expect(same.stdout).toMatch(/baseline .*: 1 compared, 0 regressions/);
      // the deliberate change: e -> e * (1 + 1e-36)
      const changed = CHECK_G1_JS.replace(
        'const e = F.mul(F.mul(al, al), F.exp(F.mul(F.fromNumber(2), F.mul(xs, sv))));',
        "const e = F.mul(F.mul(F.mul(al, al), F.exp(F.mul(F.fromNumber(2), F.mul(xs, sv)))), F.fromString('1.000000000000000000000000000000000001'));",
      );
      expect(changed).not.toBe(CHECK_G1_JS);
      writeFileSync(join(d, 'checks', 'g1.js'), changed);
      const r = run(['verify', '--claims', d, '--baseline', join(d, 'baseline.json'), '--json'], d);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.summary.failed).toBe(0); // still passes its own tolerance ...
      expect(out.baseline.regressions.map((x: { key: string; kind: string }) => [x.key, x.kind])).toEqual([['G1:closed-form', 'margin']]); // ... but regressed
      const other = run(['verify', '--claims', d, '--baseline', join(d, 'baseline.json'), '--precision', '50'], d);
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/precision 40 in the baseline, 50 now/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('check --baseline: changing the expected formula of a claim file is caught', () => {
    const d = mkdtempSync(join(tmpdir(), 'samcheck-baseline-'));
    try {
      const claim = {
        id: 'gd',
        model: { algo: 'gd' },
        domain: { d: 2, x: '0.1..2', start: { alpha: '0.01..1' }, s: '0..3' },
        quantity: 'beta_2(s)',
        expected: 'alpha^2*exp(2*x_2*s)',
        tolerance: { digits: 30 },
        draws: 20,
      };
      const f = join(d, 'claims.json');
      writeFileSync(f, JSON.stringify(claim));
      const b = run(['check', f, '--json']);
      expect(b.code).toBe(0);
      writeFileSync(join(d, 'baseline.json'), b.stdout);
      writeFileSync(f, JSON.stringify({ ...claim, expected: 'alpha^2*exp(2*x_2*s)*(1 + 1e-34)' }));
      const r = run(['check', f, '--baseline', join(d, 'baseline.json')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/REGRESSION gd: margin\/tolerance grew/);
      writeFileSync(f, JSON.stringify({ ...claim, expected: 'alpha^2*exp(2*x_2*s + 1e-20)' }));
      const r2 = run(['check', f, '--baseline', join(d, 'baseline.json')]);
      expect(r2.code).toBe(1);
      expect(r2.stdout).toMatch(/REGRESSION gd: verdict pass -> fail/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
