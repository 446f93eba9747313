/**
 * Location of a terminal event inside one accepted step: Illinois regula falsi on values
 * re-integrated from the start of the step (to ~full working precision), never interpolated.
 *
 * Main definitions:
 * - `reintegrate(F, step, sa, ya, sb)`: y(sb) from (sa, ya), with sb inside the accepted step.
 * - `locateEvent(F, step, event, sa, ya, sb, fa, fb)`: the first root of `event` in (sa, sb].
 */
import type { Field } from '../numeric/Field.ts';
import type { EventFn } from './OdeSystem.ts';
import type { Tableau } from './gbsStep.ts';
import { StepRejected } from './rhsEvaluation.ts';

/** One full-order GBS step of size h from (s, y) (may throw StepRejected). */
export type FullStep<T> = (s: T, y: readonly T[], h: T) => Tableau<T>;

export function reintegrate<T>(F: Field<T>, step: FullStep<T>, sa: T, ya: readonly T[], sb: T): T[] {
  const half = F.fromString('0.5');
  let ss = sa;
  let yy = ya.slice();
  let hh = F.sub(sb, sa);
  if (F.isZero(hh)) return yy;
  for (let guard = 0; guard < 10000; guard++) {
    const rem = F.sub(sb, ss);
    if (F.sign(rem) <= 0) break;
    if (F.cmp(hh, rem) > 0) hh = rem;
    let tb: Tableau<T> | null = null;
    try {
      tb = step(ss, yy, hh);
    } catch (e) {
      if (!(e instanceof StepRejected)) throw e;
    }
    if (tb && tb.ok) {
      ss = F.cmp(hh, rem) === 0 ? sb : F.add(ss, hh);
      yy = tb.y;
    } else {
      hh = F.mul(hh, half);
    }
  }
  return yy;
}

export function locateEvent<T>(F: Field<T>, step: FullStep<T>, event: EventFn<T>, sa: T, ya: readonly T[], sb: T, fa: T, fb: T): { s: T; y: T[] } {
  const half = F.fromString('0.5');
  const tiny = F.powInt(F.fromNumber(10), -(F.precision - 3));
  let a = sa;
  let b = sb;
  let Fa = fa;
  let Fb = fb;
  let yb = reintegrate(F, step, sa, ya, sb);
  let side = 0;
  const tolS = F.mul(tiny, F.max(F.one, F.abs(sb)));
  for (let it = 0; it < 200; it++) {
    if (F.cmp(F.sub(b, a), tolS) <= 0) break;
    // Illinois regula falsi
    let c = F.sub(b, F.div(F.mul(Fb, F.sub(b, a)), F.sub(Fb, Fa)));
    if (!(F.cmp(c, a) > 0 && F.cmp(c, b) < 0)) c = F.mul(half, F.add(a, b));
    const yc = reintegrate(F, step, sa, ya, c);
    const Fc = event(c, yc);
    if (F.isZero(Fc)) return { s: c, y: yc };
    if (F.sign(Fc) === F.sign(Fb)) {
      b = c;
      Fb = Fc;
      yb = yc;
      if (side === -1) Fa = F.mul(Fa, half);
      side = -1;
    } else {
      a = c;
      Fa = Fc;
      if (side === 1) Fb = F.mul(Fb, half);
      side = 1;
    }
  }
  return { s: b, y: yb };
}
