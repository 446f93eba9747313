/**
 * Plot specifications for samcheck's results (Vega-Lite). Values are converted to JS numbers
 * ONLY for drawing; the data printed by the CLI stays in decimal strings. No spec ever carries a
 * NaN or an infinity: non-finite points are dropped (and log axes drop non-positive values).
 *
 * Main definitions:
 * - `axisFormat(log)`: tick labels as 1e10 (powers of ten on log axes, scientific past 1e5).
 * - `seriesPlot`: several named series y(s) on one chart (legend shows each series' name, e.g.
 *   "x_1 = 0.5"), optional vertical markers (e.g. leader switches) drawn as dashed rules with labels.
 * - `panels(specs, columns)`: several charts side by side / stacked.
 * - `stepPlot`: a step function, e.g. the leading coordinate against s.
 * - `regionPlot`: filled rectangles coloured by a category (basin regions, leader heatmaps) with
 *   optional overlaid curves and points.
 * - `basinPlot`: grid starts (u0, v0) coloured by fate, drawn as filled regions (merged cells).
 * - `logLogFitPlot`: points and fitted lines on log-log axes (e.g. error against η).
 */
import type { VegaLiteSpec } from './renderSvg.ts';

export interface SeriesPoint {
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

export interface Marker {
  readonly x: number;
  readonly label: string;
}

export interface HLine {
  readonly y: number;
  readonly label: string;
}

const finite = (v: number) => Number.isFinite(v);

/** Vega expression for tick labels: "1e10" style. */
export function axisFormat(log: boolean): Record<string, unknown> {
  if (log) {
    // label only exact powers of ten, as 1eK
    return {
      labelExpr:
        "abs(log(datum.value)/LN10 - round(log(datum.value)/LN10)) < 1e-6 ? (round(log(datum.value)/LN10) == 0 ? '1' : '1e' + round(log(datum.value)/LN10)) : ''",
    };
  }
  return {
    labelExpr:
      "datum.value != 0 && (abs(datum.value) >= 1e5 || abs(datum.value) < 1e-3) ? replace(replace(format(datum.value, '.0e'), 'e+', 'e'), 'e-0', 'e-') : format(datum.value, '~g')",
  };
}

/** Powers of ten spanning [lo, hi], at most ~8 of them (every k-th decade). */
export function decadeTicks(lo: number, hi: number): number[] | undefined {
  if (!(lo > 0) || !(hi > 0) || !finite(lo) || !finite(hi)) return undefined;
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a) / 8));
  const out: number[] = [];
  for (let k = a; k <= b; k += step) out.push(10 ** k);
  return out;
}

function scale(log: boolean | undefined, domain?: readonly [number, number]): Record<string, unknown> {
  const s: Record<string, unknown> = log ? { type: 'log' } : { zero: false };
  if (domain) s.domain = domain;
  return s;
}

export interface SeriesOptions {
  readonly logY?: boolean;
  readonly logX?: boolean;
  readonly markers?: readonly Marker[];
  readonly hlines?: readonly HLine[];
  readonly width?: number;
  readonly height?: number;
  /** legend order (series names) */
  readonly order?: readonly string[];
  readonly points?: boolean;
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly dashed?: readonly string[];
  readonly interpolate?: 'linear' | 'step-after';
  readonly strokeWidth?: number;
  /** explicit y tick values */
  readonly yTicks?: readonly number[];
}

export function seriesPlot(title: string, xLabel: string, yLabel: string, points: readonly SeriesPoint[], opts: SeriesOptions = {}): VegaLiteSpec {
  const ok = (p: SeriesPoint) => finite(p.x) && finite(p.y) && (!opts.logY || p.y > 0) && (!opts.logX || p.x > 0);
  const data = points.filter(ok);
  const xs = data.map((p) => p.x);
  const ys = data.map((p) => p.y);
  const lo = xs.length ? Math.min(...xs) : 0;
  const hi = xs.length ? Math.max(...xs) : 1;
  const yTicks = opts.yTicks ?? (opts.logY && ys.length ? decadeTicks(Math.min(...ys), Math.max(...ys)) : undefined);
  const xTicks = opts.logX && xs.length ? decadeTicks(opts.xDomain?.[0] ?? lo, opts.xDomain?.[1] ?? hi) : undefined;
  const layers: Record<string, unknown>[] = [
    {
      data: { values: data },
      mark: { type: 'line', point: opts.points ?? data.length < 40, clip: true, strokeWidth: opts.strokeWidth ?? 2, interpolate: opts.interpolate ?? 'linear' },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          title: xLabel,
          scale: scale(opts.logX, opts.xDomain),
          axis: { ...axisFormat(!!opts.logX), ...(xTicks ? { values: xTicks } : {}) },
        },
        y: {
          field: 'y',
          type: 'quantitative',
          title: yLabel,
          scale: scale(opts.logY, opts.yDomain),
          axis: { ...axisFormat(!!opts.logY), ...(yTicks ? { values: yTicks } : {}) },
        },
        color: { field: 'series', type: 'nominal', title: null, sort: opts.order ?? null, legend: { orient: 'bottom', columns: 2, labelLimit: 400 } },
        ...(opts.dashed
          ? { strokeDash: { condition: { test: `indexof(${JSON.stringify(opts.dashed)}, datum.series) >= 0`, value: [6, 4] }, value: [1, 0] } }
          : {}),
      },
    },
  ];
  const [mlo, mhi] = opts.xDomain ?? [lo, hi];
  const markers = (opts.markers ?? []).filter((m) => finite(m.x) && m.x >= mlo && m.x <= mhi);
  if (markers.length > 0) {
    layers.push({
      data: { values: markers },
      mark: { type: 'rule', strokeDash: [4, 3], color: '#444' },
      encoding: { x: { field: 'x', type: 'quantitative' } },
    });
    // labels alternate between two rows so that close switches stay readable
    for (const row of [0, 1]) {
      const vals = markers.filter((_, i) => i % 2 === row);
      if (vals.length === 0) continue;
      layers.push({
        data: { values: vals },
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#222', baseline: 'top' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 2 + 12 * row }, text: { field: 'label' } },
      });
    }
  }
  const hl = (opts.hlines ?? []).filter((h) => finite(h.y) && (!opts.logY || h.y > 0));
  if (hl.length > 0) {
    layers.push({ data: { values: hl }, mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { y: { field: 'y', type: 'quantitative' } } });
    layers.push({
      data: { values: hl },
      mark: { type: 'text', align: 'right', dy: -4, fontSize: 10, color: '#555' },
      encoding: { y: { field: 'y', type: 'quantitative' }, x: { value: opts.width ?? 520 }, text: { field: 'label' } },
    });
  }
  return { title, width: opts.width ?? 520, height: opts.height ?? 300, layer: layers };
}

/** Several charts in a grid (`columns` per row). */
export function panels(title: string, specs: readonly VegaLiteSpec[], columns = specs.length): VegaLiteSpec {
  return { title, concat: specs, columns, spacing: 24 };
}

export function stepPlot(title: string, xLabel: string, yLabel: string, points: readonly { x: number; y: number }[]): VegaLiteSpec {
  return {
    title,
    width: 520,
    height: 200,
    data: { values: points.filter((p) => finite(p.x) && finite(p.y)) },
    mark: { type: 'line', interpolate: 'step-after', point: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xLabel, axis: axisFormat(false) },
      y: { field: 'y', type: 'quantitative', title: yLabel, axis: { tickMinStep: 1 } },
    },
  };
}

export interface Cell {
  readonly x: number;
  readonly x2: number;
  readonly y: number;
  readonly y2: number;
  readonly cat: string;
}

export interface RegionOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly domain: readonly string[];
  readonly range: readonly string[];
  readonly logX?: boolean;
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
  /** curves drawn on top: points with a `curve` name, joined in order */
  readonly curves?: readonly { curve: string; x: number; y: number }[];
  readonly curveColor?: string;
  readonly curveLabel?: string;
  /** points drawn on top with a category (shape) */
  readonly points?: readonly { x: number; y: number; kind: string }[];
  readonly pointsTitle?: string;
  readonly hlines?: readonly HLine[];
  readonly legendTitle?: string;
}

/** Filled rectangles coloured by category, with optional curves and points on top. */
export function regionPlot(title: string, cells: readonly Cell[], o: RegionOptions): VegaLiteSpec {
  const ok = (v: number) => finite(v) && (!o.logX || v > 0);
  const data = cells.filter((c) => ok(c.x) && ok(c.x2) && finite(c.y) && finite(c.y2));
  const xEnc = { field: 'x', type: 'quantitative', title: o.xLabel, scale: { ...scale(o.logX, o.xDomain), nice: false }, axis: axisFormat(!!o.logX) };
  const yEnc = { field: 'y', type: 'quantitative', title: o.yLabel, scale: { ...scale(false, o.yDomain), nice: false }, axis: axisFormat(false) };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: data },
      mark: { type: 'rect', clip: true, strokeWidth: 0 },
      encoding: {
        x: xEnc,
        x2: { field: 'x2' },
        y: yEnc,
        y2: { field: 'y2' },
        color: {
          field: 'cat',
          type: 'nominal',
          title: o.legendTitle ?? null,
          scale: { domain: o.domain, range: o.range },
          legend: { orient: 'bottom', columns: 4, labelLimit: 300 },
        },
      },
    },
  ];
  const curves = (o.curves ?? []).filter((p) => ok(p.x) && finite(p.y));
  if (curves.length > 0) {
    layers.push({
      data: { values: curves.map((p, i) => ({ ...p, i })) },
      mark: { type: 'line', clip: true, color: o.curveColor ?? '#111', strokeWidth: 2 },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, detail: { field: 'curve' }, order: { field: 'i' } },
    });
  }
  const pts = (o.points ?? []).filter((p) => ok(p.x) && finite(p.y));
  if (pts.length > 0) {
    layers.push({
      data: { values: pts },
      mark: { type: 'point', filled: true, size: 60, stroke: '#000', strokeWidth: 1, clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        shape: { field: 'kind', type: 'nominal', title: o.pointsTitle ?? null, legend: { orient: 'bottom', labelLimit: 300 } },
        fill: { value: '#fff' },
      },
    });
  }
  const hl = (o.hlines ?? []).filter((h) => finite(h.y));
  if (hl.length > 0) {
    layers.push({ data: { values: hl }, mark: { type: 'rule', color: '#000', strokeDash: [6, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } });
    layers.push({
      data: { values: hl },
      mark: { type: 'text', align: 'left', dy: -5, dx: 4, fontSize: 11 },
      encoding: { y: { field: 'y', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
    });
  }
  return { title, width: o.width ?? 480, height: o.height ?? 420, layer: layers, resolve: { scale: { shape: 'independent', color: 'independent' } } };
}

/**
 * Grid starts coloured by fate as filled regions: consecutive cells of one row with the same fate
 * are merged into one rectangle (a 61 x 61 grid becomes ~200 rectangles, not 3,721 dots).
 */
export function basinCells(points: readonly { u0: number; v0: number; fate: string }[]): Cell[] {
  const us = [...new Set(points.map((p) => p.u0))].sort((a, b) => a - b);
  const vs = [...new Set(points.map((p) => p.v0))].sort((a, b) => a - b);
  const du = us.length > 1 ? (us[us.length - 1]! - us[0]!) / (us.length - 1) : 1;
  const dv = vs.length > 1 ? (vs[vs.length - 1]! - vs[0]!) / (vs.length - 1) : 1;
  const at = new Map(points.map((p) => [`${p.u0},${p.v0}`, p.fate]));
  const cells: Cell[] = [];
  for (const v of vs) {
    let start = 0;
    for (let i = 1; i <= us.length; i++) {
      const prev = at.get(`${us[i - 1]},${v}`);
      const cur = i < us.length ? at.get(`${us[i]},${v}`) : undefined;
      if (cur !== prev) {
        // cells overlap by a quarter row so that no anti-aliasing seam shows between rows (the overlap is
        // drawn over by the next row, so the boundary stays where the grid puts it to within a row)
        if (prev !== undefined)
          cells.push({ x: us[start]! - du / 2, x2: us[i - 1]! + du / 2, y: v - dv / 2 - dv * 0.25, y2: v + dv / 2 + dv * 0.25, cat: prev });
        start = i;
      }
    }
  }
  return cells;
}

export const FATE_COLORS = { domain: ['escape', 'absorb', 'saddle'], range: ['#f4a6a6', '#a6c8f4', '#2ca02c'] } as const;

export function basinPlot(title: string, points: readonly { u0: number; v0: number; fate: string }[]): VegaLiteSpec {
  const ok = points.filter((p) => finite(p.u0) && finite(p.v0));
  const us = ok.map((p) => p.u0);
  const vs = ok.map((p) => p.v0);
  const cells = basinCells(ok);
  const sad = ok.filter((p) => p.fate === 'saddle').map((p) => ({ x: p.u0, y: p.v0, kind: 'saddle (grid point on the boundary)' }));
  return regionPlot(title, cells, {
    xLabel: 'u0 / rho',
    yLabel: 'v0 / rho',
    domain: [...FATE_COLORS.domain],
    range: [...FATE_COLORS.range],
    xDomain: [Math.min(...us, 0), Math.max(...us, 0)],
    yDomain: [Math.min(...vs, 0), Math.max(...vs, 0)],
    width: 420,
    height: 420,
    points: sad,
  });
}

export interface FitSeries {
  readonly series: string;
  readonly points: readonly { x: number; y: number }[];
  /** fitted line y = exp(intercept) * x^slope drawn over the points' x range */
  readonly slope?: number;
  readonly intercept?: number;
}

export function logLogFitPlot(
  title: string,
  xLabel: string,
  yLabel: string,
  series: readonly FitSeries[],
  opts: { width?: number; height?: number } = {},
): VegaLiteSpec {
  const pts = series.flatMap((s) => s.points.filter((p) => p.x > 0 && p.y > 0 && finite(p.x) && finite(p.y)).map((p) => ({ ...p, series: s.series })));
  const fits = series
    .flatMap((s) => {
      if (s.slope === undefined || s.intercept === undefined || !finite(s.slope) || !finite(s.intercept)) return [];
      const xs = s.points.map((p) => p.x).filter((x) => x > 0);
      return [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: Math.exp(s.intercept! + s.slope! * Math.log(x)), series: s.series }));
    })
    .filter((p) => finite(p.y) && p.y > 0);
  const ys = [...pts, ...fits].map((p) => p.y);
  const enc = {
    x: {
      field: 'x',
      type: 'quantitative',
      title: xLabel,
      scale: { type: 'log' },
      axis: { ...axisFormat(false), labelExpr: "replace(format(datum.value, '~g'), 'e+', 'e')" },
    },
    y: {
      field: 'y',
      type: 'quantitative',
      title: yLabel,
      scale: { type: 'log' },
      axis: { ...axisFormat(true), values: decadeTicks(Math.min(...ys), Math.max(...ys)) },
    },
    color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 400 } },
  };
  return {
    title,
    width: opts.width ?? 460,
    height: opts.height ?? 320,
    layer: [
      { data: { values: fits }, mark: { type: 'line', strokeDash: [6, 3] }, encoding: enc },
      { data: { values: pts }, mark: { type: 'point', filled: true, size: 70 }, encoding: enc },
    ],
  };
}
