/**
 * Time-boxed access to the two computer algebra systems (algebrite, nerdamer-prime).
 *
 * Main definitions:
 * - `CasSession`: one worker thread holding both CAS; `run(engine, lines, timeoutMs)` evaluates a list of
 *   statements in order and returns the printed result of each. Global CAS state is cleared before every
 *   call (Algebrite.clearall(), nerdamer.clear('all') + flush()). A call that exceeds its time budget
 *   terminates the worker (a fresh one is started on the next call): a hanging CAS cannot hang the CLI.
 * - `CasError`: thrown for CAS errors ("Stop: ..." from algebrite, exceptions) and timeouts.
 *
 * The worker is plain CommonJS passed as a string (`eval: true`), so it runs the same under tsx, vitest
 * and node without a TypeScript loader in the worker.
 */
import { Worker } from 'node:worker_threads';

export type CasEngine = 'algebrite' | 'nerdamer-prime';

export class CasError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'error',
  ) {
    super(message);
    this.name = 'CasError';
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.base);
let Algebrite = null;
let nerd = null;
parentPort.on('message', (m) => {
  try {
    const out = [];
    if (m.engine === 'algebrite') {
      if (!Algebrite) Algebrite = req('algebrite');
      Algebrite.clearall();
      for (const line of m.lines) {
        const r = Algebrite.run(line);
        if (typeof r === 'string' && /^Stop:/.test(r.trim())) throw new Error('algebrite: ' + r.trim() + ' (in: ' + line + ')');
        out.push(String(r));
      }
    } else {
      if (!nerd) {
        const n = req('nerdamer-prime/all');
        nerd = n;
      }
      nerd.clear('all');
      nerd.flush();
      for (const line of m.lines) out.push(nerd(line).toString());
    }
    parentPort.postMessage({ id: m.id, ok: true, out });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String(e && e.message || e) });
  }
});
`;

export class CasSession {
  private worker: Worker | null = null;
  private nextId = 1;

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { base: import.meta.url } });
      this.worker.unref();
    }
    return this.worker;
  }

  /** Evaluate statements in order in a cleared CAS; resolves to the printed result of each statement. */
  run(engine: CasEngine, lines: string[], timeoutMs = 20_000): Promise<string[]> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void w.terminate();
        if (this.worker === w) this.worker = null;
        reject(new CasError(`${engine}: no answer within ${timeoutMs} ms (worker terminated)`, 'timeout'));
      }, timeoutMs);
      const onMsg = (m: { id: number; ok: boolean; out?: string[]; error?: string }) => {
        if (m.id !== id) return;
        cleanup();
        if (m.ok) resolve(m.out!);
        else reject(new CasError(m.error ?? 'unknown CAS error', 'error'));
      };
      const onErr = (e: Error) => {
        cleanup();
        if (this.worker === w) this.worker = null;
        reject(new CasError(`${engine}: worker failed: ${e.message}`, 'error'));
      };
      // another call's timeout may terminate the shared worker: fail fast instead of waiting for our own timer
      const onExit = () => {
        cleanup();
        if (this.worker === w) this.worker = null;
        reject(new CasError(`${engine}: worker exited before answering (terminated by another call's timeout)`, 'error'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        w.off('message', onMsg);
        w.off('error', onErr);
        w.off('exit', onExit);
      };
      w.on('message', onMsg);
      w.on('error', onErr);
      w.on('exit', onExit);
      w.postMessage({ id, engine, lines });
    });
  }

  /** Convenience: the result of the last statement. */
  async last(engine: CasEngine, lines: string[], timeoutMs?: number): Promise<string> {
    const out = await this.run(engine, lines, timeoutMs);
    return out[out.length - 1]!.trim();
  }

  async close(): Promise<void> {
    if (this.worker) {
      const w = this.worker;
      this.worker = null;
      await w.terminate();
    }
  }
}
