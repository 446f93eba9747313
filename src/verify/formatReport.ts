/**
 * Human-readable rendering of a `VerifyReport` (the runner never formats; this never runs checks).
 *
 * Main definitions:
 * - `formatReport`: the claims table (headline = the claim's WORST check by margin relative to its
 *   tolerance, with the margin's unit and the draws run / discarded; closest calls marked "!"), the
 *   list of non-passes with reasons, the findings, and the closing line
 *   `claims: N passed, N failed, N inconclusive, N skipped`. `--verbose` adds one untruncated row
 *   per check.
 * - `headlineCheck(checks)`, `headroom(check)`, `isClosestCall(check)`, `marginUnit(check)`,
 *   `drawCounts(check)`: the pieces, shared with `samcheck report`.
 * - `formatAudit`: per claim, what the verdict rests on (derivation / numerics / witnesses / assumption).
 * - `reportToJson`: the `--json` object {claims:[…], findings, summary}; each claim's margin and
 *   tolerance are its headline check's, named in `headline_check`.
 */
import Table from 'cli-table3';
import { Decimal } from 'decimal.js';
import type { VerifyReport } from './runner.ts';
import type { CheckResult, CheckStatus } from './CheckResult.ts';
import { shortNumber } from './judge.ts';

const D = Decimal.clone({ precision: 40, maxE: 9e15, minE: -9e15 });
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function summaryLine(r: VerifyReport): string {
  const s = r.summary;
  return `claims: ${s.passed} passed, ${s.failed} failed, ${s.inconclusive} inconclusive, ${s.skipped} skipped`;
}

const isInteger = (s: string) => /^-?\d+$/.test(s);

/**
 * Headroom of a check in decades: log10(tolerance / margin) for "<=" (log10(margin / tolerance)
 * for ">="). 0 means the margin sits exactly on the bound; negative means it violates it. A zero
 * tolerance has no relative scale: a margin of exactly 0 has headroom 0 (any counterexample
 * fails), a margin on the passing side of 0 has log10(1 + |margin|). null when nothing was measured.
 */
export function headroom(k: Pick<CheckResult, 'margin' | 'tolerance' | 'comparison'>): number | null {
  if (k.margin === null || k.tolerance === null) return null;
  const m = new D(k.margin);
  const t = new D(k.tolerance);
  const le = k.comparison !== '>=';
  const [num, den] = le ? [t, m] : [m, t]; // headroom = log10(num / den) when both > 0
  if (t.isZero()) {
    const slack = le ? m.neg() : m; // > 0 on the passing side
    if (slack.isZero()) return 0;
    return slack.gt(0) ? Math.log10(1 + slack.toNumber()) : -Math.log10(1 + slack.abs().toNumber());
  }
  if (den.lte(0)) return le ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (num.lte(0)) return le ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return num.div(den).log(10).toNumber();
}

const STATUS_RANK: Record<CheckStatus, number> = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };

/** The check a claim's row reports: worst status first, then the least headroom (first on ties). */
export function headlineCheck<K extends CheckResult>(checks: readonly K[]): K | undefined {
  let best: K | undefined;
  let bestH = Number.POSITIVE_INFINITY;
  for (const k of checks) {
    const h = headroom(k) ?? Number.POSITIVE_INFINITY;
    if (best === undefined || STATUS_RANK[k.status] < STATUS_RANK[best.status] || (STATUS_RANK[k.status] === STATUS_RANK[best.status] && h < bestH)) {
      best = k;
      bestH = h;
    }
  }
  return best;
}

/**
 * A closest call: a passing margin within a factor 2 of a non-zero tolerance. Counts compared
 * with a count bound (e.g. "0 <= 0" counterexamples, "1 >= 1" witnesses) are exact criteria, not
 * close calls.
 */
export function isClosestCall(k: Pick<CheckResult, 'margin' | 'tolerance' | 'comparison' | 'status'>): boolean {
  if (k.status !== 'pass' || k.margin === null || k.tolerance === null) return false;
  if (isInteger(k.margin) && isInteger(k.tolerance)) return false;
  if (new D(k.tolerance).isZero()) return false;
  const h = headroom(k);
  return h !== null && h >= 0 && h < Math.log10(2);
}

/** The unit of a check's margin, from its declared `unit` when present, else read off its quantity. */
export function marginUnit(k: Pick<CheckResult, 'quantity'> & { unit?: unknown }): string {
  if (typeof k.unit === 'string' && k.unit) return k.unit;
  const q = k.quantity.toLowerCase();
  if (/^(sampled|starts|runs|number|mismatches|checkpoints|grid points|leader step-downs|small escaping starts|large starts)/.test(q)) return 'count';
  if (q.includes('spot-check residual')) return 'relative residual';
  if (q.includes('slope')) return '|slope - 1|';
  if (q.includes('sin angle')) return 'sin angle - bound';
  if (q.includes('1 - cos')) return '1 - cos (direction)';
  if (q.includes('normalized') || q.includes('relative') || q.includes(' / ')) return 'relative';
  if (q.includes('distance')) return 'absolute';
  if (/^\|beta/.test(q)) return '|beta| (absolute)';
  return 'as stated';
}

/** Draws run / discarded: the result's `runs`/`discarded` fields when present, else its notes. */
export function drawCounts(k: CheckResult & { runs?: unknown; discarded?: unknown }): { runs: number | null; discarded: number | null } {
  if (typeof k.runs === 'number') return { runs: k.runs, discarded: typeof k.discarded === 'number' ? k.discarded : null };
  for (const n of k.notes) {
    const m = /(\d+) inputs evaluated, (\d+) discarded/.exec(n);
    if (m) return { runs: Number(m[1]), discarded: Number(m[2]) };
  }
  return { runs: null, discarded: null };
}

export function drawsText(k: CheckResult): string {
  const { runs, discarded } = drawCounts(k);
  return `${runs ?? '-'}/${discarded ?? '-'}`;
}

export function marginText(k: Pick<CheckResult, 'margin' | 'tolerance' | 'comparison'>): string {
  return k.margin === null ? '-' : `${shortNumber(k.margin)} ${k.comparison ?? '<='} ${shortNumber(k.tolerance)}`;
}

/** Wrap text to `width` columns at spaces (long words are split), so that the table never truncates. */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let w of para.split(' ')) {
      while (w.length > width) {
        if (line) out.push(line);
        out.push(w.slice(0, width));
        w = w.slice(width);
        line = '';
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ' ' + w;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

export function formatReport(r: VerifyReport, opts: { verbose?: boolean } = {}): string {
  const verbose = !!opts.verbose;
  const table = new Table({
    head: [
      'id',
      verbose ? 'statement / check: measured quantity' : 'statement',
      'method',
      'status',
      'worst margin vs tolerance',
      'unit',
      'draws run/ disc.',
      'time',
    ],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [7, verbose ? 50 : 42, 19, 10, 28, 14, 11, 8],
  });
  let closest = 0;
  for (const c of r.claims) {
    const h = headlineCheck(c.checks);
    const close = h !== undefined && isClosestCall(h);
    if (close) closest++;
    const mvt = h === undefined ? '-' : `${marginText(h)}${close ? ' !' : ''}${c.checks.length > 1 ? `\n(${h.check})` : ''}`;
    table.push([
      c.id,
      verbose ? wrapText(c.title, 46) : clip(c.title, 88),
      c.method,
      c.status.toUpperCase(),
      mvt,
      h ? marginUnit(h) : '-',
      h ? drawsText(h) : '-',
      `${c.seconds.toFixed(1)}s`,
    ]);
    if (verbose) {
      for (const k of c.checks) {
        const kc = isClosestCall(k);
        table.push([
          '',
          wrapText(`${k.check}: ${k.quantity}`, 46),
          k.method,
          k.status,
          `${marginText(k)}${kc ? ' !' : ''}`,
          marginUnit(k),
          drawsText(k),
          `${k.seconds.toFixed(1)}s`,
        ]);
      }
    }
  }
  const lines: string[] = [table.toString()];
  lines.push(
    `headline = each claim's worst check (least headroom relative to its tolerance); "!" = closest call (margin within a factor 2 of the tolerance)${closest ? `: ${closest} claim(s)` : ': none'}; draws = inputs evaluated / discarded by the hypotheses ("-" = not a sampled check)`,
  );
  const nonPass = r.claims.flatMap((c) => c.checks.filter((k) => k.status !== 'pass').map((k) => ({ c, k })));
  if (nonPass.length > 0) {
    lines.push('', 'Not passed:');
    for (const { c, k } of nonPass) {
      const reason = 'reason' in k ? k.reason : '';
      lines.push(`  ${c.id}/${k.check} [${k.status}]: ${reason}`);
      if (k.status === 'fail' && k.counterexample !== undefined) {
        lines.push(`    counterexample: ${JSON.stringify(k.counterexample)}`);
        if (k.replay) lines.push(`    replay: ${replayCommand(c.id, k.check, k.replay.seed, k.replay.path, r.options)}`);
      }
    }
  }
  if (r.findings.length > 0 || r.searches.length > 0) {
    lines.push('', 'Findings (behaviour the abstract does not state; no verdicts; data in --json):');
    for (const f of r.findings) lines.push(`  ${f.claimId}/${f.id}: ${verbose ? f.summary : clip(f.summary, 400)}`);
    for (const s of r.searches)
      lines.push(`  search ${s.id} (${s.claimId}): ${s.question} ${s.error ? `ERROR: ${s.error}` : `${s.found} found; searched ${s.searched}`}`);
  }
  lines.push('', `precision ${r.options.precision} digits, seed ${r.options.seed}${r.options.quick ? ', quick' : ''}, ${r.summary.seconds.toFixed(1)} s`);
  lines.push(summaryLine(r));
  return lines.join('\n');
}

/** The command that replays one check's draw. */
export function replayCommand(claimId: string, check: string, seed: number | null, path?: string, run?: { quick?: boolean; precision?: number }): string {
  return `samcheck verify --replay ${claimId}:${check}${seed === null ? '' : ` --seed ${seed}`}${path ? ` --path ${path}` : ''}${run?.quick ? ' --quick' : ''}${run?.precision !== undefined ? ` --precision ${run.precision}` : ''}`;
}

/** What a check judges and the independent computation it judges it against (null: self-consistency). */
export type PathTable = Readonly<Record<string, { readonly judges: string; readonly against: string } | null>>;

/** The independent paths of a claim's checks (keys `claim/check`). */
export function independentPathsOf(c: VerifyReport['claims'][number], paths: PathTable): string[] {
  return c.checks.filter((k) => paths[`${c.id}/${k.check}`]).map((k) => k.check);
}

export function formatAudit(r: VerifyReport, paths?: PathTable): string {
  const cols = paths ? [8, 22, 11, 24, 30, 60, 70] : [8, 22, 11, 24, 30, 60];
  const head = ['id', 'source', 'kind', 'rests on', 'checks', 'scope (what it does NOT show)', ...(paths ? ['independent paths (judges | against)'] : [])];
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: cols });
  const thin: string[] = [];
  for (const c of r.claims) {
    const row = [c.id, c.source, c.kind, c.basis.join(', '), c.checks.map((k) => `${k.check} (${k.method})`).join('\n'), c.scope.join('; ')];
    if (paths) {
      const lines = c.checks.map((k) => {
        const p = paths[`${c.id}/${k.check}`];
        return p ? `${k.check}: ${p.judges} | ${p.against}` : `${k.check}: self-consistency only`;
      });
      const n = independentPathsOf(c, paths).length;
      if (/^B\d+$/.test(c.id) && n < 2) thin.push(c.id);
      row.push(`${n} independent\n${lines.join('\n')}`);
    }
    table.push(row);
  }
  const tail = paths ? `\nderived items with fewer than 2 independent paths: ${thin.length ? thin.join(', ') : 'none'}` : '';
  return table.toString() + '\n' + summaryLine(r) + tail;
}

export function reportToJson(r: VerifyReport): unknown {
  return {
    claims: r.claims.map((c) => {
      const h = headlineCheck(c.checks);
      return {
        id: c.id,
        title: c.title,
        status: c.status,
        margin: h?.margin ?? c.margin,
        tolerance: h?.tolerance ?? c.tolerance,
        headline_check: h?.check ?? null,
        method: c.method,
        scope: c.scope,
        seed: c.seed,
        precision: c.precision,
        source: c.source,
        kind: c.kind,
        basis: c.basis,
        statement: c.statement,
        seconds: Number(c.seconds.toFixed(3)),
        checks: c.checks.map((k) => ({ ...k, unit: marginUnit(k), seconds: Number(k.seconds.toFixed(3)) })),
      };
    }),
    findings: r.findings,
    searches: r.searches.map((s) => ({ ...s, seconds: Number(s.seconds.toFixed(3)) })),
    summary: { ...r.summary, seconds: Number(r.summary.seconds.toFixed(3)) },
    options: r.options,
  };
}
