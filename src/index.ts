/**
 * samcheck's public API: one explicit barrel with named exports.
 */
export type { Field } from './numeric/Field.ts';
export { sum } from './numeric/Field.ts';
export { decimalField, isDecimalString, MIN_PRECISION, MAX_PRECISION } from './numeric/decimalField.ts';
export { float64Field } from './numeric/float64Field.ts';
export { makeLoss, LOSS_NAMES, type Loss, type LossName } from './numeric/loss.ts';
export { agreeingDigits, minAgreeingDigits } from './numeric/agreement.ts';
export { beta, margins, lossValue, gradient, depth, type Dataset, type Weights, type GradientResult } from './model/diagonalNetwork.ts';
export { step, perturbation, ALGO_NAMES, type AlgoName, type Hyper, type StepResult, type Perturbation } from './optim/algorithms.ts';
export { simulate, type SimulationSpec, type SimulationResult, type Checkpoint, type SimulateOptions } from './optim/simulate.ts';
export { checkpointSchedule } from './optim/checkpoints.ts';
export { parseSimulationConfig, toSpec, type SimulationConfig } from './io/simulationConfig.ts';
export { UsageError } from './io/UsageError.ts';
export { linfPlanarFate, linfPlanarAt, linfEscapeCondition, linfEscapeMargin, firstRootAbove1, type PlanarFate, type PlanarRegion } from './linf/planarExact.ts';
export { CasSession, CasError, type CasEngine } from './symbolic/cas.ts';
export { evalExpr } from './symbolic/exprEval.ts';
export { defineObligation, type Obligation, type ObligationResult, type ObligationRunOptions, type ObligationMethod } from './symbolic/obligation.ts';
