/**
 * The `samcheck flow --config FILE` JSON shape, validated field by field (one-line UsageError
 * naming the field and value, exit 2):
 * {"algo":"gd"|"sam-l2"|"sam-linf","rho":"1","x":["0.5","1","2"],"u0":[…],"v0":[…],"s":"5",
 *  "precision":40,"method":"closed-form"|"integrate", "loss"?: "logistic"|"exponential",
 *  "rtol"?: "1e-30", "W0"?: [[…],…] (depth L ≥ 1 instead of u0/v0; integrate only)}.
 */
import { UsageError } from './UsageError.ts';
import * as v from './validate.ts';
import { ALGO_NAMES, type AlgoName } from '../optim/algorithms.ts';
import { LOSS_NAMES, type LossName } from '../numeric/loss.ts';
import { fitDigits, fitMatrix, fitVector, type InputPolicy } from './inputDigits.ts';

export type FlowMethod = 'closed-form' | 'integrate';
export const FLOW_METHODS: readonly FlowMethod[] = ['closed-form', 'integrate'];

export interface FlowConfig {
  readonly algo: AlgoName;
  readonly rho: string;
  readonly x: string[];
  /** layers: [u0, v0] for L = 2, or W0 */
  readonly W0: string[][];
  readonly s: string;
  readonly precision: number;
  readonly method: FlowMethod;
  readonly loss: LossName | null;
  readonly rtol: string | null;
}

const KNOWN = new Set(['algo', 'rho', 'x', 'u0', 'v0', 'W0', 's', 'precision', 'method', 'loss', 'rtol', 'name', 'comment']);

/**
 * Validate a flow config. Decimal inputs with more significant digits than `precision` are refused
 * (or rounded with a warning in `opts.warnings` when `opts.roundInputs`), see inputDigits.ts.
 */
export function parseFlowConfig(raw: unknown, opts: { roundInputs?: boolean; warnings?: string[] } = {}): FlowConfig {
  const o = v.requireObject('config', raw);
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) throw new UsageError(`config: unknown field "${k}"`);
  const algo = v.oneOf('algo', v.required(o, 'algo'), ALGO_NAMES);
  const rho = o.rho === undefined && algo === 'gd' ? '0' : v.nonNegativeDecimal('rho', v.required(o, 'rho'));
  const x = v.decimalVector('x', v.required(o, 'x'));
  if (x.every((xi) => /^[+-]?0*\.?0*([eE][+-]?\d+)?$/.test(xi))) throw new UsageError(`x must have a non-zero entry, got ${JSON.stringify(x)}`);
  let W0: string[][];
  if (o.W0 !== undefined) {
    if (o.u0 !== undefined || o.v0 !== undefined) throw new UsageError('config: give either "W0" or "u0"/"v0", not both');
    W0 = v.decimalMatrix('W0', o.W0, undefined, x.length);
  } else {
    W0 = [v.decimalVector('u0', v.required(o, 'u0'), x.length), v.decimalVector('v0', v.required(o, 'v0'), x.length)];
  }
  const s = v.nonNegativeDecimal('s', v.required(o, 's'));
  const precision = o.precision === undefined ? 40 : v.precision('precision', o.precision);
  const method = o.method === undefined ? 'closed-form' : v.oneOf('method', o.method, FLOW_METHODS);
  const loss = o.loss === undefined ? null : v.oneOf('loss', o.loss, LOSS_NAMES);
  const rtol = o.rtol === undefined ? null : v.positiveDecimal('rtol', o.rtol);
  if (W0.length !== 2 && method === 'closed-form') throw new UsageError(`method "closed-form" needs depth 2 (u0, v0), got W0 with ${W0.length} layers`);
  if (W0.length !== 2 && algo === 'sam-linf' && W0.length < 2) throw new UsageError(`W0 must have >= 2 layers for sam-linf, got ${W0.length}`);
  if (loss !== null && W0.length !== 2) throw new UsageError('loss (physical time) is supported for depth 2 only');
  if (rtol !== null && Number(rtol) >= 0.1) throw new UsageError(`rtol must be < 0.1 (a relative tolerance), got ${JSON.stringify(rtol)}`);
  const pol: InputPolicy = { precision, round: !!opts.roundInputs, warnings: opts.warnings ?? [] };
  return {
    algo,
    rho: fitDigits(pol, 'rho', rho),
    x: fitVector(pol, 'x', x),
    W0: o.W0 !== undefined ? fitMatrix(pol, 'W0', W0) : [fitVector(pol, 'u0', W0[0]!), fitVector(pol, 'v0', W0[1]!)],
    s: fitDigits(pol, 's', s),
    precision,
    method,
    loss,
    rtol,
  };
}
