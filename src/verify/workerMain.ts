/**
 * Worker-thread side of the parallel verifier: receives a claim (or finding-search) job naming the
 * module that exports its catalogue, loads that module once, runs the job, and posts back the
 * ClaimReport or SearchRun (plain data) and progress messages.
 *
 * Main definitions: `WorkerJob`, `WorkerMessage` (the protocol with parallelRunner.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Catalogue } from './Catalogue.ts';
import type { Backend } from '../numeric/fieldFactory.ts';
import { runSearch, runVerification, type ClaimReport, type SearchRun } from './runner.ts';

export interface WorkerJob {
  readonly kind: 'claim' | 'search';
  readonly id: string;
  /** URL of a module exporting `catalogue` (a Catalogue or a promise of one). */
  readonly module: string;
  readonly precision: number;
  readonly seed: number;
  readonly quick: boolean;
  readonly backend?: Backend;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly message: string }
  | { readonly type: 'done'; readonly claim: ClaimReport }
  | { readonly type: 'search'; readonly run: SearchRun }
  | { readonly type: 'error'; readonly message: string };

const loaded = new Map<string, Promise<Catalogue>>();

async function catalogueOf(module: string): Promise<Catalogue> {
  let c = loaded.get(module);
  if (!c) {
    c = import(module).then(async (m: { catalogue?: Catalogue | Promise<Catalogue> }) => {
      const cat = await m.catalogue;
      if (!cat) throw new Error(`module ${module} exports no catalogue`);
      return cat;
    });
    loaded.set(module, c);
  }
  return c;
}

const port = parentPort;
if (port) {
  port.on('message', async (job: WorkerJob | 'exit') => {
    if (job === 'exit') process.exit(0);
    const post = (m: WorkerMessage) => port.postMessage(m);
    try {
      const catalogue = await catalogueOf(job.module);
      const opts = {
        precision: job.precision,
        seed: job.seed,
        quick: job.quick,
        backend: job.backend,
        only: [job.id],
        progress: (m: string) => post({ type: 'progress', message: m }),
      };
      if (job.kind === 'search') {
        const search = catalogue.searches.find((s) => s.id === job.id);
        if (!search) throw new Error(`search ${job.id} is not in ${job.module}`);
        post({ type: 'search', run: await runSearch(search, opts) });
        return;
      }
      const rep = await runVerification(catalogue, opts);
      const claim = rep.claims[0];
      if (!claim) throw new Error(`claim ${job.id} is not in ${job.module}`);
      post({ type: 'done', claim });
    } catch (e) {
      post({ type: 'error', message: (e as Error).message ?? String(e) });
    }
  });
}
