import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/report/markdown.ts';

describe('markdown for the generated documents', () => {
  it('headings with ids, lists, code, math typeset by KaTeX', () => {
    const html = markdownToHtml(
      '# Title one\n\nText with $x_1^2$ and `code`.\n\n- a\n- b $\\rho$\n\n$$\\beta_i = u_i v_i$$\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(html).toContain('<h1 id="title-one">');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).not.toContain('$');
  });
  it('a backslash-escaped star is a literal star', () => {
    expect(markdownToHtml('s_i\\* = 1 and *em*')).toContain('s_i* = 1 and <em>em</em>');
  });
  it('escapes HTML in text', () => {
    expect(markdownToHtml('a < b & c')).toContain('a &lt; b &amp; c');
  });
});
