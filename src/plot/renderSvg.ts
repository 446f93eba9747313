/**
 * Vega-Lite → SVG rendering, headless (no browser, no canvas): `vega-lite` compiles the spec,
 * `vega` renders it with `toSVG()`. An SVG containing NaN or Infinity is refused (InternalError).
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { writeFileSync } from 'node:fs';
import { InternalError } from '../numeric/errors.ts';

export type VegaLiteSpec = Record<string, unknown>;

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // a NaN or an infinity that reached a label or a coordinate is a bug upstream, never drawn silently
  if (/NaN|Infinity/.test(svg)) throw new InternalError(`plot "${String(spec.title ?? '')}": the rendered SVG contains NaN or Infinity`);
  return svg;
}

/** Render and write an SVG file; returns the path. */
export async function writeSvg(path: string, spec: VegaLiteSpec): Promise<string> {
  writeFileSync(path, await renderSvg(spec));
  return path;
}
