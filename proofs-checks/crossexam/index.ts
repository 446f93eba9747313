/**
 * Cross-examination checks: each implementation judged through an independent path (shares no
 * code with the implementation under test beyond Field arithmetic and input parsing).
 */
import type { CheckDef } from '../../src/verify/CheckDef.ts';
import { b1GradientFd, b1LossDerivative } from './lossDerivative.ts';
import { b3GenericVsTau } from './genericVsTau.ts';
import { b5XStarAtSwitches } from './xStarSwitch.ts';
import { b7FlowVsClosed } from './flowVsClosed.ts';
import { b8BasinBoundary } from './basinBoundary.ts';
import { b9ClosedVsDiscrete } from './closedVsDiscrete.ts';
import { b11StepByDefinition } from './stepByDefinition.ts';
import { b13UnequalLayers } from './unequalLayers.ts';
import { p1MaxMarginKkt } from './maxMarginKkt.ts';
import { b6GdBalancedFlow } from './gdBalancedFlow.ts';
import { b4CertificatesSharpD1 } from './certificatesSharp.ts';
import { b9RuleVsFlow } from './ruleVsFlow.ts';

export const crossExamChecks: readonly CheckDef[] = [
  p1MaxMarginKkt,
  b1LossDerivative,
  b1GradientFd,
  b3GenericVsTau,
  b4CertificatesSharpD1,
  b5XStarAtSwitches,
  b6GdBalancedFlow,
  b7FlowVsClosed,
  b8BasinBoundary,
  b9ClosedVsDiscrete,
  b9RuleVsFlow,
  b11StepByDefinition,
  b13UnequalLayers,
];
