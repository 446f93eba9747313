/** In-process run of the real command tree (same parsing and exit codes as bin/samcheck.js), capturing stdout and stderr. */
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
