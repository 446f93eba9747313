/**
 * `samcheck verify --replay CLAIM:CHECK [--path P]`: the one check to rerun and the fast-check
 * path of the draw to replay, validated against the catalogue (usage errors name the field).
 *
 * Main definitions:
 * - `replaySelection(catalogue, spec, path)`: a catalogue holding just that claim and check.
 * - `replayed(report)`: whether the check actually replayed a draw (property checks do; symbolic
 *   and witness checks have no draws and run in full).
 */
import { UsageError } from '../io/UsageError.ts';
import { checksOf, makeCatalogue, type Catalogue } from '../verify/Catalogue.ts';
import type { VerifyReport } from '../verify/runner.ts';

const PATH_RE = /^\d+(:\d+)*$/;

export function replaySelection(catalogue: Catalogue, spec: string, path: string | undefined): Catalogue {
  const m = /^([^:\s]+):(\S+)$/.exec(spec.trim());
  if (!m) throw new UsageError(`replay must be CLAIM:CHECK (e.g. B2:discrete-identity), got ${JSON.stringify(spec)}`);
  const claim = catalogue.claims.find((c) => c.id.toUpperCase() === m[1]!.toUpperCase());
  if (!claim) throw new UsageError(`replay: unknown claim id ${m[1]} (known: ${catalogue.claims.map((c) => c.id).join(' ')})`);
  const checks = checksOf(catalogue, claim);
  const check = checks.find((d) => d.name === m[2]);
  if (!check) throw new UsageError(`replay: claim ${claim.id} has no check "${m[2]}" (checks: ${checks.map((d) => d.name).join(', ')})`);
  if (path !== undefined && !PATH_RE.test(path.trim())) throw new UsageError(`path must be a fast-check path such as 3:0:1, got ${JSON.stringify(path)}`);
  return makeCatalogue({ claims: [claim], checks: [check] });
}

export function replayed(report: VerifyReport): boolean {
  return report.claims.some((c) => c.checks.some((k) => k.notes.some((n) => n.startsWith('replayed fast-check path'))));
}
