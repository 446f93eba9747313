/** Running the CLI from the e2e tests: in-process (`runInProcess`, the real command tree) or spawned (`spawnCli`, bin/samcheck.js). */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';

export interface CliOut {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[]): Promise<CliOut> {
  let stdout = '';
  let stderr = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  (process.stdout as any).write = (c: unknown) => ((stdout += String(c)), true);
  (process.stderr as any).write = (c: unknown) => ((stderr += String(c)), true);
  try {
    const code = await main(['node', 'samcheck', ...args]);
    return { code, stdout, stderr };
  } finally {
    (process.stdout as any).write = ow;
    (process.stderr as any).write = ew;
  }
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/samcheck.js');

export interface SpawnOut {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn bin/samcheck.js as a user would; progress lines are off unless `progress` (SAMCHECK_PROGRESS=0). */
export function spawnCli(args: string[], opts: { progress?: boolean } = {}): Promise<SpawnOut> {
  const env = opts.progress ? process.env : { ...process.env, SAMCHECK_PROGRESS: '0' };
  return new Promise((res) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b) => (stdout += b));
    p.stderr.on('data', (b) => (stderr += b));
    p.on('close', (code) => res({ code, stdout, stderr }));
  });
}
