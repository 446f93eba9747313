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
export { integrate, gbsDefaultTolerance, type OdeSystem, type EventFn, type IntegrateOptions, type IntegrateResult, type IntegrateStatus } from './flow/extrapolationIntegrator.ts';
export { l2N, collapseCertificate, escapeCertificate, escapeCertificateFromA, collapseTailBound, certMargin, xMinMax } from './flow/l2Certificates.ts';
export { runL2, type L2Model, type L2Run, type L2Point, type L2Status, type L2RunOptions } from './flow/l2FlowDriver.ts';
export { l2Flow, l2PQ, tauModel, fullL2Model, type L2Start, type L2FlowPoint, type L2FlowResult, type L2FlowOptions } from './flow/tauReduction.ts';
export { gdClosedForm, gdStatus, type PlanarState } from './flow/gdClosedForm.ts';
export { linfClosedForm, type LinfClosedFormResult } from './flow/linfClosedForm.ts';
export { linfFlow, linfRhsWithSigns, LINF_ASSUMPTIONS, type LinfFlowResult, type LinfFlowPoint } from './flow/linfFlow.ts';
export { rescaledFlow, rescaledRhs, type SmoothAlgo, type RescaledFlowResult, type RescaledPoint } from './flow/rescaledFlow.ts';
export { physicalFlow, type PhysicalFlowResult, type PhysicalPoint } from './flow/physicalFlow.ts';
export { physicalTime, zTildeL2 } from './flow/physicalTime.ts';
export { criticalScale, classifyBalanced, type CriticalScaleResult, type Classification } from './flow/criticalScale.ts';
export { leaders, balancedStart, isBalanced, type LeadersResult, type LeaderSwitch } from './flow/leaders.ts';
export { etaSlope, logLogSlope, discreteFlowErrors, DEFAULT_ETAS, type EtaSlopeSpec, type EtaPoint } from './flow/etaSlope.ts';
export { evaluateFlow, type FlowReport, type FlowPointReport } from './flow/evaluateFlow.ts';
export { parseFlowConfig, FLOW_METHODS, type FlowConfig, type FlowMethod } from './flow/flowConfig.ts';
