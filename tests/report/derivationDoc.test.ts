/**
 * docs/derivation.md against the definitions it is generated from (fast part of the staleness check;
 * the end-to-end test tests/e2e/reportDerivation.test.ts regenerates the whole file and compares).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { obligations } from '../../proofs-checks/symbolic/index.ts';
import { catalogue } from '../../src/cli/catalogue.ts';
import { DERIVATION_COMMAND, sourceLabel } from '../../src/report/derivationMarkdown.ts';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/derivation.md'), 'utf8');
const plain = (s: string) => s.replace(/\*/g, '\\*');

describe(`docs/derivation.md is current (regenerate: ${DERIVATION_COMMAND})`, () => {
  it('has every obligation with its current statement and LaTeX', () => {
    for (const o of obligations) {
      expect(doc, o.id).toContain(`#### ${o.id} (${o.method})`);
      expect(doc, o.id).toContain(plain(o.statement));
      expect(doc, o.id).toContain(`$$${o.latex}$$`);
    }
  });
  it('has every claim with its current statement', async () => {
    for (const c of (await catalogue).claims) expect(doc, c.id).toContain(`**${c.id}** (${sourceLabel(c.source)}, ${c.kind}): ${plain(c.statement)}`);
  });
  it('is deterministic and links nothing outside the repository', () => {
    expect(doc).not.toMatch(/elapsed|seconds/);
    expect(doc).not.toMatch(/\]\((\.\.\/|\/|https?:)/);
    expect(doc).not.toMatch(/20\d\d-\d\d-\d\d/);
    expect(doc).not.toContain('THEORY.md');
  });
});
