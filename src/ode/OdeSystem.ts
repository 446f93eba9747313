/**
 * The types of the ODE integrator's interface.
 *
 * Main definitions: `OdeSystem` (y' = rhs(s, y)), `EventFn`, `IntegrateOptions`, `IntegrateStatus`,
 * `IntegrateResult`.
 */

export interface OdeSystem<T> {
  readonly dim: number;
  rhs(s: T, y: readonly T[]): T[];
}

export type EventFn<T> = (s: T, y: readonly T[]) => T;

/** d/ds of an event along the solution, from the state y and its derivative f = y'. */
export type EventSlope<T> = (s: T, y: readonly T[], f: readonly T[]) => T;

export interface IntegrateOptions<T> {
  /** Relative tolerance (default 10^{-(precision−12)}). */
  readonly rtol?: T;
  /** Absolute tolerance (default rtol·1e-10). */
  readonly atol?: T;
  /** Initial step (default (s1 − s0)/16, capped at 1/8·... by the controller). */
  readonly h0?: T;
  readonly hMax?: T;
  readonly maxSteps?: number;
  /** Terminal events: the run stops at the first root (sign change) of any of them. */
  readonly events?: readonly EventFn<T>[];
  /**
   * Optional slopes d/ds of the events (aligned with `events`, null where unknown), given the state
   * and f = y' there. With a slope, a step in which the event moves toward 0, turns around and ends
   * on its starting side (two roots inside one step, invisible to a sign test at the step's ends)
   * is caught: the turning point (root of the slope) is located, and if the event has changed sign
   * there its first root is located before it. Complete when the slope changes sign at most once
   * per step (true for affine events of linear pieces, e.g. the l_inf-SAM depth-2 flow).
   */
  readonly eventSlopes?: readonly (EventSlope<T> | null)[];
  /** After each accepted step; return true to stop there. */
  readonly onStep?: (s: T, y: readonly T[], h: T) => boolean | void;
  /** Maximum number of extrapolation columns (order 2·kMax). Default from the precision. */
  readonly kMax?: number;
}

export type IntegrateStatus = 'done' | 'event' | 'stopped' | 'maxSteps' | 'stepTooSmall';

export interface IntegrateResult<T> {
  readonly s: T;
  readonly y: T[];
  readonly status: IntegrateStatus;
  readonly event: { readonly index: number; readonly s: T; readonly y: T[] } | null;
  readonly stats: { steps: number; rejected: number; fevals: number };
  /** Last accepted (or proposed) step size, to warm-start a continuation. */
  readonly h: T;
}
