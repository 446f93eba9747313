/**
 * Registry of every executable check (code), keyed to claims (data, theorems/) by claimId.
 */
import type { CheckDef } from '../src/verify/CheckDef.ts';
import { symbolicChecks } from './symbolicClaims.ts';
import { b2ClosedVsIntegrated } from './property/gdClosedVsIntegrated.ts';
import { b4Certificates } from './property/certificateInvariance.ts';
import { b4CriticalScaleD1 } from './property/criticalScaleD1.ts';
import { b4Scaling } from './property/scalingSymmetry.ts';
import { b11EtaSlope } from './numeric/etaSlopeCheck.ts';
import { b13BlowupTime } from './property/blowupTime.ts';
import { p2ClosedForm } from './property/gdLimitDirection.ts';
import { p2Discrete, p4Discrete } from './property/discreteDirection.ts';
import { b1EngineRhs } from './numeric/engineRhs.ts';
import { b2DiscreteIdentity } from './numeric/discreteIdentity.ts';
import { b7Decoupling } from './numeric/decoupling.ts';
import { b10DiscreteFixedPoints } from './numeric/fixedPoints.ts';
import { b12Parallel, b12Increasing, p1OneExample } from './numeric/lineMotion.ts';
import { p6GrowthRate, p6FastestIsNearest } from './numeric/growthRate.ts';
import { p1DirectionRate } from './property/directionRate.ts';
import { b6GdLeader } from './property/gdLeader.ts';
import { b13FirstBlowupWins } from './property/firstBlowupWins.ts';
import { p3WitnessDiscrete, p3ZeroDiscrete, p3WitnessFlow } from './witness/linfBasisWitness.ts';
import { b8BasinVsDiscrete, b9BasinRule } from './property/linfBasin.ts';
import { b3TauVsFull } from './property/tauVsFull.ts';
import { p4EscapingFlow } from './property/l2EscapeDirection.ts';
import { b5LeaderLaw, b5XStarAtZero } from './property/leaderLaw.ts';
import { p5MinorFirst, p5MajorFirst } from './property/sequentialAmplification.ts';
import { b5NonMonotoneWitness } from './witness/nonMonotoneLeader.ts';
import { b5SwitchesAreFullSystemTies } from './flow/leaderSwitchFullSystem.ts';
import { p7WitnessDiscrete } from './witness/minorWinsDepth3.ts';
import { crossExamChecks } from './crossexam/index.ts';

export const allChecks: readonly CheckDef[] = [
  p1OneExample,
  p1DirectionRate,
  p2ClosedForm,
  p2Discrete,
  p3WitnessFlow,
  p3WitnessDiscrete,
  p3ZeroDiscrete,
  p4EscapingFlow,
  p4Discrete,
  p5MinorFirst,
  p5MajorFirst,
  p6GrowthRate,
  p6FastestIsNearest,
  p7WitnessDiscrete,
  b1EngineRhs,
  b2DiscreteIdentity,
  b2ClosedVsIntegrated,
  b3TauVsFull,
  b4Certificates,
  b4CriticalScaleD1,
  b4Scaling,
  b5LeaderLaw,
  b5XStarAtZero,
  b5SwitchesAreFullSystemTies,
  b5NonMonotoneWitness,
  b6GdLeader,
  b7Decoupling,
  b8BasinVsDiscrete,
  b9BasinRule,
  b10DiscreteFixedPoints,
  b11EtaSlope,
  b12Parallel,
  b12Increasing,
  b13BlowupTime,
  b13FirstBlowupWins,
  ...symbolicChecks,
  ...crossExamChecks,
];

export { allSearches } from './searches/leaderMonotonicity.ts';
