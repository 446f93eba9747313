/**
 * Baselines for regression testing: `samcheck verify --json > baseline.json`, then
 * `samcheck verify --baseline baseline.json` (and the same for `samcheck check`).
 *
 * Main definitions:
 * - `readBaseline(path)`: a `verify --json` or `check --json` output → `Baseline` (the run settings
 *   and one entry per check: `CLAIM:CHECK` for verify, the claim id for check).
 * - `settingsMismatch(baseline, current)`: the recorded settings that differ (seed, precision, quick,
 *   backend; for check also the number of draws). A non-empty list is a usage error (exit 2): margins
 *   of different runs are not comparable.
 * - `compareToBaseline(baseline, entries)`: the regressions, by the rule
 *   - verdict worse (pass < skipped < inconclusive < fail);
 *   - `<=` checks with tolerance τ > 0: r = margin/τ grew by a factor >= 10 (r_new > r_old and
 *     r_new >= 10 r_old; from r_old = 0 any growth counts);
 *   - `<=` checks with τ = 0 (counts of counterexamples): the count grew from 0;
 *   - `>=` checks (the mirror): τ > 0: τ/margin grew >= 10×; τ <= 0: the distance margin − τ shrank
 *     by a factor >= 10;
 *   - a check of the baseline that no longer exists.
 *   New checks are listed, never regressions.
 * - `entriesOfVerify(json)`, `entriesOfCheck(json)`, `formatBaselineComparison(c)`.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { UsageError } from '../io/UsageError.ts';

const D = Decimal.clone({ precision: 40, maxE: 9e15, minE: -9e15 });

export interface BaselineEntry {
  readonly key: string;
  readonly status: string;
  readonly margin: string | null;
  readonly tolerance: string | null;
  readonly comparison: '<=' | '>=' | null;
}

export interface BaselineSettings {
  readonly seed: number | null;
  readonly precision: number | null;
  readonly quick: boolean | null;
  readonly backend: string | null;
  /** check only: draws per claim */
  readonly runs?: number | null;
}

export interface Baseline {
  readonly kind: 'verify' | 'check';
  readonly settings: BaselineSettings;
  /** per-entry settings (check: every claim records its own seed/precision/backend/draws) */
  readonly entrySettings?: ReadonlyMap<string, BaselineSettings>;
  readonly entries: ReadonlyMap<string, BaselineEntry>;
}

export interface Regression {
  readonly key: string;
  readonly kind: 'verdict' | 'margin' | 'missing';
  readonly before: BaselineEntry;
  readonly after: BaselineEntry | null;
  readonly reason: string;
}

export interface BaselineComparison {
  readonly file: string;
  readonly compared: number;
  /** baseline entries of claims this run did not select */
  readonly notRun: number;
  readonly regressions: Regression[];
  readonly added: string[];
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const cmpOf = (v: unknown): '<=' | '>=' | null => (v === '<=' || v === '>=' ? v : null);

export function entriesOfVerify(json: unknown): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  for (const c of (obj(json).claims as unknown[]) ?? []) {
    const co = obj(c);
    for (const k of (co.checks as unknown[]) ?? []) {
      const ko = obj(k);
      out.push({
        key: `${String(co.id)}:${String(ko.check)}`,
        status: String(ko.status),
        margin: strOrNull(ko.margin),
        tolerance: strOrNull(ko.tolerance),
        comparison: cmpOf(ko.comparison),
      });
    }
  }
  return out;
}

export function entriesOfCheck(json: unknown): BaselineEntry[] {
  return ((obj(json).claims as unknown[]) ?? []).map((c) => {
    const co = obj(c);
    return {
      key: String(co.id),
      status: String(co.status),
      margin: strOrNull(co.margin),
      tolerance: strOrNull(co.tolerance),
      comparison: cmpOf(co.comparison),
    };
  });
}

export function checkSettingsOf(claimJson: unknown): BaselineSettings {
  const co = obj(claimJson);
  return {
    seed: typeof co.seed === 'number' ? co.seed : null,
    precision: typeof co.precision === 'number' ? co.precision : null,
    quick: null,
    backend: strOrNull(co.backend),
    runs: typeof obj(co.draws).requested === 'number' ? (obj(co.draws).requested as number) : null,
  };
}

export function readBaseline(path: string, expected: 'verify' | 'check'): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--baseline: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}`);
  }
  const o = obj(json);
  if (!Array.isArray(o.claims)) throw new UsageError(`--baseline: ${path} is not the --json output of samcheck ${expected} (no "claims" list)`);
  const isVerify = o.options !== undefined;
  if ((expected === 'verify') !== isVerify)
    throw new UsageError(`--baseline: ${path} was written by samcheck ${isVerify ? 'verify' : 'check'} --json, not by samcheck ${expected}`);
  if (isVerify) {
    const op = obj(o.options);
    const settings: BaselineSettings = {
      seed: typeof op.seed === 'number' ? op.seed : null,
      precision: typeof op.precision === 'number' ? op.precision : null,
      quick: typeof op.quick === 'boolean' ? op.quick : null,
      backend: strOrNull(o.backend),
    };
    if (settings.seed === null || settings.precision === null || settings.quick === null || settings.backend === null) {
      throw new UsageError(`--baseline: ${path} does not record seed, precision, quick and backend (write it with samcheck verify --json)`);
    }
    return { kind: 'verify', settings, entries: new Map(entriesOfVerify(json).map((e) => [e.key, e])) };
  }
  const entrySettings = new Map<string, BaselineSettings>((o.claims as unknown[]).map((c) => [String(obj(c).id), checkSettingsOf(c)]));
  return {
    kind: 'check',
    settings: { seed: null, precision: null, quick: null, backend: null },
    entrySettings,
    entries: new Map(entriesOfCheck(json).map((e) => [e.key, e])),
  };
}

export function settingsMismatch(a: BaselineSettings, b: BaselineSettings): string[] {
  const out: string[] = [];
  for (const k of ['seed', 'precision', 'quick', 'backend', 'runs'] as const) {
    const x = a[k];
    const y = b[k];
    if (x === undefined || x === null || y === undefined || y === null) continue;
    if (x !== y) out.push(`${k === 'runs' ? 'draws' : k} ${JSON.stringify(x)} in the baseline, ${JSON.stringify(y)} now`);
  }
  return out;
}

/** Throws the exit-2 usage error when the settings differ. */
export function assertSameSettings(path: string, what: string, a: BaselineSettings, b: BaselineSettings): void {
  const m = settingsMismatch(a, b);
  if (m.length > 0)
    throw new UsageError(
      `--baseline: ${path}${what ? ` (${what})` : ''} was made with other settings: ${m.join(', ')}; rerun with the same settings or write a new baseline`,
    );
}

const RANK: Record<string, number> = { pass: 0, skipped: 1, inconclusive: 2, fail: 3 };

function marginMove(before: BaselineEntry, after: BaselineEntry): string | null {
  if (before.margin === null || after.margin === null || before.tolerance === null || after.tolerance === null) return null;
  const m0 = new D(before.margin);
  const m1 = new D(after.margin);
  const t = new D(after.tolerance);
  const cmp = after.comparison ?? '<=';
  if (cmp === '<=') {
    if (t.gt(0)) {
      const r0 = m0.abs().div(t);
      const r1 = m1.abs().div(t);
      if (r1.gt(r0) && r1.gte(r0.times(10)))
        return `margin/tolerance grew from ${r0.toSignificantDigits(3).toString()} to ${r1.toSignificantDigits(3).toString()} (${r0.isZero() ? 'from 0' : `x${r1.div(r0).toSignificantDigits(3).toString()}`})`;
      return null;
    }
    if (m0.lte(0) && m1.gt(0)) return `count grew from ${m0.toString()} to ${m1.toString()}`;
    return null;
  }
  if (t.gt(0)) {
    if (m1.lte(0)) return m0.gt(0) ? `margin fell from ${m0.toString()} to ${m1.toString()}` : null;
    const q0 = m0.lte(0) ? new D(Infinity) : t.div(m0);
    const q1 = t.div(m1);
    if (q1.gt(q0) && q1.gte(q0.times(10)))
      return `tolerance/margin grew from ${q0.toSignificantDigits(3).toString()} to ${q1.toSignificantDigits(3).toString()}`;
    return null;
  }
  const d0 = m0.minus(t);
  const d1 = m1.minus(t);
  if (d1.lt(d0) && d1.lte(d0.div(10)))
    return `distance to the tolerance shrank from ${d0.toSignificantDigits(3).toString()} to ${d1.toSignificantDigits(3).toString()}`;
  return null;
}

export function compareToBaseline(file: string, baseline: Baseline, current: readonly BaselineEntry[]): BaselineComparison {
  const now = new Map(current.map((e) => [e.key, e]));
  const regressions: Regression[] = [];
  let compared = 0;
  const claimOf = (key: string) => (baseline.kind === 'verify' ? key.split(':')[0]! : key);
  const ranClaims = new Set(current.map((e) => claimOf(e.key)));
  let notRun = 0;
  for (const [key, before] of baseline.entries) {
    const after = now.get(key);
    if (!after && !ranClaims.has(claimOf(key))) {
      notRun++; // claim not selected in this run (--only / --claim)
      continue;
    }
    if (!after) {
      regressions.push({ key, kind: 'missing', before, after: null, reason: 'in the baseline, not in this run' });
      continue;
    }
    compared++;
    if ((RANK[after.status] ?? 3) > (RANK[before.status] ?? 3)) {
      regressions.push({ key, kind: 'verdict', before, after, reason: `verdict ${before.status} -> ${after.status}` });
      continue;
    }
    const mv = marginMove(before, after);
    if (mv)
      regressions.push({
        key,
        kind: 'margin',
        before,
        after,
        reason: `${mv} (${before.margin} -> ${after.margin}, tolerance ${after.comparison ?? '<='} ${after.tolerance})`,
      });
  }
  const added = current.filter((e) => !baseline.entries.has(e.key)).map((e) => e.key);
  return { file, compared, notRun, regressions, added };
}

/** `verify --baseline FILE`: read it, refuse other settings (exit 2), compare a `verify --json` object. */
export function verifyBaseline(
  path: string,
  settings: BaselineSettings,
): { compare(json: unknown): BaselineComparison; lines(c: BaselineComparison): string[] } {
  const b = readBaseline(path, 'verify');
  assertSameSettings(path, '', b.settings, settings);
  return { compare: (json) => compareToBaseline(path, b, entriesOfVerify(json)), lines: formatBaselineComparison };
}

/** `check --baseline FILE`: per-claim settings must match for every claim run now. */
export function checkBaseline(path: string): { assertClaim(id: string, settings: BaselineSettings): void; compare(json: unknown): BaselineComparison } {
  const b = readBaseline(path, 'check');
  return {
    assertClaim(id, settings) {
      const s = b.entrySettings?.get(id);
      if (s) assertSameSettings(path, `claim ${id}`, s, settings);
    },
    compare: (json) => compareToBaseline(path, b, entriesOfCheck(json)),
  };
}

export function formatBaselineComparison(c: BaselineComparison): string[] {
  const out = [
    `baseline ${c.file}: ${c.compared} compared, ${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'}${c.added.length ? `, ${c.added.length} new (${c.added.join(', ')})` : ''}${c.notRun ? `, ${c.notRun} not run now` : ''}`,
  ];
  for (const r of c.regressions) out.push(`  REGRESSION ${r.key}: ${r.reason}`);
  return out;
}
