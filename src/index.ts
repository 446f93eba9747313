/**
 * samcheck's public API: one explicit barrel with named exports.
 */
export type { Field } from './numeric/Field.ts';
export { sum } from './numeric/Field.ts';
export { decimalField, isDecimalString, MIN_PRECISION, MAX_PRECISION } from './numeric/decimalField.ts';
export { bigfloatField, BigFloat } from './numeric/bigfloatField.ts';
export { makeField, BACKENDS, DEFAULT_BACKEND, type Backend } from './numeric/fieldFactory.ts';
export { float64Field } from './numeric/float64Field.ts';
export { makeLoss, LOSS_NAMES, type Loss, type LossName } from './numeric/loss.ts';
export { agreeingDigits, minAgreeingDigits } from './numeric/agreement.ts';
export { beta, margins, lossValue, gradient, depth, type Dataset, type Weights, type GradientResult } from './model/diagonalNetwork.ts';
export { step, perturbation, ALGO_NAMES, type AlgoName, type Hyper, type StepResult, type Perturbation } from './optim/algorithms.ts';
export { simulate, type SimulationSpec, type SimulationResult, type Checkpoint, type SimulateOptions } from './optim/simulate.ts';
export { checkpointSchedule } from './optim/checkpoints.ts';
export { parseSimulationConfig, toSpec, type SimulationConfig } from './io/simulationConfig.ts';
export { UsageError } from './io/UsageError.ts';
export {
  linfPlanarFate,
  linfPlanarAt,
  linfEscapeCondition,
  linfEscapeMargin,
  firstRootAbove1,
  type PlanarFate,
  type PlanarRegion,
} from './linf/planarExact.ts';
export { CasSession, CasError, type CasEngine } from './symbolic/cas.ts';
export { evalExpr } from './symbolic/exprEval.ts';
export { defineObligation, type Obligation, type ObligationResult, type ObligationRunOptions, type ObligationMethod } from './symbolic/obligation.ts';
export {
  integrate,
  gbsDefaultTolerance,
  type OdeSystem,
  type EventFn,
  type IntegrateOptions,
  type IntegrateResult,
  type IntegrateStatus,
} from './ode/extrapolationIntegrator.ts';
export { l2N, collapseCertificate, escapeCertificate, escapeCertificateFromA, collapseTailBound, certMargin, xMinMax } from './flow/l2Certificates.ts';
export { runL2, type L2Model, type L2Run, type L2Point, type L2Status, type L2RunOptions } from './flow/l2FlowDriver.ts';
export { l2Flow, l2PQ, tauModel, fullL2Model, type L2Start, type L2FlowPoint, type L2FlowResult, type L2FlowOptions } from './flow/tauReduction.ts';
export { gdClosedForm, gdStatus, type PlanarState } from './flow/gdClosedForm.ts';
export { linfClosedForm, type LinfClosedFormResult } from './flow/linfClosedForm.ts';
export { linfFlow, linfRhsWithSigns, LINF_ASSUMPTIONS, type LinfFlowResult, type LinfFlowPoint } from './flow/linfFlow.ts';
export { rescaledFlow, rescaledRhs, type SmoothAlgo, type RescaledFlowResult, type RescaledPoint } from './flow/rescaledFlow.ts';
export { physicalFlow, type PhysicalFlowResult, type PhysicalPoint } from './flow/physicalFlow.ts';
export { physicalTime, zTildeL2 } from './flow/physicalTime.ts';
export { criticalScale, classifyBalanced, type CriticalScaleResult, type Classification } from './analysis/criticalScale.ts';
export { leaders, balancedStart, isBalanced, type LeadersResult, type LeaderSwitch } from './analysis/leaders.ts';
export { etaSlope, logLogSlope, discreteFlowErrors, DEFAULT_ETAS, type EtaSlopeSpec, type EtaPoint } from './analysis/etaSlope.ts';
export { evaluateFlow, type FlowReport, type FlowPointReport } from './cli/evaluateFlow.ts';
export { parseFlowConfig, FLOW_METHODS, type FlowConfig, type FlowMethod } from './io/flowConfig.ts';
export { linfPredictedLimit } from './linf/predictedLimit.ts';
export { l2MaxMargin, solveLinear, MAX_MAX_MARGIN_EXAMPLES, type MaxMarginResult } from './maxmargin/l2MaxMargin.ts';
export { rescaledVelocity } from './model/rescaledVelocity.ts';
export {
  unmetHypotheses,
  toleranceOf,
  resolveTolerance,
  type Claim,
  type ClaimInput,
  type ClaimKind,
  type ClaimSource,
  type Basis,
  type Hypothesis,
  type Tolerance,
} from './verify/Claim.ts';
export {
  aggregateStatus,
  type CheckResult,
  type CheckMethod,
  type CheckStatus,
  type Finding,
  type Pass,
  type Fail,
  type Inconclusive,
  type Skipped,
} from './verify/CheckResult.ts';
export type { CheckDef, CheckContext, RunContext, Outcome } from './verify/CheckDef.ts';
export {
  makeCatalogue,
  checksOf,
  catalogueFromExports,
  discoverCatalogue,
  catalogueProblems,
  type Catalogue,
  type CatalogueModule,
} from './verify/Catalogue.ts';
export type { FindingSearch, SearchOutcome, SearchReport } from './verify/FindingSearch.ts';
export { judge, verdict, shortNumber, maxDecimal } from './verify/judge.ts';
export { propertyOutcome, type CaseResult, type PropertyOptions } from './verify/propertyCheck.ts';
export {
  runVerification,
  runCheck,
  runSearch,
  selectClaims,
  selectSearches,
  summarize,
  type VerifyOptions,
  type VerifyReport,
  type ClaimReport,
  type Summary,
  type SearchRun,
} from './verify/runner.ts';
export { runVerificationParallel } from './verify/parallelRunner.ts';
export { formatReport, formatAudit, reportToJson, summaryLine } from './verify/formatReport.ts';
export { dot, norm2, normalize, oneMinusCos, orthogonalNorm, sinAngle, basisVector, argmax, stateDistance } from './verify/direction.ts';
/** The shipped hypothesis predicates (`hypotheses.depthIs(2)`, ...; the claim-module API samcheck/claim lists them by name). */
export * as hypotheses from './verify/hypotheses.ts';
export { renderSvg, writeSvg, type VegaLiteSpec } from './plot/renderSvg.ts';
export { seriesPlot, stepPlot, basinPlot, type SeriesPoint } from './plot/plots.ts';
