/**
 * What a property check evaluates for one draw, and the claim input that describes it, so that a
 * claim's hypotheses are judged on the drawn objects themselves and never on constants.
 *
 * Main definitions:
 * - `DrawnRun`: the examples (rows of X, labels Y) and the start's layers W0 that a check
 *   simulates, with ρ and α where it uses them.
 * - `runInput(run)`: its `ClaimInput`: depth = the number of layers of the start, n = the number
 *   of examples (a check that moved to depth 3 or to two examples would fail `depth = 2` or
 *   `one example` at once).
 * - `planarInput(start)`: the same for a drawn one-example start (x, W0, ρ, and α when balanced).
 */
import type { ClaimInput } from '../src/verify/Claim.ts';
import type { PlanarStart } from './arbitraries.ts';

/** The run of one draw: examples and start layers (entries of W0 may be field values: only its shape is read). */
export interface DrawnRun {
  /** The examples as decimal strings, one row each. */
  readonly X: readonly (readonly string[])[];
  /** Labels (default: +1 for every example). */
  readonly Y?: readonly (1 | -1)[];
  /** The start, one array a layer (the planar model's W0 = [u0, v0]). */
  readonly W0: readonly (readonly unknown[])[];
  readonly rho?: string;
  readonly alpha?: string;
}

/** The claim's view of a drawn run: depth and n counted from the run, x the single example's row. */
export function runInput(run: DrawnRun): ClaimInput {
  const n = run.X.length;
  return {
    depth: run.W0.length,
    n,
    X: run.X,
    Y: run.Y ?? run.X.map(() => 1 as const),
    ...(n === 1 ? { x: run.X[0] } : {}),
    ...(run.rho !== undefined ? { rho: run.rho } : {}),
    ...(run.alpha !== undefined ? { alpha: run.alpha } : {}),
  };
}

/** The claim input of a drawn one-example start: its x is the only example, its W0 the layers. */
export function planarInput(start: PlanarStart & { readonly alpha?: string }): ClaimInput {
  return runInput({ X: [start.x], W0: start.W0, rho: start.rho, ...(start.alpha !== undefined ? { alpha: start.alpha } : {}) });
}
