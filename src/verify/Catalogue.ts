/**
 * A catalogue: the claims (data), the checks that name them and the finding searches, handed to
 * the runner by the composition root (src/cli). Nothing in src/verify knows where a catalogue
 * comes from; `discoverCatalogue` builds one from directories of modules, so adding a claim is
 * one claim file plus its check file(s), with no list to edit.
 *
 * Main definitions:
 * - `Catalogue`, `CatalogueModule` (a module exporting `catalogue`, loaded by worker threads).
 * - `makeCatalogue(parts)`: claims in catalogue order (source, then natural id).
 * - `checksOf(catalogue, claim)`: a claim's checks, in the order of its tolerance keys.
 * - `catalogueFromExports(modules)`, `discoverCatalogue(dirs)`: collect exported claims, checks
 *   and searches (also inside exported arrays) by shape.
 * - `catalogueProblems(catalogue)`: integrity violations (empty when sound).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim, ClaimSource } from './Claim.ts';
import type { CheckDef } from './CheckDef.ts';
import type { FindingSearch } from './FindingSearch.ts';

export interface Catalogue {
  readonly claims: readonly Claim[];
  readonly checks: readonly CheckDef[];
  readonly searches: readonly FindingSearch[];
}

/**
 * Where worker threads load a catalogue from: `module` (a file URL or absolute path) must export
 * `catalogue` (a `Catalogue` or a promise of one) equal to `catalogue`.
 */
export interface CatalogueModule {
  readonly catalogue: Catalogue;
  readonly module: string;
}

const SOURCE_RANK: Record<ClaimSource, number> = { 'paper abstract': 0, 'secondary summary': 1, 'derived in docs/derivation.md': 2 };

/** "P2" < "P10" < "B1" only through the source rank; within a source: letters, then the number. */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function compareClaims(a: Claim, b: Claim): number {
  return (SOURCE_RANK[a.source] ?? 9) - (SOURCE_RANK[b.source] ?? 9) || naturalCompare(a.id, b.id);
}

export function makeCatalogue(parts: { claims: readonly Claim[]; checks: readonly CheckDef[]; searches?: readonly FindingSearch[] }): Catalogue {
  return { claims: [...parts.claims].sort(compareClaims), checks: [...parts.checks], searches: [...(parts.searches ?? [])] };
}

/** The checks of `claim`, in the order of the claim's tolerance keys (which name them). */
export function checksOf(catalogue: Pick<Catalogue, 'checks'>, claim: Claim): CheckDef[] {
  const order = Object.keys(claim.tolerances);
  const rank = (d: CheckDef) => {
    const k = order.indexOf(d.name);
    return k < 0 ? order.length : k;
  };
  return catalogue.checks.filter((d) => d.claimId === claim.id).sort((a, b) => rank(a) - rank(b));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function isClaim(x: unknown): x is Claim {
  return (
    isObject(x) &&
    typeof x.id === 'string' &&
    typeof x.statement === 'string' &&
    isObject(x.tolerances) &&
    Array.isArray(x.hypotheses) &&
    Array.isArray(x.scope)
  );
}

export function isCheckDef(x: unknown): x is CheckDef {
  return isObject(x) && typeof x.claimId === 'string' && typeof x.name === 'string' && typeof x.method === 'string' && typeof x.run === 'function';
}

export function isFindingSearch(x: unknown): x is FindingSearch {
  return isObject(x) && typeof x.id === 'string' && typeof x.claimId === 'string' && typeof x.question === 'string' && typeof x.run === 'function';
}

/** Collect the claims, checks and searches exported by modules (directly or in exported arrays). */
export function catalogueFromExports(modules: readonly Record<string, unknown>[]): Catalogue {
  const claims = new Set<Claim>();
  const checks = new Set<CheckDef>();
  const searches = new Set<FindingSearch>();
  const take = (x: unknown) => {
    if (isCheckDef(x)) checks.add(x);
    else if (isFindingSearch(x)) searches.add(x);
    else if (isClaim(x)) claims.add(x);
  };
  for (const m of modules) {
    for (const v of Object.values(m)) {
      if (Array.isArray(v)) v.forEach(take);
      else take(v);
    }
  }
  return makeCatalogue({ claims: [...claims], checks: [...checks], searches: [...searches] });
}

/** Every .ts (sources) or .js (compiled dist/) module below `dir`, sorted so discovery is deterministic. */
export function moduleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...moduleFiles(p));
    else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Import every module below `dirs` and collect what they export. */
export async function discoverCatalogue(dirs: readonly string[]): Promise<Catalogue> {
  const modules: Record<string, unknown>[] = [];
  for (const dir of dirs) for (const f of moduleFiles(dir)) modules.push((await import(pathToFileURL(f).href)) as Record<string, unknown>);
  return catalogueFromExports(modules);
}

/** Integrity violations of a catalogue: duplicate ids, claims without checks, missing tolerances, orphan checks. */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  for (const c of catalogue.claims) ids.set(c.id.toUpperCase(), (ids.get(c.id.toUpperCase()) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push(`claim id ${id} is used ${n} times`);
  const byId = new Map(catalogue.claims.map((c) => [c.id, c]));
  for (const c of catalogue.claims) {
    const defs = checksOf(catalogue, c);
    if (defs.length === 0) problems.push(`claim ${c.id} has no check`);
    const names = defs.map((d) => d.name);
    for (const n of new Set(names)) if (names.filter((m) => m === n).length > 1) problems.push(`claim ${c.id} has two checks named "${n}"`);
    for (const key of Object.keys(c.tolerances)) if (!names.includes(key)) problems.push(`claim ${c.id} states a tolerance "${key}" that no check uses`);
  }
  for (const d of catalogue.checks) {
    const c = byId.get(d.claimId);
    if (!c) problems.push(`check "${d.name}" names an unknown claim ${d.claimId}`);
    else if (!(d.name in c.tolerances))
      problems.push(`check ${d.claimId}:${d.name} has no tolerance "${d.name}" in its claim (keys: ${Object.keys(c.tolerances).join(', ')})`);
  }
  const searchIds = catalogue.searches.map((s) => s.id);
  for (const s of catalogue.searches) {
    if (!byId.has(s.claimId)) problems.push(`search ${s.id} names an unknown claim ${s.claimId}`);
    if (searchIds.filter((i) => i === s.id).length > 1) problems.push(`search id ${s.id} is used twice`);
  }
  return problems;
}
