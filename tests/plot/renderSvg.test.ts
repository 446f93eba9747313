import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/plot/renderSvg.ts';
import { basinPlot, seriesPlot, stepPlot } from '../../src/plot/plots.ts';

describe('plots render to SVG headlessly', () => {
  it.each([
    [
      'series',
      seriesPlot('t', 's', 'beta', [
        { series: 'a', x: 0, y: 1 },
        { series: 'a', x: 1, y: 2 },
        { series: 'b', x: 0, y: 3 },
      ]),
    ],
    [
      'log series drops non-positive values',
      seriesPlot(
        't',
        's',
        'beta',
        [
          { series: 'a', x: 0, y: 0 },
          { series: 'a', x: 1, y: 2 },
        ],
        { logY: true },
      ),
    ],
    [
      'step',
      stepPlot('t', 's', 'leader', [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]),
    ],
    [
      'basin',
      basinPlot('t', [
        { u0: 0, v0: 0, fate: 'absorb' },
        { u0: 3, v0: 3, fate: 'escape' },
      ]),
    ],
  ] as const)('%s', async (_name, spec) => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
