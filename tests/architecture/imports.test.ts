/**
 * Layers that show, checked on the import graph (static and literal dynamic imports; type-only
 * imports are erased at run time and not counted): no import cycles anywhere, and nothing in src/
 * below src/cli imports the catalogue (theorems/, proofs-checks/): src/cli is its composition root.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { importCycles, importGraph } from './importGraph.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const graph = importGraph(ROOT, ['src', 'theorems', 'proofs-checks', 'tests', 'bench']);

/**
 * Cycles being removed by another change (commands returning their exit code instead of importing
 * `setExitCode` from main.ts). An entry that no longer occurs is simply not needed any more.
 */
const BEING_REMOVED = [['src/cli/commands/derive.ts', 'src/cli/commands/verify.ts', 'src/cli/main.ts']];

describe('import graph', () => {
  it('sees the modules (sanity: the graph is not empty and resolves relative imports)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/verify/runner.ts')).toContain('src/verify/Catalogue.ts');
  });

  it('has no import cycles', () => {
    const known = new Set(BEING_REMOVED.map((c) => c.join(' ')));
    const cycles = importCycles(graph).filter((c) => !known.has(c.join(' ')));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('src/ below src/cli never imports theorems/ or proofs-checks/', () => {
    const bad = [...graph]
      .filter(([f]) => f.startsWith('src/') && !f.startsWith('src/cli/'))
      .flatMap(([f, deps]) => deps.filter((d) => d.startsWith('theorems/') || d.startsWith('proofs-checks/')).map((d) => `${f} -> ${d}`));
    expect(bad).toEqual([]);
  });
});
