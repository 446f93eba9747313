// @ts-nocheck
import { catalogue } from '../src/cli/catalogue.ts';
import { checksOf } from '../src/verify/Catalogue.ts';
import { runCheck } from '../src/verify/runner.ts';
const [id, name, q] = process.argv.slice(2);
const cat = await catalogue;
const claim = cat.claims.find((c) => c.id === id)!;
const def = checksOf(cat, claim).find((d) => d.name === name)!;
const r = await runCheck(def, claim, { precision: 40, seed: 20260308, quick: q === 'quick', backend: 'bigfloat' });
console.log(JSON.stringify(r, null, 1));
