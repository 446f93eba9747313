/**
 * Small helpers shared by the CLI commands: reading config files and comma lists.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../io/UsageError.ts';
import { MAX_INPUT_BYTES, parseJson } from '../io/validate.ts';

export function readJsonFile(path: string, what = path): unknown {
  if (path === '') throw new UsageError(`${what}: empty file name`);
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`cannot read ${what}: ${path} is a directory`);
    if (st.size > MAX_INPUT_BYTES) throw new UsageError(`${what}: ${st.size} bytes, more than the ${MAX_INPUT_BYTES} accepted`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseJson(text, what);
}

/** "0.5,1,2" → ["0.5","1","2"] (validation is the caller's). */
export function commaList(s: string): string[] {
  return s.split(',').map((t) => t.trim());
}
