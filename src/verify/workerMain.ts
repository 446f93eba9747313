/**
 * Worker-thread side of the parallel verifier: receives a claim (or finding-search) job, runs it,
 * and posts back the ClaimReport or SearchRun (plain data) and progress messages.
 */
import { parentPort } from 'node:worker_threads';
import { allClaims } from '../../theorems/index.ts';
import { allChecks, allSearches } from '../../proofs-checks/index.ts';
import { runSearch, runVerification } from './runner.ts';

interface Job { kind: 'claim' | 'search'; id: string; precision: number; seed: number; quick: boolean }

parentPort!.on('message', async (job: Job | 'exit') => {
  if (job === 'exit') process.exit(0);
  const opts = {
    precision: job.precision,
    seed: job.seed,
    quick: job.quick,
    only: [job.id],
    progress: (m: string) => parentPort!.postMessage({ type: 'progress', message: m }),
  };
  if (job.kind === 'search') {
    const search = allSearches.find((s) => s.id === job.id)!;
    parentPort!.postMessage({ type: 'search', run: await runSearch(search, opts) });
    return;
  }
  const rep = await runVerification(allClaims, allChecks, opts);
  parentPort!.postMessage({ type: 'done', claim: rep.claims[0] });
});
