/**
 * Output files named on the command line (`--plot FILE.svg`), checked BEFORE a run starts so that a
 * long computation is never lost to a typo: the name is non-empty, not a directory, its directory
 * exists and is writable, and an existing file is writable (UsageError naming the flag, exit 2).
 *
 * Main definitions:
 * - `checkOutputPath(flag, path)`: the checks above; returns the path.
 * - `writeOutputFile(flag, path, write)`: runs the write; any failure becomes one UsageError line.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './UsageError.ts';

export function checkOutputPath(flag: string, path: string): string {
  if (path.trim() === '') throw new UsageError(`${flag}: empty file name`);
  if (path.includes('\0')) throw new UsageError(`${flag}: file name contains a NUL character`);
  const full = resolve(path);
  let st: ReturnType<typeof statSync> | null;
  try {
    st = statSync(full);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) throw new UsageError(`${flag}: ${path} is a directory`);
  const dir = dirname(full);
  let ds: ReturnType<typeof statSync>;
  try {
    ds = statSync(dir);
  } catch {
    throw new UsageError(`${flag}: directory ${dirname(path)} does not exist`);
  }
  if (!ds.isDirectory()) throw new UsageError(`${flag}: ${dirname(path)} is not a directory`);
  try {
    accessSync(st ? full : dir, constants.W_OK);
  } catch {
    throw new UsageError(`${flag}: ${st ? path : dirname(path)} is not writable`);
  }
  return path;
}

export async function writeOutputFile(flag: string, path: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
