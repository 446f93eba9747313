/**
 * The `[k/N] claim check … (elapsed, ETA)` progress of a verify run, fed by the runner's
 * progress callback (which announces each check as "CLAIM CHECK ..." and each search as
 * "search ID ..."). Messages from inside a check are shown only on a terminal.
 *
 * Main definitions:
 * - `verifyProgress(catalogue, only, prefix)`: the callback for `runVerification*`.
 */
import type { Catalogue } from '../verify/Catalogue.ts';
import { selectClaims, selectSearches } from '../verify/runner.ts';
import { ProgressCounter, type ProgressSink } from './progress.ts';

export function verifyProgress(
  catalogue: Catalogue,
  only: readonly string[] | undefined,
  prefix = 'samcheck verify',
  sink?: ProgressSink,
): (msg: string) => void {
  const ids = new Set(selectClaims(catalogue.claims, only).map((c) => c.id));
  const starts = new Set(catalogue.checks.filter((k) => ids.has(k.claimId)).map((k) => `${k.claimId} ${k.name} ...`));
  const selected = selectSearches(catalogue.searches, only);
  for (const s of selected) starts.add(`search ${s.id} ...`);
  const counter = new ProgressCounter(prefix, starts.size, sink);
  return (msg: string) => {
    if (starts.has(msg)) counter.start(msg.slice(0, -4));
  };
}
