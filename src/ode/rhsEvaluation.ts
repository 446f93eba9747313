/**
 * Evaluation of the right-hand side inside the integrator (internal to src/ode).
 *
 * Main definitions:
 * - `StepRejected`: the integrator's private "reject this step" signal, thrown when the vector
 *   field is not defined at a trial point (the Field or the system refused it: division by zero,
 *   overflow, a root of a negative number, ...). Only src/ode catches it; every other error
 *   propagates unchanged.
 * - `countingRhs(sys, stats)`: f(s, y) that counts evaluations and turns a domain/numeric
 *   failure of the system into `StepRejected`.
 */
import { isArithmeticFailure } from '../numeric/arithmeticFailure.ts';
import type { OdeSystem } from './OdeSystem.ts';

export class StepRejected extends Error {
  constructor(readonly cause: unknown) {
    super(`step rejected: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StepRejected';
  }
}

export type Rhs<T> = (s: T, y: readonly T[]) => T[];

export function countingRhs<T>(sys: OdeSystem<T>, stats: { fevals: number }): Rhs<T> {
  return (s, y) => {
    stats.fevals++;
    try {
      return sys.rhs(s, y);
    } catch (e) {
      if (isArithmeticFailure(e)) throw new StepRejected(e);
      throw e;
    }
  };
}

/** f(s, y), or null when the vector field is not defined there. */
export function tryRhs<T>(f: Rhs<T>, s: T, y: readonly T[]): T[] | null {
  try {
    return f(s, y);
  } catch (e) {
    if (e instanceof StepRejected) return null;
    throw e;
  }
}
