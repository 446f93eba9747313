/**
 * The public entry point for claim modules kept outside this repository (`import ... from
 * 'samcheck/claim'`, package.json `exports`), run by `samcheck verify --claims DIR` with the same
 * runner, table, JSON and exit codes as the shipped claims.
 *
 * Main definitions (re-exported): the claim data types (`Claim`, `Hypothesis`, `Tolerance`,
 * `ClaimInput`), the check types (`CheckDef`, `CheckContext`, `Outcome`, `FindingSearch`), the
 * helpers a check uses (`propertyOutcome`, `verdict`, `judge`, `maxDecimal`, the shipped hypotheses,
 * `fc` = fast-check), the Field factory and the engine (flows, discrete runs, critical scale,
 * leaders). A claim module exports its `Claim` objects and `CheckDef` objects (directly or in
 * arrays); they are collected by shape, as for theorems/ and proofs-checks/.
 */
export type { Claim, ClaimInput, ClaimKind, ClaimSource, Basis, Hypothesis, Tolerance } from '../verify/Claim.ts';
export { resolveTolerance, unmetHypotheses } from '../verify/Claim.ts';
export type { CheckDef, CheckContext, RunContext, Outcome } from '../verify/CheckDef.ts';
export type { CheckMethod, CheckStatus, Finding } from '../verify/CheckResult.ts';
export type { FindingSearch, SearchOutcome } from '../verify/FindingSearch.ts';
export { propertyOutcome, type CaseResult, type PropertyOptions } from '../verify/propertyCheck.ts';
export { judge, verdict, maxDecimal, shortNumber, compareDecimal } from '../verify/judge.ts';
export {
  depthIs,
  depthAtLeast,
  singleExample,
  allCoordinatesNonzero,
  uniqueMaxAbs,
  positiveCoordinates,
  balancedStart,
  radiusPositive,
  separableData,
} from '../verify/hypotheses.ts';
export { default as fc } from 'fast-check';
export type { Field } from '../numeric/Field.ts';
export { makeField, DEFAULT_BACKEND, BACKENDS, type Backend } from '../numeric/fieldFactory.ts';
export { makeLoss, type Loss, type LossName } from '../numeric/loss.ts';
export { NumericError, DomainError } from '../numeric/errors.ts';
export { gdClosedForm, gdStatus } from '../flow/gdClosedForm.ts';
export { l2Flow, l2PQ, type L2Start } from '../flow/tauReduction.ts';
export { linfClosedForm } from '../flow/linfClosedForm.ts';
export { linfFlow } from '../flow/linfFlow.ts';
export { rescaledFlow } from '../flow/rescaledFlow.ts';
export { linfPlanarFate, linfEscapeCondition } from '../linf/planarExact.ts';
export { simulate, type SimulationSpec, type SimulationResult } from '../optim/simulate.ts';
export { ALGO_NAMES, type AlgoName } from '../optim/algorithms.ts';
export { beta, type Dataset, type Weights } from '../model/diagonalNetwork.ts';
export { criticalScale, classifyBalanced } from '../analysis/criticalScale.ts';
export { leaders, balancedStart as balancedL2Start } from '../analysis/leaders.ts';
