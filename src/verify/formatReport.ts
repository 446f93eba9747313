/**
 * Human-readable rendering of a `VerifyReport` (the runner never formats; this never runs checks).
 *
 * Main definitions:
 * - `formatReport`: the claims table, the list of non-passes with reasons, the findings, and
 *   the closing line `claims: N passed, N failed, N inconclusive, N skipped`.
 * - `formatAudit`: per claim, what the verdict rests on (derivation / numerics / witnesses / assumption).
 * - `reportToJson`: the `--json` object {claims:[…], findings, summary}.
 */
import Table from 'cli-table3';
import type { VerifyReport } from './runner.ts';
import { shortNumber } from './judge.ts';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function summaryLine(r: VerifyReport): string {
  const s = r.summary;
  return `claims: ${s.passed} passed, ${s.failed} failed, ${s.inconclusive} inconclusive, ${s.skipped} skipped`;
}

export function formatReport(r: VerifyReport, opts: { verbose?: boolean } = {}): string {
  const table = new Table({
    head: ['id', 'statement', 'method', 'status', 'margin vs tolerance', 'time'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [10, 46, 20, 14, 34, 8],
  });
  for (const c of r.claims) {
    const mvt = c.margin === null ? '-' : `${shortNumber(c.margin)} ${c.checks.find((k) => k.margin === c.margin)?.comparison ?? '<='} ${shortNumber(c.tolerance)}`;
    table.push([c.id, clip(c.title, 90), c.method, c.status.toUpperCase(), mvt, `${c.seconds.toFixed(1)}s`]);
    if (opts.verbose) {
      for (const k of c.checks) {
        const m = k.margin === null ? '-' : `${shortNumber(k.margin)} ${k.comparison ?? ''} ${shortNumber(k.tolerance)}`;
        table.push(['', clip(`  ${k.check}: ${k.quantity}`, 90), k.method, k.status, m, `${k.seconds.toFixed(1)}s`]);
      }
    }
  }
  const lines: string[] = [table.toString()];
  const nonPass = r.claims.flatMap((c) => c.checks.filter((k) => k.status !== 'pass').map((k) => ({ c, k })));
  if (nonPass.length > 0) {
    lines.push('', 'Not passed:');
    for (const { c, k } of nonPass) {
      const reason = 'reason' in k ? k.reason : '';
      lines.push(`  ${c.id}/${k.check} [${k.status}]: ${reason}`);
      if (k.status === 'fail' && k.counterexample !== undefined) {
        lines.push(`    counterexample: ${JSON.stringify(k.counterexample)}`);
        if (k.replay) lines.push(`    replay: --seed ${k.replay.seed}${k.replay.path ? ` (path ${k.replay.path})` : ''}`);
      }
    }
  }
  if (r.findings.length > 0 || r.searches.length > 0) {
    lines.push('', 'Findings (behaviour the abstract does not state; no verdicts; data in --json):');
    for (const f of r.findings) lines.push(`  ${f.claimId}/${f.id}: ${f.summary}`);
    for (const s of r.searches) lines.push(`  search ${s.id} (${s.claimId}): ${s.question} ${s.error ? `ERROR: ${s.error}` : `${s.found} found; searched ${s.searched}`}`);
  }
  lines.push('', `precision ${r.options.precision} digits, seed ${r.options.seed}${r.options.quick ? ', quick' : ''}, ${r.summary.seconds.toFixed(1)} s`);
  lines.push(summaryLine(r));
  return lines.join('\n');
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
    claims: r.claims.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      margin: c.margin,
      tolerance: c.tolerance,
      method: c.method,
      scope: c.scope,
      seed: c.seed,
      precision: c.precision,
      source: c.source,
      kind: c.kind,
      basis: c.basis,
      statement: c.statement,
      seconds: Number(c.seconds.toFixed(3)),
      checks: c.checks.map((k) => ({ ...k, seconds: Number(k.seconds.toFixed(3)) })),
    })),
    findings: r.findings,
    searches: r.searches.map((s) => ({ ...s, seconds: Number(s.seconds.toFixed(3)) })),
    summary: { ...r.summary, seconds: Number(r.summary.seconds.toFixed(3)) },
    options: r.options,
  };
}
