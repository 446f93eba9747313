/**
 * A catalogue module (`CatalogueModule.module`) for claims loaded from a directory outside the
 * repository: `verify --claims DIR --jobs N` workers import this module with `?dir=<DIR>` in its URL
 * and await `catalogue`, exactly as they import src/cli/catalogue.ts for the shipped claims.
 */
import type { Catalogue } from '../verify/Catalogue.ts';
import { loadClaimsDir } from './claimModules.ts';

const dir = new URL(import.meta.url).searchParams.get('dir');

export const catalogue: Promise<Catalogue> | undefined = dir ? loadClaimsDir(dir) : undefined;
