/**
 * Field-by-field validation of user input. Every failure throws a `UsageError` whose
 * one-line message names the offending field and its value.
 */
import { Decimal } from 'decimal.js';
import { UsageError } from './UsageError.ts';
import { isDecimalString, MAX_PRECISION, MIN_PRECISION } from '../numeric/decimalField.ts';

const show = (v: unknown): string => {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    const s = JSON.stringify(v);
    if (s === undefined) return String(v);
    return s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(v);
  }
};

/** Longest decimal string accepted (precision ≤ 1000 digits plus sign, point and exponent); longer ones are refused before parsing. */
export const MAX_DECIMAL_CHARS = 1100;
/** Largest config / points file read (bytes). */
export const MAX_INPUT_BYTES = 4_000_000;
/** Deepest JSON nesting accepted (configs need 3). */
export const MAX_JSON_DEPTH = 32;

/** A finite decimal number given as a string. */
export function decimalString(field: string, v: unknown): string {
  if (typeof v === 'string' && v.length > MAX_DECIMAL_CHARS) {
    throw new UsageError(`${field}: decimal string of ${v.length} characters refused (at most ${MAX_DECIMAL_CHARS}: precision is at most 1000 digits)`);
  }
  if (typeof v === 'number') {
    throw new UsageError(`${field}: numbers must be decimal strings (write "${v}" in quotes), got ${show(v)}`);
  }
  if (!isDecimalString(v)) throw new UsageError(`${field}: not a finite decimal number: ${show(v)}`);
  // Syntactically fine but beyond the representable exponent range (|exponent| > 9e15).
  if (!new Decimal((v as string).trim()).isFinite()) throw new UsageError(`${field}: exponent out of range: ${show(v)}`);
  return (v as string).trim();
}

/** Exact sign of a validated decimal string (no float64 rounding: 1e-400 is positive). */
function signOf(s: string): -1 | 0 | 1 {
  const d = new Decimal(s);
  return d.isZero() ? 0 : d.isNeg() ? -1 : 1;
}

export function positiveDecimal(field: string, v: unknown): string {
  const s = decimalString(field, v);
  if (signOf(s) <= 0) throw new UsageError(`${field} must be > 0, got ${show(v)}`);
  return s;
}

export function nonNegativeDecimal(field: string, v: unknown): string {
  const s = decimalString(field, v);
  if (signOf(s) < 0) throw new UsageError(`${field} must be >= 0, got ${show(v)}`);
  return s.replace(/^-/, '');
}

export function integerIn(field: string, v: unknown, lo: number, hi: number): number {
  const n = typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < lo || n > hi) {
    throw new UsageError(`${field} must be an integer in ${lo}..${hi}, got ${show(v)}`);
  }
  return n;
}

export function precision(field: string, v: unknown): number {
  return integerIn(field, v, MIN_PRECISION, MAX_PRECISION);
}

export function oneOf<S extends string>(field: string, v: unknown, allowed: readonly S[]): S {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`${field} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(v)}`);
  }
  return v as S;
}

export function decimalVector(field: string, v: unknown, length?: number): string[] {
  if (!Array.isArray(v)) throw new UsageError(`${field} must be an array of decimal strings, got ${show(v)}`);
  if (v.length === 0) throw new UsageError(`${field} must not be empty`);
  if (length !== undefined && v.length !== length) {
    throw new UsageError(`${field} must have length ${length}, got length ${v.length}`);
  }
  return v.map((e, i) => decimalString(`${field}[${i}]`, e));
}

export function decimalMatrix(field: string, v: unknown, rows?: number, cols?: number): string[][] {
  if (!Array.isArray(v)) throw new UsageError(`${field} must be an array of arrays, got ${show(v)}`);
  if (v.length === 0) throw new UsageError(`${field} must not be empty`);
  if (rows !== undefined && v.length !== rows) throw new UsageError(`${field} must have ${rows} rows, got ${v.length}`);
  const out = v.map((row, i) => decimalVector(`${field}[${i}]`, row, cols));
  const c = out[0]!.length;
  out.forEach((row, i) => {
    if (row.length !== c) throw new UsageError(`${field}[${i}] must have length ${c}, got length ${row.length}`);
  });
  return out;
}

/** A label: the decimal string of +1 or −1 (e.g. "1", "-1", "+1", "1.0"); JSON numbers are refused like everywhere else. */
export function label(field: string, v: unknown): 1 | -1 {
  if (typeof v === 'number') throw new UsageError(`${field}: labels must be the strings "1" or "-1" (write "${v}" in quotes), got ${show(v)}`);
  if (isDecimalString(v)) {
    const d = new Decimal((v as string).trim());
    if (d.eq(1)) return 1;
    if (d.eq(-1)) return -1;
  }
  throw new UsageError(`${field}: labels must be "1" or "-1", got ${show(v)}`);
}

/** Parse JSON text; on failure a one-line error naming the file. */
export function parseJson(text: string, what: string): unknown {
  if (text.length > MAX_INPUT_BYTES) throw new UsageError(`${what}: ${text.length} bytes, more than the ${MAX_INPUT_BYTES} accepted`);
  // nesting depth outside strings, before JSON.parse (deep nesting would exhaust the stack later)
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inStr) {
      if (ch === 92) i++;
      else if (ch === 34) inStr = false;
    } else if (ch === 34) inStr = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_JSON_DEPTH) throw new UsageError(`${what}: JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (ch === 93 || ch === 125) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what}: malformed JSON (${(e as Error).message})`);
  }
}

export function requireObject(what: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${what} must be a JSON object, got ${show(v)}`);
  return v as Record<string, unknown>;
}

export function required(obj: Record<string, unknown>, key: string): unknown {
  if (!(key in obj) || obj[key] === undefined || obj[key] === null) throw new UsageError(`missing required field "${key}"`);
  return obj[key];
}
