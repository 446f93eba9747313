/**
 * A small Markdown-to-HTML renderer for the documents samcheck generates itself (docs/derivation.md):
 * headings, paragraphs, bullet and numbered lists, fenced code, tables, inline code, bold/italic,
 * links, and math ($…$ inline, $$…$$ display) typeset server-side with KaTeX (no script in the page;
 * the page needs KaTeX's CSS and fonts only).
 *
 * Main definitions:
 * - `markdownToHtml(md)`: the HTML fragment; headings get ids (`slug`).
 * - `escapeHtml(s)`, `slug(s)`.
 */
import katex from 'katex';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function tex(src: string, display: boolean): string {
  return katex.renderToString(src, { displayMode: display, throwOnError: false, output: 'html', strict: 'ignore' });
}

/** Inline formatting: math first (its content is not touched by the other rules). */
export function inline(s: string): string {
  const parts: string[] = [];
  // split into math / code / text
  const re = /(\$\$[^$]+\$\$|\$[^$\n]+\$|`[^`]+`)/g;
  let last = 0;
  for (const m of s.matchAll(re)) {
    parts.push(text(s.slice(last, m.index)));
    const t = m[0];
    if (t.startsWith('$$')) parts.push(tex(t.slice(2, -2), true));
    else if (t.startsWith('$')) parts.push(tex(t.slice(1, -1), false));
    else parts.push(`<code>${escapeHtml(t.slice(1, -1))}</code>`);
    last = (m.index ?? 0) + t.length;
  }
  parts.push(text(s.slice(last)));
  return parts.join('');
}

const STAR = '\u0000';

function text(s: string): string {
  // a backslash-escaped \* is a literal star, never emphasis
  return escapeHtml(s.replace(/\\\*/g, STAR))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, t: string, href: string) => `<a href="${href}">${t}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(new RegExp(STAR, 'g'), '*');
}

export function markdownToHtml(md: string): string {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const isBlockStart = (l: string) => /^(#{1,6} |```|\s*[-*] |\s*\d+\. |\||\$\$)/.test(l) || l.trim() === '';
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim() === '') {
      i++;
      continue;
    }
    const h = /^(#{1,6}) (.*)$/.exec(l);
    if (h) {
      const level = h[1]!.length;
      out.push(`<h${level} id="${slug(h[2]!)}">${inline(h[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (l.startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i++]!);
      i++;
      out.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (l.trim().startsWith('$$')) {
      const body: string[] = [l.trim().slice(2)];
      if (!(l.trim().length > 2 && l.trim().endsWith('$$'))) {
        i++;
        while (i < lines.length && !lines[i]!.trim().endsWith('$$')) body.push(lines[i++]!);
        if (i < lines.length) body.push(lines[i]!.trim());
      }
      i++;
      out.push(`<div class="math">${tex(body.join('\n').replace(/\$\$\s*$/, ''), true)}</div>`);
      continue;
    }
    if (l.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) {
        const cells = lines[i]!.trim()
          .replace(/^\||\|$/g, '')
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/\\\|/g, '|'));
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...body] = rows;
      out.push(
        `<table class="md"><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
      continue;
    }
    const li = /^(\s*)([-*]|\d+\.) (.*)$/.exec(l);
    if (li) {
      const ordered = /\d/.test(li[2]!);
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^(\s*)([-*]|\d+\.) (.*)$/.exec(lines[i]!);
        if (!m) {
          // continuation line of the previous item
          if (lines[i]!.startsWith('  ') && lines[i]!.trim() !== '' && items.length) {
            items[items.length - 1] += ' ' + lines[i]!.trim();
            i++;
            continue;
          }
          break;
        }
        items.push(m[3]!);
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !(para.length > 0 && isBlockStart(lines[i]!))) para.push(lines[i++]!);
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}
