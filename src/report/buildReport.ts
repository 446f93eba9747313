/**
 * `samcheck report` without the command line: get a verify report (run it, or read a JSON written
 * by `samcheck verify --json`), compute and render the figures, and write DIR/index.html with
 * KaTeX's CSS and fonts copied next to it (DIR/katex/).
 *
 * Main definitions:
 * - `buildReport(opts)`: writes the report; returns the paths, the figure count and the seconds.
 * - `verifyReportFromJson(obj)`: a `VerifyReport` from `samcheck verify --json` output.
 * - `copyKatexAssets(dir)`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifyReport } from '../verify/runner.ts';
import type { Claim } from '../verify/Claim.ts';
import type { CatalogueModule } from '../verify/Catalogue.ts';
import type { Backend } from '../numeric/fieldFactory.ts';
import { renderSvg } from '../plot/renderSvg.ts';
import { buildFigures, FIGURE_IDS, FIGURE_STEPS, type FigureParams } from './figures.ts';
import { reportHtml, type RenderedFigure } from './html.ts';
import { ProgressCounter } from './progress.ts';
import { UsageError } from '../io/UsageError.ts';

/**
 * The repository's docs/derivation.md, found upwards from this module (it runs from src/report
 * through tsx or from dist/src/report once compiled).
 */
export function derivationPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    const p = join(dir, 'docs/derivation.md');
    if (existsSync(p) && existsSync(join(dir, 'package.json'))) return p;
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  return null;
}

export interface ReportOptions {
  readonly out: string;
  readonly quick: boolean;
  readonly from?: string;
  readonly seed: number;
  readonly precision: number;
  readonly jobs: number;
  readonly command: string;
  /** progress on stderr */
  readonly progress: boolean;
  /** the claim catalogue (from the composition root, src/cli) */
  readonly source: CatalogueModule;
  readonly figureParams: FigureParams;
  readonly backend?: Backend;
}

export function copyKatexAssets(dir: string): void {
  const req = createRequire(import.meta.url);
  const css = req.resolve('katex/dist/katex.min.css');
  const dist = dirname(css);
  mkdirSync(join(dir, 'katex/fonts'), { recursive: true });
  copyFileSync(css, join(dir, 'katex/katex.min.css'));
  for (const f of readdirSync(join(dist, 'fonts'))) if (f.endsWith('.woff2')) copyFileSync(join(dist, 'fonts', f), join(dir, 'katex/fonts', f));
}

export function verifyReportFromJson(obj: unknown, file: string): VerifyReport {
  const o = obj as Partial<VerifyReport> | null;
  if (!o || !Array.isArray(o.claims) || !o.summary || !o.options)
    throw new UsageError(`from: ${file} is not the output of samcheck verify --json (needs claims, summary, options)`);
  for (const c of o.claims) if (!c || typeof c.id !== 'string' || !Array.isArray(c.checks)) throw new UsageError(`from: ${file}: a claim without id or checks`);
  return { claims: o.claims, findings: o.findings ?? [], searches: o.searches ?? [], summary: o.summary, options: o.options } as VerifyReport;
}

export async function buildReport(opts: ReportOptions): Promise<{ index: string; figures: number; seconds: number; verify: VerifyReport }> {
  const t0 = performance.now();
  const claims: readonly Claim[] = opts.source.catalogue.claims;
  let verify: VerifyReport;
  let verifySource: string;
  // --from is read (and refused) before anything starts
  let fromFile: VerifyReport | null = null;
  if (opts.from) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(opts.from, 'utf8'));
    } catch (e) {
      throw new UsageError(`from: cannot read ${opts.from} as JSON (${(e as Error).message.split('\n')[0]})`);
    }
    fromFile = verifyReportFromJson(raw, opts.from);
  }
  // figures + verify checks are counted together in the [k/N] lines
  const counter = opts.progress ? new ProgressCounter('samcheck report', FIGURE_STEPS.all) : null;
  const figurePromise = (async () => {
    const figs = await buildFigures({
      params: opts.figureParams,
      backend: opts.backend,
      quick: opts.quick,
      part: 'independent',
      progress: (l) => counter?.start(l),
    });
    return figs;
  })();
  if (opts.from) {
    verify = fromFile!;
    verifySource = `verify JSON ${opts.from}`;
  } else {
    const { runVerificationParallel } = await import('../verify/parallelRunner.ts');
    const cat = opts.source.catalogue;
    counter?.grow(cat.checks.length + cat.searches.length);
    const starts = new Set([...cat.checks.map((k) => `${k.claimId} ${k.name} ...`), ...cat.searches.map((s) => `search ${s.id} ...`)]);
    verify = await runVerificationParallel(opts.source, {
      jobs: opts.jobs,
      precision: opts.precision,
      seed: opts.seed,
      quick: opts.quick,
      backend: opts.backend,
      // each check announced once (a message repeated by a worker is not a new item)
      progress: counter ? (m) => (starts.delete(m) ? counter.start(`verify ${m.slice(0, -4)}`) : undefined) : undefined,
    });
    verifySource = `samcheck verify${opts.quick ? ' --quick' : ''} run in-process (seed ${opts.seed}, ${opts.precision} digits)`;
  }
  // the figures that need no verify data were computed meanwhile; the others use the run's data
  const independent = await figurePromise;
  const withData = await buildFigures({
    params: opts.figureParams,
    backend: opts.backend,
    quick: opts.quick,
    verify,
    part: 'verify-data',
    progress: (l) => counter?.start(l),
  });
  const figs = [...independent, ...withData].sort(
    (a, b) => FIGURE_IDS.indexOf(a.id as (typeof FIGURE_IDS)[number]) - FIGURE_IDS.indexOf(b.id as (typeof FIGURE_IDS)[number]),
  );
  const rendered: RenderedFigure[] = [];
  for (const f of figs) rendered.push({ ...f, svg: await renderSvg(f.spec) });
  const dp = derivationPath();
  const derivation = dp ? readFileSync(dp, 'utf8') : null;
  const index = join(opts.out, 'index.html');
  const html = reportHtml({ verify, claims, figures: rendered, derivationMarkdown: derivation, verifySource, command: opts.command });
  try {
    mkdirSync(opts.out, { recursive: true });
    copyKatexAssets(opts.out);
    writeFileSync(index, html);
  } catch (e) {
    throw new UsageError(`out: cannot write the report to ${opts.out} (${(e as Error).message.split('\n')[0]})`);
  }
  const seconds = (performance.now() - t0) / 1000;
  counter?.done(`wrote ${index} (${rendered.length} figures)`);
  return { index, figures: rendered.length, seconds, verify };
}
