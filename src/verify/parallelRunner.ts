/**
 * Runs claims on a pool of worker threads (one claim per job), preserving catalogue order in
 * the report. Each worker is an independent Node isolate with its own decimal.js state.
 * With jobs = 1 it delegates to the in-process runner.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Claim } from './Claim.ts';
import type { CheckDef } from './CheckDef.ts';
import { runVerification, selectClaims, selectSearches, summarize, type ClaimReport, type SearchRun, type VerifyOptions, type VerifyReport } from './runner.ts';
import type { FindingSearch } from './FindingSearch.ts';

const WORKER = fileURLToPath(new URL('../../bin/verify-worker.js', import.meta.url));

export async function runVerificationParallel(claims: readonly Claim[], checks: readonly CheckDef[], opts: VerifyOptions & { jobs: number }, searches: readonly FindingSearch[] = []): Promise<VerifyReport> {
  const selected = selectClaims(claims, opts.only);
  const selectedSearches = selectSearches(searches, opts.only);
  const jobs = Math.max(1, Math.min(opts.jobs, selected.length + selectedSearches.length));
  if (jobs === 1) return runVerification(claims, checks, opts, searches);
  const t0 = performance.now();
  const results = new Map<string, ClaimReport>();
  const searchRuns = new Map<string, SearchRun>();
  const queue: { kind: 'claim' | 'search'; id: string }[] = [...selected.map((c) => ({ kind: 'claim' as const, id: c.id })), ...selectedSearches.map((s) => ({ kind: 'search' as const, id: s.id }))];
  await Promise.all(
    Array.from({ length: jobs }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER);
      const next = () => {
        const c = queue.shift();
        if (!c) {
          w.postMessage('exit');
          return;
        }
        w.postMessage({ kind: c.kind, id: c.id, precision: opts.precision, seed: opts.seed, quick: opts.quick });
      };
      w.on('message', (m: { type: 'progress'; message: string } | { type: 'done'; claim: ClaimReport } | { type: 'search'; run: SearchRun }) => {
        if (m.type === 'progress') opts.progress?.(m.message);
        else {
          if (m.type === 'done') results.set(m.claim.id, m.claim);
          else searchRuns.set(m.run.report.id, m.run);
          next();
        }
      });
      w.on('error', reject);
      w.on('exit', () => resolve());
      next();
    })),
  );
  const reports = selected.map((c) => {
    const r = results.get(c.id);
    if (!r) throw new Error(`worker returned no report for ${c.id}`);
    return r;
  });
  const runs = selectedSearches.map((s) => searchRuns.get(s.id)).filter((r): r is SearchRun => r !== undefined);
  return summarize(reports, opts, (performance.now() - t0) / 1000, runs);
}
