/**
 * Worker-thread side of the parallel verifier: receives {claimId, options}, runs that claim's
 * checks, and posts back the ClaimReport (plain data) and progress messages.
 */
import { parentPort } from 'node:worker_threads';
import { allClaims } from '../../theorems/index.ts';
import { allChecks } from '../../proofs-checks/index.ts';
import { runVerification } from './runner.ts';

interface Job { claimId: string; precision: number; seed: number; quick: boolean }

parentPort!.on('message', async (job: Job | 'exit') => {
  if (job === 'exit') process.exit(0);
  const rep = await runVerification(allClaims, allChecks, {
    precision: job.precision,
    seed: job.seed,
    quick: job.quick,
    only: [job.claimId],
    progress: (m) => parentPort!.postMessage({ type: 'progress', message: m }),
  });
  parentPort!.postMessage({ type: 'done', claim: rep.claims[0] });
});
