import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareToBaseline, readBaseline, settingsMismatch, type Baseline, type BaselineEntry } from '../../src/userclaims/baseline.ts';

const e = (key: string, status: string, margin: string | null, tolerance: string | null, comparison: '<=' | '>=' | null = '<='): BaselineEntry => ({
  key,
  status,
  margin,
  tolerance,
  comparison,
});
const base = (entries: BaselineEntry[]): Baseline => ({
  kind: 'verify',
  settings: { seed: 1, precision: 40, quick: true, backend: 'bigfloat' },
  entries: new Map(entries.map((x) => [x.key, x])),
});
const keysOf = (b: Baseline, now: BaselineEntry[]) => compareToBaseline('b.json', b, now).regressions.map((r) => `${r.key}:${r.kind}`);

describe('baseline regression rule', () => {
  it('verdict worse is a regression, better is not', () => {
    const b = base([e('A:x', 'pass', '1e-40', '1e-30'), e('B:y', 'fail', '1', '0'), e('C:z', 'pass', '0', '0')]);
    expect(keysOf(b, [e('A:x', 'inconclusive', null, '1e-30'), e('B:y', 'pass', '0', '0'), e('C:z', 'skipped', null, '0')])).toEqual([
      'A:x:verdict',
      'C:z:verdict',
    ]);
  });
  it('<= with tolerance > 0: margin/tolerance grown >= 10x (also from 0); 9x is not', () => {
    const b = base([e('A:x', 'pass', '1e-40', '1e-30'), e('A:y', 'pass', '1e-40', '1e-30'), e('A:z', 'pass', '0', '1e-30')]);
    expect(keysOf(b, [e('A:x', 'pass', '1e-39', '1e-30'), e('A:y', 'pass', '9e-40', '1e-30'), e('A:z', 'pass', '1e-45', '1e-30')])).toEqual([
      'A:x:margin',
      'A:z:margin',
    ]);
    expect(keysOf(b, [e('A:x', 'pass', '9.9e-40', '1e-30'), e('A:y', 'pass', '1e-41', '1e-30'), e('A:z', 'pass', '0', '1e-30')])).toEqual([]);
  });
  it('<= with tolerance 0 (a count): growth from 0', () => {
    const b = base([e('A:c', 'pass', '0', '0')]);
    expect(keysOf(b, [e('A:c', 'pass', '0', '0')])).toEqual([]);
    expect(keysOf(b, [e('A:c', 'fail', '2', '0')])).toEqual(['A:c:verdict']);
  });
  it('>= checks: the mirror rule', () => {
    const b = base([e('A:g', 'pass', '100', '1', '>='), e('A:h', 'pass', '10', '0', '>=')]);
    expect(keysOf(b, [e('A:g', 'pass', '9', '1', '>='), e('A:h', 'pass', '0.5', '0', '>=')])).toEqual(['A:g:margin', 'A:h:margin']);
    expect(keysOf(b, [e('A:g', 'pass', '11', '1', '>='), e('A:h', 'pass', '2', '0', '>=')])).toEqual([]);
  });
  it('a check that disappeared is a regression; checks of claims not run are skipped; new checks are listed', () => {
    const b = base([e('A:x', 'pass', '0', '1'), e('A:y', 'pass', '0', '1'), e('B:x', 'pass', '0', '1')]);
    const c = compareToBaseline('b.json', b, [e('A:x', 'pass', '0', '1'), e('A:new', 'pass', '0', '1')]);
    expect(c.regressions.map((r) => `${r.key}:${r.kind}`)).toEqual(['A:y:missing']);
    expect(c.notRun).toBe(1);
    expect(c.added).toEqual(['A:new']);
  });
  it('settings: seed, precision, quick, backend (and draws) must match', () => {
    expect(
      settingsMismatch({ seed: 1, precision: 40, quick: true, backend: 'bigfloat' }, { seed: 1, precision: 40, quick: true, backend: 'bigfloat' }),
    ).toEqual([]);
    expect(
      settingsMismatch({ seed: 1, precision: 40, quick: true, backend: 'bigfloat' }, { seed: 2, precision: 50, quick: false, backend: 'decimal' }),
    ).toHaveLength(4);
  });
  it('readBaseline refuses files without the recorded settings', () => {
    const d = mkdtempSync(join(tmpdir(), 'samcheck-bl-'));
    const f = join(d, 'b.json');
    writeFileSync(f, JSON.stringify({ claims: [], options: { seed: 1, precision: 40 } }));
    expect(() => readBaseline(f, 'verify')).toThrow(/does not record seed, precision, quick and backend/);
    writeFileSync(f, '{"no":1}');
    expect(() => readBaseline(f, 'verify')).toThrow(/not the --json output/);
  });
});
