/**
 * The `--backend decimal|bigfloat` flag shared by simulate, flow, explore and verify.
 *
 * Main definitions:
 * - `BACKEND_FLAG`, `BACKEND_HELP`: the commander option spelling and its help text.
 * - `parseBackend(value)`: the validated backend (DEFAULT_BACKEND when the flag is absent).
 */
import { BACKENDS, DEFAULT_BACKEND, type Backend } from '../numeric/fieldFactory.ts';
import { UsageError } from '../io/UsageError.ts';

export const BACKEND_FLAG = '--backend <name>';
export const BACKEND_HELP = `arithmetic backend: ${BACKENDS.join(' | ')} (default ${DEFAULT_BACKEND})`;

export function parseBackend(value: string | undefined): Backend {
  if (value === undefined) return DEFAULT_BACKEND;
  const v = value.trim().toLowerCase();
  if ((BACKENDS as readonly string[]).includes(v)) return v as Backend;
  throw new UsageError(`backend must be one of ${BACKENDS.join(', ')}, got ${JSON.stringify(value)}`);
}
