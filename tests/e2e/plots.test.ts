/**
 * `--plot` options write an SVG file and keep stdout for data.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/samcheck.js');
const dir = mkdtempSync(join(tmpdir(), 'samcheck-plot-'));

describe('--plot', () => {
  it.each([
    ['simulate', ['simulate', '--x', '0.5,1,2', '--alpha', '0.3', '--steps', '50', '--precision', '15', '--no-check-digits', '--json']],
    ['basin-map', ['explore', 'basin-map', '--grid', '11', '--json']],
    ['leaders', ['explore', 'leaders', '--x', '1,2', '--alpha', '1', '--rho', '1', '--precision', '20', '--json']],
  ] as const)('%s writes an SVG and still prints JSON', (name, args) => {
    const file = join(dir, `${name}.svg`);
    const r = spawnSync(process.execPath, [BIN, ...args, '--plot', file], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/NaN/);
  });
});
