/**
 * Plot specifications for samcheck's results (Vega-Lite). Values are converted to JS numbers
 * ONLY for drawing; the data printed by the CLI stays in decimal strings.
 *
 * Main definitions:
 * - `seriesPlot`: several named series y(s) on one chart (e.g. β_i(s), log scale optional).
 * - `basinPlot`: starts (u0, v0) coloured by fate.
 * - `stepPlot`: a step function, e.g. the leading coordinate against s.
 */
import type { VegaLiteSpec } from './renderSvg.ts';

export interface SeriesPoint {
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

export function seriesPlot(title: string, xLabel: string, yLabel: string, points: readonly SeriesPoint[], opts: { logY?: boolean } = {}): VegaLiteSpec {
  const data = opts.logY ? points.filter((p) => p.y > 0 && Number.isFinite(p.y)) : points.filter((p) => Number.isFinite(p.y));
  return {
    title,
    width: 520,
    height: 320,
    data: { values: data },
    mark: { type: 'line', point: data.length < 60 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xLabel },
      y: { field: 'y', type: 'quantitative', title: yLabel, scale: opts.logY ? { type: 'log' } : {} },
      color: { field: 'series', type: 'nominal', title: '' },
    },
  };
}

export function stepPlot(title: string, xLabel: string, yLabel: string, points: readonly { x: number; y: number }[]): VegaLiteSpec {
  return {
    title,
    width: 520,
    height: 200,
    data: { values: points },
    mark: { type: 'line', interpolate: 'step-after', point: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xLabel },
      y: { field: 'y', type: 'quantitative', title: yLabel, axis: { tickMinStep: 1 } },
    },
  };
}

export function basinPlot(title: string, points: readonly { u0: number; v0: number; fate: string }[]): VegaLiteSpec {
  return {
    title,
    width: 420,
    height: 420,
    data: { values: points },
    mark: { type: 'point', filled: true, size: 30 },
    encoding: {
      x: { field: 'u0', type: 'quantitative', title: 'u0 / rho' },
      y: { field: 'v0', type: 'quantitative', title: 'v0 / rho' },
      color: { field: 'fate', type: 'nominal', scale: { domain: ['escape', 'absorb', 'saddle'], range: ['#d62728', '#1f77b4', '#2ca02c'] } },
    },
  };
}
