/**
 * `samcheck verify` through the real CLI: `--quick --json` lists every claim of the catalogue
 * (src/cli/catalogue.ts) in catalogue order with a status, margin and tolerance, none failing; usage errors exit 2 with one stderr line; the
 * human table ends with the `claims: …` line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CATALOGUE_BEGIN, CATALOGUE_END } from '../../src/verify/catalogueMarkdown.ts';
import { catalogue } from '../../src/cli/catalogue.ts';
import { obligations } from '../../proofs-checks/symbolic/index.ts';
import { DEFAULT_SEED } from '../../src/verify/seed.ts';
import { ROOT, spawnCli, type SpawnOut } from './cli.ts';

type Out = SpawnOut;

const runCli = (args: string[]) => spawnCli(args, { progress: true });

const IDS = (await catalogue).claims.map((c) => c.id);
/** The claims that symbolic obligations back (each obligation names its claim). */
const SYMBOLIC = [...new Set(obligations.map((o) => o.item))];

describe('samcheck verify --quick --json', () => {
  let out: Out;
  let report: any;
  beforeAll(async () => {
    out = await runCli(['verify', '--quick', '--json']);
    report = JSON.parse(out.stdout);
  }, 600_000);

  it('exits 0 and lists every claim exactly once', () => {
    expect(out.code).toBe(0);
    expect(report.claims.map((c: any) => c.id)).toEqual(IDS);
  });

  it('no claim fails; every claim has a measured margin, a tolerance, a method, a scope and a seed', () => {
    for (const c of report.claims) {
      expect(c.status, `${c.id}: ${JSON.stringify(c.checks.map((k: any) => k.reason))}`).not.toBe('fail');
      expect(['pass', 'inconclusive', 'skipped']).toContain(c.status);
      expect(typeof c.margin).toBe('string');
      expect(typeof c.tolerance).toBe('string');
      expect(c.method.length).toBeGreaterThan(0);
      expect(c.scope.length).toBeGreaterThan(0);
      expect(c.seed).toBe(DEFAULT_SEED);
    }
    expect(report.summary.failed).toBe(0);
    expect(report.summary.total).toBe(IDS.length);
  });

  it('paper claims and witnesses are kept apart from derived ones', () => {
    const byId = Object.fromEntries(report.claims.map((c: any) => [c.id, c]));
    expect(byId.P3.kind).toBe('witness');
    expect(byId.P7.kind).toBe('witness');
    expect(byId.P7.source).toBe('secondary summary');
    expect(byId.B5.source).toBe('derived in docs/derivation.md');
    expect(byId.P2.source).toBe('paper abstract');
  });

  it('symbolic obligations back the derived claims', () => {
    expect(SYMBOLIC.length).toBeGreaterThan(0);
    for (const id of SYMBOLIC) {
      const c = report.claims.find((x: any) => x.id === id);
      expect(
        c.checks.some((k: any) => k.method === 'symbolic' && k.status === 'pass'),
        id,
      ).toBe(true);
    }
  });

  it('prints no NaN or Infinity', () => {
    expect(out.stdout).not.toMatch(/NaN|Infinity/);
  });
});

describe('samcheck verify: human output and usage errors', () => {
  it.each([
    [['verify', '--only', 'X9'], /only: unknown claim id/],
    [['verify', '--precision', '5'], /precision must be an integer in 10\.\.1000/],
    [['verify', '--seed', 'abc'], /seed must be an integer/],
    [['verify', '--jobs', '0'], /jobs must be an integer/],
  ] as const)('%j exits 2 with one line', async (args, msg) => {
    const r = await runCli([...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });

  it('the table ends with the claims line', async () => {
    const r = await runCli(['verify', '--only', 'B9', 'P6', '--quick']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^claims: 2 passed, 0 failed, 0 inconclusive, 0 skipped$/);
  });

  it('--replay CLAIM:CHECK --path P reruns exactly the draw at P (the third draw of the full run)', async () => {
    const full = JSON.parse((await runCli(['verify', '--only', 'B2', '--quick', '--json'])).stdout);
    const drawn = full.claims[0].checks.find((k: any) => k.check === 'discrete-identity').inputs.samples[2].input;
    const r = await runCli(['verify', '--replay', 'B2:discrete-identity', '--seed', String(DEFAULT_SEED), '--path', '2', '--quick', '--json']);
    expect(r.code).toBe(0);
    const k = JSON.parse(r.stdout).claims[0].checks;
    expect(k).toHaveLength(1);
    expect(k[0].notes.join(' ')).toMatch(/replayed fast-check path 2 .* 1 inputs evaluated/);
    expect(k[0].inputs.samples[0].input).toEqual(drawn);
  });

  it.each([
    [['verify', '--replay', 'B2'], /replay must be CLAIM:CHECK/],
    [['verify', '--replay', 'B2:nope'], /replay: claim B2 has no check "nope"/],
    [['verify', '--replay', 'B2:discrete-identity', '--path', 'x1'], /path must be a fast-check path/],
    [['verify', '--path', '1'], /path: only with --replay/],
  ] as const)('%j exits 2 with one line', async (args, msg) => {
    const r = await runCli([...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });

  it('--list --markdown prints the catalogue table that README.md holds', async () => {
    const r = await runCli(['verify', '--list', '--markdown']);
    expect(r.code).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const begin = readme.indexOf(CATALOGUE_BEGIN) + CATALOGUE_BEGIN.length;
    expect(r.stdout.trim()).toBe(readme.slice(begin, readme.indexOf(CATALOGUE_END)).trim());
  });

  it('--audit says what each verdict rests on', async () => {
    const r = await runCli(['verify', '--only', 'P3', '--quick', '--audit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/witnesses/);
    expect(r.stdout).toMatch(/claims: 1 passed/);
  });
});
