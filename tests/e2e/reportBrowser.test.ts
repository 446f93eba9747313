/**
 * `samcheck report` end to end, in a real browser: the default command (verify --quick in-process)
 * writes report/index.html; Debian's chromium (driven by playwright-core) opens it; every figure is
 * a non-empty SVG, the console shows no error, no request fails, and every link resolves. Screenshots
 * are kept under test-artifacts/ (git-ignored). When chromium is not installed (`.ci/run` installs it)
 * the browser part is skipped with a message saying so.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const out = mkdtempSync(join(tmpdir(), 'samcheck-report-'));

describe('samcheck report', () => {
  let seconds = 0;
  it('writes index.html with at least 9 figures, the claims table and the derivation', () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/samcheck.js'), 'report', '--out', out, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    seconds = (performance.now() - t0) / 1000;
    // 0, or 1 when a claim failed: the report is written either way (a failing claim is not a report defect)
    expect([0, 1], r.stderr.slice(-2000)).toContain(r.status);
    const j = JSON.parse(r.stdout) as { index: string; figures: number; summary: { total: number; failed: number } };
    expect(j.figures).toBeGreaterThanOrEqual(9);
    expect(j.summary.total).toBeGreaterThanOrEqual(20);
    // progress: one "[k/N]" line per item on a non-terminal stderr
    expect(r.stderr).toMatch(/samcheck report: \[1\/\d+\] .* … \(elapsed \d+s, ETA/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect((html.match(/<figure id=/g) ?? []).length).toBeGreaterThanOrEqual(9);
    expect(html).toContain('id="claim-P1"');
    expect(html).toContain('samcheck verify --replay');
    expect(html).toContain('class="katex"');
    expect(html).not.toMatch(/NaN|Infinity|https?:\/\/cdn/);
    expect(existsSync(join(out, 'katex/katex.min.css'))).toBe(true);
    console.log(`samcheck report took ${seconds.toFixed(1)} s`);
  }, 600_000);

  if (!CHROMIUM)
    console.warn(
      'samcheck report browser test SKIPPED: no chromium at /usr/bin/chromium (install Debian chromium: apt-get install -y chromium, or set CHROMIUM_PATH)',
    );
  it.skipIf(!CHROMIUM)(
    'renders in chromium: every figure an SVG, no console error, every link resolves',
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1300, height: 950 } });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        const index = join(out, 'index.html');
        await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
        const figs = await page.$$eval('figure', (fs) =>
          fs.map((f) => {
            const svg = f.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            return { id: f.id, w: box?.width ?? 0, h: box?.height ?? 0, marks: svg ? svg.querySelectorAll('path, rect, line, circle, text').length : 0 };
          }),
        );
        expect(figs.length).toBeGreaterThanOrEqual(9);
        for (const f of figs) {
          expect(f.w, f.id).toBeGreaterThan(100);
          expect(f.h, f.id).toBeGreaterThan(100);
          expect(f.marks, f.id).toBeGreaterThan(20);
        }
        const links = await page.$$eval('a[href], link[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        const ids = new Set(await page.$$eval('[id]', (es) => es.map((e) => e.id)));
        const broken = links.filter((h) => {
          if (h.startsWith('#')) return !ids.has(decodeURIComponent(h.slice(1)));
          if (/^[a-z]+:/i.test(h)) return true; // nothing outside the report directory
          return !existsSync(join(dirname(index), h.split('#')[0]!));
        });
        expect(broken).toEqual([]);
        // KaTeX typeset the derivation, and its fonts loaded from the report directory
        expect(await page.$$eval('.katex', (k) => k.length)).toBeGreaterThan(20);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, 'report-first-screen.png') });
        await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
        await page.locator('#fig-minor-first').screenshot({ path: join(ARTIFACTS, 'report-fig-minor-first.png') });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    300_000,
  );
});
