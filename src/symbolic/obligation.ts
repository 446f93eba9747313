/**
 * Proof obligations: a symbolic (CAS) derivation or verification plus an independent numeric spot check.
 *
 * Main definitions:
 * - `Obligation`, `ObligationResult`: the interface used by `samcheck derive` and `samcheck verify`.
 * - `defineObligation(spec)`: builds an Obligation from a CAS part (returns the residual string, which must
 *   be exactly "0") and a numeric part (a scaled residual per random rational sample, evaluated in
 *   the default backend (makeField) at the requested precision). Status is 'pass' only if the CAS residual is exactly 0 AND
 *   the numeric maximum residual is ≤ the tolerance 10^{-(precision-10)}, fixed before any sample is drawn.
 * - `sharedCas()`, `closeSharedCas()`: the CAS session (one worker) shared by the obligations of one run.
 */
import fc from 'fast-check';
import type { Field } from '../numeric/Field.ts';
import { DEFAULT_BACKEND, makeField } from '../numeric/fieldFactory.ts';
import { CasError, CasSession } from './cas.ts';

export type ObligationMethod = 'substitution' | 'derivation' | 'solve' | 'numeric-identity';

export interface ObligationRunOptions {
  seed: number;
  precision: number;
  /** Optional cap on the number of numeric samples (tests use fewer; the CLI uses each obligation's own count). */
  maxSamples?: number;
}

export interface ObligationResult {
  id: string;
  item: string;
  status: 'pass' | 'fail' | 'error';
  symbolic: { engine: string; residual: string; status: 'zero' | 'nonzero' | 'error' | 'n/a' };
  numeric: { status: 'pass' | 'fail'; maxResidual: string; tolerance: string; samples: number; seed: number; precision: number; counterexample?: unknown };
  steps: string[];
  notes: string[];
  seconds: number;
}

export interface Obligation {
  id: string;
  item: string;
  statement: string;
  latex: string;
  method: ObligationMethod;
  run(opts: ObligationRunOptions): ObligationResult | Promise<ObligationResult>;
}

/** What the CAS part returns. `residual` must print exactly "0" for the symbolic part to hold. */
export interface CasOutcome {
  engine: string;
  residual: string;
  steps: string[];
  notes?: string[];
  /** Named CAS results (expression strings) the numeric part may evaluate (in decimal, via evalExpr). */
  data?: Record<string, string>;
}

/** A rational sample value n/d. */
export interface Rat {
  n: number;
  d: number;
}
export type Sample = Record<string, Rat>;

export function ratToField<T>(F: Field<T>, r: Rat): T {
  return F.div(F.fromNumber(r.n), F.fromNumber(r.d));
}
export function ratToCas(r: Rat): string {
  return `(${r.n}/${r.d})`;
}
export function sampleToField<T>(F: Field<T>, s: Sample): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(s)) out[k] = ratToField(F, v);
  return out;
}

/** Rationals n/d with |n/d| ≤ max, d in 1..den; `nonzero` excludes 0; `positive` gives (0, max]. */
export function ratArb(max: number, opts: { den?: number; nonzero?: boolean; positive?: boolean } = {}): fc.Arbitrary<Rat> {
  const den = opts.den ?? 7;
  return fc
    .record({ d: fc.integer({ min: 1, max: den }), t: fc.integer({ min: opts.positive ? 1 : -max * den, max: max * den }) })
    .map(({ d, t }) => ({ n: t, d }))
    .filter((r) => r.n <= r.d * max && r.n >= -r.d * max && (!(opts.nonzero || opts.positive) || r.n !== 0));
}

export interface ObligationSpec<S> {
  id: string;
  item: string;
  statement: string;
  latex: string;
  method: ObligationMethod;
  cas(session: CasSession): Promise<CasOutcome>;
  arb: fc.Arbitrary<S>;
  samples?: number;
  /** Scaled residual (≥ 0) at one sample; must be written generically over the Field. */
  numeric<T>(F: Field<T>, s: S, cas: CasOutcome): T;
  /** Extra numeric notes (e.g. assumptions). */
  notes?: string[];
  /** CAS time budget (ms). */
  timeoutMs?: number;
}

let session: CasSession | null = null;
export function sharedCas(): CasSession {
  if (!session) session = new CasSession();
  return session;
}
export async function closeSharedCas(): Promise<void> {
  if (session) await session.close();
  session = null;
}

export function toleranceFor(precision: number): string {
  return `1e-${precision - 10}`;
}

function isZeroString(s: string): boolean {
  return s.trim() === '0';
}

export function defineObligation<S>(spec: ObligationSpec<S>): Obligation {
  return {
    id: spec.id,
    item: spec.item,
    statement: spec.statement,
    latex: spec.latex,
    method: spec.method,
    async run(opts: ObligationRunOptions): Promise<ObligationResult> {
      const t0 = performance.now();
      const notes = [...(spec.notes ?? [])];
      const steps: string[] = [];
      // Tolerance fixed before anything is evaluated.
      const tolerance = toleranceFor(opts.precision);
      let symbolic: ObligationResult['symbolic'];
      let cas: CasOutcome | null = null;
      try {
        cas = await spec.cas(sharedCas());
        steps.push(...cas.steps);
        notes.push(...(cas.notes ?? []));
        symbolic = { engine: cas.engine, residual: cas.residual, status: isZeroString(cas.residual) ? 'zero' : 'nonzero' };
      } catch (e) {
        const msg = e instanceof CasError ? `${e.kind}: ${e.message}` : (e as Error).message;
        notes.push(`CAS failure: ${msg}`);
        symbolic = { engine: 'n/a', residual: '', status: 'error' };
      }
      const n = Math.min(spec.samples ?? 50, opts.maxSamples ?? Infinity);
      const F = makeField(DEFAULT_BACKEND, opts.precision);
      const tol = F.fromString(tolerance);
      const pts = fc.sample(spec.arb, { seed: opts.seed, numRuns: n });
      let maxR = F.zero;
      let worst: unknown = undefined;
      let numericError: string | null = null;
      if (cas) {
        try {
          for (const s of pts) {
            const r = spec.numeric(F, s, cas);
            if (!F.isFinite(r)) throw new Error('non-finite residual');
            if (F.cmp(r, maxR) > 0) {
              maxR = r;
              if (F.cmp(r, tol) > 0) worst = s;
            }
          }
        } catch (e) {
          numericError = (e as Error).message;
          notes.push(`numeric check failed to evaluate: ${numericError}`);
        }
      } else {
        numericError = 'no CAS result to evaluate';
      }
      const numericPass = numericError === null && F.cmp(maxR, tol) <= 0;
      const status: ObligationResult['status'] =
        symbolic.status === 'error' || numericError !== null ? 'error' : symbolic.status === 'zero' && numericPass ? 'pass' : 'fail';
      return {
        id: spec.id,
        item: spec.item,
        status,
        symbolic,
        numeric: {
          status: numericPass ? 'pass' : 'fail',
          maxResidual: F.toString(maxR, 6),
          tolerance,
          samples: pts.length,
          seed: opts.seed,
          precision: opts.precision,
          ...(worst !== undefined ? { counterexample: worst } : {}),
        },
        steps,
        notes,
        seconds: Number(((performance.now() - t0) / 1000).toFixed(3)),
      };
    },
  };
}
