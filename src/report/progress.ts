/**
 * Progress lines on stderr for long commands (verify, derive, report):
 * `[k/N] claim check … (elapsed 12s, ETA 40s)`.
 *
 * Main definitions:
 * - `ProgressCounter`: counts started items out of a known total and formats the line; on a TTY
 *   the line is redrawn in place, otherwise one line per item (logs, CI) is written.
 * - `formatDuration(seconds)`: "8s", "1m05s".
 */

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export interface ProgressSink {
  readonly isTTY: boolean;
  write(s: string): void;
}

export class ProgressCounter {
  private k = 0;
  private readonly t0 = performance.now();
  private lastWasTTYLine = false;

  constructor(
    private readonly prefix: string,
    private total: number,
    private readonly sink: ProgressSink = { isTTY: !!process.stderr.isTTY, write: (s) => void process.stderr.write(s) },
  ) {}

  /** Add items discovered later (e.g. searches after checks). */
  grow(n: number): void {
    this.total += n;
  }

  /** Seconds since the counter was created. */
  elapsed(): number {
    return (performance.now() - this.t0) / 1000;
  }

  /** The line for the k-th started item (1-based) of `total`. */
  line(label: string): string {
    const el = this.elapsed();
    // ETA from the mean time per finished item (k - 1 finished when item k starts).
    const done = this.k - 1;
    const eta = done > 0 ? formatDuration((el / done) * (this.total - done)) : '?';
    return `${this.prefix}: [${this.k}/${this.total}] ${label} … (elapsed ${formatDuration(el)}, ETA ${eta})`;
  }

  /** An item starts. */
  start(label: string): void {
    this.k += 1;
    if (this.k > this.total) this.total = this.k;
    const l = this.line(label);
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[2K${l}`);
      this.lastWasTTYLine = true;
    } else {
      this.sink.write(`${l}\n`);
    }
  }

  /** A free-form message (kept on its own line). */
  note(msg: string): void {
    this.clearLine();
    this.sink.write(`${this.prefix}: ${msg}\n`);
  }

  /** Finish: end the in-place line on a TTY. */
  done(msg?: string): void {
    this.clearLine();
    if (msg) this.sink.write(`${this.prefix}: ${msg} (${formatDuration(this.elapsed())})\n`);
  }

  private clearLine(): void {
    if (this.sink.isTTY && this.lastWasTTYLine) {
      this.sink.write('\r\x1b[2K');
      this.lastWasTTYLine = false;
    }
  }
}
