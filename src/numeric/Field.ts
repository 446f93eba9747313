/**
 * The scalar interface every model, optimizer and flow is written against.
 *
 * Main definitions:
 * - `Field<T>`: the arithmetic a backend must supply (decimal.js or float64 today).
 *
 * Model and optimizer code never touches decimal.js directly, so a faster backend
 * (e.g. double-double) can be added by implementing this interface alone.
 */
export interface Field<T> {
  /** Backend name, e.g. "decimal" or "float64". */
  readonly name: string;
  /** Significant decimal digits carried by every operation. */
  readonly precision: number;
  readonly zero: T;
  readonly one: T;
  /** Parse a decimal string. Throws on anything that is not a finite decimal number. */
  fromString(s: string): T;
  /** Exact small integer or any finite JS number (converted through its shortest decimal string). */
  fromNumber(n: number): T;
  /** Decimal string with `digits` significant digits (default: the field's precision). */
  toString(a: T, digits?: number): string;
  /** Lossy conversion, for plotting and diagnostics only. */
  toNumber(a: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sqrt(a: T): T;
  exp(a: T): T;
  /** Natural logarithm (a > 0). */
  log(a: T): T;
  /** log(1 + a), accurate to full relative precision also for tiny |a| (a > -1). */
  log1p(a: T): T;
  /** a^n for an integer n (may be negative for a != 0). */
  powInt(a: T, n: number): T;
  /** -1, 0 or 1. */
  cmp(a: T, b: T): -1 | 0 | 1;
  /** sign(a) in {-1, 0, 1}; sign(0) = 0. */
  sign(a: T): -1 | 0 | 1;
  isZero(a: T): boolean;
  /** True for every finite value (a backend must never produce NaN/Infinity silently). */
  isFinite(a: T): boolean;
  max(a: T, b: T): T;
  min(a: T, b: T): T;
}

/** Sum of a list in the given field. */
export function sum<T>(F: Field<T>, xs: readonly T[]): T {
  let acc = F.zero;
  for (const x of xs) acc = F.add(acc, x);
  return acc;
}
