import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { MUTANTS, E2E_MUTANTS } from './catalogue.ts';
import { checkAnchors, mutatedSource } from './apply.ts';

const root = resolve(import.meta.dirname, '..', '..');
const CLAIM_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', ...Array.from({ length: 13 }, (_, i) => `B${i + 1}`)];

describe('semantic mutant catalogue', () => {
  it('has at least 25 mutants with unique ids, each naming known claims and a reason', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      expect(m.claims.length, m.id).toBeGreaterThan(0);
      for (const c of m.claims) expect(CLAIM_IDS, m.id).toContain(c);
      expect(m.why.length, m.id).toBeGreaterThan(10);
      expect(m.file.startsWith('src/'), m.id).toBe(true);
    }
    for (const id of E2E_MUTANTS) expect(MUTANTS.map((m) => m.id)).toContain(id);
  });

  it("every anchor occurs exactly once in today's source, and every patch changes it", () => {
    for (const m of MUTANTS) {
      expect(checkAnchors(root, m), m.id).toEqual([]);
      const text = readFileSync(resolve(root, m.file), 'utf8');
      expect(mutatedSource(text, m), m.id).not.toBe(text);
    }
  });

  it('a missing or ambiguous anchor is an error, not a silent no-op', () => {
    const m = { id: 'x', file: 'src/numeric/loss.ts', edits: [{ search: 'no such text anywhere', replace: 'y' }], claims: ['B1'], why: 'test of the runner' };
    expect(checkAnchors(root, m).length).toBe(1);
    expect(() => mutatedSource('a a', { ...m, edits: [{ search: 'a', replace: 'b' }] })).toThrow(/occurs 2 times/);
  });
});
