/**
 * Human-readable report of claim-file results (`samcheck check`, `samcheck explore search`).
 *
 * Main definitions:
 * - `formatClaimResult(r)`: lines for one claim: verdict, worst margin against the tolerance, draw
 *   counts, the symbolic verdict, and on failure the shrunk counterexample with the values of every
 *   input and observable the formulas use, and the replay command.
 * - `formatEdgeTable(r)`: the per-edge-kind counts of an edge search.
 */
import type { ClaimResult } from './runClaim.ts';

const fmtInput = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(
      ([k, v]) =>
        `${k} = ${Array.isArray(v) ? `[${(v as unknown[]).map((e) => (Array.isArray(e) ? `[${e.join(', ')}]` : String(e))).join(', ')}]` : String(v)}`,
    )
    .join(', ');

export function formatClaimResult(r: ClaimResult): string[] {
  const out: string[] = [];
  const dr = r.draws;
  const verdict = r.status.toUpperCase();
  if (r.kind === 'compare') {
    out.push(`${r.id}: ${verdict}  worst margin ${r.margin ?? '-'} (tolerance ${r.toleranceText})`);
  } else {
    const c = r.census;
    out.push(
      `${r.id}: ${verdict}  ${dr.evaluated === 0 ? 'no draw evaluated' : dr.violated === 0 ? 'held on every evaluated draw' : c ? `violated on ${c.violated} of ${c.evaluated} evaluated draws` : `violated (${dr.evaluated} draws evaluated before the first violation)`}`,
    );
  }
  if (r.statement) out.push(`  ${r.statement}`);
  out.push(
    `  draws: ${dr.evaluated} evaluated${r.census ? ' until the first violation' : ''} (${dr.held} held, ${dr.violated} violated), ${dr.discardedByConstraints} discarded by constraints, ${dr.undefinedObservables} undefined, ${dr.numericFailures} numeric failures; seed ${r.seed}, ${r.precision} digits (${r.backend})`,
  );
  const sv = r.symbolic;
  if (sv.verdict === 'zero') out.push(`  symbolic: residual 0 (${sv.ode}): the closed form solves the flow`);
  else if (sv.verdict === 'nonzero')
    out.push(
      `  symbolic: residual NOT 0 (${sv.ode}): ODE ${sv.residuals!.ode}, initial value ${sv.residuals!.initialValue}, initial slope ${sv.residuals!.initialSlope}`,
    );
  else if (sv.verdict === 'undecided') out.push(`  symbolic: undecided (${sv.reason})`);
  else if (sv.reason !== 'not requested') out.push(`  symbolic: not applicable (${sv.reason})`);
  if (r.worst && r.kind === 'compare' && r.status !== 'fail') {
    out.push(`  worst draw: ${fmtInput(r.worst.input)}`);
    out.push(`    quantity ${r.worst.quantity}, expected ${r.worst.expected}`);
  }
  if (r.counterexample) {
    const c = r.counterexample;
    out.push(`  counterexample (shrunk ${c.shrinks} times): ${fmtInput(c.input)}`);
    if (c.quantity !== undefined) out.push(`    quantity ${c.quantity}, expected ${c.expected}, margin ${c.margin} > ${r.tolerance}`);
    const vals = Object.entries(c.values);
    if (vals.length) out.push(`    values: ${vals.map(([k, v]) => `${k} = ${v}`).join(', ')}`);
  }
  if (r.replay) out.push(`  replay: ${r.replay.command}`);
  if (r.census) {
    const c = r.census;
    out.push(
      `  census (the same ${r.draws.requested} draws, not stopping at the first violation): held on ${c.held} of ${c.evaluated}, violated on ${c.violated}`,
    );
    for (const [k, e] of Object.entries(c.ranges)) {
      const f = (x: [string, string] | null) => (x ? (x[0] === x[1] ? x[0] : `${x[0]}..${x[1]}`) : 'none');
      out.push(`    ${k}: held at ${f(e.held)}; violated at ${f(e.violated)}`);
    }
  }
  for (const n of r.notes) out.push(`  note: ${n}`);
  return out;
}

export function formatEdgeTable(r: ClaimResult): string[] {
  if (!r.edges) return [];
  const out = ['  edge kind            tried  evaluated  outside-domain  inapplicable  violations  worst margin'];
  for (const [k, e] of Object.entries(r.edges)) {
    out.push(
      `  ${k.padEnd(20)} ${String(e.tried).padStart(5)}  ${String(e.evaluated).padStart(9)}  ${String(e.outsideDomain).padStart(14)}  ${String(e.inapplicable).padStart(12)}  ${String(e.violations).padStart(10)}  ${e.worstMargin ?? '-'}${e.reason && (e.inapplicable || e.tried === 0) ? `  (not applicable: ${e.reason})` : ''}`,
    );
  }
  return out;
}
