// Patching an edited plain body into its published page (src/render/body-patch.ts): where the body
// is cut and what is never cut. Which edits may be patched at all is the planner's
// (tests/unit/plan-build.test.ts). That a patched site equals a
// full build is tests/integration/incremental-render.test.ts; that the body's HTML is the page's,
// tests/integration/direct-body.test.ts.
import { describe, expect, it } from 'vitest';
import { BODY_CLOSE, BODY_OPEN, bodyRange, replaceBody } from '../../src/render/body-patch.ts';

const page = (body: string, after = '<ul class="attachments"><li>附件</li></ul>') =>
  `<html><body><div class="page"><article><h1>标题</h1>${BODY_OPEN}${body}${BODY_CLOSE}${after}</article></div></body></html>`;

describe('bodyRange: where the body is in an item page', () => {
  it('is between the wrapper and its template spaces, nested divs and quoted ">" included', () => {
    const body = '<p>第一段。</p>\n<div class="note"><div>嵌套</div></div>\n<p><a href="/a/" title="a > b">链接</a></p>';
    const html = page(body);
    const range = bodyRange(html)!;
    expect(html.slice(...range)).toBe(body);
  });

  it('an empty body', () => {
    const html = page('');
    expect(html.slice(...bodyRange(html)!)).toBe('');
  });

  it('is not found in a page without the wrapper, with two of them, or with the wrapper never closed', () => {
    expect(bodyRange('<html><body><p>无正文</p></body></html>')).toBeUndefined();
    expect(bodyRange(page(`<p>甲</p>${BODY_CLOSE}${BODY_OPEN}<p>乙</p>`))).toBeUndefined();
    expect(bodyRange(`<div class="article__body"> <p>未闭合</p>`)).toBeUndefined();
  });

  it('is not cut where the markup is not plain elements: a comment, a script, a style, a stray "<"', () => {
    for (const body of ['<!-- <div> -->', '<script>if (a < b) {}</script>', '<style>p{}</style>', '<p>a < b</p>', '<textarea></div></textarea>']) {
      expect(bodyRange(page(body)), body).toBeUndefined();
    }
  });

  it('is not cut when the wrapper does not end with the template space', () => {
    expect(bodyRange(`${BODY_OPEN}<p>正文</p></div>`)).toBeUndefined();
  });
});

describe('replaceBody', () => {
  it('puts the new body in the old one’s place and keeps every other byte', () => {
    const old = page('<p>旧的正文。</p>');
    const patched = replaceBody(old, '<p>新的正文。</p>\n<p>第二段。</p>')!;
    expect(patched).toBe(page('<p>新的正文。</p>\n<p>第二段。</p>'));
    // A patched page can be patched again.
    expect(replaceBody(patched, '<p>再改。</p>')).toBe(page('<p>再改。</p>'));
  });

  it('refuses a new body that could not be found again (an unclosed div, a comment)', () => {
    expect(replaceBody(page('<p>旧</p>'), '<div><p>新</p>')).toBeUndefined();
    expect(replaceBody(page('<p>旧</p>'), '<p>新</p><!-- x -->')).toBeUndefined();
  });
});
