/**
 * The catalogue as the runner sees it: the example catalogue (tests/fixtures/example) runs in
 * process and on two worker threads with the same verdicts, and the worked example's hypotheses
 * discard draws; the real catalogue (src/cli/catalogue.ts) passes the integrity rules, every
 * symbolic obligation backs a claim, and README.md holds the current catalogue table.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalogue as exampleCatalogue } from '../fixtures/example/catalogue.ts';
import { catalogue as realCatalogue } from '../../src/cli/catalogue.ts';
import { catalogueProblems, checksOf, makeCatalogue } from '../../src/verify/Catalogue.ts';
import { runVerification } from '../../src/verify/runner.ts';
import { runVerificationParallel } from '../../src/verify/parallelRunner.ts';
import { CATALOGUE_BEGIN, CATALOGUE_END, catalogueMarkdown } from '../../src/verify/catalogueMarkdown.ts';
import { obligations } from '../../proofs-checks/symbolic/index.ts';

const opts = { precision: 30, seed: 7, quick: true };

describe('the example catalogue', () => {
  it('is discovered from its claim and check files, in catalogue order', async () => {
    const cat = await exampleCatalogue;
    expect(cat.claims.map((c) => c.id)).toEqual(['EX0', 'EX1']);
    expect(cat.checks.map((d) => `${d.claimId}:${d.name}`).sort()).toEqual(['EX0:log-exp', 'EX1:p-step']);
    expect(catalogueProblems(cat)).toEqual([]);
  });

  it('runs in process: both claims pass, and the hypotheses of EX1 discard the draws with two examples', async () => {
    const rep = await runVerification(await exampleCatalogue, opts);
    expect(rep.claims.map((c) => [c.id, c.status])).toEqual([
      ['EX0', 'pass'],
      ['EX1', 'pass'],
    ]);
    const notes = rep.claims[1]!.checks[0]!.notes.join(' ');
    expect(notes).toMatch(/claim hypotheses unmet: one example x\d+/);
    expect(rep.claims[1]!.tolerance).toBe('1e-20');
  });

  it('runs on two worker threads that load the catalogue module they are told, with the same verdicts', async () => {
    const catalogue = await exampleCatalogue;
    const module = new URL('../fixtures/example/catalogue.ts', import.meta.url).href;
    const par = await runVerificationParallel({ catalogue, module }, { ...opts, jobs: 2 });
    const seq = await runVerification(catalogue, opts);
    expect(par.claims.map((c) => [c.id, c.status, c.margin])).toEqual(seq.claims.map((c) => [c.id, c.status, c.margin]));
    expect(par.summary.passed).toBe(2);
  });
});

describe('catalogue integrity', () => {
  it('the real catalogue: unique ids, every claim has a check, every check its tolerance key', async () => {
    const cat = await realCatalogue;
    expect(cat.claims.length).toBeGreaterThan(0);
    expect(catalogueProblems(cat)).toEqual([]);
  });

  it("every symbolic obligation backs a claim through that claim's symbolic check", async () => {
    const cat = await realCatalogue;
    for (const o of obligations) {
      const claim = cat.claims.find((c) => c.id === o.item);
      expect(claim, `${o.id} names ${o.item}`).toBeDefined();
      expect(
        checksOf(cat, claim!).some((d) => d.method === 'symbolic'),
        o.id,
      ).toBe(true);
    }
  });

  it('a misspelt tolerance key, a claim without checks and a duplicate id are reported', async () => {
    const cat = await exampleCatalogue;
    const [ex0, ex1] = cat.claims as [(typeof cat.claims)[0], (typeof cat.claims)[0]];
    const misspelt = { ...ex1, tolerances: { 'p-stpe': ex1.tolerances['p-step']! } };
    const problems = catalogueProblems(makeCatalogue({ claims: [ex0, misspelt, { ...ex0 }, { ...ex0, id: 'EX9' }], checks: cat.checks }));
    expect(problems.join('\n')).toMatch(/check EX1:p-step has no tolerance "p-step"/);
    expect(problems.join('\n')).toMatch(/claim EX9 has no check/);
    expect(problems.join('\n')).toMatch(/claim id EX0 is used 2 times/);
  });

  it('README.md holds the current catalogue table (regenerate: samcheck verify --list --markdown)', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const begin = readme.indexOf(CATALOGUE_BEGIN);
    const end = readme.indexOf(CATALOGUE_END);
    expect(begin, 'README catalogue markers').toBeGreaterThanOrEqual(0);
    expect(readme.slice(begin + CATALOGUE_BEGIN.length, end).trim()).toBe(catalogueMarkdown(await realCatalogue));
  });
});
