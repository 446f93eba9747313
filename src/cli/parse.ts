/**
 * Small helpers shared by the CLI commands: reading config files and comma lists.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../io/UsageError.ts';
import { parseJson } from '../io/validate.ts';

export function readJsonFile(path: string, what = path): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseJson(text, what);
}

/** "0.5,1,2" → ["0.5","1","2"] (validation is the caller's). */
export function commaList(s: string): string[] {
  return s.split(',').map((t) => t.trim());
}
