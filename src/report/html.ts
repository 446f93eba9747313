/**
 * The report page (one self-contained index.html next to a katex/ directory with KaTeX's CSS and
 * fonts). Nothing is fetched from the network; the SVG figures are inline.
 *
 * Main definitions:
 * - `reportHtml(input)`: the page: summary, the key figure, the claims table (headline = worst
 *   check, unit, draws, links to the claim's figures and its checks' details), all figures with
 *   captions, the findings, every check's details (draws, worst margin, tolerance and why, seed,
 *   replay command), and the derivation (docs/derivation.md rendered with KaTeX).
 * - `namespaceSvgIds(svg, prefix)`: makes the ids inside one inline SVG unique in the page.
 */
import type { VerifyReport } from '../verify/runner.ts';
import type { CheckResult } from '../verify/CheckResult.ts';
import type { Claim } from '../verify/Claim.ts';
import { resolveTolerance } from '../verify/Claim.ts';
import { drawCounts, headlineCheck, isClosestCall, marginText, marginUnit, replayCommand, summaryLine } from '../verify/formatReport.ts';
import { escapeHtml as esc, markdownToHtml, slug } from './markdown.ts';
import type { Figure } from './figures.ts';

export interface RenderedFigure extends Figure {
  readonly svg: string;
}

export interface ReportInput {
  readonly verify: VerifyReport;
  readonly claims: readonly Claim[];
  readonly figures: readonly RenderedFigure[];
  readonly derivationMarkdown: string | null;
  /** where the verify data came from, e.g. "verify --quick run in-process" or "--from FILE" */
  readonly verifySource: string;
  readonly command: string;
}

export function namespaceSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  let out = svg;
  for (const id of ids) {
    const safe = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`\\sid="${safe}"`, 'g'), ` id="${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${safe}\\)`, 'g'), `url(#${prefix}-${id})`)
      .replace(new RegExp(`href="#${safe}"`, 'g'), `href="#${prefix}-${id}"`);
  }
  return out;
}

export const checkAnchor = (claim: string, check: string) => `check-${claim}-${check}`.replace(/[^A-Za-z0-9_-]/g, '-');

const STATUS_CLASS: Record<string, string> = { pass: 'pass', fail: 'fail', inconclusive: 'inc', skipped: 'skip' };

function statusBadge(s: string): string {
  return `<span class="badge ${STATUS_CLASS[s] ?? ''}">${esc(s.toUpperCase())}</span>`;
}

function drawsCell(k: CheckResult): string {
  const d = drawCounts(k);
  return `${d.runs ?? '-'} / ${d.discarded ?? '-'}`;
}

function figureLinks(claimId: string, figures: readonly RenderedFigure[]): string {
  const fs = figures.map((f, i) => ({ f, i })).filter(({ f }) => f.claims.includes(claimId));
  return fs.length ? fs.map(({ f, i }) => `<a href="#${f.id}" title="${esc(f.title)}">Fig. ${i + 1}</a>`).join(' ') : '-';
}

export function reportHtml(inp: ReportInput): string {
  const r = inp.verify;
  const byId = new Map(inp.claims.map((c) => [c.id, c]));
  const figs = inp.figures;
  const key = figs[0];
  const rows = r.claims
    .map((c) => {
      const h = headlineCheck(c.checks);
      const close = h ? isClosestCall(h) : false;
      return `<tr class="${c.status === 'fail' ? 'failrow' : close ? 'close' : ''}">
<td><a id="claim-${c.id}" href="#details-${c.id}">${esc(c.id)}</a></td>
<td>${esc(c.title)}</td>
<td>${statusBadge(c.status)}</td>
<td>${h ? `<a href="#${checkAnchor(c.id, h.check)}">${esc(h.check)}</a>` : '-'}</td>
<td class="num">${h ? esc(marginText(h)) : '-'}${close ? ' <span class="closecall" title="margin within a factor 2 of the tolerance">closest call</span>' : ''}</td>
<td>${h ? esc(marginUnit(h)) : '-'}</td>
<td class="num">${h ? drawsCell(h) : '-'}</td>
<td>${figureLinks(c.id, figs)}</td>
</tr>`;
    })
    .join('\n');
  const figureHtml = figs
    .map((f, i) => ({ f, i }))
    .map(
      ({ f, i }) => `<figure id="${f.id}">
<div class="svg">${namespaceSvgIds(f.svg, f.id)}</div>
<figcaption><strong>Figure ${i + 1}. ${esc(f.title)}.</strong> ${esc(f.caption)} <span class="illustrates">Illustrates: ${f.claims.map((c) => (byId.has(c) ? `<a href="#claim-${c}">${esc(c)}</a>` : esc(c))).join(', ')}.</span></figcaption>
</figure>`,
    );
  const derivationHtml = inp.derivationMarkdown ? markdownToHtml(inp.derivationMarkdown) : '<p>docs/derivation.md was not found.</p>';
  const derivationIds = new Set([...derivationHtml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
  const details = r.claims
    .map((c) => {
      const claim = byId.get(c.id);
      const checks = c.checks
        .map((k) => {
          const tol = claim?.tolerances[k.check];
          const d = drawCounts(k);
          const replay =
            k.status === 'fail' && k.replay
              ? replayCommand(c.id, k.check, k.replay.seed, k.replay.path, r.options)
              : replayCommand(c.id, k.check, k.seed, undefined, r.options);
          const reason = 'reason' in k ? k.reason : '';
          return `<div class="check" id="${checkAnchor(c.id, k.check)}">
<h4>${esc(c.id)} / ${esc(k.check)} ${statusBadge(k.status)} <span class="method">${esc(k.method)}</span></h4>
<dl>
<dt>measured</dt><dd>${esc(k.quantity)}</dd>
<dt>worst margin vs tolerance</dt><dd class="num">${esc(k.margin ?? '-')} ${esc(k.comparison ?? '')} ${esc(k.tolerance ?? '-')} <span class="unit">(${esc(marginUnit(k))})</span>${isClosestCall(k) ? ' <span class="closecall">closest call</span>' : ''}</dd>
<dt>draws run / discarded</dt><dd>${d.runs ?? '-'} / ${d.discarded ?? '-'}</dd>
<dt>tolerance: why</dt><dd>${tol ? `${esc(tol.why)}${tol.kind === 'belowPrecision' ? ` (at ${c.precision} digits: ${esc(resolveTolerance(tol, c.precision))})` : ''}` : '-'}</dd>
<dt>seed, precision</dt><dd>${k.seed ?? '-'}, ${k.precision} digits</dd>
<dt>replay</dt><dd><code>${esc(replay)}</code></dd>
${reason ? `<dt>reason</dt><dd>${esc(reason)}</dd>` : ''}
${k.notes.length ? `<dt>notes</dt><dd><ul>${k.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></dd>` : ''}
<dt>time</dt><dd>${k.seconds.toFixed(2)} s</dd>
</dl></div>`;
        })
        .join('\n');
      return `<section class="claim" id="details-${c.id}">
<h3>${esc(c.id)}: ${esc(c.title)} ${statusBadge(c.status)} <a class="up" href="#claim-${c.id}">table</a></h3>
<p>${esc(c.statement)}</p>
<p class="scope"><strong>Scope (what the evidence does not show):</strong> ${esc(c.scope.join('; '))}</p>
<p>Figures: ${figureLinks(c.id, figs)}${derivationIds.has(slug(c.id)) ? ` · Derivation: <a href="#${slug(c.id)}">the obligations of ${esc(c.id)}</a>` : ''}</p>
${checks}
</section>`;
    })
    .join('\n');
  const findings = r.findings.length
    ? `<ul>${r.findings.map((f) => `<li><a href="#claim-${f.claimId}">${esc(f.claimId)}</a> / ${esc(f.id)}: ${esc(f.summary)}</li>`).join('')}</ul>`
    : '<p>none</p>';
  const s = r.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>samcheck report: Minor First, Major Last</title>
<link rel="stylesheet" href="katex/katex.min.css">
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header{background:#1f2933;color:#fff;padding:14px 28px}
header h1{margin:0 0 4px;font-size:22px}
header a{color:#cfe3ff}
nav a{margin-right:14px}
main{max-width:1180px;margin:0 auto;padding:8px 28px 60px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}
.summary div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px}
.summary b{font-size:20px}
table.claims{border-collapse:collapse;width:100%;background:#fff;font-size:13.5px}
table.claims th,table.claims td{border-bottom:1px solid #e3e3e3;padding:5px 7px;text-align:left;vertical-align:top}
table.claims th{background:#eef1f4;position:sticky;top:0}
tr.close td{background:#fff6d6}
tr.failrow td{background:#fde2e2}
.num{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
.badge.pass{background:#2f8f46}.badge.fail{background:#c62828}.badge.inc{background:#b26a00}.badge.skip{background:#777}
.closecall{background:#f0b400;color:#000;border-radius:3px;padding:0 4px;font-size:11px}
figure{background:#fff;border:1px solid #ddd;border-radius:6px;margin:18px 0;padding:12px}
figure .svg{overflow-x:auto}
figcaption{font-size:13.5px;color:#333;margin-top:6px}
.illustrates{color:#555}
.check{background:#fff;border:1px solid #e5e5e5;border-radius:5px;padding:4px 12px;margin:8px 0}
.check h4{margin:6px 0}
.method{font-weight:400;color:#666;font-size:12px}
dl{display:grid;grid-template-columns:190px 1fr;gap:2px 10px;margin:4px 0 8px;font-size:13px}
dt{color:#555}dd{margin:0}
.scope{color:#444;font-size:13.5px}
a.up{font-size:12px;font-weight:400}
#derivation{background:#fff;border:1px solid #ddd;border-radius:6px;padding:4px 20px}
table.md{border-collapse:collapse}table.md td,table.md th{border:1px solid #ddd;padding:3px 6px}
pre{background:#f3f3f3;padding:8px;overflow-x:auto}
.key{display:flex;gap:18px;align-items:flex-start;flex-wrap:wrap}
</style></head>
<body>
<header><h1>samcheck report: "Minor First, Major Last" (SAM on depth-L diagonal linear networks)</h1>
<nav><a href="#claims">Claims</a><a href="#figures">Figures</a><a href="#findings">Findings</a><a href="#details">Check details</a><a href="#derivation">Derivation</a></nav></header>
<main>
<div class="summary">
<div><b>${s.passed}</b> passed</div><div><b>${s.failed}</b> failed</div><div><b>${s.inconclusive}</b> inconclusive</div><div><b>${s.skipped}</b> skipped</div>
<div>${s.total} claims, ${figs.length} figures</div>
<div>precision ${r.options.precision} digits, seed ${r.options.seed}${r.options.quick ? ', quick samples' : ', full samples'}</div>
<div>data: ${esc(inp.verifySource)}</div>
</div>
<p class="num">${esc(summaryLine(r))}. Reproduce: <code>${esc(inp.command)}</code></p>
${
  key
    ? `<p>The paper's story in one picture: under GD the major coordinate x_3 leads from the start; under l2-SAM the lead starts on a minor coordinate and passes to the major one late ("minor first, major last"); under l_inf-SAM this small start is absorbed. Scroll down for the claims, the other ${figs.length - 1} figures, every check's details and the derivation.</p>
${figureHtml[0]}`
    : ''
}
<h2 id="claims">Claims</h2>
<p>Each row shows the claim's <em>worst</em> check (least headroom: margin relative to its tolerance), the unit of that margin, and the draws run / discarded by the hypotheses ("-": not a sampled check). Highlighted rows are closest calls (margin within a factor 2 of the tolerance). Click an id for all checks of the claim.</p>
<table class="claims"><thead><tr><th>id</th><th>claim</th><th>status</th><th>worst check</th><th>margin vs tolerance</th><th>unit</th><th>draws run / disc.</th><th>figures</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2 id="figures">Figures</h2>
<p>Figure 1 is at the top of the page. Every figure is computed with the functions the checks use, from the parameters the claims and checks define; data are decimal and become floating point only for drawing. Coordinates are 1-based (x_1 … x_d) as in the paper; the JSON output of samcheck keeps 0-based indices.</p>
${figureHtml.slice(1).join('\n')}
<h2 id="findings">Findings</h2>
<p>Behaviour the abstract does not state, reported apart from pass/fail (no verdicts).</p>
${findings}
<h2 id="details">Check details</h2>
${details}
<h2 id="derivation-title">Derivation</h2>
<div id="derivation">
${derivationHtml}
</div>
</main></body></html>
`;
}
