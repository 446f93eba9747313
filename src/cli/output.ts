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
 * Progress on stderr, never stdout. On a terminal (or SAMCHECK_PROGRESS=1): a bar that appears once a
 * run has lasted about a second. Otherwise (pipes, CI logs): once a run has lasted 3 s, one plain line
 * every 5 s ("samcheck: label 37% (15/40), 12 s"), so long searches are never silent.
 * SAMCHECK_PROGRESS=0 turns both off.
 */
export function progress(label: string, total: number): Progress {
  const mode = process.env.SAMCHECK_PROGRESS === '0' ? 'off' : process.stderr.isTTY || process.env.SAMCHECK_PROGRESS === '1' ? 'bar' : 'lines';
  const start = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let last = 0;
  let lastLine = start;
  return {
    update(done: number) {
      last = done;
      if (mode === 'off') return;
      const now = Date.now();
      if (mode === 'lines') {
        if (now - start > 3000 && now - lastLine >= 5000) {
          lastLine = now;
          const el = Math.round((now - start) / 1000);
          if (total > 0) process.stderr.write(`samcheck: ${label} ${Math.min(100, Math.floor((100 * done) / total))}% (${done}/${total}), ${el} s\n`);
          else process.stderr.write(`samcheck: ${label} ${done}, ${el} s\n`);
        }
        return;
      }
      if (!bar && now - start > 1000) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta}s`, hideCursor: false },
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

/** Warn before a run that is expected to take long (estimate in seconds, reason in words). */
export function warnIfLong(what: string, seconds: number, why: string): void {
  if (seconds < 60) return;
  const t =
    seconds < 3600 ? `${Math.round(seconds / 60)} min` : seconds < 86400 * 3 ? `${Math.round(seconds / 3600)} h` : `${Math.round(seconds / 86400)} days`;
  warn(`${what} is expected to take about ${t} (${why}); progress is printed on stderr`);
}
