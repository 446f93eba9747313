/**
 * The `simulate --config` JSON shape, validated, and its conversion to a typed spec:
 * {"algo","loss","eta","rho","steps","precision","X","Y","W0"} with numbers as decimal
 * strings. Extra keys (e.g. "name") are ignored.
 */
import type { Field } from '../numeric/Field.ts';
import { LOSS_NAMES, type LossName } from '../numeric/loss.ts';
import { ALGO_NAMES, type AlgoName } from '../optim/algorithms.ts';
import type { SimulationSpec } from '../optim/simulate.ts';
import { UsageError } from './UsageError.ts';
import * as v from './validate.ts';
import { fitDigits, fitMatrix, type InputPolicy } from './inputDigits.ts';

export const MAX_STEPS = 100_000_000;
export const DEFAULT_PRECISION = 50;

export interface SimulationConfig {
  readonly algo: AlgoName;
  readonly loss: LossName;
  readonly eta: string;
  readonly rho: string;
  readonly steps: number;
  readonly precision: number;
  readonly X: string[][];
  readonly Y: (1 | -1)[];
  readonly W0: string[][];
}

/** Validate a simulate config; over-long decimal inputs are refused or rounded (inputDigits.ts). */
export function parseSimulationConfig(raw: unknown, opts: { roundInputs?: boolean; warnings?: string[] } = {}): SimulationConfig {
  const o = v.requireObject('config', raw);
  const algo = v.oneOf('algo', v.required(o, 'algo'), ALGO_NAMES);
  const loss = o.loss === undefined ? 'logistic' : v.oneOf('loss', o.loss, LOSS_NAMES);
  const eta = v.positiveDecimal('eta', v.required(o, 'eta'));
  const rho = o.rho === undefined && algo === 'gd' ? '0' : v.nonNegativeDecimal('rho', v.required(o, 'rho'));
  const steps = v.integerIn('steps', v.required(o, 'steps'), 0, MAX_STEPS);
  const precision = o.precision === undefined ? DEFAULT_PRECISION : v.precision('precision', o.precision);
  const X = v.decimalMatrix('X', v.required(o, 'X'));
  const yRaw = v.required(o, 'Y');
  if (!Array.isArray(yRaw)) throw new UsageError(`Y must be an array of labels, got ${JSON.stringify(yRaw)}`);
  if (yRaw.length !== X.length) throw new UsageError(`Y must have one label per row of X (${X.length}), got length ${yRaw.length}`);
  const Y = yRaw.map((y, i) => v.label(`Y[${i}]`, y));
  const w0Raw = v.required(o, 'W0');
  if (!Array.isArray(w0Raw) || w0Raw.length < 1) throw new UsageError(`W0 must have L >= 1 rows (one per layer), got ${JSON.stringify(w0Raw)}`);
  const W0 = v.decimalMatrix('W0', w0Raw, undefined, X[0]!.length);
  const pol: InputPolicy = { precision, round: !!opts.roundInputs, warnings: opts.warnings ?? [] };
  return {
    algo,
    loss,
    eta: fitDigits(pol, 'eta', eta),
    rho: fitDigits(pol, 'rho', rho),
    steps,
    precision,
    X: fitMatrix(pol, 'X', X),
    Y,
    W0: fitMatrix(pol, 'W0', W0),
  };
}

/** The config in field values; a value the backend cannot represent (e.g. 1e-9e15 in bigfloat) is a UsageError naming the field. */
export function toSpec<T>(F: Field<T>, c: SimulationConfig): SimulationSpec<T> {
  const conv = (field: string, s: string): T => {
    try {
      return F.fromString(s);
    } catch (e) {
      throw new UsageError(
        `${field} = ${s.length > 40 ? s.slice(0, 37) + '...' : s} is outside the range of the ${F.name} backend (${(e as Error).message.split('\n')[0]})`,
      );
    }
  };
  return {
    algo: c.algo,
    loss: c.loss,
    eta: conv('eta', c.eta),
    rho: conv('rho', c.rho),
    steps: c.steps,
    data: { X: c.X.map((r, i) => r.map((s, j) => conv(`X[${i}][${j}]`, s))), Y: c.Y },
    W0: c.W0.map((r, l) => r.map((s, j) => conv(`W0[${l}][${j}]`, s))),
  };
}
