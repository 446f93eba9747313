/**
 * All symbolic proof obligations of docs/derivation.md Part B and their runner.
 *
 * Main definitions:
 * - `obligations`: every Obligation (B1–B4, B7, B8 incl. mixed quadrants and sliding, B10, discrete maps).
 * - `runObligations({seed, precision, only})`: runs them in order, sharing one CAS worker.
 */
import { DEFAULT_SEED, OBLIGATION_MIN_PRECISION } from '../../src/verify/seed.ts';
import { closeSharedCas, type Obligation, type ObligationResult } from '../../src/symbolic/obligation.ts';
import { flowObligations } from './rescaledFlows.ts';
import { closedFormObligations } from './closedForms.ts';
import { linfBasinObligations } from './linfPlanarBasin.ts';
import { fixedPointObligations } from './fixedPoints.ts';
import { discreteMapObligations } from './discreteMaps.ts';

/** Every obligation; `item` names the claim it backs (B1-B4, B7, B8, B10, B11 for the discrete maps). */
export const obligations: Obligation[] = [
  ...flowObligations,
  ...closedFormObligations,
  ...linfBasinObligations,
  ...fixedPointObligations,
  ...discreteMapObligations,
];

let active = 0;

export async function runObligations(
  opts: { seed?: number; precision?: number; only?: string[]; onStart?: (o: Obligation, k: number, n: number) => void } = {},
): Promise<ObligationResult[]> {
  const seed = opts.seed ?? DEFAULT_SEED;
  // the spot checks' tolerance is 10^-(digits - 10): they never run below OBLIGATION_MIN_PRECISION digits
  const precision = Math.max(OBLIGATION_MIN_PRECISION, opts.precision ?? OBLIGATION_MIN_PRECISION);
  const sel =
    opts.only && opts.only.length > 0 ? obligations.filter((o) => opts.only!.some((p) => o.id === p || o.id.startsWith(p + '.') || o.item === p)) : obligations;
  const out: ObligationResult[] = [];
  // Concurrent callers (e.g. verify's parallel checks) share the CAS worker: close it only after the last one.
  active++;
  try {
    for (const o of sel) {
      opts.onStart?.(o, out.length + 1, sel.length);
      out.push(await o.run({ seed, precision }));
    }
  } finally {
    active--;
    if (active === 0) await closeSharedCas();
  }
  return out;
}
