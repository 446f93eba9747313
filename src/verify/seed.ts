/**
 * The run parameters shared by `samcheck verify` and `samcheck derive` (one definition each).
 *
 * Main definitions:
 * - `DEFAULT_SEED`: the seed of every random draw when none is given.
 * - `SEED_MIN`, `SEED_MAX`: the accepted seeds (signed 32-bit integers, fast-check's seed range).
 * - `OBLIGATION_MIN_PRECISION`: symbolic obligations run their numeric spot checks at
 *   max(P, 50) digits (their tolerance is 10^-(digits - 10)); both commands accept the same
 *   precisions (the Field's range, 10..1000).
 */
export const DEFAULT_SEED = 20260308;
export const SEED_MIN = -(2 ** 31);
export const SEED_MAX = 2 ** 31 - 1;
export const OBLIGATION_MIN_PRECISION = 50;
