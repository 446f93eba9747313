// The per-module StrykerJS configs of stryker/*.config.mjs: each module gets its own incremental
// file (committed), JSON report and sandbox directory, so that runs of different modules neither
// overwrite each other's results nor collide, and a module can be re-measured alone.
import base from '../stryker.config.mjs';

/**
 * @param {{ name: string, mutate: string[], testFiles?: string[], concurrency?: number }} m
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function perModule({ name, mutate, testFiles, concurrency = 2 }) {
  return {
    ...base,
    mutate,
    ...(testFiles ? { testFiles } : {}),
    concurrency,
    incrementalFile: `stryker/${name}.incremental.json`,
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: `.stryker-tmp-${name}`,
    ignorePatterns: [...base.ignorePatterns, '.stryker-tmp-*'],
  };
}
