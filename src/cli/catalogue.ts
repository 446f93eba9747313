/**
 * Composition root of the claim catalogue: the only place in src/ that knows about theorems/
 * (claims, data) and proofs-checks/ (checks, code). Both are discovered by directory scan, so a new
 * claim is one file in theorems/ plus its check file(s) in proofs-checks/.
 *
 * Main definitions:
 * - `CATALOGUE_DIRS`: the directories scanned.
 * - `catalogue`: a promise of the discovered catalogue (this module is also what `verify --jobs N`
 *   workers load, through `CATALOGUE_MODULE`).
 */
import { fileURLToPath } from 'node:url';
import { discoverCatalogue, type Catalogue, type CatalogueModule } from '../verify/Catalogue.ts';

export const CATALOGUE_DIRS: readonly string[] = [
  fileURLToPath(new URL('../../theorems', import.meta.url)),
  fileURLToPath(new URL('../../proofs-checks', import.meta.url)),
];

/** URL of this module (workers import it and await `catalogue`). */
export const CATALOGUE_MODULE = import.meta.url;

export const catalogue: Promise<Catalogue> = discoverCatalogue(CATALOGUE_DIRS);

/** The catalogue together with the module workers load it from. */
export async function catalogueModule(): Promise<CatalogueModule> {
  return { catalogue: await catalogue, module: CATALOGUE_MODULE };
}
