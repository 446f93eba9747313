// Shared loader for the bin/ entry points (samcheck.js, verify-worker.js, ...).
//
// `importEntry('src/cli/main.ts')` imports the compiled JavaScript from dist/ (built by
// `npm install` through the `prepare` script, see bin/build.js) when dist/ exists and is not older
// than any TypeScript source, so start-up does not pay for compiling TypeScript; otherwise (a fresh
// edit, or no build) it registers tsx and imports the TypeScript source itself.
// SAMCHECK_LOADER=tsx forces the sources, SAMCHECK_LOADER=dist forces dist/ (error if absent).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const DIST = join(ROOT, 'dist');
/** Written by bin/build.js after a successful emit; its mtime is the build time. */
export const STAMP = join(DIST, '.build-stamp');
/** Source trees compiled into dist/ (and the config files that shape the output). */
export const SOURCE_DIRS = ['src', 'theorems', 'proofs-checks', 'types'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(dir, acc) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) acc = newestMtime(p, acc);
    else if (e.name.endsWith('.ts')) {
      const t = statSync(p).mtimeMs;
      if (t > acc) acc = t;
    }
  }
  return acc;
}

/** True when dist/ was built after the last change to any source file. */
export function distIsFresh() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  let newest = 0;
  for (const f of SOURCE_FILES) {
    const p = join(ROOT, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  for (const d of SOURCE_DIRS) newest = newestMtime(join(ROOT, d), newest);
  return newest <= built;
}

let mode = null;
/** 'dist' or 'tsx', decided once per process. */
export function loaderMode() {
  if (mode) return mode;
  const forced = process.env.SAMCHECK_LOADER;
  if (forced === 'tsx' || forced === 'dist') mode = forced;
  else mode = distIsFresh() ? 'dist' : 'tsx';
  return mode;
}

/** Node ≥ 22.1 keeps compiled bytecode of dist/ between runs (a no-op on older Node). */
async function enableCompileCache() {
  try {
    const mod = await import('node:module');
    if (typeof mod.enableCompileCache === 'function') mod.enableCompileCache(join(DIST, '.compile-cache'));
  } catch {
    // not available: start-up just compiles as usual
  }
}

let tsxRegistered = false;
/** Import a module of this repository given its TypeScript path relative to the root. */
export async function importEntry(tsPath) {
  if (loaderMode() === 'dist') {
    await enableCompileCache();
    return import(pathToFileURL(join(DIST, tsPath.replace(/\.ts$/, '.js'))).href);
  }
  if (!tsxRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(pathToFileURL(join(ROOT, tsPath)).href);
}
