/**
 * The committed docs/derivation.md equals what `samcheck derive --markdown` generates now.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

describe('docs/derivation.md', () => {
  it('is not stale (regenerate with: npx samcheck derive --markdown > docs/derivation.md)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/samcheck.js'), 'derive', '--markdown'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs/derivation.md'), 'utf8'));
  }, 600_000);
});
