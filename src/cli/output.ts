/**
 * CLI output conventions: data on stdout, progress and warnings on stderr.
 */
import cliProgress from 'cli-progress';

export function printJson(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj, null, 2) + '\n');
}

export function printLine(s = ''): void {
  process.stdout.write(s + '\n');
}

export function warn(s: string): void {
  process.stderr.write(`samcheck: warning: ${s}\n`);
}

export function info(s: string): void {
  process.stderr.write(`samcheck: ${s}\n`);
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr that appears only once a run has lasted about a second, and
 * only on a terminal (or when forced with SAMCHECK_PROGRESS=1). Never writes to stdout.
 */
export function progress(label: string, total: number): Progress {
  const enabled = process.stderr.isTTY || process.env.SAMCHECK_PROGRESS === '1';
  const start = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let last = 0;
  return {
    update(done: number) {
      last = done;
      if (!enabled) return;
      if (!bar && Date.now() - start > 1000) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta}s`, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000, hideCursor: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      if (bar) {
        bar.update(last);
        bar.stop();
      }
    },
  };
}
