/**
 * Runs claims on a pool of worker threads (one claim per job), preserving catalogue order in
 * the report. Each worker is an independent Node isolate with its own decimal.js state; it loads
 * the catalogue from the module it is told (`CatalogueModule.module`), never a global one.
 * With jobs = 1 it delegates to the in-process runner.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { CatalogueModule } from './Catalogue.ts';
import { runVerification, selectClaims, selectSearches, summarize, type ClaimReport, type SearchRun, type VerifyOptions, type VerifyReport } from './runner.ts';
import type { WorkerJob, WorkerMessage } from './workerMain.ts';

const WORKER = fileURLToPath(new URL('../../bin/verify-worker.js', import.meta.url));

/** A module specifier a worker can import: file URLs pass through, absolute paths become file URLs. */
export function moduleUrl(module: string): string {
  return isAbsolute(module) ? pathToFileURL(module).href : module;
}

export async function runVerificationParallel(source: CatalogueModule, opts: VerifyOptions & { jobs: number }): Promise<VerifyReport> {
  const { catalogue } = source;
  const selected = selectClaims(catalogue.claims, opts.only);
  const selectedSearches = selectSearches(catalogue.searches, opts.only);
  const jobs = Math.max(1, Math.min(opts.jobs, selected.length + selectedSearches.length));
  if (jobs === 1) return runVerification(catalogue, opts);
  const t0 = performance.now();
  const results = new Map<string, ClaimReport>();
  const searchRuns = new Map<string, SearchRun>();
  const module = moduleUrl(source.module);
  const queue: { kind: 'claim' | 'search'; id: string }[] = [
    ...selected.map((c) => ({ kind: 'claim' as const, id: c.id })),
    ...selectedSearches.map((s) => ({ kind: 'search' as const, id: s.id })),
  ];
  await Promise.all(
    Array.from(
      { length: jobs },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(WORKER);
          const next = () => {
            const c = queue.shift();
            if (!c) {
              w.postMessage('exit');
              return;
            }
            const job: WorkerJob = { kind: c.kind, id: c.id, module, precision: opts.precision, seed: opts.seed, quick: opts.quick, backend: opts.backend };
            w.postMessage(job);
          };
          w.on('message', (m: WorkerMessage) => {
            if (m.type === 'progress') opts.progress?.(m.message);
            else if (m.type === 'error') {
              reject(new Error(`verify worker: ${m.message}`));
              void w.terminate();
            } else {
              if (m.type === 'done') results.set(m.claim.id, m.claim);
              else searchRuns.set(m.run.report.id, m.run);
              next();
            }
          });
          w.on('error', reject);
          w.on('exit', () => resolve());
          next();
        }),
    ),
  );
  const reports = selected.map((c) => {
    const r = results.get(c.id);
    if (!r) throw new Error(`worker returned no report for ${c.id}`);
    return r;
  });
  const runs = selectedSearches.map((s) => searchRuns.get(s.id)).filter((r): r is SearchRun => r !== undefined);
  return summarize(reports, opts, (performance.now() - t0) / 1000, runs);
}
