/**
 * The claim catalogue (data only). Paper claims (theorems/paper), witness claims
 * (theorems/witnesses), and claims derived in THEORY.md Part B (theorems/derived) are kept apart.
 */
import type { Claim } from '../src/verify/Claim.ts';
import { P1 } from './paper/P1.ts';
import { P2 } from './paper/P2.ts';
import { P4 } from './paper/P4.ts';
import { P5 } from './paper/P5.ts';
import { P6 } from './paper/P6.ts';
import { P3 } from './witnesses/P3.ts';
import { P7 } from './witnesses/P7.ts';
import { B1 } from './derived/B1.ts';
import { B2 } from './derived/B2.ts';
import { B3 } from './derived/B3.ts';
import { B4 } from './derived/B4.ts';
import { B5 } from './derived/B5.ts';
import { B6 } from './derived/B6.ts';
import { B7 } from './derived/B7.ts';
import { B8 } from './derived/B8.ts';
import { B9 } from './derived/B9.ts';
import { B10 } from './derived/B10.ts';
import { B11 } from './derived/B11.ts';
import { B12 } from './derived/B12.ts';
import { B13 } from './derived/B13.ts';

export const paperClaims: readonly Claim[] = [P1, P2, P3, P4, P5, P6, P7];
export const derivedClaims: readonly Claim[] = [B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, B12, B13];
export const allClaims: readonly Claim[] = [...paperClaims, ...derivedClaims];
export { P1, P2, P3, P4, P5, P6, P7, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10, B11, B12, B13 };
