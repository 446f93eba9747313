/**
 * No Markdown file of the repository links outside it: every relative link resolves to a file in
 * the repository (external http(s) links to the literature are not repository files and are allowed;
 * links to ../ outside the root are not).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || (e.name === 'report' && dir === ROOT) || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...mdFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

describe('repository links', () => {
  it('every relative Markdown link stays inside the repository and resolves', () => {
    const bad: string[] = [];
    const files = mdFiles(ROOT);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const text = readFileSync(f, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = m[1]!;
        if (/^(https?:|mailto:|#)/.test(href)) continue;
        const target = resolve(dirname(f), href.split('#')[0]!);
        const rel = relative(ROOT, target);
        if (rel.startsWith('..') || !existsSync(target)) bad.push(`${relative(ROOT, f)}: ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
