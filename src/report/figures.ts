/**
 * The report's figures: each computed with the library functions the checks use, from the
 * parameters the claims/checks define (imported, never re-typed), and, where the verify run
 * already holds the data (B11 η sweep, P7 predicted blow-up times, the P1 dataset), from that run.
 * Values are decimal in the computation and become JS numbers only for drawing.
 *
 * Main definitions:
 * - `Figure`: id, title, caption (claim/derivation item and parameters), claims, Vega-Lite spec.
 * - `buildFigures(opts)`: all figures, in order; async and yielding between pieces so that a verify
 *   run on worker threads keeps being served meanwhile.
 * Coordinates are shown 1-based (x_1 … x_d) in titles, legends and captions.
 */
import type { Field } from '../numeric/Field.ts';
import { DEFAULT_BACKEND, makeField, type Backend } from '../numeric/fieldFactory.ts';
import type { VerifyReport } from '../verify/runner.ts';
import type { CheckResult } from '../verify/CheckResult.ts';
import { balancedStart, leaders } from '../analysis/leaders.ts';
import { criticalScale } from '../analysis/criticalScale.ts';
import { etaSlopeFromStart, DEFAULT_ETAS } from '../analysis/etaSlope.ts';
import { gdClosedForm } from '../flow/gdClosedForm.ts';
import { rescaledFlow } from '../flow/rescaledFlow.ts';
import { l2Flow } from '../flow/tauReduction.ts';
import { linfClosedForm } from '../flow/linfClosedForm.ts';
import { linfEscapeCondition } from '../linf/planarExact.ts';
import { simulate } from '../optim/simulate.ts';
import { checkpointSchedule } from '../optim/checkpoints.ts';
import { ALGO_NAMES, type AlgoName } from '../optim/algorithms.ts';
import { l2MaxMargin } from '../maxmargin/l2MaxMargin.ts';
import { sinAngle } from '../verify/direction.ts';
import { basinCells, FATE_COLORS, logLogFitPlot, panels, regionPlot, seriesPlot, type Cell, type SeriesPoint } from '../plot/plots.ts';
import type { VegaLiteSpec } from '../plot/renderSvg.ts';
import { alphaGrid, leaderAt, phaseRow, type PhaseRow } from './phase.ts';
import type { PlanarFate } from '../linf/planarExact.ts';

/**
 * The parameters the checks define (and the one helper a figure reuses), handed in by the
 * composition root (src/cli/commands/report.ts): src/ below src/cli never imports the catalogue.
 */
export interface FigureParams {
  /** B5 non-monotone witness start (also P5's illustration) */
  readonly NON_MONOTONE_START: { readonly x: readonly string[]; readonly alpha: string; readonly rho: string };
  /** B11 eta-slope start */
  readonly B11_START: {
    readonly x: readonly string[];
    readonly u0: readonly string[];
    readonly v0: readonly string[];
    readonly rho: string;
    readonly s: string;
  };
  /** P7 witnesses and their discrete runs */
  readonly P7_WITNESSES: readonly { readonly algo: AlgoName; readonly a: readonly string[]; readonly rho: string }[];
  readonly P7_RUN: { readonly x: readonly string[]; readonly eta: string; readonly steps: number; readonly depth: number };
  /** P1 direction-rate runs */
  readonly P1_RUN: { readonly eta: string; readonly rho: string; readonly steps: { readonly quick: number; readonly full: number } };
  /** B8 basin-vs-discrete runs and the check's discrete fate rule */
  readonly B8_DISCRETE: { readonly rho: string; readonly eta: string; readonly maxSteps: number };
  readonly discreteFate: <T>(F: Field<T>, u0: T, v0: T, rho: T, eta: T, maxSteps: number) => PlanarFate | 'undecided';
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  /** claim ids (and derivation items) the figure illustrates */
  readonly claims: readonly string[];
  readonly spec: VegaLiteSpec;
}

export interface FigureOptions {
  readonly params: FigureParams;
  /** numeric backend of the figure computations (default: the project's default) */
  readonly backend?: Backend;
  /** verify run whose data the figures reuse where they can */
  readonly verify?: VerifyReport;
  readonly quick?: boolean;
  /** digits of the figure computations (plotting needs few) */
  readonly precision?: number;
  readonly progress?: (label: string) => void;
}

const tick = () => new Promise<void>((r) => setImmediate(r));
const ALGO_LABEL: Record<AlgoName, string> = { gd: 'GD', 'sam-l2': 'l2-SAM', 'sam-linf': 'linf-SAM' };
const xName = (i: number) => `x_${i + 1}`;
const g4 = (v: number) => Number(v.toPrecision(4)).toString();

function checkOf(r: VerifyReport | undefined, claim: string, check: string): CheckResult | undefined {
  return r?.claims.find((c) => c.id === claim)?.checks.find((k) => k.check === check);
}

export const FIGURE_IDS = [
  'fig-minor-first',
  'fig-xstar',
  'fig-basin',
  'fig-alpha-c',
  'fig-leader-map',
  'fig-leader-alpha',
  'fig-eta-slope',
  'fig-depth3',
  'fig-p1-rate',
] as const;
export const FIGURE_COUNT = FIGURE_IDS.length;

/** Figures that use the data of a verify run when one is given (the rest need none). */
export const VERIFY_DATA_FIGURES: readonly string[] = ['fig-eta-slope', 'fig-depth3', 'fig-p1-rate'];
/** Number of progress steps of `buildFigures` with part 'all' (one per builder). */
export const FIGURE_STEPS = { independent: 4, 'verify-data': 3, all: 7 } as const;

export async function buildFigures(o: FigureOptions & { part?: 'independent' | 'verify-data' | 'all' }): Promise<Figure[]> {
  const p = o.params;
  const P = o.precision ?? 24;
  const F = makeField(o.backend ?? DEFAULT_BACKEND, P);
  // leaders() misses an early switch at loose tolerances (x = (0.5, 1, 2), alpha = 0.9: rtol 1e-14
  // runs to sMax without the switch at s = 0.0882), so the tolerance stays tight
  const rtol = F.fromString(`1e-${Math.max(8, P - 8)}`);
  const say = o.progress ?? (() => {});
  const part = o.part ?? 'all';
  const figs: Figure[] = [];
  if (part !== 'verify-data') {
    say('figure minor-first and x*(s) (P5, B5, B6, P3)');
    figs.push(...minorFirst(F, rtol, p));
    await tick();
    say('figure l_inf basin (B8)');
    figs.push(await basin(F, !!o.quick, p));
    say('figure critical scale alpha_c (B4)');
    figs.push(await alphaC(F, rtol, !!o.quick));
    say('figure leader map over (s, alpha) (P5, B5)');
    figs.push(...(await leaderMap(F, rtol, !!o.quick, p)));
  }
  if (part !== 'independent') {
    say('figure eta slope (B11)');
    figs.push(etaSlopeFigure(F, o.verify, p));
    await tick();
    say('figure depth 3 (P7, B13)');
    figs.push(await depth3(F, o.verify, p));
    say('figure L = 1 direction rate (P1)');
    figs.push(await p1Rate(F, o.verify, !!o.quick, p));
  }
  return figs.sort((a, b) => FIGURE_IDS.indexOf(a.id as (typeof FIGURE_IDS)[number]) - FIGURE_IDS.indexOf(b.id as (typeof FIGURE_IDS)[number]));
}

// ---------- 1, 2: minor first, major last; x*(s) ----------
function minorFirst<T>(F: Field<T>, rtol: T, prm: FigureParams): Figure[] {
  const S = prm.NON_MONOTONE_START;
  const x = S.x.map((v) => F.fromString(v));
  const rho = F.fromString(S.rho);
  const alpha = F.fromString(S.alpha);
  const st = balancedStart(F, x, rho, alpha);
  const lr = leaders(F, st, { rtol });
  const lastS = lr.switches.length ? F.toNumber(lr.switches[lr.switches.length - 1]!.s) : F.toNumber(lr.final.s);
  const sEnd = Math.max(1, Math.ceil(1.25 * Math.max(lastS, F.toNumber(lr.final.s))));
  const n = 200;
  const grid = Array.from({ length: n }, (_, k) => F.div(F.mul(F.fromNumber(sEnd), F.fromNumber(k + 1)), F.fromNumber(n)));
  const leg = (i: number) => `${xName(i)} = ${S.x[i]}`;
  const order = S.x.map((_, i) => leg(i));
  const a2 = F.toNumber(F.mul(alpha, alpha));
  // GD (B2 closed form), l2-SAM (tau reduction), linf-SAM (exact planar solution)
  const gd: SeriesPoint[] = [];
  const l2: SeriesPoint[] = [];
  const li: SeriesPoint[] = [];
  const fl = l2Flow(F, st, grid, { method: 'tau', rtol });
  const xStar: SeriesPoint[] = [];
  const gdLead: number[] = [];
  const liLead: (number | null)[] = [];
  grid.forEach((s, k) => {
    const sn = F.toNumber(s);
    const g = gdClosedForm(F, x, st.u0, st.v0, s);
    g.beta.forEach((b, i) => gd.push({ series: leg(i), x: sn, y: Math.abs(F.toNumber(b)) }));
    gdLead.push(argmaxAbs(F, g.beta));
    const p = fl.points[k]!;
    if (p.status !== 'collapsed') p.beta.forEach((b, i) => l2.push({ series: leg(i), x: sn, y: Math.abs(F.toNumber(b)) }));
    if (p.tau !== null && F.sign(p.tau) > 0)
      xStar.push({ series: 'x*(s) = s / (2 rho tau(s))', x: sn, y: F.toNumber(F.div(s, F.mul(F.fromNumber(2), F.mul(rho, p.tau)))) });
  });
  // linf-SAM on its own grid: up to the last absorption (or the same s range when something escapes)
  const c0 = linfClosedForm(F, x, st.u0, st.v0, rho, F.zero);
  const liAbsorb = c0.absorbS.map((a) => (a === null ? Number.NaN : F.toNumber(a)));
  const liEnd = c0.collapseS === null ? sEnd : 1.05 * F.toNumber(c0.collapseS);
  const liGrid = Array.from({ length: 160 }, (_, k) => F.mul(F.fromString(liEnd.toPrecision(8)), F.div(F.fromNumber(k + 1), F.fromNumber(160))));
  for (const s of liGrid) {
    const c = linfClosedForm(F, x, st.u0, st.v0, rho, s);
    // drawn until 1e-6 alpha^2: the exact solution reaches beta_i = 0 at the absorption time
    c.beta.forEach((b, i) => {
      const y = Math.abs(F.toNumber(b));
      if (y > a2 * 1e-6) li.push({ series: leg(i), x: F.toNumber(s), y });
    });
    liLead.push(c.beta.every((b) => F.isZero(b)) ? null : argmaxAbs(F, c.beta));
  }
  const l2Markers = lr.switches.map((w) => ({ x: F.toNumber(w.s), label: `${xName(w.from)}→${xName(w.leader)} s=${g4(F.toNumber(w.s))}` }));
  const gridMarkers = (lead: (number | null)[], g: readonly unknown[]) =>
    lead.flatMap((l, k) =>
      k > 0 && l !== null && lead[k - 1] !== null && l !== lead[k - 1]
        ? [{ x: F.toNumber(g[k] as (typeof grid)[number]), label: `${xName(lead[k - 1]!)}→${xName(l)} (grid)` }]
        : [],
    );
  const seq = (ls: readonly number[]) => ls.map(xName).join(' → ');
  const l2seq = seq([lr.initialLeader, ...lr.switches.map((w) => w.leader)]);
  const gdSeq = seq(gdLead.filter((l, k) => k === 0 || l !== gdLead[k - 1]));
  const liSeqArr = liLead.filter((l): l is number => l !== null);
  const liSeq = seq(liSeqArr.filter((l, k) => k === 0 || l !== liSeqArr[k - 1]));
  const fmtAbs = liAbsorb.map((a, i) => `${xName(i)} at s = ${g4(a)}`).join(', ');
  const common = { logY: true, order, width: 250, height: 240, points: false };
  const spec = panels(
    '',
    [
      seriesPlot(`GD: leader ${gdSeq} (B6)`, 's (rescaled time)', '|beta_i|', gd, { ...common, markers: gridMarkers(gdLead, grid) }),
      seriesPlot(`l2-SAM: leader ${l2seq} (B5)`, 's (rescaled time)', '|beta_i|', l2, { ...common, markers: l2Markers }),
      seriesPlot(`linf-SAM: leader ${liSeq}, then absorbed (B8)`, 's (rescaled time)', '|beta_i|', li, { ...common, markers: gridMarkers(liLead, liGrid) }),
    ],
    3,
  );
  const params = `x = (${S.x.join(', ')}), balanced start u_i = v_i = alpha = ${S.alpha}, rho = ${S.rho} (the start of check B5/nonmonotone-witness)`;
  const f1: Figure = {
    id: 'fig-minor-first',
    title: 'Minor first, major last: log|beta_i| against rescaled time s for GD, l2-SAM and linf-SAM from one balanced start',
    caption: `P5 (sequential feature amplification), B5 (l2-SAM leader law), B6 (GD leader law), B8/P3 (linf-SAM absorption). ${params}. GD: B2 closed form, beta_i = alpha^2 e^{2 x_i s}: the largest x_3 leads at every s > 0, so the direction tends to e_3 (P2). l2-SAM: tau reduction (B3) with the switches located by the leader-law events (dashed rules): ${lr.switches.map((w) => `${xName(w.from)} → ${xName(w.leader)} at s = ${F.toString(w.s, 10)}`).join('; ') || 'none'}; the lead first moves to the MINOR x_1 before the major x_3 takes over (a B5 finding: the lead is not monotone). linf-SAM: exact piecewise solution (B8); here |u0 + v0| = 2 alpha < 2 rho, so every coordinate is absorbed in finite time (${fmtAbs}); curves stop at 1e-6 alpha^2. Switch markers on the GD and linf-SAM panels would be drawn where the grid argmax changes (there are none).`,
    claims: ['P5', 'B5', 'B6', 'P2', 'B8', 'P3'],
    spec,
  };
  const xs = S.x.map(Number);
  const mids: { y: number; label: string }[] = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) mids.push({ y: (xs[i]! + xs[j]!) / 2, label: `(${xName(i)} + ${xName(j)})/2 = ${g4((xs[i]! + xs[j]!) / 2)}` });
  const f2: Figure = {
    id: 'fig-xstar',
    title: 'x*(s) = s / (2 rho tau(s)) with the midpoints (x_i + x_j)/2 and the switch times',
    caption: `B5: the l2-SAM leader is the x_i nearest x*(s); the lead passes from x_i to x_j exactly when x*(s) crosses (x_i + x_j)/2 (grey rules); dashed rules: the switch times located by the leader-law events. ${params}; tau from the tau reduction (B3). P6: the normalization 1/N in the perturbation damps coordinate i by rho x_i^2 tau(s); while N is small tau grows fast and x* is small, so minor coordinates are amplified first. x*(0+) = N(0)/(2 rho); x* is not monotone here${lr.xStarTurningPoints.length ? ` (minimum ${F.toString(lr.xStarTurningPoints[0]!.xStar, 6)} at s = ${F.toString(lr.xStarTurningPoints[0]!.s, 6)})` : ''}, which is why the lead goes back to the minor coordinate.`,
    claims: ['B5', 'P5', 'P6'],
    spec: seriesPlot('x*(s) and the switch times (l2-SAM, B5)', 's (rescaled time)', 'x*(s)', xStar, {
      markers: l2Markers,
      hlines: mids,
      width: 620,
      height: 300,
      points: false,
    }),
  };
  return [f1, f2];
}

function argmaxAbs<T>(F: Field<T>, b: readonly T[]): number {
  let k = 0;
  for (let i = 1; i < b.length; i++) if (F.cmp(F.abs(b[i]!), F.abs(b[k]!)) > 0) k = i;
  return k;
}

// ---------- 3: linf-SAM basin ----------
async function basin<T>(F: Field<T>, quick: boolean, prm: FigureParams): Promise<Figure> {
  const { B8_DISCRETE, discreteFate } = prm;
  const R = 3;
  const n = 121;
  const rho = F.fromString(B8_DISCRETE.rho);
  const pts: { u0: number; v0: number; fate: string }[] = [];
  const coord = (k: number) => F.sub(F.div(F.mul(F.fromNumber(2 * R), F.fromNumber(k)), F.fromNumber(n - 1)), F.fromNumber(R));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const u = coord(i);
      const v = coord(j);
      pts.push({ u0: F.toNumber(u), v0: F.toNumber(v), fate: linfEscapeCondition(F, F.mul(u, rho), F.mul(v, rho), rho) });
    }
  }
  const cells: Cell[] = basinCells(pts);
  await tick();
  // the saddle curve: on each ray from the origin (absorbed) the fate switches once; bisection
  const curve: { curve: string; x: number; y: number }[] = [];
  let piece = 0;
  let inPiece = false;
  const rMax = F.fromNumber(R * 1.5);
  const rays = 720;
  for (let k = 0; k <= rays; k++) {
    const th = (2 * Math.PI * k) / rays;
    const c = F.fromString(Math.cos(th).toFixed(12));
    const s = F.fromString(Math.sin(th).toFixed(12));
    const fateAt = (r: T) => linfEscapeCondition(F, F.mul(F.mul(r, c), rho), F.mul(F.mul(r, s), rho), rho);
    if (fateAt(rMax) !== 'escape') {
      if (inPiece) piece++;
      inPiece = false;
      continue;
    }
    let lo = F.zero;
    let hi = rMax;
    for (let it = 0; it < 30; it++) {
      const mid = F.div(F.add(lo, hi), F.fromNumber(2));
      if (fateAt(mid) === 'escape') hi = mid;
      else lo = mid;
    }
    const r = F.toNumber(hi);
    curve.push({ curve: `saddle set ${piece}`, x: r * Math.cos(th), y: r * Math.sin(th) });
    inPiece = true;
  }
  await tick();
  // discrete l_inf-SAM starts (the check's run: engine step, x = 1, rho, eta, step cap)
  const m = quick ? 6 : 8;
  const eta = F.fromString(B8_DISCRETE.eta);
  const starts: { x: number; y: number; kind: string }[] = [];
  let agree = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const u = F.fromString((-2.6 + (5.2 * i) / (m - 1) + 0.13 * (j % 2)).toFixed(2));
      const v = F.fromString((-2.6 + (5.2 * j) / (m - 1) + 0.11 * (i % 2)).toFixed(2));
      const d = discreteFate(F, F.mul(u, rho), F.mul(v, rho), rho, eta, B8_DISCRETE.maxSteps);
      const exact = linfEscapeCondition(F, F.mul(u, rho), F.mul(v, rho), rho);
      if (d === exact) agree++;
      starts.push({ x: F.toNumber(u), y: F.toNumber(v), kind: `discrete run: ${d}${d === exact ? '' : ' (differs from the rule)'}` });
    }
    await tick();
  }
  return {
    id: 'fig-basin',
    title: 'The linf-SAM basin in the (u0, v0)/rho plane: escape and absorption regions, the saddle set, discrete runs',
    caption: `B8 (planar basin, all four quadrants), B7 (each coordinate escapes iff its own (u0, v0)/rho lies in the escape region; x > 0) and B9/P3 (the limit is e_j for the largest |x_j| among the coordinates that escape, 0 if none does). Regions: the exact rule linfEscapeCondition on a ${n} x ${n} grid over [-${R}, ${R}]^2, merged into filled cells (red: escape; blue: absorbed at the origin in finite time). Black curve: the saddle set, where the rule's two sides are equal (located by bisection along ${rays} rays): |u0 + v0| = 2 rho in quadrants I/III and |u0 + v0|(2 rho + |u0 - v0|) = 8 rho^2 in the mixed quadrants. Markers: ${starts.length} discrete l_inf-SAM runs (the check B8/basin-vs-discrete's run: rho = ${B8_DISCRETE.rho}, eta = ${B8_DISCRETE.eta}, at most ${B8_DISCRETE.maxSteps} steps; escape once same-sign |u+v| > 3 rho, absorbed once max(|u|,|v|) < 0.05 rho); ${agree} of ${starts.length} agree with the rule.`,
    claims: ['B8', 'B7', 'B9', 'P3'],
    spec: regionPlot('linf-SAM planar basin (x > 0)', cells, {
      xLabel: 'u0 / rho',
      yLabel: 'v0 / rho',
      domain: ['escape', 'absorb'],
      range: [FATE_COLORS.range[0], FATE_COLORS.range[1]],
      xDomain: [-R, R],
      yDomain: [-R, R],
      curves: curve,
      points: starts,
      width: 440,
      height: 440,
      legendTitle: 'exact rule',
    }),
  };
}

// ---------- 4: alpha_c / rho for x = (1, r) ----------
async function alphaC<T>(F: Field<T>, rtol: T, quick: boolean): Promise<Figure> {
  const rs = quick
    ? ['0.05', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.8', '1']
    : ['0.05', '0.1', '0.15', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1'];
  const tol = F.fromString('1e-3');
  const rho = F.one;
  const pts: SeriesPoint[] = [];
  const rows: string[] = [];
  for (const r of rs) {
    const c = criticalScale(F, [F.one, F.fromString(r)], rho, { tol, rtol });
    const mid = F.toNumber(F.div(F.add(c.lo, c.hi), F.fromNumber(2)));
    pts.push({ series: 'alpha_c / rho (enclosure midpoint)', x: Number(r), y: mid });
    rows.push(`r = ${r}: [${F.toString(c.lo, 5)}, ${F.toString(c.hi, 5)}]`);
    await tick();
  }
  return {
    id: 'fig-alpha-c',
    title: 'Critical scale alpha_c / rho of l2-SAM for x = (1, r), balanced starts',
    caption: `B4: below alpha_c the l2-SAM flow from the balanced start collapses to the origin, above it escapes. By the degree-1 homogeneity (u, v, rho) -> (lambda u, lambda v, lambda rho) the fate depends on alpha / rho only, so one curve over r replaces a diagram over (alpha, rho). Each point is the midpoint of the certified enclosure from criticalScale (bisection; each end certified by a B4 certificate reached along the flow; width <= 1e-3 rho): ${rows.join('; ')}.`,
    claims: ['B4'],
    spec: seriesPlot('alpha_c / rho against r, x = (1, r)', 'r = x_2 / x_1', 'alpha_c / rho', pts, { points: true, width: 520, height: 300 }),
  };
}

// ---------- 5, 6: leader over (s, alpha/rho), leader at fixed s against alpha ----------
async function leaderMap<T>(F: Field<T>, rtol: T, quick: boolean, prm: FigureParams): Promise<Figure[]> {
  const S = prm.NON_MONOTONE_START;
  const x = S.x.map((v) => F.fromString(v));
  const rho = F.fromString(S.rho);
  const n = quick ? 31 : 49;
  const a0 = 0.3;
  const a1 = 1.2;
  const alphas = alphaGrid(F, F.mul(F.fromString(String(a0)), rho), F.mul(F.fromString(String(a1)), rho), n);
  const rows: PhaseRow<T>[] = [];
  for (const a of alphas) {
    rows.push(phaseRow(F, x, rho, a, { rtol }));
    await tick();
  }
  const sLo = 0.02;
  const sHi = 100;
  const half = (a1 - a0) / (n - 1) / 2;
  const cat = (l: number | 'collapsed' | 'undetermined') =>
    typeof l === 'number' ? `leader ${xName(l)} = ${S.x[l]}` : l === 'collapsed' ? 'collapsed (beta = 0)' : 'undetermined';
  const cells: Cell[] = [];
  const curves: { curve: string; x: number; y: number }[] = [];
  for (const r of rows) {
    const y = F.toNumber(F.div(r.alpha, rho));
    if (!r.leadersComplete) {
      // the leader tracking did not reach its stopping rule: nothing is concluded for this alpha
      cells.push({ x: sLo, x2: sHi, y: y - half * 1.1, y2: y + half * 1.1, cat: cat('undetermined') });
      continue;
    }
    const edges: { s: number; l: number | 'collapsed' | 'undetermined' }[] = [{ s: sLo, l: r.initialLeader }];
    for (const w of r.switches) edges.push({ s: F.toNumber(w.s), l: w.to });
    if (r.collapseS !== null) edges.push({ s: F.toNumber(r.collapseS), l: 'collapsed' });
    else if (r.fate === 'undecided') edges.push({ s: F.toNumber(r.stopS), l: 'undetermined' });
    const ok = edges.filter((e) => e.s < sHi).map((e) => ({ ...e, s: Math.max(sLo, e.s) }));
    ok.forEach((e, k) => {
      const x2 = k + 1 < ok.length ? ok[k + 1]!.s : sHi;
      if (x2 > e.s) cells.push({ x: e.s, x2, y: y - half * 1.1, y2: y + half * 1.1, cat: cat(e.l) });
    });
    const seen = new Map<string, number>();
    for (const w of r.switches) {
      const key = `${xName(w.from)}→${xName(w.to)}`;
      const k = (seen.get(key) ?? 0) + 1;
      seen.set(key, k);
      curves.push({ curve: `${key} #${k}`, x: F.toNumber(w.s), y });
    }
  }
  const used = new Set(cells.map((c) => c.cat));
  const palette = ['#fdd49e', '#9ecae1', '#a1d99b', '#fcbba1', '#dadaeb'];
  const all = [
    ...S.x.map((_, i) => ({ c: cat(i), col: palette[i % palette.length]! })),
    { c: cat('collapsed'), col: '#bdbdbd' },
    { c: cat('undetermined'), col: '#ffffff' },
  ].filter((d) => used.has(d.c));
  const domain = all.map((d) => d.c);
  const range = all.map((d) => d.col);
  const collapseRows = rows.filter((r) => r.fate === 'collapse').map((r) => F.toNumber(r.alpha));
  const escapeRows = rows.filter((r) => r.fate === 'escape').map((r) => F.toNumber(r.alpha));
  const bracket =
    collapseRows.length && escapeRows.length
      ? `alpha_c / rho lies between ${g4(Math.max(...collapseRows))} and ${g4(Math.min(...escapeRows))} on this grid`
      : '';
  const params = `x = (${S.x.join(', ')}), rho = ${S.rho}, balanced starts u_i = v_i = alpha, ${n} values of alpha/rho in [${a0}, ${a1}]`;
  // the certified critical scale (B4) as a dashed line: below it every start collapses
  const cs = criticalScale(F, x, rho, { tol: F.fromString('1e-6'), rtol });
  const acLo = F.toNumber(F.div(cs.lo, rho));
  const acHi = F.toNumber(F.div(cs.hi, rho));
  const acText = `alpha_c / rho in [${F.toString(F.div(cs.lo, rho), 7)}, ${F.toString(F.div(cs.hi, rho), 7)}] (criticalScale, certified)`;
  await tick();
  const map: Figure = {
    id: 'fig-leader-map',
    title: 'Minor first, major last at a glance: the l2-SAM leader over the (s, alpha/rho) plane',
    caption: `P5 and B5: for each alpha the leader sequence and switch times from the leader law (leaders, tau reduction; the same computation as samcheck explore phase). ${params}. Black curves join the switch times of the same kind (e.g. x_1→x_2) across alpha. Grey: the flow has collapsed to the origin (B4 collapse certificate; ${bracket}). Dashed line: ${acText}. Small starts lead with a minor coordinate and end with the major one (the escaping runs end led by the major: P4); large starts lead with the major from the start. White rows (if any): the leader tracking reached its s limit without its stopping rule, so nothing is concluded there. Past the escape certificate the last leader is drawn to the right edge (the stopping rule: the largest coordinate leads and the B4 escape certificate holds).`,
    claims: ['P5', 'B5', 'B4', 'P4'],
    spec: regionPlot('l2-SAM leader over (s, alpha/rho), x = (0.5, 1, 2)', cells, {
      xLabel: 's (rescaled time, log scale)',
      yLabel: 'alpha / rho',
      domain,
      range,
      logX: true,
      xDomain: [sLo, sHi],
      yDomain: [a0 - half, a1 + half],
      curves,
      hlines: [{ y: (acLo + acHi) / 2, label: `alpha_c / rho = ${g4((acLo + acHi) / 2)}` }],
      width: 560,
      height: 380,
    }),
  };
  const sFixed = ['0.5', '2', '8'];
  const lines: SeriesPoint[] = [];
  for (const sv of sFixed) {
    for (const r of rows) {
      const l = !r.leadersComplete ? null : leaderAt(F, r, F.fromString(sv));
      if (l === null) continue;
      lines.push({ series: `s = ${sv}`, x: F.toNumber(F.div(r.alpha, rho)), y: l === 'collapsed' ? 0 : Number(S.x[l]) });
    }
  }
  const fixed: Figure = {
    id: 'fig-leader-alpha',
    title: 'The leader at fixed s as a function of the initialization scale alpha (amplification by initialization)',
    caption: `P5 ("as initialization grows") and B5: the x-value of the leading coordinate at s = ${sFixed.join(', ')} against alpha/rho (0 = collapsed, beta = 0), read off the same leader sequences as the map above (${params}). At fixed s a larger start moves the lead to a larger coordinate; it is not monotone in alpha near alpha_c (the non-monotone lead of B5).`,
    claims: ['P5', 'B5'],
    spec: seriesPlot('leader x-value at fixed s against alpha/rho', 'alpha / rho', 'x-value of the leader (0 = collapsed)', lines, {
      points: true,
      width: 560,
      height: 280,
      interpolate: 'step-after',
      yTicks: [0, ...S.x.map(Number)],
    }),
  };
  return [map, fixed];
}

// ---------- 7: B11 eta slope ----------
function etaSlopeFigure<T>(F: Field<T>, verify: VerifyReport | undefined, prm: FigureParams): Figure {
  const { B11_START } = prm;
  interface Run {
    algo: string;
    slope: string;
    points: { eta: string; err: string }[];
  }
  let runs: Run[];
  let source = 'computed for the report (the check B11/eta-slope did not run)';
  const k = checkOf(verify, 'B11', 'eta-slope');
  const inputs = k?.inputs as { runs?: Run[] } | null | undefined;
  if (inputs?.runs && inputs.runs.length > 0) {
    runs = inputs.runs;
    source = 'the runs of check B11/eta-slope in this verify run';
  } else {
    runs = (['gd', 'sam-l2'] as const).map((algo) => {
      const r = etaSlopeFromStart(F, algo, B11_START);
      return { algo, slope: F.toString(r.slope, 6), points: r.points.map((p) => ({ eta: F.toString(p.eta, 6), err: F.toString(p.err, 6) })) };
    });
  }
  const series = runs.map((r) => {
    const pts = r.points.map((p) => ({ x: Number(p.eta), y: Number(p.err) }));
    const slope = Number(r.slope);
    // intercept of the drawn line through the points' centroid in log-log (drawing only)
    const mx = pts.reduce((a, p) => a + Math.log(p.x), 0) / pts.length;
    const my = pts.reduce((a, p) => a + Math.log(p.y), 0) / pts.length;
    return { series: `${ALGO_LABEL[r.algo as AlgoName] ?? r.algo}: fitted slope ${r.slope}`, points: pts, slope, intercept: my - slope * mx };
  });
  return {
    id: 'fig-eta-slope',
    title: 'Discrete runs against the rescaled flow: error at matched clock s against eta (log-log) with the fitted slope',
    caption: `B11: the discrete trajectory indexed by s_t = sum eta g(z~_t) stays O(eta) from the flow, so the error is ~ eta (slope 1). Start (B11_START of the check): x = (${B11_START.x.join(', ')}), u0 = (${B11_START.u0.join(', ')}), v0 = (${B11_START.v0.join(', ')}), rho = ${B11_START.rho} (l2-SAM; GD uses rho = 0), compared when s_t first reaches ${B11_START.s}; eta in {${DEFAULT_ETAS.join(', ')}}. Dots: measured errors (max-norm of (u, v) against the flow at the same s_t, relative to max(1, |flow state|)); dashed: least-squares line in log-log with the fitted slope in the legend. Data: ${source}.`,
    claims: ['B11'],
    spec: logLogFitPlot('B11: error against eta', 'eta (step size)', 'error at s_t ~ ' + B11_START.s, series),
  };
}

// ---------- 8: depth 3 ----------
async function depth3<T>(F: Field<T>, verify: VerifyReport | undefined, prm: FigureParams): Promise<Figure> {
  const { P7_RUN, P7_WITNESSES } = prm;
  const f = (s: string) => F.fromString(s);
  const x = P7_RUN.x.map(f);
  const k = checkOf(verify, 'P7', 'witness-discrete');
  const fromCheck = (k?.inputs as { witnesses?: { algo: string; predicted_blowup_s: string[] }[] } | null | undefined)?.witnesses;
  const specs: VegaLiteSpec[] = [];
  const notes: string[] = [];
  for (const w of P7_WITNESSES) {
    const cps = checkpointSchedule(P7_RUN.steps, 10, 60);
    const r = simulate(
      F,
      {
        algo: w.algo,
        loss: 'logistic',
        eta: f(P7_RUN.eta),
        rho: f(w.rho),
        steps: P7_RUN.steps,
        data: { X: [x], Y: [1] },
        W0: Array.from({ length: P7_RUN.depth }, () => w.a.map(f)),
      },
      { checkpoints: cps },
    );
    const pts: SeriesPoint[] = r.trajectory.flatMap((cp) =>
      cp.beta.map((b, i) => ({ series: `${xName(i)} = ${P7_RUN.x[i]}${i === 0 ? ' (minor)' : ' (major)'}`, x: F.toNumber(cp.s), y: Math.abs(F.toNumber(b)) })),
    );
    const pred = fromCheck?.find((c) => c.algo === w.algo)?.predicted_blowup_s;
    const markers = pred ? pred.map((s, i) => ({ x: Number(s), label: `s*_${i + 1} = ${g4(Number(s))}` })) : [];
    const last = r.beta.map((b) => F.toNumber(b));
    notes.push(
      `${ALGO_LABEL[w.algo]} from a = (${w.a.join(', ')})${w.algo === 'gd' ? '' : `, rho = ${w.rho}`}: predicted blow-up s* = (${pred ? pred.map((s) => g4(Number(s))).join(', ') : 'not in this verify run'}), beta_T = (${last.map((v) => v.toExponential(3)).join(', ')}) after ${P7_RUN.steps} steps, final clock s_T = ${g4(F.toNumber(r.s))}`,
    );
    const sMaxDrawn = Math.max(F.toNumber(r.s), ...markers.map((m) => m.x)) * 1.05;
    specs.push(
      seriesPlot(`${ALGO_LABEL[w.algo]}, depth 3, a = (${w.a.join(', ')})`, 'discrete clock s_t', '|beta_i|', pts, {
        logY: true,
        markers,
        width: 380,
        height: 240,
        points: false,
        xDomain: [0, sMaxDrawn],
      }),
    );
    await tick();
  }
  // blow-up order against the start (GD): each coordinate's rescaled flow blows up on its own (the
  // coordinates decouple), so integrate each alone from a_i and read off where it blows up
  const blowup = (xi: string, a: string): number | null => {
    const r = rescaledFlow(
      F,
      'gd',
      [f(xi)],
      F.zero,
      Array.from({ length: P7_RUN.depth }, () => [f(a)]),
      [F.fromNumber(100)],
      { rtol: F.fromString('1e-12') },
    );
    return r.status === 'blowup' && r.blowupS !== null ? F.toNumber(r.blowupS) : null;
  };
  const as = ['0.15', '0.2', '0.25', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '1', '1.2'];
  const order: SeriesPoint[] = [];
  for (const [i, xi] of P7_RUN.x.entries()) {
    for (const a of as) {
      const sb = blowup(xi, a);
      if (sb !== null) order.push({ series: `${xName(i)} = ${xi}${i === 0 ? ' (minor)' : ' (major)'}`, x: Number(a), y: sb });
    }
    await tick();
  }
  const gdW = P7_WITNESSES.find((w) => w.algo === 'gd');
  const wMarks = gdW ? gdW.a.map((a, i) => ({ i, a, s: blowup(P7_RUN.x[i]!, a) })) : [];
  specs.push(
    seriesPlot(`GD, depth 3: blow-up time of each coordinate against its start a_i`, 'start a_i (all layers)', 's_i* (integrated)', order, {
      logY: true,
      points: true,
      width: 380,
      height: 240,
      markers: wMarks.map((m) => ({ x: Number(m.a), label: `a_${m.i + 1} = ${m.a}` })),
      hlines: wMarks.filter((m) => m.s !== null).map((m) => ({ y: m.s!, label: `s*_${m.i + 1} = ${g4(m.s!)}` })),
    }),
  );
  notes.push(
    `blow-up order (third panel, GD): each coordinate integrated alone (rescaledFlow, ${P7_RUN.depth} equal layers) until it blows up; the witness starts a = (${gdW?.a.join(', ') ?? '-'}) give ${wMarks.map((m) => `s*_${m.i + 1} = ${m.s === null ? 'no blow-up by s = 100' : g4(m.s)}`).join(', ')}, so the minor x_1 blows up first although x_2 is larger`,
  );
  return {
    id: 'fig-depth3',
    title: 'Depth 3: the first blow-up wins, so a minor coordinate can win (P7, B13)',
    caption: `P7 (witnesses) and B13: at depth 3 each coordinate of the rescaled flow blows up at s_i* = 1/((L-2) x_i a_i^{L-2}) (GD) or 1/((L-2) x_i (a_i - rho)^{L-2}) (linf-SAM), and the coordinate that blows up FIRST takes the lead, not the largest x_i. x = (${P7_RUN.x.join(', ')}), all ${P7_RUN.depth} layers start at a, eta = ${P7_RUN.eta}, ${P7_RUN.steps} steps (the check P7/witness-discrete's runs); |beta_i| against the discrete clock, dashed rules at the predicted blow-up times taken from the check's output. ${notes.join('; ')}. The minor coordinate x_1 blows up first; the clock stalls before the major's blow-up time, and the direction converges to e_1.`,
    claims: ['P7', 'B13'],
    spec: panels('', specs, 2),
  };
}

// ---------- 9: P1 direction error against log t ----------
async function p1Rate<T>(F: Field<T>, verify: VerifyReport | undefined, quick: boolean, prm: FigureParams): Promise<Figure> {
  const { P1_RUN } = prm;
  const k = checkOf(verify, 'P1', 'direction-rate');
  const worst = (k?.inputs as { worst?: { n: number; d: number; X: string[]; Y: (1 | -1)[] } } | null | undefined)?.worst;
  let Xs: string[][];
  let Y: (1 | -1)[];
  let source: string;
  if (worst && Array.isArray(worst.X)) {
    Xs = Array.from({ length: worst.n }, (_, r) => worst.X.slice(3 * r, 3 * r + worst.d));
    Y = worst.Y.slice(0, worst.n);
    source = 'the dataset with the least headroom in check P1/direction-rate of this verify run';
  } else {
    Xs = [
      ['1', '0.5'],
      ['0.2', '1.2'],
    ];
    Y = [1, 1];
    source = 'a fixed two-example dataset (the check P1/direction-rate did not run)';
  }
  const data = { X: Xs.map((r) => r.map((v) => F.fromString(v))), Y };
  const mm = l2MaxMargin(F, data);
  const T = quick ? P1_RUN.steps.quick : P1_RUN.steps.full;
  // every step: SAM with eta = 1 oscillates with period 2, which sparse checkpoints would alias
  const cps = Array.from({ length: T + 1 }, (_, t) => t);
  const pts: SeriesPoint[] = [];
  if (mm) {
    for (const algo of ALGO_NAMES) {
      const r = simulate(
        F,
        { algo, loss: 'logistic', eta: F.fromString(P1_RUN.eta), rho: F.fromString(P1_RUN.rho), steps: T, data, W0: [data.X[0]!.map(() => F.zero)] },
        { checkpoints: cps },
      );
      for (const cp of r.trajectory) if (cp.step >= 1) pts.push({ series: ALGO_LABEL[algo], x: cp.step, y: F.toNumber(sinAngle(F, cp.W[0]!, mm.w)) });
      await tick();
    }
    // reference c / log t through the GD curve's last point
    const lastGd = pts.filter((p) => p.series === 'GD').at(-1);
    if (lastGd) {
      const c = lastGd.y * Math.log(lastGd.x);
      for (const t of checkpointSchedule(T, 10, 30)) if (t >= 3) pts.push({ series: 'c / log t (rate of Soudry et al. 2018)', x: t, y: c / Math.log(t) });
    }
  }
  const ysAll = pts.map((p) => p.y).filter((y) => y > 0 && Number.isFinite(y));
  const yRange: [number, number] | undefined = ysAll.length
    ? [10 ** Math.floor(Math.log10(Math.min(...ysAll))), 10 ** Math.ceil(Math.log10(Math.max(...ysAll)))]
    : undefined;
  const dataText = Xs.map((r, i) => `(${r.join(', ')}) with y = ${Y[i]}`).join('; ');
  return {
    id: 'fig-p1-rate',
    title: 'L = 1: direction error sin angle(w_t, w_hat) against t (log axes), GD, l2-SAM, linf-SAM',
    caption: `P1: at depth 1 all three algorithms converge in direction to the l2 max-margin classifier w_hat (exact active-set solver), at the O(1/log t) rate of GD (Soudry et al. 2018: w_t = w_hat log t + bounded residual). Data: ${dataText} (${source}); eta = ${P1_RUN.eta}, rho = ${P1_RUN.rho}, ${T} steps from w_0 = 0 (the check's runs), every step drawn. One panel per algorithm (same axes). Dashed: the envelope c / log t through GD's last point. The decay is the slow 1/log t one; the check compares e(T) with the error predicted before the run, sin angle(w_hat log T + w_tilde, w_hat) (w_tilde fixed by the data, eta, rho), within an a-priori residual bound; SAM with eta = 1 oscillates early on.`,
    claims: ['P1', 'B12'],
    spec: panels(
      '',
      ALGO_NAMES.map((a) => {
        const ref = 'c / log t (rate of Soudry et al. 2018)';
        return seriesPlot(
          `${ALGO_LABEL[a]}`,
          't (steps, log scale)',
          'sin angle(w_t, w_hat)',
          pts.filter((p) => p.series === ALGO_LABEL[a] || p.series === ref),
          { logX: true, logY: true, width: 250, height: 240, points: false, dashed: [ref], xDomain: [1, T], strokeWidth: 1, yDomain: yRange },
        );
      }),
      3,
    ),
  };
}
