/**
 * Runs a discrete optimizer for a number of steps, accumulating the rescaled clock
 * s_t = Σ η·(1/n)Σ_k g(z̃_k,t) (for one example exactly the B1 clock s_t = Σ η g(z̃_t))
 * and physical time η·t, recording checkpoints.
 */
import { NumericError } from '../numeric/errors.ts';
import type { Field } from '../numeric/Field.ts';
import { makeLoss, type LossName } from '../numeric/loss.ts';
import { beta, lossValue, type Dataset, type Weights } from '../model/diagonalNetwork.ts';
import { step, type AlgoName } from './algorithms.ts';

export interface SimulationSpec<T> {
  readonly algo: AlgoName;
  readonly loss: LossName;
  readonly eta: T;
  readonly rho: T;
  readonly steps: number;
  readonly data: Dataset<T>;
  readonly W0: Weights<T>;
}

export interface Checkpoint<T> {
  readonly step: number;
  /** physical time η·t */
  readonly t: T;
  /** rescaled clock s_t */
  readonly s: T;
  readonly W: Weights<T>;
  readonly beta: T[];
  readonly loss: T;
}

export interface SimulationResult<T> {
  readonly steps: number;
  readonly W: Weights<T>;
  readonly beta: T[];
  readonly loss: T;
  readonly s: T;
  readonly t: T;
  /** Steps at which ℓ2-SAM met ∇𝓛 = 0 and used ε = 0 (first few). */
  readonly zeroGradientSteps: number[];
  readonly zeroGradientCount: number;
  readonly trajectory: Checkpoint<T>[];
}

export interface SimulateOptions {
  /** Steps at which to record a checkpoint (sorted). */
  readonly checkpoints?: readonly number[];
  /** Called every so often with the number of finished steps. */
  readonly onProgress?: (done: number) => void;
}

export function simulate<T>(F: Field<T>, spec: SimulationSpec<T>, opts: SimulateOptions = {}): SimulationResult<T> {
  const loss = makeLoss(F, spec.loss);
  const hyper = { algo: spec.algo, eta: spec.eta, rho: spec.rho };
  const nT = F.fromNumber(spec.data.X.length);
  let W = spec.W0.map((r) => r.slice());
  let s = F.zero;
  const zeroSteps: number[] = [];
  let zeroCount = 0;
  const wanted = new Set(opts.checkpoints ?? []);
  const trajectory: Checkpoint<T>[] = [];
  const record = (t: number) => {
    trajectory.push({
      step: t,
      t: F.mul(spec.eta, F.fromNumber(t)),
      s,
      W: W.map((r) => r.slice()),
      beta: beta(F, W),
      loss: lossValue(F, loss, spec.data, W),
    });
  };
  if (wanted.has(0)) record(0);
  for (let t = 1; t <= spec.steps; t++) {
    const r = step(F, loss, spec.data, hyper, W);
    W = r.W;
    for (const row of W)
      for (const w of row) if (!F.isFinite(w)) throw new NumericError(`simulate: the weights left the representable range at step ${t}`, 'weights');
    let gm = F.zero;
    for (const gk of r.gTilde) gm = F.add(gm, gk);
    s = F.add(s, F.mul(spec.eta, F.div(gm, nT)));
    if (r.zeroGradient) {
      zeroCount++;
      if (zeroSteps.length < 10) zeroSteps.push(t - 1);
    }
    if (wanted.has(t)) record(t);
    if (opts.onProgress && (t & 63) === 0) opts.onProgress(t);
  }
  opts.onProgress?.(spec.steps);
  return {
    steps: spec.steps,
    W,
    beta: beta(F, W),
    loss: lossValue(F, loss, spec.data, W),
    s,
    t: F.mul(spec.eta, F.fromNumber(spec.steps)),
    zeroGradientSteps: zeroSteps,
    zeroGradientCount: zeroCount,
    trajectory,
  };
}
