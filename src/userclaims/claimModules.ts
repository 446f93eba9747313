/**
 * Loading claim modules from outside the repository (`samcheck verify --claims DIR`).
 *
 * Main definitions:
 * - `loadClaimsDir(dir)`: imports every `.ts`, `.mts`, `.js` and `.mjs` module below `dir` (not
 *   `.d.ts`, not node_modules or dot-directories) and collects the claims, checks and finding
 *   searches they export, by shape (`catalogueFromExports`, as for the shipped catalogue). A module
 *   that fails to load, an empty directory or an unsound catalogue (`catalogueProblems`: a claim
 *   without a check, a check without its tolerance, duplicate ids) is a usage error (exit 2).
 * - `externalCatalogueModule(dir)`: the `CatalogueModule` the runner and its worker threads load
 *   (src/userclaims/externalCatalogue.ts with the directory in the URL's query).
 * - `prepareClaimModuleLoading()`: makes `import ... from 'samcheck'` / `'samcheck/claim'` resolve to
 *   THIS installation (a resolve hook, node:module register), whatever the claim directory's own
 *   node_modules holds; loads the directory's `.ts`/`.js` modules as ES modules even without
 *   "type": "module"; registers tsx for `.ts` modules when samcheck itself runs compiled.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../io/UsageError.ts';
import { catalogueFromExports, catalogueProblems, type Catalogue, type CatalogueModule } from '../verify/Catalogue.ts';

const EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';
// 'samcheck' and 'samcheck/claim' resolve to this installation; modules below an ES-module claim
// directory load as ES modules even without "type": "module" (tsx then compiles .ts to ESM)
const HOOK = `
let map = {};
let esmDirs = [];
export async function initialize(data) { map = data.map; esmDirs = data.esmDirs; }
export async function resolve(specifier, context, nextResolve) {
  if (Object.prototype.hasOwnProperty.call(map, specifier)) return nextResolve(map[specifier], context);
  return nextResolve(specifier, context);
}
export async function load(url, context, nextLoad) {
  if (esmDirs.some((d) => url.startsWith(d)) && /\\.(ts|js)(\\?.*)?$/.test(url)) return nextLoad(url, { ...context, format: 'module' });
  return nextLoad(url, context);
}
`;

const PREPARED = Symbol.for('samcheck.claimModuleLoading');

export async function prepareClaimModuleLoading(claimDir: string): Promise<void> {
  const g = globalThis as Record<symbol, Set<string> | undefined>;
  const done = (g[PREPARED] ??= new Set<string>());
  if (done.has(claimDir)) return;
  const first = done.size === 0;
  done.add(claimDir);
  if (first && EXT === '.js') {
    // samcheck runs from dist/: .ts claim modules need tsx (in the tsx mode it is registered already)
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
  }
  const map = {
    samcheck: new URL(`../index${EXT}`, import.meta.url).href,
    'samcheck/claim': new URL(`./claimApi${EXT}`, import.meta.url).href,
  };
  const esmDirs = [pathToFileURL(claimDir).href + '/'];
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, import.meta.url, { data: { map, esmDirs } });
}

function moduleFilesOf(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...moduleFilesOf(p));
    else if (/\.(ts|mts|js|mjs)$/.test(e.name) && !/\.d\.m?ts$/.test(e.name)) out.push(p);
  }
  return out;
}

export async function loadClaimsDir(dirArg: string): Promise<Catalogue> {
  const dir = resolvePath(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--claims: not a directory: ${dirArg}`);
  const files = moduleFilesOf(dir);
  if (files.length === 0) throw new UsageError(`--claims: no .ts/.js modules in ${dirArg}`);
  await prepareClaimModuleLoading(dir);
  const modules: Record<string, unknown>[] = [];
  for (const f of files) {
    try {
      modules.push((await import(pathToFileURL(f).href)) as Record<string, unknown>);
    } catch (e) {
      throw new UsageError(`--claims: cannot load ${f}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  }
  const cat = catalogueFromExports(modules);
  if (cat.claims.length === 0)
    throw new UsageError(`--claims: no claim (an object with id, statement, tolerances, hypotheses, scope) is exported by the modules in ${dirArg}`);
  const problems = catalogueProblems(cat);
  if (problems.length > 0) throw new UsageError(`--claims: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return cat;
}

export async function externalCatalogueModule(dirArg: string): Promise<CatalogueModule> {
  const dir = resolvePath(dirArg);
  const catalogue = await loadClaimsDir(dir);
  const module = `${new URL(`./externalCatalogue${EXT}`, import.meta.url).href}?dir=${encodeURIComponent(dir)}`;
  return { catalogue, module };
}
