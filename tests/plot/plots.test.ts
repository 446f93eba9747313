/**
 * The plot builders: filled basin regions (not one dot per grid point), switch markers, 1e10 tick
 * labels, legends with x values, and never a NaN/Infinity in the SVG.
 */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/plot/renderSvg.ts';
import { basinCells, basinPlot, logLogFitPlot, panels, regionPlot, seriesPlot } from '../../src/plot/plots.ts';

describe('plots', () => {
  it('the basin map is filled regions: far fewer rectangles than grid points, no scatter dots', async () => {
    const n = 61;
    const pts = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const u = -3 + (6 * i) / (n - 1);
        const v = -3 + (6 * j) / (n - 1);
        pts.push({ u0: u, v0: v, fate: Math.abs(u + v) > 2 ? 'escape' : 'absorb' });
      }
    const cells = basinCells(pts);
    expect(cells.length).toBeLessThan(4 * n);
    expect(cells.every((c) => c.x2 > c.x && c.y2 > c.y)).toBe(true);
    const svg = await renderSvg(basinPlot('basin', pts));
    expect(svg.length).toBeLessThan(200_000);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it('switch markers, legends with x values, tick labels as 1e10', async () => {
    const pts = [0, 1, 2, 3, 4, 5].flatMap((s) => [
      { series: 'x_1 = 0.5', x: s, y: Math.exp(s) },
      { series: 'x_2 = 1', x: s, y: Math.exp(5 * s) },
    ]);
    const svg = await renderSvg(
      seriesPlot('t', 's', 'beta', [...pts, { series: 'x_1 = 0.5', x: 6, y: Number.NaN }], { logY: true, markers: [{ x: 2.5, label: 'x_1→x_2 s=2.5' }] }),
    );
    expect(svg).toContain('x_1→x_2 s=2.5');
    expect(svg).toContain('x_2 = 1');
    expect(svg).toMatch(/>1e10</);
    expect(svg).not.toMatch(/10,000,000,000|NaN|Infinity/);
  });
  it('regions with curves and points, panels, log-log fits render', async () => {
    const r = regionPlot(
      'r',
      [
        { x: 0.1, x2: 1, y: 0, y2: 1, cat: 'a' },
        { x: 1, x2: 10, y: 0, y2: 1, cat: 'b' },
      ],
      {
        xLabel: 's',
        yLabel: 'a',
        domain: ['a', 'b'],
        range: ['#f00', '#00f'],
        logX: true,
        curves: [
          { curve: 'c', x: 1, y: 0.2 },
          { curve: 'c', x: 2, y: 0.8 },
        ],
        points: [{ x: 3, y: 0.5, kind: 'k' }],
      },
    );
    const f = logLogFitPlot('f', 'eta', 'err', [
      {
        series: 'GD: slope 1',
        points: [
          { x: 0.1, y: 0.01 },
          { x: 0.05, y: 0.005 },
        ],
        slope: 1,
        intercept: Math.log(0.1),
      },
    ]);
    const svg = await renderSvg(panels('p', [r, f], 2));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
