/**
 * Reusable hypothesis predicates for the claim catalogue (pure functions of a `ClaimInput`;
 * exact decimal arithmetic, never float64 comparisons of the data).
 */
import type { ClaimInput, Hypothesis } from './Claim.ts';
import { makeField } from '../numeric/fieldFactory.ts';
import { l2MaxMargin } from '../maxmargin/l2MaxMargin.ts';

/**
 * Hypotheses are exact comparisons of the drawn decimal strings: the decimal backend, whose
 * parsing keeps every digit (a binary backend would round the data before comparing it).
 */
const F = makeField('decimal', 60);
const num = (s: string) => F.fromString(s);
const abs = (s: string) => F.abs(num(s));

export const depthIs = (L: number): Hypothesis => ({
  name: `depth = ${L}`,
  text: `the network has depth L = ${L}`,
  holds: (i: ClaimInput) => i.depth === L,
});

export const depthAtLeast = (L: number): Hypothesis => ({
  name: `depth >= ${L}`,
  text: `the network has depth L >= ${L}`,
  holds: (i: ClaimInput) => i.depth !== undefined && i.depth >= L,
});

export const singleExample: Hypothesis = {
  name: 'one example',
  text: 'a single training example (y = 1 after replacing x by y x)',
  holds: (i) => (i.n ?? (i.X ? i.X.length : i.x ? 1 : 0)) === 1,
};

export const allCoordinatesNonzero: Hypothesis = {
  name: 'x_i != 0',
  text: 'every coordinate of x is non-zero',
  holds: (i) => !!i.x && i.x.every((s) => !F.isZero(num(s))),
};

export const uniqueMaxAbs: Hypothesis = {
  name: 'unique argmax |x_i|',
  text: 'the largest |x_i| is attained at exactly one coordinate',
  holds: (i) => {
    if (!i.x || i.x.length === 0) return false;
    const m = i.x.map(abs).reduce((a, b) => F.max(a, b));
    return i.x.filter((s) => F.cmp(abs(s), m) === 0).length === 1;
  },
};

export const positiveCoordinates: Hypothesis = {
  name: 'x_i > 0',
  text: 'every coordinate of x is positive',
  holds: (i) => !!i.x && i.x.every((s) => F.sign(num(s)) > 0),
};

export const balancedStart: Hypothesis = {
  name: 'balanced start',
  text: 'u(0) = v(0) = alpha * 1 with alpha > 0',
  holds: (i) => i.alpha !== undefined && F.sign(num(i.alpha)) > 0,
};

export const radiusPositive: Hypothesis = {
  name: 'rho > 0',
  text: 'the SAM radius is positive',
  holds: (i) => i.rho !== undefined && F.sign(num(i.rho)) > 0,
};

const SEP = makeField('decimal', 40);

export const separableData: Hypothesis = {
  name: 'separable data',
  text: 'the data (X, Y) (or the single example x with y = 1) are linearly separable through the origin: the exact max-margin solver finds a solution',
  holds: (i) => {
    const X = i.X ?? (i.x ? [i.x] : null);
    const Y = i.Y ?? (i.x ? [1 as const] : null);
    if (!X || !Y || X.length !== Y.length || X.length === 0) return false;
    return l2MaxMargin(SEP, { X: X.map((r) => r.map((s) => SEP.fromString(s))), Y }) !== null;
  },
};
