/**
 * `samcheck explore basin --rho R --points FILE [--json] [--precision P]`: fate of ℓ∞-SAM planar starts
 * (u0, v0) for a coordinate with x > 0 (for x < 0 pass (u0, −v0)), from the exact piecewise solver
 * (src/linf/planarExact.ts). Output {"fates": [...], "absorbSigma": [...|null], "escapeRule": ...} in input order.
 */
import type { Command } from 'commander';
import { makeField } from '../../numeric/fieldFactory.ts';
import { BACKEND_FLAG, BACKEND_HELP, parseBackend } from '../backendFlag.ts';
import { linfPlanarFate } from '../../linf/planarExact.ts';
import { decimalString, nonNegativeDecimal, precision as precisionOf } from '../../io/validate.ts';
import { UsageError } from '../../io/UsageError.ts';
import { readJsonFile } from '../parse.ts';
import { printJson, printLine, warn } from '../output.ts';
import { fitDigits, type InputPolicy } from '../../io/inputDigits.ts';
import { referencePrecision, vouch } from '../vouch.ts';
import { NumericError } from '../../numeric/errors.ts';
import { Decimal } from 'decimal.js';

export const ESCAPE_RULE =
  'x > 0, sigma = x s: u0*v0 >= 0: escape iff |u0+v0| > 2 rho; u0*v0 < 0: escape iff |u0+v0|*(2 rho + |u0-v0|) > 8 rho^2; equality: saddle; otherwise absorbed at the origin in finite time (rho = 0: escape iff u0+v0 != 0)';

export function parsePoints(raw: unknown, what = 'points'): Array<[string, string]> {
  if (!Array.isArray(raw)) throw new UsageError(`${what}: expected an array of ["u0","v0"] pairs, got ${typeof raw}`);
  if (raw.length === 0) throw new UsageError(`${what}: empty list`);
  return raw.map((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) throw new UsageError(`${what}[${i}]: expected ["u0","v0"], got ${JSON.stringify(p)?.slice(0, 60)}`);
    return [decimalString(`${what}[${i}][0]`, p[0]), decimalString(`${what}[${i}][1]`, p[1])];
  });
}

export function registerExploreBasin(explore: Command): void {
  explore
    .command('basin')
    .description('classify l_inf-SAM planar starts (u0, v0), x > 0, as escape | absorb | saddle (exact piecewise solution)')
    .requiredOption('--rho <r>', 'SAM radius rho >= 0 (decimal string)')
    .requiredOption('--points <file>', 'JSON file [["u0","v0"], ...]')
    .option('--precision <p>', 'decimal digits (default 50)')
    .option(BACKEND_FLAG, `${BACKEND_HELP.replace(/\(default \w+\)/, '(default decimal: saddles are exact equalities of the decimal inputs)')}`)
    .option('--round-inputs', 'round inputs with more digits than --precision (with a warning) instead of refusing them')
    .option('--json', 'JSON output')
    .action((f: { rho: string; points: string; precision?: string; json?: boolean; backend?: string; roundInputs?: boolean }) => {
      const P = f.precision === undefined ? 50 : precisionOf('--precision', f.precision);
      const pol: InputPolicy = { precision: P, round: !!f.roundInputs, warnings: [] };
      const rhoS = fitDigits(pol, 'rho', nonNegativeDecimal('--rho', f.rho));
      const pts = parsePoints(readJsonFile(f.points, 'points file'), 'points').map(
        ([a, b], i) => [fitDigits(pol, `points[${i}][0]`, a), fitDigits(pol, `points[${i}][1]`, b)] as [string, string],
      );
      for (const w of pol.warnings) warn(w);
      // decimal by default: the saddle test |u0+v0| = 2 rho is an exact equality of the decimal inputs
      // (near-ties are also re-decided on exact rationals in linfEscapeCondition, for any backend)
      const backend = f.backend === undefined ? 'decimal' : parseBackend(f.backend);
      // fates are exact (ties decided on the decimal inputs); absorption times are cut to the digits
      // on which a rerun at a higher precision agrees (at most 20)
      const fatesAt = (Pw: number) => {
        const F = makeField(backend, Pw);
        const rho = F.fromString(rhoS);
        return pts.map(([a, b]) => {
          const r = linfPlanarFate(F, F.fromString(a), F.fromString(b), rho);
          return { fate: r.fate, sigma: r.absorbSigma === null ? null : F.toString(r.absorbSigma, Math.min(Pw, 30)) };
        });
      };
      const P2 = referencePrecision(P);
      const main = fatesAt(P);
      const v = P2 === null ? { value: main, digits: P, mismatches: [] as string[] } : vouch(main, fatesAt(P2), 20);
      if (v.mismatches.length > 0)
        throw new NumericError(`explore basin: the result changes at ${P2} digits (${v.mismatches.slice(0, 3).join(', ')}); raise --precision`, 'basin fate');
      const fates = v.value.map((r) => r.fate);
      const absorbSigma = v.value.map((r) => (r.sigma === null ? null : new Decimal(r.sigma).toSignificantDigits(Math.min(20, v.digits)).toString()));
      if (f.json) {
        printJson({ rho: rhoS, backend, fates, absorbSigma, escapeRule: ESCAPE_RULE });
        return;
      }
      pts.forEach(([a, b], i) => printLine(`(${a}, ${b})  ${fates[i]}${absorbSigma[i] !== null ? `  absorbed at sigma = ${absorbSigma[i]}` : ''}`));
      printLine(`rule: ${ESCAPE_RULE}`);
    });
}
