/**
 * Power to reject, in CI: three semantic mutants (tests/mutants/catalogue.ts, E2E_MUTANTS) applied
 * to a temporary copy of the repository must each make `verify --quick` exit 1 with a named claim
 * failing (not a crash, timeout or numeric-failure exit). The full set runs with `npm run mutants`.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { MUTANTS, E2E_MUTANTS } from '../mutants/catalogue.ts';
import { runMutant } from '../mutants/apply.ts';

const root = resolve(import.meta.dirname, '..', '..');

describe('semantic mutants are caught by verify --quick', () => {
  it('three mutants, default seed, named claims only', { timeout: 900_000 }, async () => {
    const picked = E2E_MUTANTS.map((id) => MUTANTS.find((m) => m.id === id)!);
    // two at a time (the machine has 2 cores)
    const first = await Promise.all(picked.slice(0, 2).map((m) => runMutant(root, m, 20260308, { timeoutSeconds: 400 })));
    const rest = await Promise.all(picked.slice(2).map((m) => runMutant(root, m, 20260308, { timeoutSeconds: 400 })));
    for (const r of [...first, ...rest])
      expect({ id: r.id, verdict: r.verdict, detail: r.detail ?? null }).toEqual({ id: r.id, verdict: 'killed', detail: null });
  });
});
