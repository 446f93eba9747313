/**
 * Applying a semantic mutant to a temporary copy of the repository and judging `verify --quick`.
 *
 * Main definitions:
 * - `checkAnchors(root, m)`: the edits whose search text does not occur exactly once (empty = ok).
 * - `mutatedSource(text, m)`: the patched text (throws when an anchor is missing or ambiguous).
 * - `makeMutantCopy(root, m)`: copies the tree (no node_modules, .git, dist/, Stryker scratch) into
 *   a temporary directory, symlinks node_modules, applies the mutant; returns the directory.
 * - `runMutant(root, m, seed, opts)`: runs `node bin/samcheck.js verify --quick --json --seed S
 *   --jobs 1 [--only <claims>]` in the copy (CLI, own process, timeout) and classifies the result:
 *   killed (exit 1 and one of the named claims failed), survived (exit 0), wrong-claim (exit 1 by
 *   other claims only), crash (exit 2/3/4, signal, unparsable output), timeout, anchor (patch
 *   could not be applied). Only `killed` counts as caught.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { Mutant } from './catalogue.ts';

export type MutantVerdict = 'killed' | 'survived' | 'wrong-claim' | 'crash' | 'timeout' | 'anchor';

export interface MutantRun {
  readonly id: string;
  readonly seed: number;
  readonly verdict: MutantVerdict;
  readonly exitCode: number | null;
  readonly seconds: number;
  /** Claims that failed (status 'fail'), in the order verify reports them. */
  readonly failedClaims: readonly string[];
  /** Failed checks as claim/check. */
  readonly failedChecks: readonly string[];
  /** First line of each failed check's reason (what caught the mutant). */
  readonly reasons?: readonly string[];
  readonly detail?: string;
}

// dist/ is never copied and the CLI is forced onto the sources: a compiled build would not contain the mutant
const SKIP = new Set(['node_modules', '.git', '.stryker-tmp', 'reports', 'coverage', 'dist']);

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

export function checkAnchors(root: string, m: Mutant): string[] {
  let text: string;
  try {
    text = readFileSync(join(root, m.file), 'utf8');
  } catch {
    return [`${m.file}: file not found`];
  }
  return m.edits
    .filter((e) => occurrences(text, e.search) !== 1)
    .map((e) => `${m.file}: anchor occurs ${occurrences(text, e.search)} times (want 1): ${JSON.stringify(e.search.slice(0, 80))}`);
}

export function mutatedSource(text: string, m: Mutant): string {
  let out = text;
  for (const e of m.edits) {
    const n = occurrences(out, e.search);
    if (n !== 1) throw new Error(`mutant ${m.id}: anchor occurs ${n} times in ${m.file} (want 1): ${JSON.stringify(e.search.slice(0, 80))}`);
    out = out.replace(e.search, () => e.replace);
  }
  if (out === text) throw new Error(`mutant ${m.id}: patch changes nothing`);
  return out;
}

export function makeMutantCopy(root: string, m: Mutant): string {
  const dir = mkdtempSync(join(tmpdir(), `samcheck-mutant-${m.id}-`));
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry)) continue;
    cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes('/node_modules') && !src.includes('/.stryker-tmp') });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const file = join(dir, m.file);
  writeFileSync(file, mutatedSource(readFileSync(file, 'utf8'), m));
  return dir;
}

export interface RunOptions {
  /** Run the whole catalogue instead of only the named claims. */
  readonly full?: boolean;
  readonly timeoutSeconds?: number;
  readonly keep?: boolean;
}

interface VerifyJson {
  claims?: { id: string; status: string; checks?: { check: string; status: string; reason?: string }[] }[];
}

export async function runMutant(root: string, m: Mutant, seed: number, opts: RunOptions = {}): Promise<MutantRun> {
  const t0 = Date.now();
  const secs = () => Math.round((Date.now() - t0) / 100) / 10;
  const bad = checkAnchors(root, m);
  if (bad.length > 0) return { id: m.id, seed, verdict: 'anchor', exitCode: null, seconds: 0, failedClaims: [], failedChecks: [], detail: bad.join('; ') };
  const dir = makeMutantCopy(root, m);
  const args = ['bin/samcheck.js', 'verify', '--quick', '--json', '--seed', String(seed), '--jobs', '1'];
  if (!opts.full) args.push('--only', ...m.claims);
  const timeout = (opts.timeoutSeconds ?? 300) * 1000;
  try {
    const res = await new Promise<{ code: number | null; signal: string | null; out: string; err: string; timedOut: boolean }>((resolve) => {
      const child = spawn(process.execPath, args, {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', SAMCHECK_LOADER: 'tsx' },
      });
      let out = '';
      let err = '';
      let timedOut = false;
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeout);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, out, err, timedOut });
      });
    });
    if (res.timedOut)
      return {
        id: m.id,
        seed,
        verdict: 'timeout',
        exitCode: null,
        seconds: secs(),
        failedClaims: [],
        failedChecks: [],
        detail: `no answer within ${timeout / 1000} s`,
      };
    let parsed: VerifyJson | null = null;
    try {
      parsed = JSON.parse(res.out) as VerifyJson;
    } catch {
      parsed = null;
    }
    const failedClaims = (parsed?.claims ?? []).filter((c) => c.status === 'fail').map((c) => c.id);
    const failedChecks = (parsed?.claims ?? []).flatMap((c) => (c.checks ?? []).filter((k) => k.status === 'fail').map((k) => `${c.id}/${k.check}`));
    const reasons = (parsed?.claims ?? []).flatMap((c) =>
      (c.checks ?? []).filter((k) => k.status === 'fail').map((k) => `${c.id}/${k.check}: ${(k.reason ?? '').slice(0, 200)}`),
    );
    const lastErr = res.err.trim().split('\n').filter(Boolean).slice(-2).join(' | ');
    if (res.code === 1 && parsed) {
      const hit = m.claims.some((c) => failedClaims.includes(c));
      return { id: m.id, seed, verdict: hit ? 'killed' : 'wrong-claim', exitCode: 1, seconds: secs(), failedClaims, failedChecks, reasons };
    }
    if (res.code === 0 && parsed) return { id: m.id, seed, verdict: 'survived', exitCode: 0, seconds: secs(), failedClaims, failedChecks };
    return {
      id: m.id,
      seed,
      verdict: 'crash',
      exitCode: res.code,
      seconds: secs(),
      failedClaims,
      failedChecks,
      detail: res.signal ? `signal ${res.signal}` : lastErr.slice(0, 300),
    };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}
